CREATE TABLE `summary_case_review_hours` (
	`dim` text NOT NULL,
	`k` text NOT NULL,
	`g` text NOT NULL,
	`t` integer NOT NULL,
	`hour` integer NOT NULL,
	`kind` text NOT NULL,
	`after_contact` integer NOT NULL,
	`reengaged` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`dim`, `g`, `k`, `t`, `hour`, `kind`, `after_contact`, `reengaged`)
) WITHOUT ROWID;
--> statement-breakpoint
-- The hours of the minutes already counted: the same cases, however far a rebuild has gone.
INSERT INTO summary_case_review_hours (dim, k, g, t, hour, kind, after_contact, reengaged, n)
  SELECT dim, k, g, t, minute / 60, kind, after_contact, reengaged, sum(n)
  FROM summary_case_review_minutes
  GROUP BY dim, g, k, t, minute / 60, kind, after_contact, reengaged
  HAVING sum(n) <> 0;
--> statement-breakpoint
DROP TRIGGER IF EXISTS summary_cases_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS summary_cases_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS summary_cases_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS summary_cases_votes_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS summary_cases_votes_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS summary_cases_votes_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS summary_votes_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS summary_votes_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS summary_votes_delete;
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
  INSERT INTO summary_case_review_hours (dim, k, g, t, hour, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.hour, r.kind, r.after_contact, r.reengaged,
      1 * sum(r.n)
    FROM (SELECT NEW.kind AS kind, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged,
      NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source,
      NEW.campaign AS campaign, ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, NEW.review_working_ms / 3600000 AS hour, 1 AS n FROM (SELECT 1)
    WHERE true AND NEW.status <> 'imported' AND NEW.decided_at IS NOT NULL
      AND NEW.review_working_ms IS NOT NULL) r, (SELECT 'all' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, hour, kind, after_contact, reengaged) DO UPDATE SET
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
  INSERT INTO summary_case_review_hours (dim, k, g, t, hour, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.hour, r.kind, r.after_contact, r.reengaged,
      -1 * sum(r.n)
    FROM (SELECT OLD.kind AS kind, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged,
      OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source,
      OLD.campaign AS campaign, ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, OLD.review_working_ms / 3600000 AS hour, 1 AS n FROM (SELECT 1)
    WHERE true AND OLD.status <> 'imported' AND OLD.decided_at IS NOT NULL
      AND OLD.review_working_ms IS NOT NULL) r, (SELECT 'all' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, hour, kind, after_contact, reengaged) DO UPDATE SET
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
  INSERT INTO summary_case_review_hours (dim, k, g, t, hour, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.hour, r.kind, r.after_contact, r.reengaged,
      1 * sum(r.n)
    FROM (SELECT NEW.kind AS kind, NEW.after_contact AS after_contact, NEW.reengaged AS reengaged,
      NEW.rep_id AS rep_id, NEW.reason_id AS reason_id, NEW.source AS source,
      NEW.campaign AS campaign, ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((NEW.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= NEW.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, NEW.review_working_ms / 3600000 AS hour, 1 AS n FROM (SELECT 1)
    WHERE true AND NEW.status <> 'imported' AND NEW.decided_at IS NOT NULL
      AND NEW.review_working_ms IS NOT NULL) r, (SELECT 'all' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, hour, kind, after_contact, reengaged) DO UPDATE SET
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
  INSERT INTO summary_case_review_hours (dim, k, g, t, hour, kind, after_contact, reengaged, n)
    SELECT x.dim, CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END, g.g, CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END,
      r.hour, r.kind, r.after_contact, r.reengaged,
      -1 * sum(r.n)
    FROM (SELECT OLD.kind AS kind, OLD.after_contact AS after_contact, OLD.reengaged AS reengaged,
      OLD.rep_id AS rep_id, OLD.reason_id AS reason_id, OLD.source AS source,
      OLD.campaign AS campaign, ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000 - ((OLD.opened_at + (SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= OLD.opened_at ORDER BY o.from_at DESC LIMIT 1)) % 86400000 < 0)) AS day, OLD.review_working_ms / 3600000 AS hour, 1 AS n FROM (SELECT 1)
    WHERE true AND OLD.status <> 'imported' AND OLD.decided_at IS NOT NULL
      AND OLD.review_working_ms IS NOT NULL) r, (SELECT 'all' AS dim) x, (SELECT 'w' AS g UNION ALL SELECT 'm') g
    WHERE true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (dim, k, g, t, hour, kind, after_contact, reengaged) DO UPDATE SET
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
