CREATE TABLE `definition_criteria` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`position` integer NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`field` text NOT NULL,
	`operator` text NOT NULL,
	`value` text,
	`required` integer NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `definition_versions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "definition_criteria_operator_valid" CHECK("definition_criteria"."operator" IN ('equals', 'one_of', 'not_one_of', 'at_least', 'at_most', 'present', 'contains_any_word'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `definition_criteria_key_unique` ON `definition_criteria` (`version_id`,`key`);--> statement-breakpoint
CREATE INDEX `definition_criteria_version_idx` ON `definition_criteria` (`version_id`,`position`);--> statement-breakpoint
CREATE TABLE `definition_signoffs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`seat` text NOT NULL,
	`signed_at` integer NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `definition_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `definition_signoffs_seat_unique` ON `definition_signoffs` (`version_id`,`seat`);--> statement-breakpoint
CREATE TABLE `definition_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` integer NOT NULL,
	`status` text NOT NULL,
	`based_on_id` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`proposed_at` integer,
	`activated_at` integer,
	`superseded_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "definition_versions_status_valid" CHECK("definition_versions"."status" IN ('draft', 'proposed', 'active', 'superseded'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `definition_versions_number_unique` ON `definition_versions` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `definition_versions_one_active` ON `definition_versions` (`status`) WHERE "definition_versions"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX `definition_versions_one_open` ON `definition_versions` ((1)) WHERE "definition_versions"."status" IN ('draft', 'proposed');--> statement-breakpoint
CREATE TABLE `import_errors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` integer NOT NULL,
	`line` integer NOT NULL,
	`reason` text NOT NULL,
	`identifier` text,
	FOREIGN KEY (`job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_errors_job_idx` ON `import_errors` (`job_id`,`line`);--> statement-breakpoint
CREATE TABLE `import_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`file_name` text NOT NULL,
	`file_path` text NOT NULL,
	`file_size` integer NOT NULL,
	`headers` text NOT NULL,
	`mapping` text,
	`status` text NOT NULL,
	`lines_done` integer DEFAULT 0 NOT NULL,
	`bytes_done` integer DEFAULT 0 NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`error` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_jobs_created_idx` ON `import_jobs` (`created_at`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`headers_key` text PRIMARY KEY NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `leads` (
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
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`definition_version_id`) REFERENCES `definition_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "leads_identified" CHECK("leads"."external_id" IS NOT NULL OR "leads"."email" IS NOT NULL),
	CONSTRAINT "leads_status_valid" CHECK("leads"."status" IN ('new', 'working', 'converted', 'in_review', 'returned', 'disqualified', 'nurture')),
	CONSTRAINT "leads_lifecycle_valid" CHECK("leads"."lifecycle_stage" IS NULL OR "leads"."lifecycle_stage" IN ('subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer')),
	CONSTRAINT "leads_engagement_range" CHECK("leads"."engagement_score" IS NULL OR "leads"."engagement_score" BETWEEN 0 AND 100)
);
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
CREATE INDEX `leads_company_domain_idx` ON `leads` (`company_domain`);