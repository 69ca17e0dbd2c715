CREATE TABLE `summary_case_counts` (
	`dim` text NOT NULL,
	`k` text NOT NULL,
	`g` text NOT NULL,
	`t` integer NOT NULL,
	`kind` text NOT NULL,
	`after_contact` integer NOT NULL,
	`imported` integer NOT NULL,
	`reengaged` integer NOT NULL,
	`n` integer NOT NULL,
	`ruled` integer NOT NULL,
	`upheld` integer NOT NULL,
	`overturned` integer NOT NULL,
	`open` integer NOT NULL,
	`decided` integer NOT NULL,
	`conceded` integer NOT NULL,
	`meets` integer NOT NULL,
	`disqualified` integer NOT NULL,
	`nurture` integer NOT NULL,
	`agree` integer NOT NULL,
	`unanimous` integer NOT NULL,
	`split` integer NOT NULL,
	`by_chair` integer NOT NULL,
	`review_decided` integer NOT NULL,
	`review_in_time` integer NOT NULL,
	PRIMARY KEY(`dim`, `g`, `k`, `t`, `kind`, `after_contact`, `imported`, `reengaged`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `summary_case_departures` (
	`dim` text NOT NULL,
	`k` text NOT NULL,
	`g` text NOT NULL,
	`t` integer NOT NULL,
	`criterion` text NOT NULL,
	`kind` text NOT NULL,
	`after_contact` integer NOT NULL,
	`reengaged` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`dim`, `g`, `k`, `t`, `criterion`, `kind`, `after_contact`, `reengaged`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `summary_case_review_minutes` (
	`dim` text NOT NULL,
	`k` text NOT NULL,
	`g` text NOT NULL,
	`t` integer NOT NULL,
	`minute` integer NOT NULL,
	`kind` text NOT NULL,
	`after_contact` integer NOT NULL,
	`reengaged` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`dim`, `g`, `k`, `t`, `minute`, `kind`, `after_contact`, `reengaged`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `summary_case_votes` (
	`dim` text NOT NULL,
	`k` text NOT NULL,
	`g` text NOT NULL,
	`t` integer NOT NULL,
	`member_id` integer NOT NULL,
	`kind` text NOT NULL,
	`after_contact` integer NOT NULL,
	`reengaged` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`dim`, `g`, `k`, `t`, `member_id`, `kind`, `after_contact`, `reengaged`)
) WITHOUT ROWID;

--> statement-breakpoint
-- triggers: cases
CREATE TRIGGER summary_cases_insert AFTER INSERT ON cases
WHEN NEW.id <= (SELECT upto FROM summary_progress WHERE family = 'cases' AND source = 'cases')
BEGIN
  INSERT INTO summary_case_counts (dim, k, g, t, kind, after_contact, imported, reengaged, n, ruled, upheld, overturned, open, decided, conceded, meets, disqualified, nurture, agree, unanimous, split, by_chair, review_decided, review_in_time)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.kind, r.after_contact, r.imported, r.reengaged,
      1 * sum(r.n), 1 * sum(r.ruled), 1 * sum(r.upheld), 1 * sum(r.overturned), 1 * sum(r.open), 1 * sum(r.decided), 1 * sum(r.conceded), 1 * sum(r.meets), 1 * sum(r.disqualified), 1 * sum(r.nurture), 1 * sum(r.agree), 1 * sum(r.unanimous), 1 * sum(r.split), 1 * sum(r.by_chair), 1 * sum(r.review_decided), 1 * sum(r.review_in_time)
    FROM (SELECT NEW.kind AS kind, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged,
      NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source,
      NEW.campaign AS campaign, ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, (NEW.status = 'imported') AS imported, 1 AS n,
      (NEW.verdict IS NOT NULL) AS ruled, (NEW.verdict IS 'does_not_meet') AS upheld,
      (NEW.verdict IS 'meets') AS overturned, (NEW.status = 'in_review') AS open,
      (NEW.status = 'decided') AS decided, (NEW.status = 'conceded') AS conceded,
      (NEW.status = 'decided' AND NEW.verdict IS 'meets') AS meets,
      (NEW.status = 'decided' AND NEW.disposition IS 'disqualified') AS disqualified,
      (NEW.status = 'decided' AND NEW.disposition IS 'nurture') AS nurture,
      (NEW.status = 'decided' AND NEW.agrees_with_definition IS 1) AS agree,
      (NEW.status = 'decided' AND NEW.unanimous IS 1) AS unanimous,
      (NEW.status = 'decided' AND NEW.unanimous IS 0) AS split,
      (NEW.status = 'decided' AND NEW.decided_by_chair IS 1) AS by_chair,
      (NEW.status <> 'imported' AND NEW.decided_at IS NOT NULL) AS review_decided,
      (NEW.status <> 'imported' AND NEW.decided_at IS NOT NULL
        AND NEW.decided_at <= NEW.review_due_at) AS review_in_time FROM (SELECT 1) WHERE true) r, (SELECT 'all' AS dim UNION ALL SELECT 'rep' AS dim UNION ALL SELECT 'reason' AS dim UNION ALL SELECT 'source' AS dim UNION ALL SELECT 'campaign' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, kind, after_contact, imported, reengaged) DO UPDATE SET
      n = n + excluded.n, ruled = ruled + excluded.ruled, upheld = upheld + excluded.upheld, overturned = overturned + excluded.overturned, open = open + excluded.open, decided = decided + excluded.decided, conceded = conceded + excluded.conceded, meets = meets + excluded.meets, disqualified = disqualified + excluded.disqualified, nurture = nurture + excluded.nurture, agree = agree + excluded.agree, unanimous = unanimous + excluded.unanimous, split = split + excluded.split, by_chair = by_chair + excluded.by_chair, review_decided = review_decided + excluded.review_decided, review_in_time = review_in_time + excluded.review_in_time;
  INSERT INTO summary_case_review_minutes (dim, k, g, t, minute, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.minute, r.kind, r.after_contact, r.reengaged,
      1 * sum(r.n)
    FROM (SELECT NEW.kind AS kind, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged,
      NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source,
      NEW.campaign AS campaign, ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, NEW.review_working_ms / 60000 AS minute, 1 AS n FROM (SELECT 1)
    WHERE true AND NEW.status <> 'imported' AND NEW.decided_at IS NOT NULL
      AND NEW.review_working_ms IS NOT NULL) r, (SELECT 'all' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, minute, kind, after_contact, reengaged) DO UPDATE SET
      n = n + excluded.n;
  INSERT INTO summary_case_departures (dim, k, g, t, criterion, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.criterion, r.kind, r.after_contact, r.reengaged,
      1 * sum(r.n)
    FROM (SELECT NEW.kind AS kind, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged,
      NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source,
      NEW.campaign AS campaign, ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, d.value AS criterion, 1 AS n FROM (SELECT 1), json_each(NEW.departures) d
    WHERE true AND NEW.status = 'decided') r, (SELECT 'all' AS dim UNION ALL SELECT 'rep' AS dim UNION ALL SELECT 'reason' AS dim UNION ALL SELECT 'source' AS dim UNION ALL SELECT 'campaign' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, criterion, kind, after_contact, reengaged) DO UPDATE SET
      n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_cases_update AFTER UPDATE ON cases
WHEN OLD.id <= (SELECT upto FROM summary_progress WHERE family = 'cases' AND source = 'cases') AND (OLD.kind IS NOT NEW.kind OR OLD.status IS NOT NEW.status OR OLD.rep_id IS NOT NEW.rep_id OR OLD.reason_id IS NOT NEW.reason_id OR OLD.source IS NOT NEW.source OR OLD.campaign IS NOT NEW.campaign OR OLD.opened_at IS NOT NEW.opened_at OR OLD.after_contact IS NOT NEW.after_contact OR OLD.reengaged IS NOT NEW.reengaged OR OLD.verdict IS NOT NEW.verdict OR OLD.disposition IS NOT NEW.disposition OR OLD.agrees_with_definition IS NOT NEW.agrees_with_definition OR OLD.unanimous IS NOT NEW.unanimous OR OLD.decided_by_chair IS NOT NEW.decided_by_chair OR OLD.decided_at IS NOT NEW.decided_at OR OLD.review_due_at IS NOT NEW.review_due_at OR OLD.review_working_ms IS NOT NEW.review_working_ms OR OLD.departures IS NOT NEW.departures)
BEGIN
  INSERT INTO summary_case_counts (dim, k, g, t, kind, after_contact, imported, reengaged, n, ruled, upheld, overturned, open, decided, conceded, meets, disqualified, nurture, agree, unanimous, split, by_chair, review_decided, review_in_time)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.kind, r.after_contact, r.imported, r.reengaged,
      -1 * sum(r.n), -1 * sum(r.ruled), -1 * sum(r.upheld), -1 * sum(r.overturned), -1 * sum(r.open), -1 * sum(r.decided), -1 * sum(r.conceded), -1 * sum(r.meets), -1 * sum(r.disqualified), -1 * sum(r.nurture), -1 * sum(r.agree), -1 * sum(r.unanimous), -1 * sum(r.split), -1 * sum(r.by_chair), -1 * sum(r.review_decided), -1 * sum(r.review_in_time)
    FROM (SELECT OLD.kind AS kind, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged,
      OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source,
      OLD.campaign AS campaign, ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, (OLD.status = 'imported') AS imported, 1 AS n,
      (OLD.verdict IS NOT NULL) AS ruled, (OLD.verdict IS 'does_not_meet') AS upheld,
      (OLD.verdict IS 'meets') AS overturned, (OLD.status = 'in_review') AS open,
      (OLD.status = 'decided') AS decided, (OLD.status = 'conceded') AS conceded,
      (OLD.status = 'decided' AND OLD.verdict IS 'meets') AS meets,
      (OLD.status = 'decided' AND OLD.disposition IS 'disqualified') AS disqualified,
      (OLD.status = 'decided' AND OLD.disposition IS 'nurture') AS nurture,
      (OLD.status = 'decided' AND OLD.agrees_with_definition IS 1) AS agree,
      (OLD.status = 'decided' AND OLD.unanimous IS 1) AS unanimous,
      (OLD.status = 'decided' AND OLD.unanimous IS 0) AS split,
      (OLD.status = 'decided' AND OLD.decided_by_chair IS 1) AS by_chair,
      (OLD.status <> 'imported' AND OLD.decided_at IS NOT NULL) AS review_decided,
      (OLD.status <> 'imported' AND OLD.decided_at IS NOT NULL
        AND OLD.decided_at <= OLD.review_due_at) AS review_in_time FROM (SELECT 1) WHERE true) r, (SELECT 'all' AS dim UNION ALL SELECT 'rep' AS dim UNION ALL SELECT 'reason' AS dim UNION ALL SELECT 'source' AS dim UNION ALL SELECT 'campaign' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, kind, after_contact, imported, reengaged) DO UPDATE SET
      n = n + excluded.n, ruled = ruled + excluded.ruled, upheld = upheld + excluded.upheld, overturned = overturned + excluded.overturned, open = open + excluded.open, decided = decided + excluded.decided, conceded = conceded + excluded.conceded, meets = meets + excluded.meets, disqualified = disqualified + excluded.disqualified, nurture = nurture + excluded.nurture, agree = agree + excluded.agree, unanimous = unanimous + excluded.unanimous, split = split + excluded.split, by_chair = by_chair + excluded.by_chair, review_decided = review_decided + excluded.review_decided, review_in_time = review_in_time + excluded.review_in_time;
  INSERT INTO summary_case_review_minutes (dim, k, g, t, minute, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.minute, r.kind, r.after_contact, r.reengaged,
      -1 * sum(r.n)
    FROM (SELECT OLD.kind AS kind, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged,
      OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source,
      OLD.campaign AS campaign, ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, OLD.review_working_ms / 60000 AS minute, 1 AS n FROM (SELECT 1)
    WHERE true AND OLD.status <> 'imported' AND OLD.decided_at IS NOT NULL
      AND OLD.review_working_ms IS NOT NULL) r, (SELECT 'all' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, minute, kind, after_contact, reengaged) DO UPDATE SET
      n = n + excluded.n;
  INSERT INTO summary_case_departures (dim, k, g, t, criterion, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.criterion, r.kind, r.after_contact, r.reengaged,
      -1 * sum(r.n)
    FROM (SELECT OLD.kind AS kind, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged,
      OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source,
      OLD.campaign AS campaign, ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, d.value AS criterion, 1 AS n FROM (SELECT 1), json_each(OLD.departures) d
    WHERE true AND OLD.status = 'decided') r, (SELECT 'all' AS dim UNION ALL SELECT 'rep' AS dim UNION ALL SELECT 'reason' AS dim UNION ALL SELECT 'source' AS dim UNION ALL SELECT 'campaign' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, criterion, kind, after_contact, reengaged) DO UPDATE SET
      n = n + excluded.n;
  INSERT INTO summary_case_counts (dim, k, g, t, kind, after_contact, imported, reengaged, n, ruled, upheld, overturned, open, decided, conceded, meets, disqualified, nurture, agree, unanimous, split, by_chair, review_decided, review_in_time)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.kind, r.after_contact, r.imported, r.reengaged,
      1 * sum(r.n), 1 * sum(r.ruled), 1 * sum(r.upheld), 1 * sum(r.overturned), 1 * sum(r.open), 1 * sum(r.decided), 1 * sum(r.conceded), 1 * sum(r.meets), 1 * sum(r.disqualified), 1 * sum(r.nurture), 1 * sum(r.agree), 1 * sum(r.unanimous), 1 * sum(r.split), 1 * sum(r.by_chair), 1 * sum(r.review_decided), 1 * sum(r.review_in_time)
    FROM (SELECT NEW.kind AS kind, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged,
      NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source,
      NEW.campaign AS campaign, ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, (NEW.status = 'imported') AS imported, 1 AS n,
      (NEW.verdict IS NOT NULL) AS ruled, (NEW.verdict IS 'does_not_meet') AS upheld,
      (NEW.verdict IS 'meets') AS overturned, (NEW.status = 'in_review') AS open,
      (NEW.status = 'decided') AS decided, (NEW.status = 'conceded') AS conceded,
      (NEW.status = 'decided' AND NEW.verdict IS 'meets') AS meets,
      (NEW.status = 'decided' AND NEW.disposition IS 'disqualified') AS disqualified,
      (NEW.status = 'decided' AND NEW.disposition IS 'nurture') AS nurture,
      (NEW.status = 'decided' AND NEW.agrees_with_definition IS 1) AS agree,
      (NEW.status = 'decided' AND NEW.unanimous IS 1) AS unanimous,
      (NEW.status = 'decided' AND NEW.unanimous IS 0) AS split,
      (NEW.status = 'decided' AND NEW.decided_by_chair IS 1) AS by_chair,
      (NEW.status <> 'imported' AND NEW.decided_at IS NOT NULL) AS review_decided,
      (NEW.status <> 'imported' AND NEW.decided_at IS NOT NULL
        AND NEW.decided_at <= NEW.review_due_at) AS review_in_time FROM (SELECT 1) WHERE true) r, (SELECT 'all' AS dim UNION ALL SELECT 'rep' AS dim UNION ALL SELECT 'reason' AS dim UNION ALL SELECT 'source' AS dim UNION ALL SELECT 'campaign' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, kind, after_contact, imported, reengaged) DO UPDATE SET
      n = n + excluded.n, ruled = ruled + excluded.ruled, upheld = upheld + excluded.upheld, overturned = overturned + excluded.overturned, open = open + excluded.open, decided = decided + excluded.decided, conceded = conceded + excluded.conceded, meets = meets + excluded.meets, disqualified = disqualified + excluded.disqualified, nurture = nurture + excluded.nurture, agree = agree + excluded.agree, unanimous = unanimous + excluded.unanimous, split = split + excluded.split, by_chair = by_chair + excluded.by_chair, review_decided = review_decided + excluded.review_decided, review_in_time = review_in_time + excluded.review_in_time;
  INSERT INTO summary_case_review_minutes (dim, k, g, t, minute, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.minute, r.kind, r.after_contact, r.reengaged,
      1 * sum(r.n)
    FROM (SELECT NEW.kind AS kind, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged,
      NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source,
      NEW.campaign AS campaign, ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, NEW.review_working_ms / 60000 AS minute, 1 AS n FROM (SELECT 1)
    WHERE true AND NEW.status <> 'imported' AND NEW.decided_at IS NOT NULL
      AND NEW.review_working_ms IS NOT NULL) r, (SELECT 'all' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, minute, kind, after_contact, reengaged) DO UPDATE SET
      n = n + excluded.n;
  INSERT INTO summary_case_departures (dim, k, g, t, criterion, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.criterion, r.kind, r.after_contact, r.reengaged,
      1 * sum(r.n)
    FROM (SELECT NEW.kind AS kind, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged,
      NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source,
      NEW.campaign AS campaign, ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, d.value AS criterion, 1 AS n FROM (SELECT 1), json_each(NEW.departures) d
    WHERE true AND NEW.status = 'decided') r, (SELECT 'all' AS dim UNION ALL SELECT 'rep' AS dim UNION ALL SELECT 'reason' AS dim UNION ALL SELECT 'source' AS dim UNION ALL SELECT 'campaign' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, criterion, kind, after_contact, reengaged) DO UPDATE SET
      n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_cases_delete AFTER DELETE ON cases
WHEN OLD.id <= (SELECT upto FROM summary_progress WHERE family = 'cases' AND source = 'cases')
BEGIN
  INSERT INTO summary_case_counts (dim, k, g, t, kind, after_contact, imported, reengaged, n, ruled, upheld, overturned, open, decided, conceded, meets, disqualified, nurture, agree, unanimous, split, by_chair, review_decided, review_in_time)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.kind, r.after_contact, r.imported, r.reengaged,
      -1 * sum(r.n), -1 * sum(r.ruled), -1 * sum(r.upheld), -1 * sum(r.overturned), -1 * sum(r.open), -1 * sum(r.decided), -1 * sum(r.conceded), -1 * sum(r.meets), -1 * sum(r.disqualified), -1 * sum(r.nurture), -1 * sum(r.agree), -1 * sum(r.unanimous), -1 * sum(r.split), -1 * sum(r.by_chair), -1 * sum(r.review_decided), -1 * sum(r.review_in_time)
    FROM (SELECT OLD.kind AS kind, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged,
      OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source,
      OLD.campaign AS campaign, ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, (OLD.status = 'imported') AS imported, 1 AS n,
      (OLD.verdict IS NOT NULL) AS ruled, (OLD.verdict IS 'does_not_meet') AS upheld,
      (OLD.verdict IS 'meets') AS overturned, (OLD.status = 'in_review') AS open,
      (OLD.status = 'decided') AS decided, (OLD.status = 'conceded') AS conceded,
      (OLD.status = 'decided' AND OLD.verdict IS 'meets') AS meets,
      (OLD.status = 'decided' AND OLD.disposition IS 'disqualified') AS disqualified,
      (OLD.status = 'decided' AND OLD.disposition IS 'nurture') AS nurture,
      (OLD.status = 'decided' AND OLD.agrees_with_definition IS 1) AS agree,
      (OLD.status = 'decided' AND OLD.unanimous IS 1) AS unanimous,
      (OLD.status = 'decided' AND OLD.unanimous IS 0) AS split,
      (OLD.status = 'decided' AND OLD.decided_by_chair IS 1) AS by_chair,
      (OLD.status <> 'imported' AND OLD.decided_at IS NOT NULL) AS review_decided,
      (OLD.status <> 'imported' AND OLD.decided_at IS NOT NULL
        AND OLD.decided_at <= OLD.review_due_at) AS review_in_time FROM (SELECT 1) WHERE true) r, (SELECT 'all' AS dim UNION ALL SELECT 'rep' AS dim UNION ALL SELECT 'reason' AS dim UNION ALL SELECT 'source' AS dim UNION ALL SELECT 'campaign' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, kind, after_contact, imported, reengaged) DO UPDATE SET
      n = n + excluded.n, ruled = ruled + excluded.ruled, upheld = upheld + excluded.upheld, overturned = overturned + excluded.overturned, open = open + excluded.open, decided = decided + excluded.decided, conceded = conceded + excluded.conceded, meets = meets + excluded.meets, disqualified = disqualified + excluded.disqualified, nurture = nurture + excluded.nurture, agree = agree + excluded.agree, unanimous = unanimous + excluded.unanimous, split = split + excluded.split, by_chair = by_chair + excluded.by_chair, review_decided = review_decided + excluded.review_decided, review_in_time = review_in_time + excluded.review_in_time;
  INSERT INTO summary_case_review_minutes (dim, k, g, t, minute, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.minute, r.kind, r.after_contact, r.reengaged,
      -1 * sum(r.n)
    FROM (SELECT OLD.kind AS kind, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged,
      OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source,
      OLD.campaign AS campaign, ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, OLD.review_working_ms / 60000 AS minute, 1 AS n FROM (SELECT 1)
    WHERE true AND OLD.status <> 'imported' AND OLD.decided_at IS NOT NULL
      AND OLD.review_working_ms IS NOT NULL) r, (SELECT 'all' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, minute, kind, after_contact, reengaged) DO UPDATE SET
      n = n + excluded.n;
  INSERT INTO summary_case_departures (dim, k, g, t, criterion, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.criterion, r.kind, r.after_contact, r.reengaged,
      -1 * sum(r.n)
    FROM (SELECT OLD.kind AS kind, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged,
      OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source,
      OLD.campaign AS campaign, ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, d.value AS criterion, 1 AS n FROM (SELECT 1), json_each(OLD.departures) d
    WHERE true AND OLD.status = 'decided') r, (SELECT 'all' AS dim UNION ALL SELECT 'rep' AS dim UNION ALL SELECT 'reason' AS dim UNION ALL SELECT 'source' AS dim UNION ALL SELECT 'campaign' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, criterion, kind, after_contact, reengaged) DO UPDATE SET
      n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_cases_votes_insert AFTER INSERT ON cases
WHEN NEW.status = 'decided' AND (SELECT upto FROM summary_progress WHERE family = 'cases' AND source = 'votes') > 0
BEGIN
  INSERT INTO summary_case_votes (dim, k, g, t, member_id, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.member_id, r.kind, r.after_contact, r.reengaged,
      1 * sum(r.n)
    FROM (SELECT NEW.kind AS kind, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged,
      NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source,
      NEW.campaign AS campaign, ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, v.member_id AS member_id, 1 AS n FROM votes v
    WHERE v.case_id = NEW.id AND v.id <= (SELECT upto FROM summary_progress WHERE family = 'cases' AND source = 'votes') AND NEW.status = 'decided') r, (SELECT 'all' AS dim UNION ALL SELECT 'rep' AS dim UNION ALL SELECT 'reason' AS dim UNION ALL SELECT 'source' AS dim UNION ALL SELECT 'campaign' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, member_id, kind, after_contact, reengaged) DO UPDATE SET
      n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_cases_votes_delete AFTER DELETE ON cases
WHEN OLD.status = 'decided' AND (SELECT upto FROM summary_progress WHERE family = 'cases' AND source = 'votes') > 0
BEGIN
  INSERT INTO summary_case_votes (dim, k, g, t, member_id, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.member_id, r.kind, r.after_contact, r.reengaged,
      -1 * sum(r.n)
    FROM (SELECT OLD.kind AS kind, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged,
      OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source,
      OLD.campaign AS campaign, ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, v.member_id AS member_id, 1 AS n FROM votes v
    WHERE v.case_id = OLD.id AND v.id <= (SELECT upto FROM summary_progress WHERE family = 'cases' AND source = 'votes') AND OLD.status = 'decided') r, (SELECT 'all' AS dim UNION ALL SELECT 'rep' AS dim UNION ALL SELECT 'reason' AS dim UNION ALL SELECT 'source' AS dim UNION ALL SELECT 'campaign' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, member_id, kind, after_contact, reengaged) DO UPDATE SET
      n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_cases_votes_update AFTER UPDATE ON cases
WHEN (OLD.status = 'decided' OR NEW.status = 'decided') AND (OLD.kind IS NOT NEW.kind OR OLD.status IS NOT NEW.status OR OLD.rep_id IS NOT NEW.rep_id OR OLD.reason_id IS NOT NEW.reason_id OR OLD.source IS NOT NEW.source OR OLD.campaign IS NOT NEW.campaign OR OLD.opened_at IS NOT NEW.opened_at OR OLD.after_contact IS NOT NEW.after_contact OR OLD.reengaged IS NOT NEW.reengaged)
  AND (SELECT upto FROM summary_progress WHERE family = 'cases' AND source = 'votes') > 0
BEGIN
  INSERT INTO summary_case_votes (dim, k, g, t, member_id, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.member_id, r.kind, r.after_contact, r.reengaged,
      -1 * sum(r.n)
    FROM (SELECT OLD.kind AS kind, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged,
      OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source,
      OLD.campaign AS campaign, ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, v.member_id AS member_id, 1 AS n FROM votes v
    WHERE v.case_id = OLD.id AND v.id <= (SELECT upto FROM summary_progress WHERE family = 'cases' AND source = 'votes') AND OLD.status = 'decided') r, (SELECT 'all' AS dim UNION ALL SELECT 'rep' AS dim UNION ALL SELECT 'reason' AS dim UNION ALL SELECT 'source' AS dim UNION ALL SELECT 'campaign' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, member_id, kind, after_contact, reengaged) DO UPDATE SET
      n = n + excluded.n;
  INSERT INTO summary_case_votes (dim, k, g, t, member_id, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.member_id, r.kind, r.after_contact, r.reengaged,
      1 * sum(r.n)
    FROM (SELECT NEW.kind AS kind, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged,
      NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source,
      NEW.campaign AS campaign, ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, v.member_id AS member_id, 1 AS n FROM votes v
    WHERE v.case_id = NEW.id AND v.id <= (SELECT upto FROM summary_progress WHERE family = 'cases' AND source = 'votes') AND NEW.status = 'decided') r, (SELECT 'all' AS dim UNION ALL SELECT 'rep' AS dim UNION ALL SELECT 'reason' AS dim UNION ALL SELECT 'source' AS dim UNION ALL SELECT 'campaign' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, member_id, kind, after_contact, reengaged) DO UPDATE SET
      n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_votes_insert AFTER INSERT ON votes
WHEN NEW.id <= (SELECT upto FROM summary_progress WHERE family = 'cases' AND source = 'votes')
BEGIN
  INSERT INTO summary_case_votes (dim, k, g, t, member_id, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.member_id, r.kind, r.after_contact, r.reengaged,
      1 * sum(r.n)
    FROM (SELECT c.kind AS kind, c.after_contact AS after_contact, c.reengaged AS reengaged,
      c.rep_id AS rep_id, c.reason_id AS reason_id, c.source AS source,
      c.campaign AS campaign, ((c.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((c.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, NEW.member_id AS member_id, 1 AS n FROM cases c
    WHERE c.id = NEW.case_id AND c.status = 'decided') r, (SELECT 'all' AS dim UNION ALL SELECT 'rep' AS dim UNION ALL SELECT 'reason' AS dim UNION ALL SELECT 'source' AS dim UNION ALL SELECT 'campaign' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, member_id, kind, after_contact, reengaged) DO UPDATE SET
      n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_votes_update AFTER UPDATE OF case_id, member_id ON votes
WHEN OLD.id <= (SELECT upto FROM summary_progress WHERE family = 'cases' AND source = 'votes')
BEGIN
  INSERT INTO summary_case_votes (dim, k, g, t, member_id, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.member_id, r.kind, r.after_contact, r.reengaged,
      -1 * sum(r.n)
    FROM (SELECT c.kind AS kind, c.after_contact AS after_contact, c.reengaged AS reengaged,
      c.rep_id AS rep_id, c.reason_id AS reason_id, c.source AS source,
      c.campaign AS campaign, ((c.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((c.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, OLD.member_id AS member_id, 1 AS n FROM cases c
    WHERE c.id = OLD.case_id AND c.status = 'decided') r, (SELECT 'all' AS dim UNION ALL SELECT 'rep' AS dim UNION ALL SELECT 'reason' AS dim UNION ALL SELECT 'source' AS dim UNION ALL SELECT 'campaign' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, member_id, kind, after_contact, reengaged) DO UPDATE SET
      n = n + excluded.n;
  INSERT INTO summary_case_votes (dim, k, g, t, member_id, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.member_id, r.kind, r.after_contact, r.reengaged,
      1 * sum(r.n)
    FROM (SELECT c.kind AS kind, c.after_contact AS after_contact, c.reengaged AS reengaged,
      c.rep_id AS rep_id, c.reason_id AS reason_id, c.source AS source,
      c.campaign AS campaign, ((c.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((c.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, NEW.member_id AS member_id, 1 AS n FROM cases c
    WHERE c.id = NEW.case_id AND c.status = 'decided') r, (SELECT 'all' AS dim UNION ALL SELECT 'rep' AS dim UNION ALL SELECT 'reason' AS dim UNION ALL SELECT 'source' AS dim UNION ALL SELECT 'campaign' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, member_id, kind, after_contact, reengaged) DO UPDATE SET
      n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_votes_delete AFTER DELETE ON votes
WHEN OLD.id <= (SELECT upto FROM summary_progress WHERE family = 'cases' AND source = 'votes')
BEGIN
  INSERT INTO summary_case_votes (dim, k, g, t, member_id, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.member_id, r.kind, r.after_contact, r.reengaged,
      -1 * sum(r.n)
    FROM (SELECT c.kind AS kind, c.after_contact AS after_contact, c.reengaged AS reengaged,
      c.rep_id AS rep_id, c.reason_id AS reason_id, c.source AS source,
      c.campaign AS campaign, ((c.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((c.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, OLD.member_id AS member_id, 1 AS n FROM cases c
    WHERE c.id = OLD.case_id AND c.status = 'decided') r, (SELECT 'all' AS dim UNION ALL SELECT 'rep' AS dim UNION ALL SELECT 'reason' AS dim UNION ALL SELECT 'source' AS dim UNION ALL SELECT 'campaign' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, member_id, kind, after_contact, reengaged) DO UPDATE SET
      n = n + excluded.n;
END;

--> statement-breakpoint
CREATE TABLE `summary_hindsight_cells` (
	`grain` text NOT NULL,
	`dim` text NOT NULL,
	`value` text NOT NULL,
	`source` text NOT NULL,
	`period` integer NOT NULL,
	`imported` integer NOT NULL,
	`after_contact` integer NOT NULL,
	`reengaged` integer NOT NULL,
	`outcome` text NOT NULL,
	`verdict` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`grain`, `dim`, `value`, `source`, `period`, `imported`, `after_contact`, `reengaged`, `outcome`, `verdict`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `summary_source_cells` (
	`grain` text NOT NULL,
	`dim` text NOT NULL,
	`key` integer NOT NULL,
	`period` integer NOT NULL,
	`source` text NOT NULL,
	`campaign` text NOT NULL,
	`history` integer NOT NULL,
	`types` integer NOT NULL,
	`lead_types` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`grain`, `dim`, `key`, `period`, `source`, `campaign`, `history`, `types`, `lead_types`)
) WITHOUT ROWID;
--> statement-breakpoint
-- triggers: sources
CREATE TRIGGER summary_source_lead_insert AFTER INSERT ON leads
WHEN NEW.id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads')
BEGIN
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'owner' THEN l.owner_id ELSE 0 END, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END),
    l.source, l.campaign, l.history, l.types, l.types, 1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = NEW.id) l CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
    CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'owner') d
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, 'reason', r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history,
    r.types, l.types, 1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = NEW.id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) AS types
      FROM cases c WHERE c.lead_id = NEW.id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
      GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_lead_update_before BEFORE UPDATE OF source, campaign, handed_over_at, owner_id, history ON leads
WHEN OLD.id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads') AND (OLD.source IS NOT NEW.source OR OLD.campaign IS NOT NEW.campaign OR OLD.handed_over_at IS NOT NEW.handed_over_at OR OLD.owner_id IS NOT NEW.owner_id OR OLD.history IS NOT NEW.history)
BEGIN
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'owner' THEN l.owner_id ELSE 0 END, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END),
    l.source, l.campaign, l.history, l.types, l.types, -1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = OLD.id) l CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
    CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'owner') d
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, 'reason', r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history,
    r.types, l.types, -1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = OLD.id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) AS types
      FROM cases c WHERE c.lead_id = OLD.id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
      GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_lead_update_after AFTER UPDATE OF source, campaign, handed_over_at, owner_id, history ON leads
WHEN NEW.id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads') AND (OLD.source IS NOT NEW.source OR OLD.campaign IS NOT NEW.campaign OR OLD.handed_over_at IS NOT NEW.handed_over_at OR OLD.owner_id IS NOT NEW.owner_id OR OLD.history IS NOT NEW.history)
BEGIN
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'owner' THEN l.owner_id ELSE 0 END, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END),
    l.source, l.campaign, l.history, l.types, l.types, 1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = NEW.id) l CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
    CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'owner') d
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, 'reason', r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history,
    r.types, l.types, 1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = NEW.id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) AS types
      FROM cases c WHERE c.lead_id = NEW.id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
      GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_lead_delete BEFORE DELETE ON leads
WHEN OLD.id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads')
BEGIN
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'owner' THEN l.owner_id ELSE 0 END, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END),
    l.source, l.campaign, l.history, l.types, l.types, -1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = OLD.id) l CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
    CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'owner') d
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, 'reason', r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history,
    r.types, l.types, -1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = OLD.id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) AS types
      FROM cases c WHERE c.lead_id = OLD.id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
      GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_case_insert_before BEFORE INSERT ON cases
WHEN NEW.reengaged = 0 AND NEW.lead_id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads')
BEGIN
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'owner' THEN l.owner_id ELSE 0 END, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END),
    l.source, l.campaign, l.history, l.types, l.types, -1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = NEW.lead_id) l CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
    CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'owner') d
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, 'reason', r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history,
    r.types, l.types, -1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = NEW.lead_id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) AS types
      FROM cases c WHERE c.lead_id = NEW.lead_id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
      GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_case_insert_after AFTER INSERT ON cases
WHEN NEW.reengaged = 0 AND NEW.lead_id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads')
BEGIN
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'owner' THEN l.owner_id ELSE 0 END, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END),
    l.source, l.campaign, l.history, l.types, l.types, 1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = NEW.lead_id) l CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
    CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'owner') d
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, 'reason', r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history,
    r.types, l.types, 1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = NEW.lead_id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) AS types
      FROM cases c WHERE c.lead_id = NEW.lead_id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
      GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_case_update_before BEFORE UPDATE OF kind, after_contact, status, verdict, reason_id, reengaged ON cases
WHEN (OLD.reengaged = 0 OR NEW.reengaged = 0) AND (OLD.kind IS NOT NEW.kind OR OLD.after_contact IS NOT NEW.after_contact OR OLD.status IS NOT NEW.status OR OLD.verdict IS NOT NEW.verdict OR OLD.reason_id IS NOT NEW.reason_id OR OLD.reengaged IS NOT NEW.reengaged) AND OLD.lead_id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads')
BEGIN
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'owner' THEN l.owner_id ELSE 0 END, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END),
    l.source, l.campaign, l.history, l.types, l.types, -1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = OLD.lead_id) l CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
    CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'owner') d
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, 'reason', r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history,
    r.types, l.types, -1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = OLD.lead_id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) AS types
      FROM cases c WHERE c.lead_id = OLD.lead_id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
      GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_case_update_after AFTER UPDATE OF kind, after_contact, status, verdict, reason_id, reengaged ON cases
WHEN (OLD.reengaged = 0 OR NEW.reengaged = 0) AND (OLD.kind IS NOT NEW.kind OR OLD.after_contact IS NOT NEW.after_contact OR OLD.status IS NOT NEW.status OR OLD.verdict IS NOT NEW.verdict OR OLD.reason_id IS NOT NEW.reason_id OR OLD.reengaged IS NOT NEW.reengaged) AND NEW.lead_id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads')
BEGIN
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'owner' THEN l.owner_id ELSE 0 END, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END),
    l.source, l.campaign, l.history, l.types, l.types, 1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = NEW.lead_id) l CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
    CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'owner') d
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, 'reason', r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history,
    r.types, l.types, 1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = NEW.lead_id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) AS types
      FROM cases c WHERE c.lead_id = NEW.lead_id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
      GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_case_delete_before BEFORE DELETE ON cases
WHEN OLD.reengaged = 0 AND OLD.lead_id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads')
BEGIN
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'owner' THEN l.owner_id ELSE 0 END, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END),
    l.source, l.campaign, l.history, l.types, l.types, -1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = OLD.lead_id) l CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
    CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'owner') d
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, 'reason', r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history,
    r.types, l.types, -1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = OLD.lead_id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) AS types
      FROM cases c WHERE c.lead_id = OLD.lead_id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
      GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_source_case_delete_after AFTER DELETE ON cases
