ALTER TABLE `import_jobs` ADD `unchanged` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `import_jobs` ADD `delimiter` text DEFAULT ',' NOT NULL;--> statement-breakpoint
ALTER TABLE `import_jobs` ADD `encoding` text DEFAULT 'utf8' NOT NULL;--> statement-breakpoint
ALTER TABLE `import_jobs` ADD `preview` text;