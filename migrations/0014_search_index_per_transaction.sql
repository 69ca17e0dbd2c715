-- Search is indexed once per transaction instead of once per inserted lead (issue 7). FTS5
-- flushes its pending terms at every statement savepoint once it has been written in a
-- transaction, so a per-row index write made each lead of an import batch cost ~75 µs more.
-- Now an inserted lead is only noted in `leads_search_pending`; whoever inserts leads indexes
-- the noted ones with one INSERT … SELECT before committing (`indexNewLeads`), and the server
-- indexes any left over at start-up. While a lead is pending, the update and delete triggers
-- leave the index alone: the lead is indexed as it is when the transaction indexes it.
CREATE TABLE `leads_search_pending` (`id` integer PRIMARY KEY NOT NULL);
--> statement-breakpoint
DROP TRIGGER `leads_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `leads_search_insert` AFTER INSERT ON `leads` BEGIN
  INSERT INTO `leads_search_pending`(id) VALUES (new.id);
END;
--> statement-breakpoint
DROP TRIGGER `leads_search_update`;
--> statement-breakpoint
CREATE TRIGGER `leads_search_update` AFTER UPDATE OF first_name, last_name, email, company, external_id ON `leads`
WHEN NOT EXISTS (SELECT 1 FROM `leads_search_pending` WHERE id = old.id) BEGIN
  INSERT INTO `leads_search`(`leads_search`, rowid, first_name, last_name, email, company, external_id)
  VALUES ('delete', old.id, old.first_name, old.last_name, old.email, old.company, old.external_id);
  INSERT INTO `leads_search`(rowid, first_name, last_name, email, company, external_id)
  VALUES (new.id, new.first_name, new.last_name, new.email, new.company, new.external_id);
END;
--> statement-breakpoint
DROP TRIGGER `leads_search_delete`;
--> statement-breakpoint
CREATE TRIGGER `leads_search_delete` AFTER DELETE ON `leads` BEGIN
  INSERT INTO `leads_search`(`leads_search`, rowid, first_name, last_name, email, company, external_id)
  SELECT 'delete', old.id, old.first_name, old.last_name, old.email, old.company, old.external_id
  WHERE NOT EXISTS (SELECT 1 FROM `leads_search_pending` WHERE id = old.id);
  DELETE FROM `leads_search_pending` WHERE id = old.id;
END;
