CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'in_review' NOT NULL,
	`reason_id` integer,
	`notes` text,
	`contact_attempts` integer,
	`filed_by` integer,
	`rep_id` integer NOT NULL,
	`marketer_id` integer,
	`definition_version_id` integer,
	`evaluation` text,
	`lead_snapshot` text NOT NULL,
	`previous_case_id` integer,
	`source` text,
	`campaign` text,
	`opened_at` integer NOT NULL,
	`review_due_at` integer NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reason_id`) REFERENCES `reasons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`filed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rep_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`marketer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`definition_version_id`) REFERENCES `definition_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`previous_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cases_kind_valid" CHECK("cases"."kind" IN ('rejected', 'ignored')),
	CONSTRAINT "cases_status_valid" CHECK("cases"."status" IN ('in_review', 'decided', 'conceded')),
	CONSTRAINT "cases_reason_matches_kind" CHECK(("cases"."kind" = 'rejected' AND "cases"."reason_id" IS NOT NULL AND "cases"."filed_by" IS NOT NULL) OR ("cases"."kind" = 'ignored' AND "cases"."reason_id" IS NULL)),
	CONSTRAINT "cases_contact_attempts_range" CHECK("cases"."contact_attempts" IS NULL OR "cases"."contact_attempts" BETWEEN 0 AND 50)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_one_open_per_lead` ON `cases` (`lead_id`) WHERE "cases"."status" = 'in_review';--> statement-breakpoint
CREATE INDEX `cases_lead_idx` ON `cases` (`lead_id`,`id`);--> statement-breakpoint
CREATE INDEX `cases_review_idx` ON `cases` (`status`,`review_due_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_rep_idx` ON `cases` (`rep_id`,`opened_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_marketer_idx` ON `cases` (`marketer_id`,`opened_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_opened_idx` ON `cases` (`opened_at`,`id`);--> statement-breakpoint
CREATE TABLE `contact_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`channel` text NOT NULL,
	`at` integer NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contact_attempts_channel_valid" CHECK("contact_attempts"."channel" IN ('call', 'email', 'meeting'))
);
--> statement-breakpoint
CREATE INDEX `contact_attempts_lead_idx` ON `contact_attempts` (`lead_id`,`at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`case_id` integer,
	`lead_id` integer,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`user_id`,`id`) WHERE "notifications"."read_at" IS NULL;--> statement-breakpoint
CREATE TABLE `reasons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`label` text NOT NULL,
	`criterion_key` text,
	`notes_required` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reasons_label_unique` ON `reasons` (lower("label"));--> statement-breakpoint
ALTER TABLE `leads` ADD `marketer_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `leads` ADD `clock_started_at` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `follow_up_due_at` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `accepted_at` integer;--> statement-breakpoint
CREATE INDEX `leads_queue_idx` ON `leads` (`owner_id`,`follow_up_due_at`,`id`) WHERE "leads"."follow_up_due_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `leads_follow_up_due_idx` ON `leads` (`follow_up_due_at`) WHERE "leads"."follow_up_due_at" IS NOT NULL;