-- Full-text search over the fields people search leads by (name, e-mail, company, external id),
-- kept in step with `leads` by triggers, so search stays fast at a million leads.
CREATE VIRTUAL TABLE `leads_search` USING fts5(
  first_name, last_name, email, company, external_id,
  content='leads', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `leads_search`(rowid, first_name, last_name, email, company, external_id)
  SELECT id, first_name, last_name, email, company, external_id FROM `leads`;
--> statement-breakpoint
CREATE TRIGGER `leads_search_insert` AFTER INSERT ON `leads` BEGIN
  INSERT INTO `leads_search`(rowid, first_name, last_name, email, company, external_id)
  VALUES (new.id, new.first_name, new.last_name, new.email, new.company, new.external_id);
END;
--> statement-breakpoint
CREATE TRIGGER `leads_search_delete` AFTER DELETE ON `leads` BEGIN
  INSERT INTO `leads_search`(`leads_search`, rowid, first_name, last_name, email, company, external_id)
  VALUES ('delete', old.id, old.first_name, old.last_name, old.email, old.company, old.external_id);
END;
--> statement-breakpoint
CREATE TRIGGER `leads_search_update` AFTER UPDATE OF first_name, last_name, email, company, external_id ON `leads` BEGIN
  INSERT INTO `leads_search`(`leads_search`, rowid, first_name, last_name, email, company, external_id)
  VALUES ('delete', old.id, old.first_name, old.last_name, old.email, old.company, old.external_id);
  INSERT INTO `leads_search`(rowid, first_name, last_name, email, company, external_id)
  VALUES (new.id, new.first_name, new.last_name, new.email, new.company, new.external_id);
END;
