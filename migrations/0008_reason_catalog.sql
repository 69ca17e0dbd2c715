-- The reason catalog as PRODUCT.md lists it. Admins link each reason to the criterion it
-- disputes (criteria differ per organisation), rename, add and deactivate reasons.
INSERT INTO `reasons` (`label`, `notes_required`, `position`, `created_at`) VALUES
  ('Outside ideal customer profile', 0, 1, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
  ('No authority', 0, 2, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
  ('No budget', 0, 3, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
  ('No need', 0, 4, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
  ('Not sales-ready (timing)', 0, 5, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
  ('Bad contact data', 0, 6, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
  ('Already working this account / duplicate', 0, 7, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
  ('Competitor / student / job seeker / spam', 0, 8, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
  ('Unresponsive after repeated attempts', 0, 9, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
  ('Other', 1, 10, CAST(unixepoch('subsec') * 1000 AS INTEGER));
--> statement-breakpoint
-- Leads already waiting get a follow-up clock. Working hours cannot be counted in SQL, so the
-- due time is five calendar days after hand-over: never earlier than 48 working hours would
-- be, even across a daylight-saving change.
UPDATE `leads`
SET `clock_started_at` = `handed_over_at`,
    `follow_up_due_at` = `handed_over_at` + 5 * 24 * 3600 * 1000
WHERE `status` IN ('new', 'returned');
--> statement-breakpoint
-- A lead's marketer is the marketer who created or imported it.
UPDATE `leads`
SET `marketer_id` = `created_by`
WHERE `created_by` IN (SELECT `user_id` FROM `user_roles` WHERE `role` = 'marketer');
