DROP INDEX `dispositions_inbox`;--> statement-breakpoint
CREATE INDEX `dispositions_to_list` ON `dispositions` (`to_position_id`,`created_at`,`id`,`letter_id`);--> statement-breakpoint
CREATE INDEX `dispositions_counts` ON `dispositions` (`to_position_id`,`state`,`kind`,`deadline`);--> statement-breakpoint
CREATE INDEX `incoming_letter_addressees_list` ON `incoming_letter_addressees` (`position_id`,`created_at`,`id`,`letter_id`);--> statement-breakpoint
CREATE INDEX `incoming_letter_addressees_unread` ON `incoming_letter_addressees` (`position_id`,`read_at`);