DROP INDEX `cases_report_opened_idx`;--> statement-breakpoint
DROP INDEX `cases_report_rep_idx`;--> statement-breakpoint
DROP INDEX `cases_report_reason_idx`;--> statement-breakpoint
DROP INDEX `cases_report_source_idx`;--> statement-breakpoint
DROP INDEX `cases_report_campaign_idx`;--> statement-breakpoint
DROP INDEX `cases_report_lead_idx`;--> statement-breakpoint
CREATE INDEX `cases_report_opened_idx` ON `cases` (`kind`,`opened_at`,`status`,`verdict`,`rep_id`,`reason_id`,`source`,`campaign`,`disposition`,`agrees_with_definition`,`unanimous`,`decided_by_chair`,`decided_at`,`review_due_at`,`review_working_ms`,`after_contact`,`reengaged`);--> statement-breakpoint
CREATE INDEX `cases_report_rep_idx` ON `cases` (`kind`,`rep_id`,`opened_at`,`reason_id`,`source`,`campaign`,`status`,`verdict`,`after_contact`,`reengaged`);--> statement-breakpoint
CREATE INDEX `cases_report_reason_idx` ON `cases` (`kind`,`reason_id`,`opened_at`,`rep_id`,`source`,`campaign`,`status`,`verdict`,`after_contact`,`reengaged`);--> statement-breakpoint
CREATE INDEX `cases_report_source_idx` ON `cases` (`kind`,`source`,`opened_at`,`rep_id`,`reason_id`,`campaign`,`status`,`verdict`,`after_contact`,`reengaged`);--> statement-breakpoint
CREATE INDEX `cases_report_campaign_idx` ON `cases` (`kind`,`campaign`,`opened_at`,`rep_id`,`reason_id`,`source`,`status`,`verdict`,`after_contact`,`reengaged`);--> statement-breakpoint
CREATE INDEX `cases_report_lead_idx` ON `cases` (`kind`,`lead_id`,`opened_at`,`verdict`,`reason_id`,`rep_id`,`source`,`campaign`,`after_contact`,`reengaged`);--> statement-breakpoint
DROP INDEX `follow_ups_report_rep_idx`;--> statement-breakpoint
DROP INDEX `follow_ups_report_lead_idx`;--> statement-breakpoint
CREATE INDEX `follow_ups_reengaged_idx` ON `follow_ups` (`started_at`,`lead_id`) WHERE "follow_ups"."kind" = 'hand_over' AND "follow_ups"."reengaged" = 1;--> statement-breakpoint
CREATE INDEX `follow_ups_report_rep_idx` ON `follow_ups` (`kind`,`rep_id`,`started_at`,`action`,`acted_at`,`due_at`,`working_ms`,`reengaged`);--> statement-breakpoint
CREATE INDEX `follow_ups_report_lead_idx` ON `follow_ups` (`lead_id`,`kind`,`started_at`,`rep_id`,`action`,`acted_at`,`due_at`,`working_ms`,`reengaged`);--> statement-breakpoint
CREATE INDEX `leads_converted_idx` ON `leads` (`owner_id`,`converted_at`,`source`,`campaign`,`reengaged`,`history`) WHERE "leads"."converted_at" IS NOT NULL;