CREATE TABLE `certificate_authorities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`certificate_der` blob NOT NULL,
	`sealed_private_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_authorities_agency_id_unique` ON `certificate_authorities` (`agency_id`);--> statement-breakpoint
CREATE TABLE `document_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`sequence` integer NOT NULL,
	`file_sha256` text NOT NULL,
	`kind` text NOT NULL,
	`created_by_employee_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `signed_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_revisions_sequence` ON `document_revisions` (`document_id`,`sequence`);--> statement-breakpoint
CREATE INDEX `document_revisions_sha` ON `document_revisions` (`file_sha256`);--> statement-breakpoint
CREATE TABLE `document_signers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`sequence` integer NOT NULL,
	`signer_employee_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`assignment_id` integer,
	`signer_name` text,
	`signer_nip` text,
	`position_label` text,
	`certificate_id` integer,
	`revision_id` integer,
	`field_name` text,
	`signed_at` integer,
	FOREIGN KEY (`document_id`) REFERENCES `signed_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signer_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`certificate_id`) REFERENCES `signer_certificates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revision_id`) REFERENCES `document_revisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_signers_sequence` ON `document_signers` (`document_id`,`sequence`);--> statement-breakpoint
CREATE INDEX `document_signers_signer` ON `document_signers` (`signer_employee_id`,`status`);--> statement-breakpoint
CREATE TABLE `signed_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`verification_id` text NOT NULL,
	`title` text NOT NULL,
	`document_number` text DEFAULT '' NOT NULL,
	`document_date` text,
	`security_class` text DEFAULT 'B' NOT NULL,
	`owner_employee_id` integer NOT NULL,
	`status` text DEFAULT 'signing' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signed_documents_verification` ON `signed_documents` (`verification_id`);--> statement-breakpoint
CREATE INDEX `signed_documents_owner` ON `signed_documents` (`owner_employee_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `signer_certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`employee_id` integer NOT NULL,
	`serial_hex` text NOT NULL,
	`certificate_der` blob NOT NULL,
	`sealed_private_key` text NOT NULL,
	`passphrase_salt` blob NOT NULL,
	`not_before` integer NOT NULL,
	`not_after` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`revoked_at` integer,
	`revocation_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signer_certificates_serial` ON `signer_certificates` (`serial_hex`);--> statement-breakpoint
CREATE INDEX `signer_certificates_employee` ON `signer_certificates` (`employee_id`,`status`);--> statement-breakpoint
CREATE TABLE `signing_lockouts` (
	`employee_id` integer PRIMARY KEY NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
