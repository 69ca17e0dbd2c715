-- drizzle-kit copied the new columns too in its rebuild of `cases`; the INSERT below lists
-- only the columns the old table has.
CREATE TABLE `recusals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`reason` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recusals_one_per_member` ON `recusals` (`case_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`seat` text NOT NULL,
	`is_chair` integer NOT NULL,
	`verdict` text NOT NULL,
	`disposition` text,
	`findings` text NOT NULL,
	`rationale` text NOT NULL,
	`departure_justification` text,
	`departures` text NOT NULL,
	`return_to` integer,
	`cast_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`return_to`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `votes_one_per_member` ON `votes` (`case_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `votes_member_idx` ON `votes` (`member_id`,`case_id`);--> statement-breakpoint
ALTER TABLE `audit_events` ADD `hash` text;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'in_review' NOT NULL,
	`reason_id` integer,
	`reason_label` text,
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
	`response` text,
	`brief` text,
	`responded_by` integer,
	`responded_at` integer,
	`verdict` text,
	`disposition` text,
	`rationale` text,
	`decided_at` integer,
	`unanimous` integer,
	`decided_by_chair` integer,
	`completed_evaluation` text,
	`agrees_with_definition` integer,
	`departures` text,
	`returned_to` integer,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reason_id`) REFERENCES `reasons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`filed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rep_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`marketer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`definition_version_id`) REFERENCES `definition_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`previous_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`returned_to`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cases_kind_valid" CHECK("__new_cases"."kind" IN ('rejected', 'ignored')),
	CONSTRAINT "cases_status_valid" CHECK("__new_cases"."status" IN ('in_review', 'decided', 'conceded')),
	CONSTRAINT "cases_reason_matches_kind" CHECK(("__new_cases"."kind" = 'rejected' AND "__new_cases"."reason_id" IS NOT NULL AND "__new_cases"."filed_by" IS NOT NULL) OR ("__new_cases"."kind" = 'ignored' AND "__new_cases"."reason_id" IS NULL)),
	CONSTRAINT "cases_closed_has_verdict" CHECK("__new_cases"."status" = 'in_review' OR "__new_cases"."verdict" IS NOT NULL),
	CONSTRAINT "cases_contact_attempts_range" CHECK("__new_cases"."contact_attempts" IS NULL OR "__new_cases"."contact_attempts" BETWEEN 0 AND 50)
);
--> statement-breakpoint
INSERT INTO `__new_cases`("id", "lead_id", "kind", "status", "reason_id", "notes", "contact_attempts", "filed_by", "rep_id", "marketer_id", "definition_version_id", "evaluation", "lead_snapshot", "previous_case_id", "source", "campaign", "opened_at", "review_due_at") SELECT "id", "lead_id", "kind", "status", "reason_id", "notes", "contact_attempts", "filed_by", "rep_id", "marketer_id", "definition_version_id", "evaluation", "lead_snapshot", "previous_case_id", "source", "campaign", "opened_at", "review_due_at" FROM `cases`;--> statement-breakpoint
DROP TABLE `cases`;--> statement-breakpoint
ALTER TABLE `__new_cases` RENAME TO `cases`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `cases_one_open_per_lead` ON `cases` (`lead_id`) WHERE "cases"."status" = 'in_review';--> statement-breakpoint
CREATE INDEX `cases_lead_idx` ON `cases` (`lead_id`,`id`);--> statement-breakpoint
CREATE INDEX `cases_review_idx` ON `cases` (`status`,`review_due_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_rep_idx` ON `cases` (`rep_id`,`opened_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_marketer_idx` ON `cases` (`marketer_id`,`opened_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_opened_idx` ON `cases` (`opened_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_reason_idx` ON `cases` (`reason_id`,`opened_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_kind_idx` ON `cases` (`kind`,`opened_at`,`id`);