WHEN OLD.reengaged = 0 AND OLD.lead_id <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads')
BEGIN
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'owner' THEN l.owner_id ELSE 0 END, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END),
    l.source, l.campaign, l.history, l.types, l.types, 1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = OLD.lead_id) l CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
    CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'owner') d
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_source_cells (grain, dim, key, period, source, campaign, history, types, lead_types, n)
  SELECT g.grain, 'reason', r.reason_id, (CASE g.grain WHEN 'w' THEN l.day - ((l.day % 7 + 10) % 7)
    ELSE unixepoch(l.day * 86400, 'unixepoch', 'start of month') / 86400 END), l.source, l.campaign, l.history,
    r.types, l.types, 1
  FROM (SELECT l.id AS id, ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(l.handed_over_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= l.handed_over_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      ifnull(l.source, x'') AS source, ifnull(l.campaign, x'') AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE l.id = OLD.lead_id) l JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ifnull(sum(DISTINCT 1 << (CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)), 0) AS types
      FROM cases c WHERE c.lead_id = OLD.lead_id AND c.reengaged = 0 AND c.reason_id IS NOT NULL
      GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g
  WHERE true 
  ON CONFLICT (grain, dim, key, period, source, campaign, history, types, lead_types) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
-- triggers: hindsight
CREATE TRIGGER summary_hindsight_case_insert AFTER INSERT ON cases
WHEN NEW.kind = 'rejected' AND NEW.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')
BEGIN
INSERT INTO summary_hindsight_cells (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'rep' THEN k.rep_id WHEN 'reason' THEN k.reason_id
    WHEN 'source' THEN k.source WHEN 'campaign' THEN k.campaign ELSE '' END, CASE d.dim WHEN 'campaign' THEN k.source ELSE '' END,
    (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome,
    k.verdict, 1
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT NEW.lead_id AS lead_id, NEW.kind AS kind, NEW.status AS status, NEW.verdict AS verdict, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged, NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source, NEW.campaign AS campaign, NEW.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'rep' UNION ALL SELECT 'reason'
    UNION ALL SELECT 'source' UNION ALL SELECT 'campaign') d
  WHERE true 
  ON CONFLICT (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_hindsight_case_update AFTER UPDATE OF kind, status, verdict, after_contact, reengaged, rep_id, reason_id, source, campaign, opened_at ON cases
WHEN (OLD.kind = 'rejected' OR NEW.kind = 'rejected') AND OLD.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')
  AND (OLD.kind IS NOT NEW.kind OR OLD.status IS NOT NEW.status OR OLD.verdict IS NOT NEW.verdict OR OLD.after_contact IS NOT NEW.after_contact OR OLD.reengaged IS NOT NEW.reengaged OR OLD.rep_id IS NOT NEW.rep_id OR OLD.reason_id IS NOT NEW.reason_id OR OLD.source IS NOT NEW.source OR OLD.campaign IS NOT NEW.campaign OR OLD.opened_at IS NOT NEW.opened_at)
BEGIN
INSERT INTO summary_hindsight_cells (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'rep' THEN k.rep_id WHEN 'reason' THEN k.reason_id
    WHEN 'source' THEN k.source WHEN 'campaign' THEN k.campaign ELSE '' END, CASE d.dim WHEN 'campaign' THEN k.source ELSE '' END,
    (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome,
    k.verdict, -1
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT OLD.lead_id AS lead_id, OLD.kind AS kind, OLD.status AS status, OLD.verdict AS verdict, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged, OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source, OLD.campaign AS campaign, OLD.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'rep' UNION ALL SELECT 'reason'
    UNION ALL SELECT 'source' UNION ALL SELECT 'campaign') d
  WHERE true 
  ON CONFLICT (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
INSERT INTO summary_hindsight_cells (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'rep' THEN k.rep_id WHEN 'reason' THEN k.reason_id
    WHEN 'source' THEN k.source WHEN 'campaign' THEN k.campaign ELSE '' END, CASE d.dim WHEN 'campaign' THEN k.source ELSE '' END,
    (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome,
    k.verdict, 1
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT NEW.lead_id AS lead_id, NEW.kind AS kind, NEW.status AS status, NEW.verdict AS verdict, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged, NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source, NEW.campaign AS campaign, NEW.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'rep' UNION ALL SELECT 'reason'
    UNION ALL SELECT 'source' UNION ALL SELECT 'campaign') d
  WHERE true 
  ON CONFLICT (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_hindsight_case_delete AFTER DELETE ON cases
WHEN OLD.kind = 'rejected' AND OLD.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')
BEGIN
INSERT INTO summary_hindsight_cells (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'rep' THEN k.rep_id WHEN 'reason' THEN k.reason_id
    WHEN 'source' THEN k.source WHEN 'campaign' THEN k.campaign ELSE '' END, CASE d.dim WHEN 'campaign' THEN k.source ELSE '' END,
    (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome,
    k.verdict, -1
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM (SELECT OLD.lead_id AS lead_id, OLD.kind AS kind, OLD.status AS status, OLD.verdict AS verdict, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged, OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source, OLD.campaign AS campaign, OLD.opened_at AS opened_at) c WHERE c.kind = 'rejected' AND true) k
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'rep' UNION ALL SELECT 'reason'
    UNION ALL SELECT 'source' UNION ALL SELECT 'campaign') d
  WHERE true 
  ON CONFLICT (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_hindsight_outcome_insert_before BEFORE INSERT ON outcomes
BEGIN
INSERT INTO summary_hindsight_cells (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'rep' THEN k.rep_id WHEN 'reason' THEN k.reason_id
    WHEN 'source' THEN k.source WHEN 'campaign' THEN k.campaign ELSE '' END, CASE d.dim WHEN 'campaign' THEN k.source ELSE '' END,
    (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome,
    k.verdict, -1
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'rep' UNION ALL SELECT 'reason'
    UNION ALL SELECT 'source' UNION ALL SELECT 'campaign') d
  WHERE true 
  ON CONFLICT (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_hindsight_outcome_insert_after AFTER INSERT ON outcomes
BEGIN
INSERT INTO summary_hindsight_cells (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'rep' THEN k.rep_id WHEN 'reason' THEN k.reason_id
    WHEN 'source' THEN k.source WHEN 'campaign' THEN k.campaign ELSE '' END, CASE d.dim WHEN 'campaign' THEN k.source ELSE '' END,
    (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome,
    k.verdict, 1
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'rep' UNION ALL SELECT 'reason'
    UNION ALL SELECT 'source' UNION ALL SELECT 'campaign') d
  WHERE true 
  ON CONFLICT (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_hindsight_outcome_update_before BEFORE UPDATE OF outcome, occurred_on ON outcomes
WHEN OLD.outcome IS NOT NEW.outcome OR OLD.occurred_on IS NOT NEW.occurred_on
BEGIN
INSERT INTO summary_hindsight_cells (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'rep' THEN k.rep_id WHEN 'reason' THEN k.reason_id
    WHEN 'source' THEN k.source WHEN 'campaign' THEN k.campaign ELSE '' END, CASE d.dim WHEN 'campaign' THEN k.source ELSE '' END,
    (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome,
    k.verdict, -1
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'rep' UNION ALL SELECT 'reason'
    UNION ALL SELECT 'source' UNION ALL SELECT 'campaign') d
  WHERE true 
  ON CONFLICT (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_hindsight_outcome_update_after AFTER UPDATE OF outcome, occurred_on ON outcomes
WHEN OLD.outcome IS NOT NEW.outcome OR OLD.occurred_on IS NOT NEW.occurred_on
BEGIN
INSERT INTO summary_hindsight_cells (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'rep' THEN k.rep_id WHEN 'reason' THEN k.reason_id
    WHEN 'source' THEN k.source WHEN 'campaign' THEN k.campaign ELSE '' END, CASE d.dim WHEN 'campaign' THEN k.source ELSE '' END,
    (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome,
    k.verdict, 1
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = NEW.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'rep' UNION ALL SELECT 'reason'
    UNION ALL SELECT 'source' UNION ALL SELECT 'campaign') d
  WHERE true 
  ON CONFLICT (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_hindsight_outcome_delete_before BEFORE DELETE ON outcomes
BEGIN
INSERT INTO summary_hindsight_cells (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'rep' THEN k.rep_id WHEN 'reason' THEN k.reason_id
    WHEN 'source' THEN k.source WHEN 'campaign' THEN k.campaign ELSE '' END, CASE d.dim WHEN 'campaign' THEN k.source ELSE '' END,
    (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome,
    k.verdict, -1
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'rep' UNION ALL SELECT 'reason'
    UNION ALL SELECT 'source' UNION ALL SELECT 'campaign') d
  WHERE true 
  ON CONFLICT (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER summary_hindsight_outcome_delete_after AFTER DELETE ON outcomes
BEGIN
INSERT INTO summary_hindsight_cells (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'rep' THEN k.rep_id WHEN 'reason' THEN k.reason_id
    WHEN 'source' THEN k.source WHEN 'campaign' THEN k.campaign ELSE '' END, CASE d.dim WHEN 'campaign' THEN k.source ELSE '' END,
    (CASE g.grain WHEN 'w' THEN k.day - ((k.day % 7 + 10) % 7)
    ELSE unixepoch(k.day * 86400, 'unixepoch', 'start of month') / 86400 END), k.imported, k.after_contact, k.reengaged, k.outcome,
    k.verdict, 1
  FROM (SELECT ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(c.opened_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= c.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ifnull(c.source, x'') AS source, ifnull(c.campaign, x'') AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '') AS outcome, ifnull(c.verdict, '') AS verdict
    FROM cases c WHERE c.kind = 'rejected' AND c.lead_id = OLD.lead_id AND c.id <= (SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')) k
    CROSS JOIN (SELECT 'w' AS grain UNION ALL SELECT 'm') g CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'rep' UNION ALL SELECT 'reason'
    UNION ALL SELECT 'source' UNION ALL SELECT 'campaign') d
  WHERE true 
  ON CONFLICT (grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict) DO UPDATE SET n = n + excluded.n;
END;

--> statement-breakpoint
CREATE TABLE `summary_clock_counts` (
	`kind` text NOT NULL,
	`rep_id` integer NOT NULL,
	`level` integer NOT NULL,
	`at` integer NOT NULL,
	`reengaged` integer NOT NULL,
	`started` integer NOT NULL,
	`accepted` integer NOT NULL,
	`rejected` integer NOT NULL,
	`ignored` integer NOT NULL,
	`in_time` integer NOT NULL,
	`late` integer NOT NULL,
	PRIMARY KEY(`kind`, `rep_id`, `level`, `at`, `reengaged`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `summary_clock_details` (
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`day` integer NOT NULL,
	`campaign` text NOT NULL,
	`rep_id` integer NOT NULL,
	`reengaged` integer NOT NULL,
	`reason_id` integer NOT NULL,
	`minute` integer NOT NULL,
	`started` integer NOT NULL,
	`accepted` integer NOT NULL,
	`rejected` integer NOT NULL,
	`ignored` integer NOT NULL,
	`in_time` integer NOT NULL,
	`late` integer NOT NULL,
	PRIMARY KEY(`kind`, `source`, `day`, `campaign`, `rep_id`, `reengaged`, `reason_id`, `minute`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `summary_clock_details_campaign_idx` ON `summary_clock_details` (`kind`,`campaign`,`day`);--> statement-breakpoint
CREATE INDEX `summary_clock_details_reason_idx` ON `summary_clock_details` (`kind`,`reason_id`,`day`);--> statement-breakpoint
CREATE TABLE `summary_clock_hours` (
	`kind` text NOT NULL,
	`rep_id` integer NOT NULL,
	`level` integer NOT NULL,
	`at` integer NOT NULL,
	`hour` integer NOT NULL,
	`reengaged` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`kind`, `rep_id`, `level`, `at`, `hour`, `reengaged`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `summary_clock_minutes` (
	`kind` text NOT NULL,
	`rep_id` integer NOT NULL,
	`level` integer NOT NULL,
	`at` integer NOT NULL,
	`minute` integer NOT NULL,
	`reengaged` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`kind`, `rep_id`, `level`, `at`, `minute`, `reengaged`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `follow_ups_open_idx` ON `follow_ups` (`kind`,`started_at`,`rep_id`,`due_at`,`reengaged`,`lead_id`) WHERE "follow_ups"."acted_at" IS NULL;--> statement-breakpoint
-- triggers: clocks
CREATE TRIGGER summary_clock_follow_up_inserted AFTER INSERT ON follow_ups
WHEN NEW.acted_at IS NOT NULL AND NEW.id <= (SELECT upto FROM summary_progress WHERE family = 'clocks' AND source = 'follow_ups')
BEGIN
  INSERT INTO summary_clock_counts (kind, rep_id, level, at, reengaged, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, CASE r.mine WHEN 1 THEN x.rep_id ELSE 0 END AS rep, v.level AS lv, CASE v.level WHEN 0 THEN x.day ELSE (CAST(strftime('%Y', x.day * 86400, 'unixepoch') AS INTEGER) * 12
    + CAST(strftime('%m', x.day * 86400, 'unixepoch') AS INTEGER) - 1) END AS a, x.reengaged AS re, 1, 1 * x.accepted, 1 * x.rejected, 1 * x.ignored,
    1 * x.in_time, 1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.id = NEW.id) x, (SELECT 0 AS level UNION ALL SELECT 1) v,
    (SELECT 0 AS mine UNION ALL SELECT 1) r
    WHERE true
    ON CONFLICT (kind, rep_id, level, at, reengaged) DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
  INSERT INTO summary_clock_hours (kind, rep_id, level, at, hour, reengaged, n)
    SELECT x.kind AS k, CASE r.mine WHEN 1 THEN x.rep_id ELSE 0 END AS rep, v.level AS lv, CASE v.level WHEN 0 THEN x.day ELSE (CAST(strftime('%Y', x.day * 86400, 'unixepoch') AS INTEGER) * 12
    + CAST(strftime('%m', x.day * 86400, 'unixepoch') AS INTEGER) - 1) END AS a,
      x.minute / 60 AS u, x.reengaged AS re,
      1
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.id = NEW.id) x, (SELECT 0 AS level UNION ALL SELECT 1) v,
    (SELECT 0 AS mine UNION ALL SELECT 1) r
    WHERE x.minute IS NOT NULL
    ON CONFLICT (kind, rep_id, level, at, hour, reengaged) DO UPDATE SET n = n + excluded.n;
  INSERT INTO summary_clock_minutes (kind, rep_id, level, at, minute, reengaged, n)
    SELECT x.kind AS k, CASE r.mine WHEN 1 THEN x.rep_id ELSE 0 END AS rep, v.level AS lv, CASE v.level WHEN 0 THEN x.day ELSE (CAST(strftime('%Y', x.day * 86400, 'unixepoch') AS INTEGER) * 12
    + CAST(strftime('%m', x.day * 86400, 'unixepoch') AS INTEGER) - 1) END AS a,
      x.minute AS u, x.reengaged AS re,
      1
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.id = NEW.id) x, (SELECT 0 AS level UNION ALL SELECT 1) v,
    (SELECT 0 AS mine UNION ALL SELECT 1) r
    WHERE x.minute IS NOT NULL
    ON CONFLICT (kind, rep_id, level, at, minute, reengaged) DO UPDATE SET n = n + excluded.n;
  INSERT INTO summary_clock_details
      (kind, source, day, campaign, rep_id, reengaged, reason_id, minute, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, ifnull(l.source, '') AS s, x.day AS d, ifnull(l.campaign, '') AS c,
      x.rep_id AS rep, x.reengaged AS re,
      CASE WHEN x.kind = 'return' THEN ifnull((SELECT min(cs.reason_id) FROM cases cs
        WHERE cs.lead_id = x.lead_id AND cs.decided_at = x.started_at), 0) ELSE 0 END AS reason,
      ifnull(x.minute, -1) AS m, 1, 1 * x.accepted, 1 * x.rejected, 1 * x.ignored,
    1 * x.in_time, 1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.id = NEW.id) x JOIN leads l ON l.id = x.lead_id
    WHERE true
    ON CONFLICT (kind, source, day, campaign, rep_id, reengaged, reason_id, minute)
    DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
END;
--> statement-breakpoint
CREATE TRIGGER summary_clock_follow_up_updating BEFORE UPDATE OF kind, rep_id, lead_id, started_at, due_at, acted_at, action, working_ms, reengaged ON follow_ups
WHEN OLD.acted_at IS NOT NULL AND OLD.id <= (SELECT upto FROM summary_progress WHERE family = 'clocks' AND source = 'follow_ups')
BEGIN
  INSERT INTO summary_clock_counts (kind, rep_id, level, at, reengaged, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, CASE r.mine WHEN 1 THEN x.rep_id ELSE 0 END AS rep, v.level AS lv, CASE v.level WHEN 0 THEN x.day ELSE (CAST(strftime('%Y', x.day * 86400, 'unixepoch') AS INTEGER) * 12
    + CAST(strftime('%m', x.day * 86400, 'unixepoch') AS INTEGER) - 1) END AS a, x.reengaged AS re, -1, -1 * x.accepted, -1 * x.rejected, -1 * x.ignored,
    -1 * x.in_time, -1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.id = OLD.id) x, (SELECT 0 AS level UNION ALL SELECT 1) v,
    (SELECT 0 AS mine UNION ALL SELECT 1) r
    WHERE true
    ON CONFLICT (kind, rep_id, level, at, reengaged) DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
  INSERT INTO summary_clock_hours (kind, rep_id, level, at, hour, reengaged, n)
    SELECT x.kind AS k, CASE r.mine WHEN 1 THEN x.rep_id ELSE 0 END AS rep, v.level AS lv, CASE v.level WHEN 0 THEN x.day ELSE (CAST(strftime('%Y', x.day * 86400, 'unixepoch') AS INTEGER) * 12
    + CAST(strftime('%m', x.day * 86400, 'unixepoch') AS INTEGER) - 1) END AS a,
      x.minute / 60 AS u, x.reengaged AS re,
      -1
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.id = OLD.id) x, (SELECT 0 AS level UNION ALL SELECT 1) v,
    (SELECT 0 AS mine UNION ALL SELECT 1) r
    WHERE x.minute IS NOT NULL
    ON CONFLICT (kind, rep_id, level, at, hour, reengaged) DO UPDATE SET n = n + excluded.n;
  INSERT INTO summary_clock_minutes (kind, rep_id, level, at, minute, reengaged, n)
    SELECT x.kind AS k, CASE r.mine WHEN 1 THEN x.rep_id ELSE 0 END AS rep, v.level AS lv, CASE v.level WHEN 0 THEN x.day ELSE (CAST(strftime('%Y', x.day * 86400, 'unixepoch') AS INTEGER) * 12
    + CAST(strftime('%m', x.day * 86400, 'unixepoch') AS INTEGER) - 1) END AS a,
      x.minute AS u, x.reengaged AS re,
      -1
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.id = OLD.id) x, (SELECT 0 AS level UNION ALL SELECT 1) v,
    (SELECT 0 AS mine UNION ALL SELECT 1) r
    WHERE x.minute IS NOT NULL
    ON CONFLICT (kind, rep_id, level, at, minute, reengaged) DO UPDATE SET n = n + excluded.n;
  INSERT INTO summary_clock_details
      (kind, source, day, campaign, rep_id, reengaged, reason_id, minute, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, ifnull(l.source, '') AS s, x.day AS d, ifnull(l.campaign, '') AS c,
      x.rep_id AS rep, x.reengaged AS re,
      CASE WHEN x.kind = 'return' THEN ifnull((SELECT min(cs.reason_id) FROM cases cs
        WHERE cs.lead_id = x.lead_id AND cs.decided_at = x.started_at), 0) ELSE 0 END AS reason,
      ifnull(x.minute, -1) AS m, -1, -1 * x.accepted, -1 * x.rejected, -1 * x.ignored,
    -1 * x.in_time, -1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.id = OLD.id) x JOIN leads l ON l.id = x.lead_id
    WHERE true
    ON CONFLICT (kind, source, day, campaign, rep_id, reengaged, reason_id, minute)
    DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
END;
--> statement-breakpoint
CREATE TRIGGER summary_clock_follow_up_updated AFTER UPDATE OF kind, rep_id, lead_id, started_at, due_at, acted_at, action, working_ms, reengaged ON follow_ups
WHEN NEW.acted_at IS NOT NULL AND NEW.id <= (SELECT upto FROM summary_progress WHERE family = 'clocks' AND source = 'follow_ups')
BEGIN
  INSERT INTO summary_clock_counts (kind, rep_id, level, at, reengaged, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, CASE r.mine WHEN 1 THEN x.rep_id ELSE 0 END AS rep, v.level AS lv, CASE v.level WHEN 0 THEN x.day ELSE (CAST(strftime('%Y', x.day * 86400, 'unixepoch') AS INTEGER) * 12
    + CAST(strftime('%m', x.day * 86400, 'unixepoch') AS INTEGER) - 1) END AS a, x.reengaged AS re, 1, 1 * x.accepted, 1 * x.rejected, 1 * x.ignored,
    1 * x.in_time, 1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.id = NEW.id) x, (SELECT 0 AS level UNION ALL SELECT 1) v,
    (SELECT 0 AS mine UNION ALL SELECT 1) r
    WHERE true
    ON CONFLICT (kind, rep_id, level, at, reengaged) DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
  INSERT INTO summary_clock_hours (kind, rep_id, level, at, hour, reengaged, n)
    SELECT x.kind AS k, CASE r.mine WHEN 1 THEN x.rep_id ELSE 0 END AS rep, v.level AS lv, CASE v.level WHEN 0 THEN x.day ELSE (CAST(strftime('%Y', x.day * 86400, 'unixepoch') AS INTEGER) * 12
    + CAST(strftime('%m', x.day * 86400, 'unixepoch') AS INTEGER) - 1) END AS a,
      x.minute / 60 AS u, x.reengaged AS re,
      1
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.id = NEW.id) x, (SELECT 0 AS level UNION ALL SELECT 1) v,
    (SELECT 0 AS mine UNION ALL SELECT 1) r
    WHERE x.minute IS NOT NULL
    ON CONFLICT (kind, rep_id, level, at, hour, reengaged) DO UPDATE SET n = n + excluded.n;
  INSERT INTO summary_clock_minutes (kind, rep_id, level, at, minute, reengaged, n)
    SELECT x.kind AS k, CASE r.mine WHEN 1 THEN x.rep_id ELSE 0 END AS rep, v.level AS lv, CASE v.level WHEN 0 THEN x.day ELSE (CAST(strftime('%Y', x.day * 86400, 'unixepoch') AS INTEGER) * 12
    + CAST(strftime('%m', x.day * 86400, 'unixepoch') AS INTEGER) - 1) END AS a,
      x.minute AS u, x.reengaged AS re,
      1
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.id = NEW.id) x, (SELECT 0 AS level UNION ALL SELECT 1) v,
    (SELECT 0 AS mine UNION ALL SELECT 1) r
    WHERE x.minute IS NOT NULL
    ON CONFLICT (kind, rep_id, level, at, minute, reengaged) DO UPDATE SET n = n + excluded.n;
  INSERT INTO summary_clock_details
      (kind, source, day, campaign, rep_id, reengaged, reason_id, minute, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, ifnull(l.source, '') AS s, x.day AS d, ifnull(l.campaign, '') AS c,
      x.rep_id AS rep, x.reengaged AS re,
      CASE WHEN x.kind = 'return' THEN ifnull((SELECT min(cs.reason_id) FROM cases cs
        WHERE cs.lead_id = x.lead_id AND cs.decided_at = x.started_at), 0) ELSE 0 END AS reason,
      ifnull(x.minute, -1) AS m, 1, 1 * x.accepted, 1 * x.rejected, 1 * x.ignored,
    1 * x.in_time, 1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.id = NEW.id) x JOIN leads l ON l.id = x.lead_id
    WHERE true
    ON CONFLICT (kind, source, day, campaign, rep_id, reengaged, reason_id, minute)
    DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
END;
--> statement-breakpoint
CREATE TRIGGER summary_clock_follow_up_deleting BEFORE DELETE ON follow_ups
WHEN OLD.acted_at IS NOT NULL AND OLD.id <= (SELECT upto FROM summary_progress WHERE family = 'clocks' AND source = 'follow_ups')
BEGIN
  INSERT INTO summary_clock_counts (kind, rep_id, level, at, reengaged, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, CASE r.mine WHEN 1 THEN x.rep_id ELSE 0 END AS rep, v.level AS lv, CASE v.level WHEN 0 THEN x.day ELSE (CAST(strftime('%Y', x.day * 86400, 'unixepoch') AS INTEGER) * 12
    + CAST(strftime('%m', x.day * 86400, 'unixepoch') AS INTEGER) - 1) END AS a, x.reengaged AS re, -1, -1 * x.accepted, -1 * x.rejected, -1 * x.ignored,
    -1 * x.in_time, -1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.id = OLD.id) x, (SELECT 0 AS level UNION ALL SELECT 1) v,
    (SELECT 0 AS mine UNION ALL SELECT 1) r
    WHERE true
    ON CONFLICT (kind, rep_id, level, at, reengaged) DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
  INSERT INTO summary_clock_hours (kind, rep_id, level, at, hour, reengaged, n)
    SELECT x.kind AS k, CASE r.mine WHEN 1 THEN x.rep_id ELSE 0 END AS rep, v.level AS lv, CASE v.level WHEN 0 THEN x.day ELSE (CAST(strftime('%Y', x.day * 86400, 'unixepoch') AS INTEGER) * 12
    + CAST(strftime('%m', x.day * 86400, 'unixepoch') AS INTEGER) - 1) END AS a,
      x.minute / 60 AS u, x.reengaged AS re,
      -1
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.id = OLD.id) x, (SELECT 0 AS level UNION ALL SELECT 1) v,
    (SELECT 0 AS mine UNION ALL SELECT 1) r
    WHERE x.minute IS NOT NULL
    ON CONFLICT (kind, rep_id, level, at, hour, reengaged) DO UPDATE SET n = n + excluded.n;
  INSERT INTO summary_clock_minutes (kind, rep_id, level, at, minute, reengaged, n)
    SELECT x.kind AS k, CASE r.mine WHEN 1 THEN x.rep_id ELSE 0 END AS rep, v.level AS lv, CASE v.level WHEN 0 THEN x.day ELSE (CAST(strftime('%Y', x.day * 86400, 'unixepoch') AS INTEGER) * 12
    + CAST(strftime('%m', x.day * 86400, 'unixepoch') AS INTEGER) - 1) END AS a,
      x.minute AS u, x.reengaged AS re,
      -1
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.id = OLD.id) x, (SELECT 0 AS level UNION ALL SELECT 1) v,
    (SELECT 0 AS mine UNION ALL SELECT 1) r
    WHERE x.minute IS NOT NULL
    ON CONFLICT (kind, rep_id, level, at, minute, reengaged) DO UPDATE SET n = n + excluded.n;
  INSERT INTO summary_clock_details
      (kind, source, day, campaign, rep_id, reengaged, reason_id, minute, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, ifnull(l.source, '') AS s, x.day AS d, ifnull(l.campaign, '') AS c,
      x.rep_id AS rep, x.reengaged AS re,
      CASE WHEN x.kind = 'return' THEN ifnull((SELECT min(cs.reason_id) FROM cases cs
        WHERE cs.lead_id = x.lead_id AND cs.decided_at = x.started_at), 0) ELSE 0 END AS reason,
      ifnull(x.minute, -1) AS m, -1, -1 * x.accepted, -1 * x.rejected, -1 * x.ignored,
    -1 * x.in_time, -1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.id = OLD.id) x JOIN leads l ON l.id = x.lead_id
    WHERE true
    ON CONFLICT (kind, source, day, campaign, rep_id, reengaged, reason_id, minute)
    DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
END;
--> statement-breakpoint
CREATE TRIGGER summary_clock_lead_moving BEFORE UPDATE OF source, campaign ON leads
WHEN OLD.source IS NOT NEW.source OR OLD.campaign IS NOT NEW.campaign
BEGIN
  INSERT INTO summary_clock_details
      (kind, source, day, campaign, rep_id, reengaged, reason_id, minute, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, ifnull(l.source, '') AS s, x.day AS d, ifnull(l.campaign, '') AS c,
      x.rep_id AS rep, x.reengaged AS re,
      CASE WHEN x.kind = 'return' THEN ifnull((SELECT min(cs.reason_id) FROM cases cs
        WHERE cs.lead_id = x.lead_id AND cs.decided_at = x.started_at), 0) ELSE 0 END AS reason,
      ifnull(x.minute, -1) AS m, -1, -1 * x.accepted, -1 * x.rejected, -1 * x.ignored,
    -1 * x.in_time, -1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.lead_id = OLD.id AND +f.id <= (SELECT upto FROM summary_progress WHERE family = 'clocks' AND source = 'follow_ups')) x JOIN leads l ON l.id = x.lead_id
    WHERE true
    ON CONFLICT (kind, source, day, campaign, rep_id, reengaged, reason_id, minute)
    DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
END;
--> statement-breakpoint
CREATE TRIGGER summary_clock_lead_moved AFTER UPDATE OF source, campaign ON leads
WHEN OLD.source IS NOT NEW.source OR OLD.campaign IS NOT NEW.campaign
BEGIN
  INSERT INTO summary_clock_details
      (kind, source, day, campaign, rep_id, reengaged, reason_id, minute, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, ifnull(l.source, '') AS s, x.day AS d, ifnull(l.campaign, '') AS c,
      x.rep_id AS rep, x.reengaged AS re,
      CASE WHEN x.kind = 'return' THEN ifnull((SELECT min(cs.reason_id) FROM cases cs
        WHERE cs.lead_id = x.lead_id AND cs.decided_at = x.started_at), 0) ELSE 0 END AS reason,
      ifnull(x.minute, -1) AS m, 1, 1 * x.accepted, 1 * x.rejected, 1 * x.ignored,
    1 * x.in_time, 1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.lead_id = NEW.id AND +f.id <= (SELECT upto FROM summary_progress WHERE family = 'clocks' AND source = 'follow_ups')) x JOIN leads l ON l.id = x.lead_id
    WHERE true
    ON CONFLICT (kind, source, day, campaign, rep_id, reengaged, reason_id, minute)
    DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
END;
--> statement-breakpoint
CREATE TRIGGER summary_clock_case_inserting BEFORE INSERT ON cases
WHEN NEW.decided_at IS NOT NULL
BEGIN
  INSERT INTO summary_clock_details
      (kind, source, day, campaign, rep_id, reengaged, reason_id, minute, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, ifnull(l.source, '') AS s, x.day AS d, ifnull(l.campaign, '') AS c,
      x.rep_id AS rep, x.reengaged AS re,
      CASE WHEN x.kind = 'return' THEN ifnull((SELECT min(cs.reason_id) FROM cases cs
        WHERE cs.lead_id = x.lead_id AND cs.decided_at = x.started_at), 0) ELSE 0 END AS reason,
      ifnull(x.minute, -1) AS m, -1, -1 * x.accepted, -1 * x.rejected, -1 * x.ignored,
    -1 * x.in_time, -1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.lead_id = NEW.lead_id AND f.kind = 'return' AND f.started_at = NEW.decided_at AND +f.id <= (SELECT upto FROM summary_progress WHERE family = 'clocks' AND source = 'follow_ups')) x JOIN leads l ON l.id = x.lead_id
    WHERE true
    ON CONFLICT (kind, source, day, campaign, rep_id, reengaged, reason_id, minute)
    DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
END;
--> statement-breakpoint
CREATE TRIGGER summary_clock_case_inserted AFTER INSERT ON cases
WHEN NEW.decided_at IS NOT NULL
BEGIN
  INSERT INTO summary_clock_details
      (kind, source, day, campaign, rep_id, reengaged, reason_id, minute, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, ifnull(l.source, '') AS s, x.day AS d, ifnull(l.campaign, '') AS c,
      x.rep_id AS rep, x.reengaged AS re,
      CASE WHEN x.kind = 'return' THEN ifnull((SELECT min(cs.reason_id) FROM cases cs
        WHERE cs.lead_id = x.lead_id AND cs.decided_at = x.started_at), 0) ELSE 0 END AS reason,
      ifnull(x.minute, -1) AS m, 1, 1 * x.accepted, 1 * x.rejected, 1 * x.ignored,
    1 * x.in_time, 1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.lead_id = NEW.lead_id AND f.kind = 'return' AND f.started_at = NEW.decided_at AND +f.id <= (SELECT upto FROM summary_progress WHERE family = 'clocks' AND source = 'follow_ups')) x JOIN leads l ON l.id = x.lead_id
    WHERE true
    ON CONFLICT (kind, source, day, campaign, rep_id, reengaged, reason_id, minute)
    DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
END;
--> statement-breakpoint
CREATE TRIGGER summary_clock_case_updating BEFORE UPDATE OF lead_id, decided_at, reason_id ON cases
WHEN (OLD.decided_at IS NOT NEW.decided_at OR OLD.reason_id IS NOT NEW.reason_id
    OR OLD.lead_id IS NOT NEW.lead_id) AND (OLD.decided_at IS NOT NULL OR NEW.decided_at IS NOT NULL)
BEGIN
  INSERT INTO summary_clock_details
      (kind, source, day, campaign, rep_id, reengaged, reason_id, minute, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, ifnull(l.source, '') AS s, x.day AS d, ifnull(l.campaign, '') AS c,
      x.rep_id AS rep, x.reengaged AS re,
      CASE WHEN x.kind = 'return' THEN ifnull((SELECT min(cs.reason_id) FROM cases cs
        WHERE cs.lead_id = x.lead_id AND cs.decided_at = x.started_at), 0) ELSE 0 END AS reason,
      ifnull(x.minute, -1) AS m, -1, -1 * x.accepted, -1 * x.rejected, -1 * x.ignored,
    -1 * x.in_time, -1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.lead_id = OLD.lead_id AND f.kind = 'return' AND f.started_at = OLD.decided_at AND +f.id <= (SELECT upto FROM summary_progress WHERE family = 'clocks' AND source = 'follow_ups')) x JOIN leads l ON l.id = x.lead_id
    WHERE true
    ON CONFLICT (kind, source, day, campaign, rep_id, reengaged, reason_id, minute)
    DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
  INSERT INTO summary_clock_details
      (kind, source, day, campaign, rep_id, reengaged, reason_id, minute, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, ifnull(l.source, '') AS s, x.day AS d, ifnull(l.campaign, '') AS c,
      x.rep_id AS rep, x.reengaged AS re,
      CASE WHEN x.kind = 'return' THEN ifnull((SELECT min(cs.reason_id) FROM cases cs
        WHERE cs.lead_id = x.lead_id AND cs.decided_at = x.started_at), 0) ELSE 0 END AS reason,
      ifnull(x.minute, -1) AS m, -1, -1 * x.accepted, -1 * x.rejected, -1 * x.ignored,
    -1 * x.in_time, -1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.lead_id = NEW.lead_id AND f.kind = 'return' AND f.started_at = NEW.decided_at AND +f.id <= (SELECT upto FROM summary_progress WHERE family = 'clocks' AND source = 'follow_ups')
      AND NOT (NEW.lead_id = OLD.lead_id AND NEW.decided_at IS OLD.decided_at)) x JOIN leads l ON l.id = x.lead_id
    WHERE true
    ON CONFLICT (kind, source, day, campaign, rep_id, reengaged, reason_id, minute)
    DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
END;
--> statement-breakpoint
CREATE TRIGGER summary_clock_case_updated AFTER UPDATE OF lead_id, decided_at, reason_id ON cases
WHEN (OLD.decided_at IS NOT NEW.decided_at OR OLD.reason_id IS NOT NEW.reason_id
    OR OLD.lead_id IS NOT NEW.lead_id) AND (OLD.decided_at IS NOT NULL OR NEW.decided_at IS NOT NULL)
BEGIN
  INSERT INTO summary_clock_details
      (kind, source, day, campaign, rep_id, reengaged, reason_id, minute, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, ifnull(l.source, '') AS s, x.day AS d, ifnull(l.campaign, '') AS c,
      x.rep_id AS rep, x.reengaged AS re,
      CASE WHEN x.kind = 'return' THEN ifnull((SELECT min(cs.reason_id) FROM cases cs
        WHERE cs.lead_id = x.lead_id AND cs.decided_at = x.started_at), 0) ELSE 0 END AS reason,
      ifnull(x.minute, -1) AS m, 1, 1 * x.accepted, 1 * x.rejected, 1 * x.ignored,
    1 * x.in_time, 1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.lead_id = OLD.lead_id AND f.kind = 'return' AND f.started_at = OLD.decided_at AND +f.id <= (SELECT upto FROM summary_progress WHERE family = 'clocks' AND source = 'follow_ups')) x JOIN leads l ON l.id = x.lead_id
    WHERE true
    ON CONFLICT (kind, source, day, campaign, rep_id, reengaged, reason_id, minute)
    DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
  INSERT INTO summary_clock_details
      (kind, source, day, campaign, rep_id, reengaged, reason_id, minute, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, ifnull(l.source, '') AS s, x.day AS d, ifnull(l.campaign, '') AS c,
      x.rep_id AS rep, x.reengaged AS re,
      CASE WHEN x.kind = 'return' THEN ifnull((SELECT min(cs.reason_id) FROM cases cs
        WHERE cs.lead_id = x.lead_id AND cs.decided_at = x.started_at), 0) ELSE 0 END AS reason,
      ifnull(x.minute, -1) AS m, 1, 1 * x.accepted, 1 * x.rejected, 1 * x.ignored,
    1 * x.in_time, 1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.lead_id = NEW.lead_id AND f.kind = 'return' AND f.started_at = NEW.decided_at AND +f.id <= (SELECT upto FROM summary_progress WHERE family = 'clocks' AND source = 'follow_ups')
      AND NOT (NEW.lead_id = OLD.lead_id AND NEW.decided_at IS OLD.decided_at)) x JOIN leads l ON l.id = x.lead_id
    WHERE true
    ON CONFLICT (kind, source, day, campaign, rep_id, reengaged, reason_id, minute)
    DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
END;
--> statement-breakpoint
CREATE TRIGGER summary_clock_case_deleting BEFORE DELETE ON cases
WHEN OLD.decided_at IS NOT NULL
BEGIN
  INSERT INTO summary_clock_details
      (kind, source, day, campaign, rep_id, reengaged, reason_id, minute, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, ifnull(l.source, '') AS s, x.day AS d, ifnull(l.campaign, '') AS c,
      x.rep_id AS rep, x.reengaged AS re,
      CASE WHEN x.kind = 'return' THEN ifnull((SELECT min(cs.reason_id) FROM cases cs
        WHERE cs.lead_id = x.lead_id AND cs.decided_at = x.started_at), 0) ELSE 0 END AS reason,
      ifnull(x.minute, -1) AS m, -1, -1 * x.accepted, -1 * x.rejected, -1 * x.ignored,
    -1 * x.in_time, -1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.lead_id = OLD.lead_id AND f.kind = 'return' AND f.started_at = OLD.decided_at AND +f.id <= (SELECT upto FROM summary_progress WHERE family = 'clocks' AND source = 'follow_ups')) x JOIN leads l ON l.id = x.lead_id
    WHERE true
    ON CONFLICT (kind, source, day, campaign, rep_id, reengaged, reason_id, minute)
    DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
END;
--> statement-breakpoint
CREATE TRIGGER summary_clock_case_deleted AFTER DELETE ON cases
WHEN OLD.decided_at IS NOT NULL
BEGIN
  INSERT INTO summary_clock_details
      (kind, source, day, campaign, rep_id, reengaged, reason_id, minute, started, accepted, rejected, ignored, in_time, late)
    SELECT x.kind AS k, ifnull(l.source, '') AS s, x.day AS d, ifnull(l.campaign, '') AS c,
      x.rep_id AS rep, x.reengaged AS re,
      CASE WHEN x.kind = 'return' THEN ifnull((SELECT min(cs.reason_id) FROM cases cs
        WHERE cs.lead_id = x.lead_id AND cs.decided_at = x.started_at), 0) ELSE 0 END AS reason,
      ifnull(x.minute, -1) AS m, 1, 1 * x.accepted, 1 * x.rejected, 1 * x.ignored,
    1 * x.in_time, 1 * x.late
    FROM (SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((CAST(f.started_at AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= f.started_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN f.action IN ('accepted', 'rejected') AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (f.action IN ('accepted', 'rejected') AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND f.lead_id = OLD.lead_id AND f.kind = 'return' AND f.started_at = OLD.decided_at AND +f.id <= (SELECT upto FROM summary_progress WHERE family = 'clocks' AND source = 'follow_ups')) x JOIN leads l ON l.id = x.lead_id
    WHERE true
    ON CONFLICT (kind, source, day, campaign, rep_id, reengaged, reason_id, minute)
    DO UPDATE SET started = started + excluded.started, accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected, ignored = ignored + excluded.ignored, in_time = in_time + excluded.in_time, late = late + excluded.late;
END;
