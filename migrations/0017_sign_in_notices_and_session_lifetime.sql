ALTER TABLE `users` ADD `failed_sign_ins` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `last_failed_sign_in_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `last_failed_sign_in_address` text;--> statement-breakpoint
CREATE INDEX `sessions_created_idx` ON `sessions` (`created_at`);