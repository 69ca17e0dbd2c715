CREATE TABLE `nurture_stays` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`case_id` integer,
	`started_at` integer NOT NULL,
	`snapshot` text NOT NULL,
	`reengaged_at` integer,
	`reengaged_why` text,
	`ended_at` integer,
	`ended_how` text,
	`ended_by` integer,
	`note` text,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "nurture_stays_ending_valid" CHECK("nurture_stays"."ended_how" IS NULL OR "nurture_stays"."ended_how" IN ('handed_back', 'auto_handed_back'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nurture_stays_one_open_per_lead` ON `nurture_stays` (`lead_id`) WHERE "nurture_stays"."ended_at" IS NULL;--> statement-breakpoint
CREATE INDEX `nurture_stays_pool_idx` ON `nurture_stays` (`ended_at`,`started_at`,`id`);--> statement-breakpoint
CREATE INDEX `nurture_stays_lead_idx` ON `nurture_stays` (`lead_id`,`id`);--> statement-breakpoint
CREATE INDEX `nurture_stays_ended_idx` ON `nurture_stays` (`ended_how`,`ended_at`,`id`);--> statement-breakpoint
DROP INDEX `cases_one_open_per_lead`;--> statement-breakpoint
ALTER TABLE `cases` ADD `after_contact` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `reengaged` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `working_lead_id` integer REFERENCES leads(id);--> statement-breakpoint
ALTER TABLE `cases` ADD `lead_moved_on` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `review_reminded_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `cases_one_open_per_lead` ON `cases` (`lead_id`) WHERE "cases"."status" = 'in_review' AND "cases"."lead_moved_on" = 0;--> statement-breakpoint
ALTER TABLE `leads` ADD `converted_at` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `opportunity_ref` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `opportunity_amount` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `reengaged` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `leads` ADD `reengaged_at` integer;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `reminded_at` integer;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `reengaged` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `follow_ups_reminder_idx` ON `follow_ups` (`due_at`) WHERE "follow_ups"."acted_at" IS NULL AND "follow_ups"."reminded_at" IS NULL;--> statement-breakpoint
ALTER TABLE `reasons` ADD `names_working_lead` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- The seeded "already working this account" reason names the lead being worked (decision 26).
UPDATE `reasons` SET `names_working_lead` = 1 WHERE lower(`label`) LIKE 'already working this account%';--> statement-breakpoint
-- Leads already in nurture enter the pool from the case that sent them there, with the lead as
-- that case saw it.
INSERT INTO `nurture_stays` (`lead_id`, `case_id`, `started_at`, `snapshot`)
SELECT l.`id`, c.`id`, c.`decided_at`, c.`lead_snapshot`
FROM `leads` l
JOIN `cases` c ON c.`id` = (
  SELECT c2.`id` FROM `cases` c2
  WHERE c2.`lead_id` = l.`id` AND c2.`disposition` = 'nurture' AND c2.`decided_at` IS NOT NULL
  ORDER BY c2.`decided_at` DESC, c2.`id` DESC LIMIT 1
)
WHERE l.`status` = 'nurture';
