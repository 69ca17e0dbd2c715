CREATE INDEX `cases_report_opened_idx` ON `cases` (`kind`,`opened_at`,`status`,`verdict`,`rep_id`,`reason_id`,`source`,`campaign`,`disposition`,`agrees_with_definition`,`unanimous`,`decided_by_chair`,`decided_at`,`review_due_at`,`review_working_ms`);--> statement-breakpoint
CREATE INDEX `cases_report_rep_idx` ON `cases` (`kind`,`rep_id`,`opened_at`,`reason_id`,`source`,`campaign`,`status`,`verdict`);--> statement-breakpoint
CREATE INDEX `cases_report_reason_idx` ON `cases` (`kind`,`reason_id`,`opened_at`,`rep_id`,`source`,`campaign`,`status`,`verdict`);--> statement-breakpoint
CREATE INDEX `cases_report_source_idx` ON `cases` (`kind`,`source`,`opened_at`,`rep_id`,`reason_id`,`campaign`,`status`,`verdict`);--> statement-breakpoint
CREATE INDEX `cases_report_campaign_idx` ON `cases` (`kind`,`campaign`,`opened_at`,`rep_id`,`reason_id`,`source`,`status`,`verdict`);--> statement-breakpoint
CREATE INDEX `cases_report_lead_idx` ON `cases` (`kind`,`lead_id`,`opened_at`,`verdict`,`reason_id`,`rep_id`,`source`,`campaign`);--> statement-breakpoint
CREATE INDEX `cases_report_departures_idx` ON `cases` (`status`,`opened_at`) WHERE "cases"."status" = 'decided' AND "cases"."departures" <> '[]';--> statement-breakpoint
CREATE INDEX `follow_ups_report_rep_idx` ON `follow_ups` (`kind`,`rep_id`,`started_at`,`action`,`acted_at`,`due_at`,`working_ms`);--> statement-breakpoint
CREATE INDEX `follow_ups_report_lead_idx` ON `follow_ups` (`lead_id`,`kind`,`started_at`,`rep_id`,`action`,`acted_at`,`due_at`,`working_ms`);--> statement-breakpoint
CREATE INDEX `leads_report_idx` ON `leads` (`source`,`campaign`,`handed_over_at`,`owner_id`);--> statement-breakpoint
CREATE INDEX `outcomes_report_idx` ON `outcomes` (`lead_id`,`occurred_on`,`id`,`outcome`);