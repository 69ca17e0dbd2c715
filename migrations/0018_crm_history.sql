-- A CRM's history imported as history (issue 15, decision 25): a lead may be history (no clock)
-- or rejected before Leadcourt (status 'rejected', its case 'imported', not reviewed); a case the
-- committee takes up records when; an import keeps what its dates, statuses and age mean.
-- Both tables are rebuilt for their CHECK constraints; row ids are kept, so the search index
-- (content_rowid = id) stays true.
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
	`review_working_ms` integer,
	`taken_up_at` integer,
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
	CONSTRAINT "cases_status_valid" CHECK("__new_cases"."status" IN ('in_review', 'decided', 'conceded', 'imported')),
	CONSTRAINT "cases_reason_matches_kind" CHECK(("__new_cases"."kind" = 'rejected' AND "__new_cases"."reason_id" IS NOT NULL AND "__new_cases"."filed_by" IS NOT NULL) OR ("__new_cases"."kind" = 'ignored' AND "__new_cases"."reason_id" IS NULL)),
	CONSTRAINT "cases_closed_has_verdict" CHECK("__new_cases"."status" IN ('in_review', 'imported') OR "__new_cases"."verdict" IS NOT NULL),
	CONSTRAINT "cases_contact_attempts_range" CHECK("__new_cases"."contact_attempts" IS NULL OR "__new_cases"."contact_attempts" BETWEEN 0 AND 50)
);
--> statement-breakpoint
INSERT INTO `__new_cases`("id", "lead_id", "kind", "status", "reason_id", "reason_label", "notes", "contact_attempts", "filed_by", "rep_id", "marketer_id", "definition_version_id", "evaluation", "lead_snapshot", "previous_case_id", "source", "campaign", "opened_at", "review_due_at", "response", "brief", "responded_by", "responded_at", "verdict", "disposition", "rationale", "decided_at", "unanimous", "decided_by_chair", "completed_evaluation", "agrees_with_definition", "departures", "returned_to", "review_working_ms", "taken_up_at") SELECT "id", "lead_id", "kind", "status", "reason_id", "reason_label", "notes", "contact_attempts", "filed_by", "rep_id", "marketer_id", "definition_version_id", "evaluation", "lead_snapshot", "previous_case_id", "source", "campaign", "opened_at", "review_due_at", "response", "brief", "responded_by", "responded_at", "verdict", "disposition", "rationale", "decided_at", "unanimous", "decided_by_chair", "completed_evaluation", "agrees_with_definition", "departures", "returned_to", "review_working_ms", NULL FROM `cases`;--> statement-breakpoint
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
CREATE INDEX `cases_kind_idx` ON `cases` (`kind`,`opened_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_decided_idx` ON `cases` (`decided_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_report_opened_idx` ON `cases` (`kind`,`opened_at`,`status`,`verdict`,`rep_id`,`reason_id`,`source`,`campaign`,`disposition`,`agrees_with_definition`,`unanimous`,`decided_by_chair`,`decided_at`,`review_due_at`,`review_working_ms`);--> statement-breakpoint
CREATE INDEX `cases_report_rep_idx` ON `cases` (`kind`,`rep_id`,`opened_at`,`reason_id`,`source`,`campaign`,`status`,`verdict`);--> statement-breakpoint
CREATE INDEX `cases_report_reason_idx` ON `cases` (`kind`,`reason_id`,`opened_at`,`rep_id`,`source`,`campaign`,`status`,`verdict`);--> statement-breakpoint
CREATE INDEX `cases_report_source_idx` ON `cases` (`kind`,`source`,`opened_at`,`rep_id`,`reason_id`,`campaign`,`status`,`verdict`);--> statement-breakpoint
CREATE INDEX `cases_report_campaign_idx` ON `cases` (`kind`,`campaign`,`opened_at`,`rep_id`,`reason_id`,`source`,`status`,`verdict`);--> statement-breakpoint
CREATE INDEX `cases_report_lead_idx` ON `cases` (`kind`,`lead_id`,`opened_at`,`verdict`,`reason_id`,`rep_id`,`source`,`campaign`);--> statement-breakpoint
CREATE INDEX `cases_report_departures_idx` ON `cases` (`status`,`opened_at`) WHERE "cases"."status" = 'decided' AND "cases"."departures" <> '[]';--> statement-breakpoint
CREATE TABLE `__new_leads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`external_id` text,
	`email` text,
	`first_name` text,
	`last_name` text,
	`phone` text,
	`title` text,
	`company` text,
	`company_domain` text,
	`industry` text,
	`employee_count` integer,
	`country` text,
	`source` text,
	`campaign` text,
	`lifecycle_stage` text,
	`engagement_score` integer,
	`purchase_timeline_months` integer,
	`notes` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`owner_id` integer NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`handed_over_at` integer NOT NULL,
	`definition_version_id` integer,
	`evaluation` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`import_job_id` integer,
	`import_line` integer,
	`marketer_id` integer,
	`clock_started_at` integer,
	`follow_up_due_at` integer,
	`accepted_at` integer,
	`history` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`definition_version_id`) REFERENCES `definition_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`marketer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "leads_identified" CHECK("__new_leads"."external_id" IS NOT NULL OR "__new_leads"."email" IS NOT NULL),
	CONSTRAINT "leads_status_valid" CHECK("__new_leads"."status" IN ('new', 'working', 'converted', 'in_review', 'returned', 'disqualified', 'nurture', 'rejected')),
	CONSTRAINT "leads_lifecycle_valid" CHECK("__new_leads"."lifecycle_stage" IS NULL OR "__new_leads"."lifecycle_stage" IN ('subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer')),
	CONSTRAINT "leads_engagement_range" CHECK("__new_leads"."engagement_score" IS NULL OR "__new_leads"."engagement_score" BETWEEN 0 AND 100)
);
--> statement-breakpoint
INSERT INTO `__new_leads`("id", "external_id", "email", "first_name", "last_name", "phone", "title", "company", "company_domain", "industry", "employee_count", "country", "source", "campaign", "lifecycle_stage", "engagement_score", "purchase_timeline_months", "notes", "custom", "owner_id", "status", "handed_over_at", "definition_version_id", "evaluation", "created_by", "created_at", "updated_at", "import_job_id", "import_line", "marketer_id", "clock_started_at", "follow_up_due_at", "accepted_at", "history") SELECT "id", "external_id", "email", "first_name", "last_name", "phone", "title", "company", "company_domain", "industry", "employee_count", "country", "source", "campaign", "lifecycle_stage", "engagement_score", "purchase_timeline_months", "notes", "custom", "owner_id", "status", "handed_over_at", "definition_version_id", "evaluation", "created_by", "created_at", "updated_at", "import_job_id", "import_line", "marketer_id", "clock_started_at", "follow_up_due_at", "accepted_at", 0 FROM `leads`;--> statement-breakpoint
DROP TABLE `leads`;--> statement-breakpoint
ALTER TABLE `__new_leads` RENAME TO `leads`;--> statement-breakpoint
-- Dropping the old table dropped its search triggers (migrations 0003, 0014): the same again.
CREATE TRIGGER `leads_search_insert` AFTER INSERT ON `leads` BEGIN
  INSERT INTO `leads_search_pending`(id) VALUES (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `leads_search_update` AFTER UPDATE OF first_name, last_name, email, company, external_id ON `leads`
WHEN NOT EXISTS (SELECT 1 FROM `leads_search_pending` WHERE id = old.id) BEGIN
  INSERT INTO `leads_search`(`leads_search`, rowid, first_name, last_name, email, company, external_id)
  VALUES ('delete', old.id, old.first_name, old.last_name, old.email, old.company, old.external_id);
  INSERT INTO `leads_search`(rowid, first_name, last_name, email, company, external_id)
  VALUES (new.id, new.first_name, new.last_name, new.email, new.company, new.external_id);
END;
--> statement-breakpoint
CREATE TRIGGER `leads_search_delete` AFTER DELETE ON `leads` BEGIN
  INSERT INTO `leads_search`(`leads_search`, rowid, first_name, last_name, email, company, external_id)
  SELECT 'delete', old.id, old.first_name, old.last_name, old.email, old.company, old.external_id
  WHERE NOT EXISTS (SELECT 1 FROM `leads_search_pending` WHERE id = old.id);
  DELETE FROM `leads_search_pending` WHERE id = old.id;
END;
--> statement-breakpoint
CREATE UNIQUE INDEX `leads_external_id_unique` ON `leads` (`external_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `leads_email_unique` ON `leads` (`email`);--> statement-breakpoint
CREATE INDEX `leads_handed_over_idx` ON `leads` (`handed_over_at`,`id`);--> statement-breakpoint
CREATE INDEX `leads_owner_idx` ON `leads` (`owner_id`,`handed_over_at`,`id`);--> statement-breakpoint
CREATE INDEX `leads_status_idx` ON `leads` (`status`,`handed_over_at`,`id`);--> statement-breakpoint
CREATE INDEX `leads_source_idx` ON `leads` (`source`,`handed_over_at`,`id`);--> statement-breakpoint
CREATE INDEX `leads_campaign_idx` ON `leads` (`campaign`,`handed_over_at`,`id`);--> statement-breakpoint
CREATE INDEX `leads_lifecycle_idx` ON `leads` (`lifecycle_stage`,`handed_over_at`,`id`);--> statement-breakpoint
CREATE INDEX `leads_evaluation_idx` ON `leads` (`evaluation`,`handed_over_at`,`id`);--> statement-breakpoint
CREATE INDEX `leads_owner_status_idx` ON `leads` (`owner_id`,`status`,`handed_over_at`,`id`);--> statement-breakpoint
CREATE INDEX `leads_company_domain_idx` ON `leads` (`company_domain`,`handed_over_at`,`id`);--> statement-breakpoint
CREATE INDEX `leads_report_idx` ON `leads` (`source`,`campaign`,`handed_over_at`,`owner_id`,`history`);--> statement-breakpoint
CREATE INDEX `leads_queue_idx` ON `leads` (`owner_id`,`follow_up_due_at`,`id`) WHERE "leads"."follow_up_due_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `leads_follow_up_due_idx` ON `leads` (`follow_up_due_at`) WHERE "leads"."follow_up_due_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE `import_jobs` ADD `options` text;--> statement-breakpoint
ALTER TABLE `import_mappings` ADD `options` text;