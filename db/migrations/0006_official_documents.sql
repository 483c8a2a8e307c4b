CREATE TABLE `document_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`file_sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `official_documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_attachments_document` ON `document_attachments` (`document_id`);--> statement-breakpoint
CREATE TABLE `document_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`position_id` integer NOT NULL,
	`kind` text NOT NULL,
	`delivered_at` integer NOT NULL,
	`read_at` integer,
	`read_by_employee_id` integer,
	`read_by_assignment_id` integer,
	FOREIGN KEY (`document_id`) REFERENCES `official_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`read_by_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`read_by_assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_deliveries_document_position` ON `document_deliveries` (`document_id`,`position_id`);--> statement-breakpoint
CREATE INDEX `document_deliveries_inbox` ON `document_deliveries` (`position_id`,`kind`,`delivered_at`);--> statement-breakpoint
CREATE INDEX `document_deliveries_unread` ON `document_deliveries` (`position_id`,`kind`) WHERE "document_deliveries"."read_at" is null;--> statement-breakpoint
CREATE TABLE `document_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`action` text NOT NULL,
	`actor_employee_id` integer,
	`actor_label` text NOT NULL,
	`version` integer,
	`note` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `official_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_events_document` ON `document_events` (`document_id`,`at`);--> statement-breakpoint
CREATE TABLE `document_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`role` text NOT NULL,
	`position_id` integer,
	`employee_id` integer,
	FOREIGN KEY (`document_id`) REFERENCES `official_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_participants_position` ON `document_participants` (`position_id`,`document_id`);--> statement-breakpoint
CREATE INDEX `document_participants_employee` ON `document_participants` (`employee_id`,`document_id`);--> statement-breakpoint
CREATE INDEX `document_participants_document` ON `document_participants` (`document_id`);--> statement-breakpoint
CREATE TABLE `document_recipients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`kind` text NOT NULL,
	`sequence` integer NOT NULL,
	`target_kind` text NOT NULL,
	`position_id` integer,
	`unit_id` integer,
	`employee_id` integer,
	`label` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `official_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_recipients_document` ON `document_recipients` (`document_id`,`kind`,`sequence`);--> statement-breakpoint
CREATE TABLE `document_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`role` text NOT NULL,
	`sequence` integer NOT NULL,
	`position_id` integer NOT NULL,
	`on_behalf_of_position_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`placement` text,
	`acted_by_employee_id` integer,
	`acted_assignment_id` integer,
	`acted_label` text,
	`acted_at` integer,
	FOREIGN KEY (`document_id`) REFERENCES `official_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`on_behalf_of_position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acted_by_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acted_assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_steps_sequence` ON `document_steps` (`document_id`,`role`,`sequence`);--> statement-breakpoint
CREATE INDEX `document_steps_position` ON `document_steps` (`position_id`);--> statement-breakpoint
CREATE TABLE `document_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`version` integer NOT NULL,
	`kind` text NOT NULL,
	`snapshot` text NOT NULL,
	`created_by_employee_id` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `official_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_versions_version` ON `document_versions` (`document_id`,`version`);--> statement-breakpoint
CREATE TABLE `official_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`document_type_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`drafter_employee_id` integer NOT NULL,
	`drafter_position_id` integer,
	`security_class` text DEFAULT 'B' NOT NULL,
	`urgency` text DEFAULT 'biasa' NOT NULL,
	`classification_code` text DEFAULT '' NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`attachment_count` integer DEFAULT 0 NOT NULL,
	`body_source` text DEFAULT 'editor' NOT NULL,
	`body` text DEFAULT '[]' NOT NULL,
	`body_pdf_sha256` text,
	`details` text DEFAULT '{}' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`current_position_id` integer,
	`signed_document_id` integer,
	`issuing_unit_id` integer,
	`stamp_slots` text,
	`number` text,
	`issued_number_id` integer,
	`document_date` text,
	`replies_to_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_type_id`) REFERENCES `document_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`drafter_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`drafter_position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`current_position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_document_id`) REFERENCES `signed_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issuing_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_number_id`) REFERENCES `issued_numbers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replies_to_id`) REFERENCES `official_documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `official_documents_drafter` ON `official_documents` (`drafter_employee_id`,`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `official_documents_current` ON `official_documents` (`current_position_id`,`status`);--> statement-breakpoint
CREATE INDEX `official_documents_agency_status` ON `official_documents` (`agency_id`,`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `official_documents_number` ON `official_documents` (`agency_id`,`number`);