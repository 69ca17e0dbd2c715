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
