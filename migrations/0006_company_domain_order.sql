DROP INDEX `leads_company_domain_idx`;--> statement-breakpoint
CREATE INDEX `leads_company_domain_idx` ON `leads` (`company_domain`,`handed_over_at`,`id`);