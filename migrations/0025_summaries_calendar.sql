CREATE TABLE `local_offsets` (
	`from_at` integer PRIMARY KEY NOT NULL,
	`offset_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `summary_progress` (
	`family` text NOT NULL,
	`source` text NOT NULL,
	`upto` integer NOT NULL,
	PRIMARY KEY(`family`, `source`)
);
--> statement-breakpoint
CREATE TABLE `summary_zone` (
	`id` integer PRIMARY KEY NOT NULL,
	`time_zone` text NOT NULL,
	CONSTRAINT "summary_zone_one_row" CHECK("summary_zone"."id" = 1)
);
