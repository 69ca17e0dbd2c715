-- The trail becomes a hash chain. Entries written before it have no hash yet: the server seals
-- them once, in order, at start-up (sealAuditTrail). So an entry may be updated only while it
-- has no hash, and only to set it; a sealed entry can never change.
DROP TRIGGER `audit_events_no_update`;
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events`
WHEN OLD.`hash` IS NOT NULL
  OR NEW.`hash` IS NULL
  OR NEW.`at` IS NOT OLD.`at`
  OR NEW.`actor_id` IS NOT OLD.`actor_id`
  OR NEW.`action` IS NOT OLD.`action`
  OR NEW.`subject_type` IS NOT OLD.`subject_type`
  OR NEW.`subject_id` IS NOT OLD.`subject_id`
  OR NEW.`before` IS NOT OLD.`before`
  OR NEW.`after` IS NOT OLD.`after`
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
--> statement-breakpoint
-- Cases opened before the reason's words were kept with them take the words in use now.
UPDATE `cases`
SET `reason_label` = (SELECT `label` FROM `reasons` WHERE `reasons`.`id` = `cases`.`reason_id`)
WHERE `reason_id` IS NOT NULL AND `reason_label` IS NULL;
--> statement-breakpoint
-- Every new entry carries its hash (recordAudit computes it).
CREATE TRIGGER `audit_events_hash_required` BEFORE INSERT ON `audit_events`
WHEN NEW.`hash` IS NULL
BEGIN
  SELECT RAISE(ABORT, 'audit_events entries must carry their hash');
END;
