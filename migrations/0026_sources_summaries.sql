CREATE TABLE `summary_hindsight_campaigns` (
	`grain` text NOT NULL,
	`campaign` text NOT NULL,
	`source` text NOT NULL,
	`period` integer NOT NULL,
	`imported` integer NOT NULL,
	`after_contact` integer NOT NULL,
	`reengaged` integer NOT NULL,
	`outcome` text NOT NULL,
	`verdict` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`grain`, `campaign`, `source`, `period`, `imported`, `after_contact`, `reengaged`, `outcome`, `verdict`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `summary_hindsight_cases` (
	`grain` text NOT NULL,
	`period` integer NOT NULL,
	`imported` integer NOT NULL,
	`after_contact` integer NOT NULL,
	`reengaged` integer NOT NULL,
	`outcome` text NOT NULL,
	`verdict` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`grain`, `period`, `imported`, `after_contact`, `reengaged`, `outcome`, `verdict`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `summary_hindsight_reasons` (
	`grain` text NOT NULL,
	`reason_id` integer NOT NULL,
	`period` integer NOT NULL,
	`imported` integer NOT NULL,
	`after_contact` integer NOT NULL,
	`reengaged` integer NOT NULL,
	`outcome` text NOT NULL,
	`verdict` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`grain`, `reason_id`, `period`, `imported`, `after_contact`, `reengaged`, `outcome`, `verdict`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `summary_hindsight_reps` (
	`grain` text NOT NULL,
	`rep_id` integer NOT NULL,
	`period` integer NOT NULL,
	`imported` integer NOT NULL,
	`after_contact` integer NOT NULL,
	`reengaged` integer NOT NULL,
	`outcome` text NOT NULL,
	`verdict` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`grain`, `rep_id`, `period`, `imported`, `after_contact`, `reengaged`, `outcome`, `verdict`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `summary_hindsight_sources` (
	`grain` text NOT NULL,
	`source` text NOT NULL,
	`period` integer NOT NULL,
	`imported` integer NOT NULL,
	`after_contact` integer NOT NULL,
	`reengaged` integer NOT NULL,
	`outcome` text NOT NULL,
	`verdict` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`grain`, `source`, `period`, `imported`, `after_contact`, `reengaged`, `outcome`, `verdict`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `summary_source_leads` (
	`grain` text NOT NULL,
	`period` integer NOT NULL,
	`source` text NOT NULL,
	`campaign` text NOT NULL,
	`history` integer NOT NULL,
	`n` integer NOT NULL,
	`rej_any` integer NOT NULL,
	`bad_any` integer NOT NULL,
	`good_any` integer NOT NULL,
	`rej_any_h` integer NOT NULL,
	`bad_any_h` integer NOT NULL,
	`good_any_h` integer NOT NULL,
	`rej_bc` integer NOT NULL,
	`bad_bc` integer NOT NULL,
	`good_bc` integer NOT NULL,
	`rej_bc_h` integer NOT NULL,
	`bad_bc_h` integer NOT NULL,
	`good_bc_h` integer NOT NULL,
	`rej_ac` integer NOT NULL,
	`bad_ac` integer NOT NULL,
	`good_ac` integer NOT NULL,
	`rej_ac_h` integer NOT NULL,
	`bad_ac_h` integer NOT NULL,
	`good_ac_h` integer NOT NULL,
	`rej_ig` integer NOT NULL,
	`bad_ig` integer NOT NULL,
	`good_ig` integer NOT NULL,
	`rej_ig_h` integer NOT NULL,
	`bad_ig_h` integer NOT NULL,
	`good_ig_h` integer NOT NULL,
	PRIMARY KEY(`grain`, `period`, `source`, `campaign`, `history`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `summary_source_owners` (
	`owner_id` integer NOT NULL,
	`grain` text NOT NULL,
	`period` integer NOT NULL,
	`source` text NOT NULL,
	`campaign` text NOT NULL,
	`history` integer NOT NULL,
	`n` integer NOT NULL,
	`rej_any` integer NOT NULL,
	`bad_any` integer NOT NULL,
	`good_any` integer NOT NULL,
	`rej_any_h` integer NOT NULL,
	`bad_any_h` integer NOT NULL,
	`good_any_h` integer NOT NULL,
	`rej_bc` integer NOT NULL,
	`bad_bc` integer NOT NULL,
	`good_bc` integer NOT NULL,
	`rej_bc_h` integer NOT NULL,
	`bad_bc_h` integer NOT NULL,
	`good_bc_h` integer NOT NULL,
	`rej_ac` integer NOT NULL,
	`bad_ac` integer NOT NULL,
	`good_ac` integer NOT NULL,
	`rej_ac_h` integer NOT NULL,
	`bad_ac_h` integer NOT NULL,
	`good_ac_h` integer NOT NULL,
	`rej_ig` integer NOT NULL,
	`bad_ig` integer NOT NULL,
	`good_ig` integer NOT NULL,
	`rej_ig_h` integer NOT NULL,
	`bad_ig_h` integer NOT NULL,
	`good_ig_h` integer NOT NULL,
	PRIMARY KEY(`grain`, `owner_id`, `period`, `source`, `campaign`, `history`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `summary_source_reasons` (
	`reason_id` integer NOT NULL,
	`grain` text NOT NULL,
	`period` integer NOT NULL,
	`source` text NOT NULL,
	`campaign` text NOT NULL,
	`history` integer NOT NULL,
	`n` integer NOT NULL,
	`rej_any` integer NOT NULL,
	`bad_any` integer NOT NULL,
	`good_any` integer NOT NULL,
	`rej_any_h` integer NOT NULL,
	`bad_any_h` integer NOT NULL,
	`good_any_h` integer NOT NULL,
	`rej_bc` integer NOT NULL,
	`bad_bc` integer NOT NULL,
	`good_bc` integer NOT NULL,
	`rej_bc_h` integer NOT NULL,
	`bad_bc_h` integer NOT NULL,
	`good_bc_h` integer NOT NULL,
	`rej_ac` integer NOT NULL,
	`bad_ac` integer NOT NULL,
	`good_ac` integer NOT NULL,
	`rej_ac_h` integer NOT NULL,
	`bad_ac_h` integer NOT NULL,
	`good_ac_h` integer NOT NULL,
	`rej_ig` integer NOT NULL,
	`bad_ig` integer NOT NULL,
	`good_ig` integer NOT NULL,
	`rej_ig_h` integer NOT NULL,
	`bad_ig_h` integer NOT NULL,
	`good_ig_h` integer NOT NULL,
	PRIMARY KEY(`grain`, `reason_id`, `period`, `source`, `campaign`, `history`)
) WITHOUT ROWID;
--> statement-breakpoint
-- triggers: sources
CREATE TRIGGER summary_source_lead_insert AFTER INSERT ON leads
WHEN NEW.id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads')
BEGIN
INSERT INTO summary_source_leads (grain, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(1), sum(1 * ifnull(p.rej_any, 0)), sum(1 * ifnull(p.bad_any, 0)), sum(1 * ifnull(p.good_any, 0)), sum(1 * ifnull(p.rej_any_h, 0)), sum(1 * ifnull(p.bad_any_h, 0)), sum(1 * ifnull(p.good_any_h, 0)), sum(1 * ifnull(p.rej_bc, 0)), sum(1 * ifnull(p.bad_bc, 0)), sum(1 * ifnull(p.good_bc, 0)), sum(1 * ifnull(p.rej_bc_h, 0)), sum(1 * ifnull(p.bad_bc_h, 0)), sum(1 * ifnull(p.good_bc_h, 0)), sum(1 * ifnull(p.rej_ac, 0)), sum(1 * ifnull(p.bad_ac, 0)), sum(1 * ifnull(p.good_ac, 0)), sum(1 * ifnull(p.rej_ac_h, 0)), sum(1 * ifnull(p.bad_ac_h, 0)), sum(1 * ifnull(p.good_ac_h, 0)), sum(1 * ifnull(p.rej_ig, 0)), sum(1 * ifnull(p.bad_ig, 0)), sum(1 * ifnull(p.good_ig, 0)), sum(1 * ifnull(p.rej_ig_h, 0)), sum(1 * ifnull(p.bad_ig_h, 0)), sum(1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = NEW.id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = NEW.id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_owners (grain, owner_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, l.owner_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(1), sum(1 * ifnull(p.rej_any, 0)), sum(1 * ifnull(p.bad_any, 0)), sum(1 * ifnull(p.good_any, 0)), sum(1 * ifnull(p.rej_any_h, 0)), sum(1 * ifnull(p.bad_any_h, 0)), sum(1 * ifnull(p.good_any_h, 0)), sum(1 * ifnull(p.rej_bc, 0)), sum(1 * ifnull(p.bad_bc, 0)), sum(1 * ifnull(p.good_bc, 0)), sum(1 * ifnull(p.rej_bc_h, 0)), sum(1 * ifnull(p.bad_bc_h, 0)), sum(1 * ifnull(p.good_bc_h, 0)), sum(1 * ifnull(p.rej_ac, 0)), sum(1 * ifnull(p.bad_ac, 0)), sum(1 * ifnull(p.good_ac, 0)), sum(1 * ifnull(p.rej_ac_h, 0)), sum(1 * ifnull(p.bad_ac_h, 0)), sum(1 * ifnull(p.good_ac_h, 0)), sum(1 * ifnull(p.rej_ig, 0)), sum(1 * ifnull(p.bad_ig, 0)), sum(1 * ifnull(p.good_ig, 0)), sum(1 * ifnull(p.rej_ig_h, 0)), sum(1 * ifnull(p.bad_ig_h, 0)), sum(1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = NEW.id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = NEW.id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, owner_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_reasons (grain, reason_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(1), sum(1 * r.rej_any), sum(1 * r.rej_any * ifnull(p.bad_any, 0)), sum(1 * r.rej_any * ifnull(p.good_any, 0)), sum(1 * r.rej_any_h), sum(1 * r.rej_any_h * ifnull(p.bad_any_h, 0)), sum(1 * r.rej_any_h * ifnull(p.good_any_h, 0)), sum(1 * r.rej_bc), sum(1 * r.rej_bc * ifnull(p.bad_bc, 0)), sum(1 * r.rej_bc * ifnull(p.good_bc, 0)), sum(1 * r.rej_bc_h), sum(1 * r.rej_bc_h * ifnull(p.bad_bc_h, 0)), sum(1 * r.rej_bc_h * ifnull(p.good_bc_h, 0)), sum(1 * r.rej_ac), sum(1 * r.rej_ac * ifnull(p.bad_ac, 0)), sum(1 * r.rej_ac * ifnull(p.good_ac, 0)), sum(1 * r.rej_ac_h), sum(1 * r.rej_ac_h * ifnull(p.bad_ac_h, 0)), sum(1 * r.rej_ac_h * ifnull(p.good_ac_h, 0)), sum(1 * r.rej_ig), sum(1 * r.rej_ig * ifnull(p.bad_ig, 0)), sum(1 * r.rej_ig * ifnull(p.good_ig, 0)), sum(1 * r.rej_ig_h), sum(1 * r.rej_ig_h * ifnull(p.bad_ig_h, 0)), sum(1 * r.rej_ig_h * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = NEW.id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h
    FROM cases c WHERE c.lead_id = NEW.id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
    GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = NEW.id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, reason_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_lead_update_before BEFORE UPDATE OF source, campaign, handed_over_at, owner_id, history ON leads
WHEN OLD.id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads') AND (OLD.source IS NOT NEW.source OR OLD.campaign IS NOT NEW.campaign OR OLD.handed_over_at IS NOT NEW.handed_over_at OR OLD.owner_id IS NOT NEW.owner_id OR OLD.history IS NOT NEW.history)
BEGIN
INSERT INTO summary_source_leads (grain, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(-1), sum(-1 * ifnull(p.rej_any, 0)), sum(-1 * ifnull(p.bad_any, 0)), sum(-1 * ifnull(p.good_any, 0)), sum(-1 * ifnull(p.rej_any_h, 0)), sum(-1 * ifnull(p.bad_any_h, 0)), sum(-1 * ifnull(p.good_any_h, 0)), sum(-1 * ifnull(p.rej_bc, 0)), sum(-1 * ifnull(p.bad_bc, 0)), sum(-1 * ifnull(p.good_bc, 0)), sum(-1 * ifnull(p.rej_bc_h, 0)), sum(-1 * ifnull(p.bad_bc_h, 0)), sum(-1 * ifnull(p.good_bc_h, 0)), sum(-1 * ifnull(p.rej_ac, 0)), sum(-1 * ifnull(p.bad_ac, 0)), sum(-1 * ifnull(p.good_ac, 0)), sum(-1 * ifnull(p.rej_ac_h, 0)), sum(-1 * ifnull(p.bad_ac_h, 0)), sum(-1 * ifnull(p.good_ac_h, 0)), sum(-1 * ifnull(p.rej_ig, 0)), sum(-1 * ifnull(p.bad_ig, 0)), sum(-1 * ifnull(p.good_ig, 0)), sum(-1 * ifnull(p.rej_ig_h, 0)), sum(-1 * ifnull(p.bad_ig_h, 0)), sum(-1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = OLD.id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = OLD.id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_owners (grain, owner_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, l.owner_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(-1), sum(-1 * ifnull(p.rej_any, 0)), sum(-1 * ifnull(p.bad_any, 0)), sum(-1 * ifnull(p.good_any, 0)), sum(-1 * ifnull(p.rej_any_h, 0)), sum(-1 * ifnull(p.bad_any_h, 0)), sum(-1 * ifnull(p.good_any_h, 0)), sum(-1 * ifnull(p.rej_bc, 0)), sum(-1 * ifnull(p.bad_bc, 0)), sum(-1 * ifnull(p.good_bc, 0)), sum(-1 * ifnull(p.rej_bc_h, 0)), sum(-1 * ifnull(p.bad_bc_h, 0)), sum(-1 * ifnull(p.good_bc_h, 0)), sum(-1 * ifnull(p.rej_ac, 0)), sum(-1 * ifnull(p.bad_ac, 0)), sum(-1 * ifnull(p.good_ac, 0)), sum(-1 * ifnull(p.rej_ac_h, 0)), sum(-1 * ifnull(p.bad_ac_h, 0)), sum(-1 * ifnull(p.good_ac_h, 0)), sum(-1 * ifnull(p.rej_ig, 0)), sum(-1 * ifnull(p.bad_ig, 0)), sum(-1 * ifnull(p.good_ig, 0)), sum(-1 * ifnull(p.rej_ig_h, 0)), sum(-1 * ifnull(p.bad_ig_h, 0)), sum(-1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = OLD.id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = OLD.id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, owner_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_reasons (grain, reason_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(-1), sum(-1 * r.rej_any), sum(-1 * r.rej_any * ifnull(p.bad_any, 0)), sum(-1 * r.rej_any * ifnull(p.good_any, 0)), sum(-1 * r.rej_any_h), sum(-1 * r.rej_any_h * ifnull(p.bad_any_h, 0)), sum(-1 * r.rej_any_h * ifnull(p.good_any_h, 0)), sum(-1 * r.rej_bc), sum(-1 * r.rej_bc * ifnull(p.bad_bc, 0)), sum(-1 * r.rej_bc * ifnull(p.good_bc, 0)), sum(-1 * r.rej_bc_h), sum(-1 * r.rej_bc_h * ifnull(p.bad_bc_h, 0)), sum(-1 * r.rej_bc_h * ifnull(p.good_bc_h, 0)), sum(-1 * r.rej_ac), sum(-1 * r.rej_ac * ifnull(p.bad_ac, 0)), sum(-1 * r.rej_ac * ifnull(p.good_ac, 0)), sum(-1 * r.rej_ac_h), sum(-1 * r.rej_ac_h * ifnull(p.bad_ac_h, 0)), sum(-1 * r.rej_ac_h * ifnull(p.good_ac_h, 0)), sum(-1 * r.rej_ig), sum(-1 * r.rej_ig * ifnull(p.bad_ig, 0)), sum(-1 * r.rej_ig * ifnull(p.good_ig, 0)), sum(-1 * r.rej_ig_h), sum(-1 * r.rej_ig_h * ifnull(p.bad_ig_h, 0)), sum(-1 * r.rej_ig_h * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = OLD.id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h
    FROM cases c WHERE c.lead_id = OLD.id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
    GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = OLD.id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, reason_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_lead_update_after AFTER UPDATE OF source, campaign, handed_over_at, owner_id, history ON leads
WHEN NEW.id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads') AND (OLD.source IS NOT NEW.source OR OLD.campaign IS NOT NEW.campaign OR OLD.handed_over_at IS NOT NEW.handed_over_at OR OLD.owner_id IS NOT NEW.owner_id OR OLD.history IS NOT NEW.history)
BEGIN
INSERT INTO summary_source_leads (grain, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(1), sum(1 * ifnull(p.rej_any, 0)), sum(1 * ifnull(p.bad_any, 0)), sum(1 * ifnull(p.good_any, 0)), sum(1 * ifnull(p.rej_any_h, 0)), sum(1 * ifnull(p.bad_any_h, 0)), sum(1 * ifnull(p.good_any_h, 0)), sum(1 * ifnull(p.rej_bc, 0)), sum(1 * ifnull(p.bad_bc, 0)), sum(1 * ifnull(p.good_bc, 0)), sum(1 * ifnull(p.rej_bc_h, 0)), sum(1 * ifnull(p.bad_bc_h, 0)), sum(1 * ifnull(p.good_bc_h, 0)), sum(1 * ifnull(p.rej_ac, 0)), sum(1 * ifnull(p.bad_ac, 0)), sum(1 * ifnull(p.good_ac, 0)), sum(1 * ifnull(p.rej_ac_h, 0)), sum(1 * ifnull(p.bad_ac_h, 0)), sum(1 * ifnull(p.good_ac_h, 0)), sum(1 * ifnull(p.rej_ig, 0)), sum(1 * ifnull(p.bad_ig, 0)), sum(1 * ifnull(p.good_ig, 0)), sum(1 * ifnull(p.rej_ig_h, 0)), sum(1 * ifnull(p.bad_ig_h, 0)), sum(1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = NEW.id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = NEW.id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_owners (grain, owner_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, l.owner_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(1), sum(1 * ifnull(p.rej_any, 0)), sum(1 * ifnull(p.bad_any, 0)), sum(1 * ifnull(p.good_any, 0)), sum(1 * ifnull(p.rej_any_h, 0)), sum(1 * ifnull(p.bad_any_h, 0)), sum(1 * ifnull(p.good_any_h, 0)), sum(1 * ifnull(p.rej_bc, 0)), sum(1 * ifnull(p.bad_bc, 0)), sum(1 * ifnull(p.good_bc, 0)), sum(1 * ifnull(p.rej_bc_h, 0)), sum(1 * ifnull(p.bad_bc_h, 0)), sum(1 * ifnull(p.good_bc_h, 0)), sum(1 * ifnull(p.rej_ac, 0)), sum(1 * ifnull(p.bad_ac, 0)), sum(1 * ifnull(p.good_ac, 0)), sum(1 * ifnull(p.rej_ac_h, 0)), sum(1 * ifnull(p.bad_ac_h, 0)), sum(1 * ifnull(p.good_ac_h, 0)), sum(1 * ifnull(p.rej_ig, 0)), sum(1 * ifnull(p.bad_ig, 0)), sum(1 * ifnull(p.good_ig, 0)), sum(1 * ifnull(p.rej_ig_h, 0)), sum(1 * ifnull(p.bad_ig_h, 0)), sum(1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = NEW.id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = NEW.id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, owner_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_reasons (grain, reason_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(1), sum(1 * r.rej_any), sum(1 * r.rej_any * ifnull(p.bad_any, 0)), sum(1 * r.rej_any * ifnull(p.good_any, 0)), sum(1 * r.rej_any_h), sum(1 * r.rej_any_h * ifnull(p.bad_any_h, 0)), sum(1 * r.rej_any_h * ifnull(p.good_any_h, 0)), sum(1 * r.rej_bc), sum(1 * r.rej_bc * ifnull(p.bad_bc, 0)), sum(1 * r.rej_bc * ifnull(p.good_bc, 0)), sum(1 * r.rej_bc_h), sum(1 * r.rej_bc_h * ifnull(p.bad_bc_h, 0)), sum(1 * r.rej_bc_h * ifnull(p.good_bc_h, 0)), sum(1 * r.rej_ac), sum(1 * r.rej_ac * ifnull(p.bad_ac, 0)), sum(1 * r.rej_ac * ifnull(p.good_ac, 0)), sum(1 * r.rej_ac_h), sum(1 * r.rej_ac_h * ifnull(p.bad_ac_h, 0)), sum(1 * r.rej_ac_h * ifnull(p.good_ac_h, 0)), sum(1 * r.rej_ig), sum(1 * r.rej_ig * ifnull(p.bad_ig, 0)), sum(1 * r.rej_ig * ifnull(p.good_ig, 0)), sum(1 * r.rej_ig_h), sum(1 * r.rej_ig_h * ifnull(p.bad_ig_h, 0)), sum(1 * r.rej_ig_h * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = NEW.id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h
    FROM cases c WHERE c.lead_id = NEW.id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
    GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = NEW.id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, reason_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_lead_delete BEFORE DELETE ON leads
WHEN OLD.id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads')
BEGIN
INSERT INTO summary_source_leads (grain, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(-1), sum(-1 * ifnull(p.rej_any, 0)), sum(-1 * ifnull(p.bad_any, 0)), sum(-1 * ifnull(p.good_any, 0)), sum(-1 * ifnull(p.rej_any_h, 0)), sum(-1 * ifnull(p.bad_any_h, 0)), sum(-1 * ifnull(p.good_any_h, 0)), sum(-1 * ifnull(p.rej_bc, 0)), sum(-1 * ifnull(p.bad_bc, 0)), sum(-1 * ifnull(p.good_bc, 0)), sum(-1 * ifnull(p.rej_bc_h, 0)), sum(-1 * ifnull(p.bad_bc_h, 0)), sum(-1 * ifnull(p.good_bc_h, 0)), sum(-1 * ifnull(p.rej_ac, 0)), sum(-1 * ifnull(p.bad_ac, 0)), sum(-1 * ifnull(p.good_ac, 0)), sum(-1 * ifnull(p.rej_ac_h, 0)), sum(-1 * ifnull(p.bad_ac_h, 0)), sum(-1 * ifnull(p.good_ac_h, 0)), sum(-1 * ifnull(p.rej_ig, 0)), sum(-1 * ifnull(p.bad_ig, 0)), sum(-1 * ifnull(p.good_ig, 0)), sum(-1 * ifnull(p.rej_ig_h, 0)), sum(-1 * ifnull(p.bad_ig_h, 0)), sum(-1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = OLD.id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = OLD.id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_owners (grain, owner_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, l.owner_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(-1), sum(-1 * ifnull(p.rej_any, 0)), sum(-1 * ifnull(p.bad_any, 0)), sum(-1 * ifnull(p.good_any, 0)), sum(-1 * ifnull(p.rej_any_h, 0)), sum(-1 * ifnull(p.bad_any_h, 0)), sum(-1 * ifnull(p.good_any_h, 0)), sum(-1 * ifnull(p.rej_bc, 0)), sum(-1 * ifnull(p.bad_bc, 0)), sum(-1 * ifnull(p.good_bc, 0)), sum(-1 * ifnull(p.rej_bc_h, 0)), sum(-1 * ifnull(p.bad_bc_h, 0)), sum(-1 * ifnull(p.good_bc_h, 0)), sum(-1 * ifnull(p.rej_ac, 0)), sum(-1 * ifnull(p.bad_ac, 0)), sum(-1 * ifnull(p.good_ac, 0)), sum(-1 * ifnull(p.rej_ac_h, 0)), sum(-1 * ifnull(p.bad_ac_h, 0)), sum(-1 * ifnull(p.good_ac_h, 0)), sum(-1 * ifnull(p.rej_ig, 0)), sum(-1 * ifnull(p.bad_ig, 0)), sum(-1 * ifnull(p.good_ig, 0)), sum(-1 * ifnull(p.rej_ig_h, 0)), sum(-1 * ifnull(p.bad_ig_h, 0)), sum(-1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = OLD.id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = OLD.id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, owner_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_reasons (grain, reason_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(-1), sum(-1 * r.rej_any), sum(-1 * r.rej_any * ifnull(p.bad_any, 0)), sum(-1 * r.rej_any * ifnull(p.good_any, 0)), sum(-1 * r.rej_any_h), sum(-1 * r.rej_any_h * ifnull(p.bad_any_h, 0)), sum(-1 * r.rej_any_h * ifnull(p.good_any_h, 0)), sum(-1 * r.rej_bc), sum(-1 * r.rej_bc * ifnull(p.bad_bc, 0)), sum(-1 * r.rej_bc * ifnull(p.good_bc, 0)), sum(-1 * r.rej_bc_h), sum(-1 * r.rej_bc_h * ifnull(p.bad_bc_h, 0)), sum(-1 * r.rej_bc_h * ifnull(p.good_bc_h, 0)), sum(-1 * r.rej_ac), sum(-1 * r.rej_ac * ifnull(p.bad_ac, 0)), sum(-1 * r.rej_ac * ifnull(p.good_ac, 0)), sum(-1 * r.rej_ac_h), sum(-1 * r.rej_ac_h * ifnull(p.bad_ac_h, 0)), sum(-1 * r.rej_ac_h * ifnull(p.good_ac_h, 0)), sum(-1 * r.rej_ig), sum(-1 * r.rej_ig * ifnull(p.bad_ig, 0)), sum(-1 * r.rej_ig * ifnull(p.good_ig, 0)), sum(-1 * r.rej_ig_h), sum(-1 * r.rej_ig_h * ifnull(p.bad_ig_h, 0)), sum(-1 * r.rej_ig_h * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = OLD.id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h
    FROM cases c WHERE c.lead_id = OLD.id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
    GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = OLD.id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, reason_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_case_insert_before BEFORE INSERT ON cases
WHEN NEW.reengaged = 0 AND NEW.lead_id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads')
BEGIN
INSERT INTO summary_source_leads (grain, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(-1), sum(-1 * ifnull(p.rej_any, 0)), sum(-1 * ifnull(p.bad_any, 0)), sum(-1 * ifnull(p.good_any, 0)), sum(-1 * ifnull(p.rej_any_h, 0)), sum(-1 * ifnull(p.bad_any_h, 0)), sum(-1 * ifnull(p.good_any_h, 0)), sum(-1 * ifnull(p.rej_bc, 0)), sum(-1 * ifnull(p.bad_bc, 0)), sum(-1 * ifnull(p.good_bc, 0)), sum(-1 * ifnull(p.rej_bc_h, 0)), sum(-1 * ifnull(p.bad_bc_h, 0)), sum(-1 * ifnull(p.good_bc_h, 0)), sum(-1 * ifnull(p.rej_ac, 0)), sum(-1 * ifnull(p.bad_ac, 0)), sum(-1 * ifnull(p.good_ac, 0)), sum(-1 * ifnull(p.rej_ac_h, 0)), sum(-1 * ifnull(p.bad_ac_h, 0)), sum(-1 * ifnull(p.good_ac_h, 0)), sum(-1 * ifnull(p.rej_ig, 0)), sum(-1 * ifnull(p.bad_ig, 0)), sum(-1 * ifnull(p.good_ig, 0)), sum(-1 * ifnull(p.rej_ig_h, 0)), sum(-1 * ifnull(p.bad_ig_h, 0)), sum(-1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = NEW.lead_id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = NEW.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_owners (grain, owner_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, l.owner_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(-1), sum(-1 * ifnull(p.rej_any, 0)), sum(-1 * ifnull(p.bad_any, 0)), sum(-1 * ifnull(p.good_any, 0)), sum(-1 * ifnull(p.rej_any_h, 0)), sum(-1 * ifnull(p.bad_any_h, 0)), sum(-1 * ifnull(p.good_any_h, 0)), sum(-1 * ifnull(p.rej_bc, 0)), sum(-1 * ifnull(p.bad_bc, 0)), sum(-1 * ifnull(p.good_bc, 0)), sum(-1 * ifnull(p.rej_bc_h, 0)), sum(-1 * ifnull(p.bad_bc_h, 0)), sum(-1 * ifnull(p.good_bc_h, 0)), sum(-1 * ifnull(p.rej_ac, 0)), sum(-1 * ifnull(p.bad_ac, 0)), sum(-1 * ifnull(p.good_ac, 0)), sum(-1 * ifnull(p.rej_ac_h, 0)), sum(-1 * ifnull(p.bad_ac_h, 0)), sum(-1 * ifnull(p.good_ac_h, 0)), sum(-1 * ifnull(p.rej_ig, 0)), sum(-1 * ifnull(p.bad_ig, 0)), sum(-1 * ifnull(p.good_ig, 0)), sum(-1 * ifnull(p.rej_ig_h, 0)), sum(-1 * ifnull(p.bad_ig_h, 0)), sum(-1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = NEW.lead_id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = NEW.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, owner_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_reasons (grain, reason_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(-1), sum(-1 * r.rej_any), sum(-1 * r.rej_any * ifnull(p.bad_any, 0)), sum(-1 * r.rej_any * ifnull(p.good_any, 0)), sum(-1 * r.rej_any_h), sum(-1 * r.rej_any_h * ifnull(p.bad_any_h, 0)), sum(-1 * r.rej_any_h * ifnull(p.good_any_h, 0)), sum(-1 * r.rej_bc), sum(-1 * r.rej_bc * ifnull(p.bad_bc, 0)), sum(-1 * r.rej_bc * ifnull(p.good_bc, 0)), sum(-1 * r.rej_bc_h), sum(-1 * r.rej_bc_h * ifnull(p.bad_bc_h, 0)), sum(-1 * r.rej_bc_h * ifnull(p.good_bc_h, 0)), sum(-1 * r.rej_ac), sum(-1 * r.rej_ac * ifnull(p.bad_ac, 0)), sum(-1 * r.rej_ac * ifnull(p.good_ac, 0)), sum(-1 * r.rej_ac_h), sum(-1 * r.rej_ac_h * ifnull(p.bad_ac_h, 0)), sum(-1 * r.rej_ac_h * ifnull(p.good_ac_h, 0)), sum(-1 * r.rej_ig), sum(-1 * r.rej_ig * ifnull(p.bad_ig, 0)), sum(-1 * r.rej_ig * ifnull(p.good_ig, 0)), sum(-1 * r.rej_ig_h), sum(-1 * r.rej_ig_h * ifnull(p.bad_ig_h, 0)), sum(-1 * r.rej_ig_h * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = NEW.lead_id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h
    FROM cases c WHERE c.lead_id = NEW.lead_id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
    GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = NEW.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, reason_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_case_insert_after AFTER INSERT ON cases
WHEN NEW.reengaged = 0 AND NEW.lead_id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads')
BEGIN
INSERT INTO summary_source_leads (grain, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(1), sum(1 * ifnull(p.rej_any, 0)), sum(1 * ifnull(p.bad_any, 0)), sum(1 * ifnull(p.good_any, 0)), sum(1 * ifnull(p.rej_any_h, 0)), sum(1 * ifnull(p.bad_any_h, 0)), sum(1 * ifnull(p.good_any_h, 0)), sum(1 * ifnull(p.rej_bc, 0)), sum(1 * ifnull(p.bad_bc, 0)), sum(1 * ifnull(p.good_bc, 0)), sum(1 * ifnull(p.rej_bc_h, 0)), sum(1 * ifnull(p.bad_bc_h, 0)), sum(1 * ifnull(p.good_bc_h, 0)), sum(1 * ifnull(p.rej_ac, 0)), sum(1 * ifnull(p.bad_ac, 0)), sum(1 * ifnull(p.good_ac, 0)), sum(1 * ifnull(p.rej_ac_h, 0)), sum(1 * ifnull(p.bad_ac_h, 0)), sum(1 * ifnull(p.good_ac_h, 0)), sum(1 * ifnull(p.rej_ig, 0)), sum(1 * ifnull(p.bad_ig, 0)), sum(1 * ifnull(p.good_ig, 0)), sum(1 * ifnull(p.rej_ig_h, 0)), sum(1 * ifnull(p.bad_ig_h, 0)), sum(1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = NEW.lead_id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = NEW.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_owners (grain, owner_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, l.owner_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(1), sum(1 * ifnull(p.rej_any, 0)), sum(1 * ifnull(p.bad_any, 0)), sum(1 * ifnull(p.good_any, 0)), sum(1 * ifnull(p.rej_any_h, 0)), sum(1 * ifnull(p.bad_any_h, 0)), sum(1 * ifnull(p.good_any_h, 0)), sum(1 * ifnull(p.rej_bc, 0)), sum(1 * ifnull(p.bad_bc, 0)), sum(1 * ifnull(p.good_bc, 0)), sum(1 * ifnull(p.rej_bc_h, 0)), sum(1 * ifnull(p.bad_bc_h, 0)), sum(1 * ifnull(p.good_bc_h, 0)), sum(1 * ifnull(p.rej_ac, 0)), sum(1 * ifnull(p.bad_ac, 0)), sum(1 * ifnull(p.good_ac, 0)), sum(1 * ifnull(p.rej_ac_h, 0)), sum(1 * ifnull(p.bad_ac_h, 0)), sum(1 * ifnull(p.good_ac_h, 0)), sum(1 * ifnull(p.rej_ig, 0)), sum(1 * ifnull(p.bad_ig, 0)), sum(1 * ifnull(p.good_ig, 0)), sum(1 * ifnull(p.rej_ig_h, 0)), sum(1 * ifnull(p.bad_ig_h, 0)), sum(1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = NEW.lead_id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = NEW.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, owner_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_reasons (grain, reason_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(1), sum(1 * r.rej_any), sum(1 * r.rej_any * ifnull(p.bad_any, 0)), sum(1 * r.rej_any * ifnull(p.good_any, 0)), sum(1 * r.rej_any_h), sum(1 * r.rej_any_h * ifnull(p.bad_any_h, 0)), sum(1 * r.rej_any_h * ifnull(p.good_any_h, 0)), sum(1 * r.rej_bc), sum(1 * r.rej_bc * ifnull(p.bad_bc, 0)), sum(1 * r.rej_bc * ifnull(p.good_bc, 0)), sum(1 * r.rej_bc_h), sum(1 * r.rej_bc_h * ifnull(p.bad_bc_h, 0)), sum(1 * r.rej_bc_h * ifnull(p.good_bc_h, 0)), sum(1 * r.rej_ac), sum(1 * r.rej_ac * ifnull(p.bad_ac, 0)), sum(1 * r.rej_ac * ifnull(p.good_ac, 0)), sum(1 * r.rej_ac_h), sum(1 * r.rej_ac_h * ifnull(p.bad_ac_h, 0)), sum(1 * r.rej_ac_h * ifnull(p.good_ac_h, 0)), sum(1 * r.rej_ig), sum(1 * r.rej_ig * ifnull(p.bad_ig, 0)), sum(1 * r.rej_ig * ifnull(p.good_ig, 0)), sum(1 * r.rej_ig_h), sum(1 * r.rej_ig_h * ifnull(p.bad_ig_h, 0)), sum(1 * r.rej_ig_h * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = NEW.lead_id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h
    FROM cases c WHERE c.lead_id = NEW.lead_id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
    GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = NEW.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, reason_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_case_update_before BEFORE UPDATE OF kind, after_contact, status, verdict, reason_id, reengaged ON cases
WHEN (OLD.reengaged = 0 OR NEW.reengaged = 0) AND OLD.lead_id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads') AND (OLD.kind IS NOT NEW.kind OR OLD.after_contact IS NOT NEW.after_contact OR OLD.status IS NOT NEW.status OR OLD.verdict IS NOT NEW.verdict OR OLD.reason_id IS NOT NEW.reason_id OR OLD.reengaged IS NOT NEW.reengaged)
BEGIN
INSERT INTO summary_source_leads (grain, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(-1), sum(-1 * ifnull(p.rej_any, 0)), sum(-1 * ifnull(p.bad_any, 0)), sum(-1 * ifnull(p.good_any, 0)), sum(-1 * ifnull(p.rej_any_h, 0)), sum(-1 * ifnull(p.bad_any_h, 0)), sum(-1 * ifnull(p.good_any_h, 0)), sum(-1 * ifnull(p.rej_bc, 0)), sum(-1 * ifnull(p.bad_bc, 0)), sum(-1 * ifnull(p.good_bc, 0)), sum(-1 * ifnull(p.rej_bc_h, 0)), sum(-1 * ifnull(p.bad_bc_h, 0)), sum(-1 * ifnull(p.good_bc_h, 0)), sum(-1 * ifnull(p.rej_ac, 0)), sum(-1 * ifnull(p.bad_ac, 0)), sum(-1 * ifnull(p.good_ac, 0)), sum(-1 * ifnull(p.rej_ac_h, 0)), sum(-1 * ifnull(p.bad_ac_h, 0)), sum(-1 * ifnull(p.good_ac_h, 0)), sum(-1 * ifnull(p.rej_ig, 0)), sum(-1 * ifnull(p.bad_ig, 0)), sum(-1 * ifnull(p.good_ig, 0)), sum(-1 * ifnull(p.rej_ig_h, 0)), sum(-1 * ifnull(p.bad_ig_h, 0)), sum(-1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = OLD.lead_id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = OLD.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_owners (grain, owner_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, l.owner_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(-1), sum(-1 * ifnull(p.rej_any, 0)), sum(-1 * ifnull(p.bad_any, 0)), sum(-1 * ifnull(p.good_any, 0)), sum(-1 * ifnull(p.rej_any_h, 0)), sum(-1 * ifnull(p.bad_any_h, 0)), sum(-1 * ifnull(p.good_any_h, 0)), sum(-1 * ifnull(p.rej_bc, 0)), sum(-1 * ifnull(p.bad_bc, 0)), sum(-1 * ifnull(p.good_bc, 0)), sum(-1 * ifnull(p.rej_bc_h, 0)), sum(-1 * ifnull(p.bad_bc_h, 0)), sum(-1 * ifnull(p.good_bc_h, 0)), sum(-1 * ifnull(p.rej_ac, 0)), sum(-1 * ifnull(p.bad_ac, 0)), sum(-1 * ifnull(p.good_ac, 0)), sum(-1 * ifnull(p.rej_ac_h, 0)), sum(-1 * ifnull(p.bad_ac_h, 0)), sum(-1 * ifnull(p.good_ac_h, 0)), sum(-1 * ifnull(p.rej_ig, 0)), sum(-1 * ifnull(p.bad_ig, 0)), sum(-1 * ifnull(p.good_ig, 0)), sum(-1 * ifnull(p.rej_ig_h, 0)), sum(-1 * ifnull(p.bad_ig_h, 0)), sum(-1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = OLD.lead_id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = OLD.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, owner_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_reasons (grain, reason_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(-1), sum(-1 * r.rej_any), sum(-1 * r.rej_any * ifnull(p.bad_any, 0)), sum(-1 * r.rej_any * ifnull(p.good_any, 0)), sum(-1 * r.rej_any_h), sum(-1 * r.rej_any_h * ifnull(p.bad_any_h, 0)), sum(-1 * r.rej_any_h * ifnull(p.good_any_h, 0)), sum(-1 * r.rej_bc), sum(-1 * r.rej_bc * ifnull(p.bad_bc, 0)), sum(-1 * r.rej_bc * ifnull(p.good_bc, 0)), sum(-1 * r.rej_bc_h), sum(-1 * r.rej_bc_h * ifnull(p.bad_bc_h, 0)), sum(-1 * r.rej_bc_h * ifnull(p.good_bc_h, 0)), sum(-1 * r.rej_ac), sum(-1 * r.rej_ac * ifnull(p.bad_ac, 0)), sum(-1 * r.rej_ac * ifnull(p.good_ac, 0)), sum(-1 * r.rej_ac_h), sum(-1 * r.rej_ac_h * ifnull(p.bad_ac_h, 0)), sum(-1 * r.rej_ac_h * ifnull(p.good_ac_h, 0)), sum(-1 * r.rej_ig), sum(-1 * r.rej_ig * ifnull(p.bad_ig, 0)), sum(-1 * r.rej_ig * ifnull(p.good_ig, 0)), sum(-1 * r.rej_ig_h), sum(-1 * r.rej_ig_h * ifnull(p.bad_ig_h, 0)), sum(-1 * r.rej_ig_h * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = OLD.lead_id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h
    FROM cases c WHERE c.lead_id = OLD.lead_id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
    GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = OLD.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, reason_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_case_update_after AFTER UPDATE OF kind, after_contact, status, verdict, reason_id, reengaged ON cases
WHEN (OLD.reengaged = 0 OR NEW.reengaged = 0) AND NEW.lead_id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads') AND (OLD.kind IS NOT NEW.kind OR OLD.after_contact IS NOT NEW.after_contact OR OLD.status IS NOT NEW.status OR OLD.verdict IS NOT NEW.verdict OR OLD.reason_id IS NOT NEW.reason_id OR OLD.reengaged IS NOT NEW.reengaged)
BEGIN
INSERT INTO summary_source_leads (grain, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(1), sum(1 * ifnull(p.rej_any, 0)), sum(1 * ifnull(p.bad_any, 0)), sum(1 * ifnull(p.good_any, 0)), sum(1 * ifnull(p.rej_any_h, 0)), sum(1 * ifnull(p.bad_any_h, 0)), sum(1 * ifnull(p.good_any_h, 0)), sum(1 * ifnull(p.rej_bc, 0)), sum(1 * ifnull(p.bad_bc, 0)), sum(1 * ifnull(p.good_bc, 0)), sum(1 * ifnull(p.rej_bc_h, 0)), sum(1 * ifnull(p.bad_bc_h, 0)), sum(1 * ifnull(p.good_bc_h, 0)), sum(1 * ifnull(p.rej_ac, 0)), sum(1 * ifnull(p.bad_ac, 0)), sum(1 * ifnull(p.good_ac, 0)), sum(1 * ifnull(p.rej_ac_h, 0)), sum(1 * ifnull(p.bad_ac_h, 0)), sum(1 * ifnull(p.good_ac_h, 0)), sum(1 * ifnull(p.rej_ig, 0)), sum(1 * ifnull(p.bad_ig, 0)), sum(1 * ifnull(p.good_ig, 0)), sum(1 * ifnull(p.rej_ig_h, 0)), sum(1 * ifnull(p.bad_ig_h, 0)), sum(1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = NEW.lead_id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = NEW.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_owners (grain, owner_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, l.owner_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(1), sum(1 * ifnull(p.rej_any, 0)), sum(1 * ifnull(p.bad_any, 0)), sum(1 * ifnull(p.good_any, 0)), sum(1 * ifnull(p.rej_any_h, 0)), sum(1 * ifnull(p.bad_any_h, 0)), sum(1 * ifnull(p.good_any_h, 0)), sum(1 * ifnull(p.rej_bc, 0)), sum(1 * ifnull(p.bad_bc, 0)), sum(1 * ifnull(p.good_bc, 0)), sum(1 * ifnull(p.rej_bc_h, 0)), sum(1 * ifnull(p.bad_bc_h, 0)), sum(1 * ifnull(p.good_bc_h, 0)), sum(1 * ifnull(p.rej_ac, 0)), sum(1 * ifnull(p.bad_ac, 0)), sum(1 * ifnull(p.good_ac, 0)), sum(1 * ifnull(p.rej_ac_h, 0)), sum(1 * ifnull(p.bad_ac_h, 0)), sum(1 * ifnull(p.good_ac_h, 0)), sum(1 * ifnull(p.rej_ig, 0)), sum(1 * ifnull(p.bad_ig, 0)), sum(1 * ifnull(p.good_ig, 0)), sum(1 * ifnull(p.rej_ig_h, 0)), sum(1 * ifnull(p.bad_ig_h, 0)), sum(1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = NEW.lead_id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = NEW.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, owner_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_reasons (grain, reason_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(1), sum(1 * r.rej_any), sum(1 * r.rej_any * ifnull(p.bad_any, 0)), sum(1 * r.rej_any * ifnull(p.good_any, 0)), sum(1 * r.rej_any_h), sum(1 * r.rej_any_h * ifnull(p.bad_any_h, 0)), sum(1 * r.rej_any_h * ifnull(p.good_any_h, 0)), sum(1 * r.rej_bc), sum(1 * r.rej_bc * ifnull(p.bad_bc, 0)), sum(1 * r.rej_bc * ifnull(p.good_bc, 0)), sum(1 * r.rej_bc_h), sum(1 * r.rej_bc_h * ifnull(p.bad_bc_h, 0)), sum(1 * r.rej_bc_h * ifnull(p.good_bc_h, 0)), sum(1 * r.rej_ac), sum(1 * r.rej_ac * ifnull(p.bad_ac, 0)), sum(1 * r.rej_ac * ifnull(p.good_ac, 0)), sum(1 * r.rej_ac_h), sum(1 * r.rej_ac_h * ifnull(p.bad_ac_h, 0)), sum(1 * r.rej_ac_h * ifnull(p.good_ac_h, 0)), sum(1 * r.rej_ig), sum(1 * r.rej_ig * ifnull(p.bad_ig, 0)), sum(1 * r.rej_ig * ifnull(p.good_ig, 0)), sum(1 * r.rej_ig_h), sum(1 * r.rej_ig_h * ifnull(p.bad_ig_h, 0)), sum(1 * r.rej_ig_h * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = NEW.lead_id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h
    FROM cases c WHERE c.lead_id = NEW.lead_id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
    GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = NEW.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, reason_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_case_delete_before BEFORE DELETE ON cases
WHEN OLD.reengaged = 0 AND OLD.lead_id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads')
BEGIN
INSERT INTO summary_source_leads (grain, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(-1), sum(-1 * ifnull(p.rej_any, 0)), sum(-1 * ifnull(p.bad_any, 0)), sum(-1 * ifnull(p.good_any, 0)), sum(-1 * ifnull(p.rej_any_h, 0)), sum(-1 * ifnull(p.bad_any_h, 0)), sum(-1 * ifnull(p.good_any_h, 0)), sum(-1 * ifnull(p.rej_bc, 0)), sum(-1 * ifnull(p.bad_bc, 0)), sum(-1 * ifnull(p.good_bc, 0)), sum(-1 * ifnull(p.rej_bc_h, 0)), sum(-1 * ifnull(p.bad_bc_h, 0)), sum(-1 * ifnull(p.good_bc_h, 0)), sum(-1 * ifnull(p.rej_ac, 0)), sum(-1 * ifnull(p.bad_ac, 0)), sum(-1 * ifnull(p.good_ac, 0)), sum(-1 * ifnull(p.rej_ac_h, 0)), sum(-1 * ifnull(p.bad_ac_h, 0)), sum(-1 * ifnull(p.good_ac_h, 0)), sum(-1 * ifnull(p.rej_ig, 0)), sum(-1 * ifnull(p.bad_ig, 0)), sum(-1 * ifnull(p.good_ig, 0)), sum(-1 * ifnull(p.rej_ig_h, 0)), sum(-1 * ifnull(p.bad_ig_h, 0)), sum(-1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = OLD.lead_id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = OLD.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_owners (grain, owner_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, l.owner_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(-1), sum(-1 * ifnull(p.rej_any, 0)), sum(-1 * ifnull(p.bad_any, 0)), sum(-1 * ifnull(p.good_any, 0)), sum(-1 * ifnull(p.rej_any_h, 0)), sum(-1 * ifnull(p.bad_any_h, 0)), sum(-1 * ifnull(p.good_any_h, 0)), sum(-1 * ifnull(p.rej_bc, 0)), sum(-1 * ifnull(p.bad_bc, 0)), sum(-1 * ifnull(p.good_bc, 0)), sum(-1 * ifnull(p.rej_bc_h, 0)), sum(-1 * ifnull(p.bad_bc_h, 0)), sum(-1 * ifnull(p.good_bc_h, 0)), sum(-1 * ifnull(p.rej_ac, 0)), sum(-1 * ifnull(p.bad_ac, 0)), sum(-1 * ifnull(p.good_ac, 0)), sum(-1 * ifnull(p.rej_ac_h, 0)), sum(-1 * ifnull(p.bad_ac_h, 0)), sum(-1 * ifnull(p.good_ac_h, 0)), sum(-1 * ifnull(p.rej_ig, 0)), sum(-1 * ifnull(p.bad_ig, 0)), sum(-1 * ifnull(p.good_ig, 0)), sum(-1 * ifnull(p.rej_ig_h, 0)), sum(-1 * ifnull(p.bad_ig_h, 0)), sum(-1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = OLD.lead_id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = OLD.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, owner_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_reasons (grain, reason_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(-1), sum(-1 * r.rej_any), sum(-1 * r.rej_any * ifnull(p.bad_any, 0)), sum(-1 * r.rej_any * ifnull(p.good_any, 0)), sum(-1 * r.rej_any_h), sum(-1 * r.rej_any_h * ifnull(p.bad_any_h, 0)), sum(-1 * r.rej_any_h * ifnull(p.good_any_h, 0)), sum(-1 * r.rej_bc), sum(-1 * r.rej_bc * ifnull(p.bad_bc, 0)), sum(-1 * r.rej_bc * ifnull(p.good_bc, 0)), sum(-1 * r.rej_bc_h), sum(-1 * r.rej_bc_h * ifnull(p.bad_bc_h, 0)), sum(-1 * r.rej_bc_h * ifnull(p.good_bc_h, 0)), sum(-1 * r.rej_ac), sum(-1 * r.rej_ac * ifnull(p.bad_ac, 0)), sum(-1 * r.rej_ac * ifnull(p.good_ac, 0)), sum(-1 * r.rej_ac_h), sum(-1 * r.rej_ac_h * ifnull(p.bad_ac_h, 0)), sum(-1 * r.rej_ac_h * ifnull(p.good_ac_h, 0)), sum(-1 * r.rej_ig), sum(-1 * r.rej_ig * ifnull(p.bad_ig, 0)), sum(-1 * r.rej_ig * ifnull(p.good_ig, 0)), sum(-1 * r.rej_ig_h), sum(-1 * r.rej_ig_h * ifnull(p.bad_ig_h, 0)), sum(-1 * r.rej_ig_h * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = OLD.lead_id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h
    FROM cases c WHERE c.lead_id = OLD.lead_id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
    GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = OLD.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, reason_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_case_delete_after AFTER DELETE ON cases
WHEN OLD.reengaged = 0 AND OLD.lead_id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads')
BEGIN
INSERT INTO summary_source_leads (grain, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(1), sum(1 * ifnull(p.rej_any, 0)), sum(1 * ifnull(p.bad_any, 0)), sum(1 * ifnull(p.good_any, 0)), sum(1 * ifnull(p.rej_any_h, 0)), sum(1 * ifnull(p.bad_any_h, 0)), sum(1 * ifnull(p.good_any_h, 0)), sum(1 * ifnull(p.rej_bc, 0)), sum(1 * ifnull(p.bad_bc, 0)), sum(1 * ifnull(p.good_bc, 0)), sum(1 * ifnull(p.rej_bc_h, 0)), sum(1 * ifnull(p.bad_bc_h, 0)), sum(1 * ifnull(p.good_bc_h, 0)), sum(1 * ifnull(p.rej_ac, 0)), sum(1 * ifnull(p.bad_ac, 0)), sum(1 * ifnull(p.good_ac, 0)), sum(1 * ifnull(p.rej_ac_h, 0)), sum(1 * ifnull(p.bad_ac_h, 0)), sum(1 * ifnull(p.good_ac_h, 0)), sum(1 * ifnull(p.rej_ig, 0)), sum(1 * ifnull(p.bad_ig, 0)), sum(1 * ifnull(p.good_ig, 0)), sum(1 * ifnull(p.rej_ig_h, 0)), sum(1 * ifnull(p.bad_ig_h, 0)), sum(1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = OLD.lead_id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = OLD.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_owners (grain, owner_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, l.owner_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(1), sum(1 * ifnull(p.rej_any, 0)), sum(1 * ifnull(p.bad_any, 0)), sum(1 * ifnull(p.good_any, 0)), sum(1 * ifnull(p.rej_any_h, 0)), sum(1 * ifnull(p.bad_any_h, 0)), sum(1 * ifnull(p.good_any_h, 0)), sum(1 * ifnull(p.rej_bc, 0)), sum(1 * ifnull(p.bad_bc, 0)), sum(1 * ifnull(p.good_bc, 0)), sum(1 * ifnull(p.rej_bc_h, 0)), sum(1 * ifnull(p.bad_bc_h, 0)), sum(1 * ifnull(p.good_bc_h, 0)), sum(1 * ifnull(p.rej_ac, 0)), sum(1 * ifnull(p.bad_ac, 0)), sum(1 * ifnull(p.good_ac, 0)), sum(1 * ifnull(p.rej_ac_h, 0)), sum(1 * ifnull(p.bad_ac_h, 0)), sum(1 * ifnull(p.good_ac_h, 0)), sum(1 * ifnull(p.rej_ig, 0)), sum(1 * ifnull(p.bad_ig, 0)), sum(1 * ifnull(p.good_ig, 0)), sum(1 * ifnull(p.rej_ig_h, 0)), sum(1 * ifnull(p.bad_ig_h, 0)), sum(1 * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = OLD.lead_id) l LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = OLD.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, owner_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
INSERT INTO summary_source_reasons (grain, reason_id, period, source, campaign, history, n, rej_any, bad_any, good_any, rej_any_h, bad_any_h, good_any_h, rej_bc, bad_bc, good_bc, rej_bc_h, bad_bc_h, good_bc_h, rej_ac, bad_ac, good_ac, rej_ac_h, bad_ac_h, good_ac_h, rej_ig, bad_ig, good_ig, rej_ig_h, bad_ig_h, good_ig_h)
  SELECT g.grain, r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history, sum(1), sum(1 * r.rej_any), sum(1 * r.rej_any * ifnull(p.bad_any, 0)), sum(1 * r.rej_any * ifnull(p.good_any, 0)), sum(1 * r.rej_any_h), sum(1 * r.rej_any_h * ifnull(p.bad_any_h, 0)), sum(1 * r.rej_any_h * ifnull(p.good_any_h, 0)), sum(1 * r.rej_bc), sum(1 * r.rej_bc * ifnull(p.bad_bc, 0)), sum(1 * r.rej_bc * ifnull(p.good_bc, 0)), sum(1 * r.rej_bc_h), sum(1 * r.rej_bc_h * ifnull(p.bad_bc_h, 0)), sum(1 * r.rej_bc_h * ifnull(p.good_bc_h, 0)), sum(1 * r.rej_ac), sum(1 * r.rej_ac * ifnull(p.bad_ac, 0)), sum(1 * r.rej_ac * ifnull(p.good_ac, 0)), sum(1 * r.rej_ac_h), sum(1 * r.rej_ac_h * ifnull(p.bad_ac_h, 0)), sum(1 * r.rej_ac_h * ifnull(p.good_ac_h, 0)), sum(1 * r.rej_ig), sum(1 * r.rej_ig * ifnull(p.bad_ig, 0)), sum(1 * r.rej_ig * ifnull(p.good_ig, 0)), sum(1 * r.rej_ig_h), sum(1 * r.rej_ig_h * ifnull(p.bad_ig_h, 0)), sum(1 * r.rej_ig_h * ifnull(p.good_ig_h, 0))
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE l.id = OLD.lead_id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h
    FROM cases c WHERE c.lead_id = OLD.lead_id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
    GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id LEFT JOIN (SELECT c.lead_id AS lead_id, ifnull(max(c.kind = 'rejected'), 0) AS rej_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'does_not_meet'), 0) AS bad_any, ifnull(max(c.kind = 'rejected' AND c.verdict = 'meets'), 0) AS good_any, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported'), 0) AS rej_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_any_h, ifnull(max(c.kind = 'rejected' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_any_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0), 0) AS rej_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'does_not_meet'), 0) AS bad_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.verdict = 'meets'), 0) AS good_bc, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported'), 0) AS rej_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 0 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_bc_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1), 0) AS rej_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'does_not_meet'), 0) AS bad_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.verdict = 'meets'), 0) AS good_ac, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported'), 0) AS rej_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ac_h, ifnull(max(c.kind = 'rejected' AND c.after_contact = 1 AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ac_h, ifnull(max(c.kind = 'ignored'), 0) AS rej_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'does_not_meet'), 0) AS bad_ig, ifnull(max(c.kind = 'ignored' AND c.verdict = 'meets'), 0) AS good_ig, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported'), 0) AS rej_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'does_not_meet'), 0) AS bad_ig_h, ifnull(max(c.kind = 'ignored' AND c.status <> 'imported' AND c.verdict = 'meets'), 0) AS good_ig_h
    FROM cases c WHERE c.lead_id = OLD.lead_id AND c.reengaged = 0 GROUP BY c.lead_id) p ON p.lead_id = l.id CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, reason_id, period, source, campaign, history) DO UPDATE SET n = n + excluded.n, rej_any = rej_any + excluded.rej_any, bad_any = bad_any + excluded.bad_any, good_any = good_any + excluded.good_any, rej_any_h = rej_any_h + excluded.rej_any_h, bad_any_h = bad_any_h + excluded.bad_any_h, good_any_h = good_any_h + excluded.good_any_h, rej_bc = rej_bc + excluded.rej_bc, bad_bc = bad_bc + excluded.bad_bc, good_bc = good_bc + excluded.good_bc, rej_bc_h = rej_bc_h + excluded.rej_bc_h, bad_bc_h = bad_bc_h + excluded.bad_bc_h, good_bc_h = good_bc_h + excluded.good_bc_h, rej_ac = rej_ac + excluded.rej_ac, bad_ac = bad_ac + excluded.bad_ac, good_ac = good_ac + excluded.good_ac, rej_ac_h = rej_ac_h + excluded.rej_ac_h, bad_ac_h = bad_ac_h + excluded.bad_ac_h, good_ac_h = good_ac_h + excluded.good_ac_h, rej_ig = rej_ig + excluded.rej_ig, bad_ig = bad_ig + excluded.bad_ig, good_ig = good_ig + excluded.good_ig, rej_ig_h = rej_ig_h + excluded.rej_ig_h, bad_ig_h = bad_ig_h + excluded.bad_ig_h, good_ig_h = good_ig_h + excluded.good_ig_h;
END;
--> statement-breakpoint
-- triggers: hindsight
CREATE TRIGGER summary_hindsight_case_insert AFTER INSERT ON cases
WHEN NEW.kind = 'rejected' AND NEW.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')
BEGIN
INSERT INTO summary_hindsight_cases (grain, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT NEW.lead_id AS lead_id, NEW.kind AS kind, NEW.status AS status, NEW.verdict AS verdict, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged, NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source, NEW.campaign AS campaign, NEW.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (grain, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reps (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.rep_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT NEW.lead_id AS lead_id, NEW.kind AS kind, NEW.status AS status, NEW.verdict AS verdict, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged, NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source, NEW.campaign AS campaign, NEW.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reasons (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.reason_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT NEW.lead_id AS lead_id, NEW.kind AS kind, NEW.status AS status, NEW.verdict AS verdict, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged, NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source, NEW.campaign AS campaign, NEW.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_sources (grain, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT NEW.lead_id AS lead_id, NEW.kind AS kind, NEW.status AS status, NEW.verdict AS verdict, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged, NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source, NEW.campaign AS campaign, NEW.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_campaigns (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.campaign, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT NEW.lead_id AS lead_id, NEW.kind AS kind, NEW.status AS status, NEW.verdict AS verdict, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged, NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source, NEW.campaign AS campaign, NEW.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_hindsight_case_update AFTER UPDATE OF kind, status, verdict, after_contact, reengaged, rep_id, reason_id, source, campaign, opened_at ON cases
WHEN (OLD.kind = 'rejected' OR NEW.kind = 'rejected') AND OLD.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')
  AND (OLD.kind IS NOT NEW.kind OR OLD.status IS NOT NEW.status OR OLD.verdict IS NOT NEW.verdict OR OLD.after_contact IS NOT NEW.after_contact OR OLD.reengaged IS NOT NEW.reengaged OR OLD.rep_id IS NOT NEW.rep_id OR OLD.reason_id IS NOT NEW.reason_id OR OLD.source IS NOT NEW.source OR OLD.campaign IS NOT NEW.campaign OR OLD.opened_at IS NOT NEW.opened_at)
BEGIN
INSERT INTO summary_hindsight_cases (grain, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT OLD.lead_id AS lead_id, OLD.kind AS kind, OLD.status AS status, OLD.verdict AS verdict, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged, OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source, OLD.campaign AS campaign, OLD.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (grain, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reps (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.rep_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT OLD.lead_id AS lead_id, OLD.kind AS kind, OLD.status AS status, OLD.verdict AS verdict, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged, OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source, OLD.campaign AS campaign, OLD.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reasons (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.reason_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT OLD.lead_id AS lead_id, OLD.kind AS kind, OLD.status AS status, OLD.verdict AS verdict, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged, OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source, OLD.campaign AS campaign, OLD.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_sources (grain, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT OLD.lead_id AS lead_id, OLD.kind AS kind, OLD.status AS status, OLD.verdict AS verdict, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged, OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source, OLD.campaign AS campaign, OLD.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_campaigns (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.campaign, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT OLD.lead_id AS lead_id, OLD.kind AS kind, OLD.status AS status, OLD.verdict AS verdict, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged, OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source, OLD.campaign AS campaign, OLD.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_cases (grain, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT NEW.lead_id AS lead_id, NEW.kind AS kind, NEW.status AS status, NEW.verdict AS verdict, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged, NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source, NEW.campaign AS campaign, NEW.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (grain, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reps (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.rep_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT NEW.lead_id AS lead_id, NEW.kind AS kind, NEW.status AS status, NEW.verdict AS verdict, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged, NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source, NEW.campaign AS campaign, NEW.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reasons (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.reason_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT NEW.lead_id AS lead_id, NEW.kind AS kind, NEW.status AS status, NEW.verdict AS verdict, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged, NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source, NEW.campaign AS campaign, NEW.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_sources (grain, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT NEW.lead_id AS lead_id, NEW.kind AS kind, NEW.status AS status, NEW.verdict AS verdict, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged, NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source, NEW.campaign AS campaign, NEW.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_campaigns (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.campaign, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT NEW.lead_id AS lead_id, NEW.kind AS kind, NEW.status AS status, NEW.verdict AS verdict, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged, NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source, NEW.campaign AS campaign, NEW.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_hindsight_case_delete AFTER DELETE ON cases
WHEN OLD.kind = 'rejected' AND OLD.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')
BEGIN
INSERT INTO summary_hindsight_cases (grain, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT OLD.lead_id AS lead_id, OLD.kind AS kind, OLD.status AS status, OLD.verdict AS verdict, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged, OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source, OLD.campaign AS campaign, OLD.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (grain, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reps (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.rep_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT OLD.lead_id AS lead_id, OLD.kind AS kind, OLD.status AS status, OLD.verdict AS verdict, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged, OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source, OLD.campaign AS campaign, OLD.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reasons (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.reason_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT OLD.lead_id AS lead_id, OLD.kind AS kind, OLD.status AS status, OLD.verdict AS verdict, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged, OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source, OLD.campaign AS campaign, OLD.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_sources (grain, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT OLD.lead_id AS lead_id, OLD.kind AS kind, OLD.status AS status, OLD.verdict AS verdict, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged, OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source, OLD.campaign AS campaign, OLD.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_campaigns (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.campaign, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT OLD.lead_id AS lead_id, OLD.kind AS kind, OLD.status AS status, OLD.verdict AS verdict, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged, OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source, OLD.campaign AS campaign, OLD.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_hindsight_outcome_insert_before BEFORE INSERT ON outcomes
BEGIN
INSERT INTO summary_hindsight_cases (grain, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (grain, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reps (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.rep_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reasons (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.reason_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_sources (grain, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_campaigns (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.campaign, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_hindsight_outcome_insert_after AFTER INSERT ON outcomes
BEGIN
INSERT INTO summary_hindsight_cases (grain, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (grain, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reps (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.rep_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reasons (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.reason_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_sources (grain, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_campaigns (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.campaign, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_hindsight_outcome_update_before BEFORE UPDATE OF outcome, occurred_on ON outcomes
WHEN OLD.outcome IS NOT NEW.outcome OR OLD.occurred_on IS NOT NEW.occurred_on
BEGIN
INSERT INTO summary_hindsight_cases (grain, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (grain, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reps (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.rep_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reasons (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.reason_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_sources (grain, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_campaigns (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.campaign, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_hindsight_outcome_update_after AFTER UPDATE OF outcome, occurred_on ON outcomes
WHEN OLD.outcome IS NOT NEW.outcome OR OLD.occurred_on IS NOT NEW.occurred_on
BEGIN
INSERT INTO summary_hindsight_cases (grain, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (grain, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reps (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.rep_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reasons (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.reason_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_sources (grain, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_campaigns (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.campaign, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_hindsight_outcome_delete_before BEFORE DELETE ON outcomes
BEGIN
INSERT INTO summary_hindsight_cases (grain, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (grain, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reps (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.rep_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reasons (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.reason_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_sources (grain, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_campaigns (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.campaign, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(-1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_hindsight_outcome_delete_after AFTER DELETE ON outcomes
BEGIN
INSERT INTO summary_hindsight_cases (grain, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (grain, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reps (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.rep_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, rep_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_reasons (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.reason_id, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, reason_id, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_sources (grain, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (grain, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_campaigns (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, k.campaign, k.source, (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome, k.verdict, sum(1)
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (grain, campaign, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;
