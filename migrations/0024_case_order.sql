ALTER TABLE `cases` ADD `awaiting_mailed_at` integer;--> statement-breakpoint
CREATE INDEX `cases_updated_idx` ON `cases` (max("opened_at", ifnull("taken_up_at", 0), ifnull("responded_at", 0), ifnull("decided_at", 0)),"id");
