CREATE TABLE `disposition_instructions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`label` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `disposition_instructions_agency` ON `disposition_instructions` (`agency_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `dispositions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`letter_id` integer NOT NULL,
	`parent_id` integer,
	`kind` text DEFAULT 'to' NOT NULL,
	`from_position_id` integer NOT NULL,
	`from_employee_id` integer NOT NULL,
	`from_assignment_id` integer,
	`from_label` text NOT NULL,
	`to_position_id` integer NOT NULL,
	`instructions` text DEFAULT '[]' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`urgency` text DEFAULT 'biasa' NOT NULL,
	`deadline` text,
	`state` text DEFAULT 'unread' NOT NULL,
	`read_at` integer,
	`read_by_employee_id` integer,
	`read_by_assignment_id` integer,
	`follow_up_note` text DEFAULT '' NOT NULL,
	`follow_up_file_sha256` text,
	`reply_document_id` integer,
	`acted_by_employee_id` integer,
	`acted_assignment_id` integer,
	`acted_at` integer,
	`decline_reason` text DEFAULT '' NOT NULL,
	`reminded_before_at` integer,
	`reminded_on_day_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`letter_id`) REFERENCES `incoming_letters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `dispositions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`read_by_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`read_by_assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reply_document_id`) REFERENCES `official_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acted_by_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acted_assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dispositions_inbox` ON `dispositions` (`to_position_id`,`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `dispositions_letter` ON `dispositions` (`letter_id`,`parent_id`);--> statement-breakpoint
CREATE INDEX `dispositions_parent` ON `dispositions` (`parent_id`);--> statement-breakpoint
CREATE INDEX `dispositions_from` ON `dispositions` (`from_position_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `dispositions_deadline` ON `dispositions` (`deadline`) WHERE "dispositions"."deadline" is not null and "dispositions"."state" in ('unread', 'read', 'in_progress');--> statement-breakpoint
CREATE TABLE `incoming_letter_addressees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`letter_id` integer NOT NULL,
	`position_id` integer NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`read_at` integer,
	`read_by_employee_id` integer,
	`read_by_assignment_id` integer,
	`closed_note` text DEFAULT '' NOT NULL,
	`closed_at` integer,
	`closed_by_employee_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`letter_id`) REFERENCES `incoming_letters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`read_by_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`read_by_assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incoming_letter_addressees_letter_position` ON `incoming_letter_addressees` (`letter_id`,`position_id`);--> statement-breakpoint
CREATE INDEX `incoming_letter_addressees_inbox` ON `incoming_letter_addressees` (`position_id`,`state`,`created_at`);--> statement-breakpoint
CREATE TABLE `incoming_letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`register_unit_id` integer NOT NULL,
	`agenda_number` text NOT NULL,
	`issued_number_id` integer,
	`sender_agency` text NOT NULL,
	`sender_name` text DEFAULT '' NOT NULL,
	`letter_number` text NOT NULL,
	`letter_date` text NOT NULL,
	`received_date` text NOT NULL,
	`subject` text NOT NULL,
	`security_class` text DEFAULT 'B' NOT NULL,
	`urgency` text DEFAULT 'biasa' NOT NULL,
	`classification_code` text DEFAULT '' NOT NULL,
	`attachment_count` integer DEFAULT 0 NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`file_sha256` text,
	`official_document_id` integer,
	`registered_by_employee_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`register_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_number_id`) REFERENCES `issued_numbers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`official_document_id`) REFERENCES `official_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registered_by_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incoming_letters_register` ON `incoming_letters` (`register_unit_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `incoming_letters_agency` ON `incoming_letters` (`agency_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `incoming_letters_official` ON `incoming_letters` (`official_document_id`,`register_unit_id`) WHERE "incoming_letters"."official_document_id" is not null;--> statement-breakpoint
CREATE TABLE `letter_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`letter_id` integer NOT NULL,
	`disposition_id` integer,
	`action` text NOT NULL,
	`actor_employee_id` integer,
	`actor_label` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`letter_id`) REFERENCES `incoming_letters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`disposition_id`) REFERENCES `dispositions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `letter_events_letter` ON `letter_events` (`letter_id`,`id`);--> statement-breakpoint
CREATE TABLE `notification_settings` (
	`employee_id` integer NOT NULL,
	`kind` text NOT NULL,
	`in_app` integer DEFAULT true NOT NULL,
	PRIMARY KEY(`employee_id`, `kind`),
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`employee_id` integer NOT NULL,
	`kind` text NOT NULL,
	`message_key` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`href` text NOT NULL,
	`read_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_employee` ON `notifications` (`employee_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_unread` ON `notifications` (`employee_id`,`read_at`);