-- The search index keeps every one- and two-letter prefix of its words as well (issue 7). A
-- search ends with a prefix (the word still being typed), and without these FTS5 merges the
-- lists of every word the prefix begins: "sofia b" read every word in b. With them, a short
-- prefix is one list, like a word. At a million leads the index grows from 68 to 165 MB
-- (docs/performance.md, "Search", has the before and after of each search).
-- The table is rebuilt from `leads`; the triggers (migrations 0003, 0014) write to it by name
-- and are unchanged. Rebuilding indexes every lead, so none is left waiting.
DROP TABLE `leads_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `leads_search` USING fts5(
  first_name, last_name, email, company, external_id,
  content='leads', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2'
);
--> statement-breakpoint
INSERT INTO `leads_search`(`leads_search`) VALUES ('rebuild');
--> statement-breakpoint
DELETE FROM `leads_search_pending`;
