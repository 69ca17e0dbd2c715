CREATE TABLE `outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`occurred_on` text NOT NULL,
	`note` text,
	`recorded_by` integer,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "outcomes_outcome_valid" CHECK("outcomes"."outcome" IN ('won', 'bought_elsewhere', 'in_buying_process', 'plans_to_buy', 'no_plans', 'not_a_fit'))
);
--> statement-breakpoint
CREATE INDEX `outcomes_lead_idx` ON `outcomes` (`lead_id`,`occurred_on`,`id`);--> statement-breakpoint
CREATE INDEX `cases_decided_idx` ON `cases` (`decided_at`,`id`);