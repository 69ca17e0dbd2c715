CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`rep_id` integer NOT NULL,
	`kind` text NOT NULL,
	`started_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`acted_at` integer,
	`action` text,
	`working_ms` integer,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rep_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "follow_ups_kind_valid" CHECK("follow_ups"."kind" IN ('hand_over', 'return'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_one_open_per_lead` ON `follow_ups` (`lead_id`) WHERE "follow_ups"."acted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `follow_ups_started_idx` ON `follow_ups` (`kind`,`started_at`,`id`);--> statement-breakpoint
CREATE INDEX `follow_ups_rep_idx` ON `follow_ups` (`rep_id`,`started_at`,`id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `review_working_ms` integer;--> statement-breakpoint
-- Leads handed over before clocks were kept get one clock each, from what is known: when it
-- started and ran out, and when and how the rep first acted. Its working time is unknown (it
-- cannot be counted in SQL), so it stays out of medians.
INSERT INTO `follow_ups` (`lead_id`, `rep_id`, `kind`, `started_at`, `due_at`, `acted_at`, `action`)
SELECT l.`id`, l.`owner_id`, 'hand_over', l.`handed_over_at`,
  coalesce(l.`follow_up_due_at`, l.`handed_over_at` + 5 * 86400000),
  CASE WHEN l.`follow_up_due_at` IS NOT NULL THEN NULL
       ELSE coalesce(l.`accepted_at`, (SELECT min(c.`opened_at`) FROM `cases` c WHERE c.`lead_id` = l.`id`), l.`updated_at`) END,
  CASE WHEN l.`follow_up_due_at` IS NOT NULL THEN NULL
       WHEN l.`accepted_at` IS NOT NULL THEN 'accepted'
       ELSE (SELECT c.`kind` FROM `cases` c WHERE c.`lead_id` = l.`id` ORDER BY c.`id` LIMIT 1) END
FROM `leads` l;
