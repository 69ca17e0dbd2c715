ALTER TABLE `leads` ADD `import_job_id` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `import_line` integer;