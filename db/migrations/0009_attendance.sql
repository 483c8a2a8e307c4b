CREATE TABLE `attendance_days` (
	`employee_id` integer NOT NULL,
	`local_date` text NOT NULL,
	`agency_id` integer NOT NULL,
	`unit_id` integer,
	`time_zone` text NOT NULL,
	`status` text NOT NULL,
	`mode` text,
	`scheduled_start_minute` integer,
	`scheduled_end_minute` integer,
	`check_in_at` integer,
	`check_out_at` integer,
	`worked_minutes` integer DEFAULT 0 NOT NULL,
	`late_minutes` integer DEFAULT 0 NOT NULL,
	`early_leave_minutes` integer DEFAULT 0 NOT NULL,
	`late_bucket` integer DEFAULT 0 NOT NULL,
	`early_leave_bucket` integer DEFAULT 0 NOT NULL,
	`deduction_basis_points` integer DEFAULT 0 NOT NULL,
	`request_id` integer,
	`leave_type` text,
	`anomaly_count` integer DEFAULT 0 NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`employee_id`, `local_date`),
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `attendance_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attendance_days_unit` ON `attendance_days` (`agency_id`,`local_date`,`unit_id`);--> statement-breakpoint
CREATE TABLE `attendance_policies` (
	`agency_id` integer PRIMARY KEY NOT NULL,
	`accuracy_limit_meters` integer DEFAULT 100 NOT NULL,
	`max_clock_skew_seconds` integer DEFAULT 300 NOT NULL,
	`max_speed_kmh` integer DEFAULT 300 NOT NULL,
	`check_office_network` integer DEFAULT false NOT NULL,
	`selfie_required` integer DEFAULT false NOT NULL,
	`late_buckets` text NOT NULL,
	`early_leave_buckets` text NOT NULL,
	`absent_deduction_percent` real DEFAULT 5 NOT NULL,
	`annual_leave_days` integer DEFAULT 12 NOT NULL,
	`leave_carry_over_max_days` integer DEFAULT 6 NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `attendance_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`employee_id` integer NOT NULL,
	`kind` text NOT NULL,
	`source` text DEFAULT 'device' NOT NULL,
	`recorded_at` integer NOT NULL,
	`local_date` text NOT NULL,
	`time_zone` text NOT NULL,
	`mode` text NOT NULL,
	`latitude` real,
	`longitude` real,
	`accuracy_meters` real,
	`site_id` integer,
	`distance_meters` real,
	`client_time` integer,
	`clock_skew_ms` integer,
	`ip` text DEFAULT '' NOT NULL,
	`user_agent` text DEFAULT '' NOT NULL,
	`selfie_sha256` text,
	`reason` text DEFAULT '' NOT NULL,
	`flags` text DEFAULT '[]' NOT NULL,
	`review_state` text DEFAULT 'none' NOT NULL,
	`reviewed_by_employee_id` integer,
	`reviewed_at` integer,
	`request_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `attendance_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_records_request` ON `attendance_records` (`employee_id`,`request_key`);--> statement-breakpoint
CREATE INDEX `attendance_records_employee_day` ON `attendance_records` (`employee_id`,`local_date`,`recorded_at`);--> statement-breakpoint
CREATE INDEX `attendance_records_review` ON `attendance_records` (`agency_id`,`review_state`,`local_date`);--> statement-breakpoint
CREATE TABLE `attendance_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`employee_id` integer NOT NULL,
	`kind` text NOT NULL,
	`leave_type` text,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`working_days` integer DEFAULT 0 NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`attachment_sha256` text,
	`official_document_id` integer,
	`corrected_check_in_minute` integer,
	`corrected_check_out_minute` integer,
	`state` text DEFAULT 'pending' NOT NULL,
	`approver_position_id` integer,
	`decided_by_employee_id` integer,
	`decided_assignment_id` integer,
	`decided_at` integer,
	`decision_note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`official_document_id`) REFERENCES `official_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approver_position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attendance_requests_employee` ON `attendance_requests` (`employee_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `attendance_requests_approver` ON `attendance_requests` (`approver_position_id`,`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `attendance_requests_agency` ON `attendance_requests` (`agency_id`,`state`,`start_date`);--> statement-breakpoint
CREATE TABLE `attendance_sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`unit_id` integer,
	`kind` text DEFAULT 'office' NOT NULL,
	`name` text NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL,
	`radius_meters` integer DEFAULT 100 NOT NULL,
	`time_zone` text DEFAULT 'Asia/Jakarta' NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`networks` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attendance_sites_agency` ON `attendance_sites` (`agency_id`,`unit_id`);--> statement-breakpoint
CREATE TABLE `employee_attendance_settings` (
	`employee_id` integer PRIMARY KEY NOT NULL,
	`flexible_work` integer DEFAULT false NOT NULL,
	`home_latitude` real,
	`home_longitude` real,
	`home_radius_meters` integer DEFAULT 100 NOT NULL,
	`home_set_at` integer,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `holidays` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`date` text NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'national' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `holidays_agency_date` ON `holidays` (`agency_id`,`date`);--> statement-breakpoint
CREATE TABLE `work_schedules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`unit_id` integer,
	`name` text NOT NULL,
	`kind` text DEFAULT 'regular' NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`days` text NOT NULL,
	`check_in_opens_minute` integer DEFAULT 300 NOT NULL,
	`check_in_closes_minute` integer DEFAULT 720 NOT NULL,
	`check_out_opens_minute` integer DEFAULT 720 NOT NULL,
	`check_out_closes_minute` integer DEFAULT 1439 NOT NULL,
	`grace_minutes` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `work_schedules_agency` ON `work_schedules` (`agency_id`,`unit_id`);