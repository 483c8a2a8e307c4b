-- E-mail notifications (lib/notifications/email): the outbox the channel writes inside the notifying transaction
-- and the send sweep empties after commit, each person's e-mail switch with the daily digest, and e-mail per kind.
CREATE TABLE `email_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notification_id` integer,
	`employee_id` integer NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`claim_token` text,
	`claimed_until` integer,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`notification_id`) REFERENCES `notifications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `email_outbox_due` ON `email_outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `email_outbox_employee` ON `email_outbox` (`employee_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `email_outbox_notification` ON `email_outbox` (`notification_id`) WHERE "email_outbox"."notification_id" is not null;--> statement-breakpoint
CREATE TABLE `email_preferences` (
	`employee_id` integer PRIMARY KEY NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`digest` integer DEFAULT false NOT NULL,
	`digest_hour` integer DEFAULT 16 NOT NULL,
	`last_digest_date` text,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `notification_settings` ADD `email` integer DEFAULT true NOT NULL;