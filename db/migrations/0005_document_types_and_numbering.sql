CREATE TABLE `document_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`layout` text NOT NULL,
	`numbering_template` text NOT NULL,
	`numbering_scope` text DEFAULT 'unit' NOT NULL,
	`internal` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_types_agency_code` ON `document_types` (`agency_id`,`code`);--> statement-breakpoint
CREATE INDEX `document_types_agency_order` ON `document_types` (`agency_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `issued_numbers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`register_id` integer NOT NULL,
	`series` text NOT NULL,
	`year` integer NOT NULL,
	`sequence` integer,
	`number` text NOT NULL,
	`document_ref` text,
	`kind` text NOT NULL,
	`reason` text,
	`issued_by_employee_id` integer NOT NULL,
	`issued_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`register_id`) REFERENCES `numbering_registers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `issued_numbers_register_sequence` ON `issued_numbers` (`register_id`,`sequence`);--> statement-breakpoint
CREATE UNIQUE INDEX `issued_numbers_agency_series_number` ON `issued_numbers` (`agency_id`,`series`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `issued_numbers_agency_document` ON `issued_numbers` (`agency_id`,`document_ref`) WHERE "issued_numbers"."document_ref" is not null;--> statement-breakpoint
CREATE INDEX `issued_numbers_agency_issued` ON `issued_numbers` (`agency_id`,`issued_at`);--> statement-breakpoint
CREATE TABLE `numbering_registers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`key` text NOT NULL,
	`series` text NOT NULL,
	`year` integer NOT NULL,
	`last_sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `numbering_registers_agency_key_year` ON `numbering_registers` (`agency_id`,`key`,`year`);--> statement-breakpoint
CREATE INDEX `numbering_registers_agency_series` ON `numbering_registers` (`agency_id`,`series`);