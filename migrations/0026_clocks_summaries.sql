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
