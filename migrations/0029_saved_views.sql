CREATE TABLE `saved_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`list` text NOT NULL,
	`name` text NOT NULL,
	`query` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_views_user_list_name_unique` ON `saved_views` (`user_id`,`list`,`name`);--> statement-breakpoint
CREATE INDEX `cases_open_opened_idx` ON `cases` (`status`,`opened_at`,`id`) WHERE "cases"."status" = 'in_review';