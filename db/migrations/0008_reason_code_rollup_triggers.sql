-- Keeps reason_code_rollups equal to counting room_note_reason_codes joined to room_notes, per
-- grain, bucket (of the note's created_at, UTC), code and department ('' when none): in the same
-- statement as every write, so no code path (triage, erasure, deletes by cascade) can forget it.
-- tests/integration/dashboard-rollups.test.ts compares it with the raw count on random data.

-- Backfill from the rows already there (the same queries as db/rollups-rebuild.ts).
INSERT INTO response_rollups (grain, bucket, format, segment, language, sent, responses, csat_satisfied, nps_promoters, nps_detractors, ces_count, ces_sum, ces_sum_squares)
SELECT grain, bucket, format, segment, language, sum(sent) AS sent, sum(responses) AS responses, sum(csat_satisfied) AS csat_satisfied, sum(nps_promoters) AS nps_promoters, sum(nps_detractors) AS nps_detractors, sum(ces_count) AS ces_count, sum(ces_sum) AS ces_sum, sum(ces_sum_squares) AS ces_sum_squares FROM ( SELECT 'day' AS grain, ((sv.sent_at) / 86400000) * 86400000 AS bucket, s.format AS format, coalesce(c.segment, '') AS segment, coalesce(c.language, '') AS language, count(*) AS sent, 0 AS responses, 0 AS csat_satisfied, 0 AS nps_promoters, 0 AS nps_detractors, 0 AS ces_count, 0 AS ces_sum, 0 AS ces_sum_squares FROM surveys sv JOIN sessions s ON s.id = sv.session_id LEFT JOIN invitations i ON i.id = sv.invitation_id LEFT JOIN customers c ON c.id = i.customer_id GROUP BY 2, 3, 4, 5 UNION ALL SELECT 'day', ((sv.sent_at) / 86400000) * 86400000, s.format, coalesce(c.segment, ''), r.language, 0, count(*), sum(r.csat >= 4), sum(r.nps >= 9), sum(r.nps <= 6), 0, 0, 0 FROM survey_responses r JOIN surveys sv ON sv.id = r.survey_id JOIN sessions s ON s.id = sv.session_id LEFT JOIN invitations i ON i.id = sv.invitation_id LEFT JOIN customers c ON c.id = i.customer_id GROUP BY 2, 3, 4, 5 UNION ALL SELECT 'week' AS grain, (((sv.sent_at) / 86400000) - ((((sv.sent_at) / 86400000) + 3) % 7)) * 86400000 AS bucket, s.format AS format, coalesce(c.segment, '') AS segment, coalesce(c.language, '') AS language, count(*) AS sent, 0 AS responses, 0 AS csat_satisfied, 0 AS nps_promoters, 0 AS nps_detractors, 0 AS ces_count, 0 AS ces_sum, 0 AS ces_sum_squares FROM surveys sv JOIN sessions s ON s.id = sv.session_id LEFT JOIN invitations i ON i.id = sv.invitation_id LEFT JOIN customers c ON c.id = i.customer_id GROUP BY 2, 3, 4, 5 UNION ALL SELECT 'week', (((sv.sent_at) / 86400000) - ((((sv.sent_at) / 86400000) + 3) % 7)) * 86400000, s.format, coalesce(c.segment, ''), r.language, 0, count(*), sum(r.csat >= 4), sum(r.nps >= 9), sum(r.nps <= 6), 0, 0, 0 FROM survey_responses r JOIN surveys sv ON sv.id = r.survey_id JOIN sessions s ON s.id = sv.session_id LEFT JOIN invitations i ON i.id = sv.invitation_id LEFT JOIN customers c ON c.id = i.customer_id GROUP BY 2, 3, 4, 5 UNION ALL SELECT 'month' AS grain, CAST(strftime('%s', (sv.sent_at) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 AS bucket, s.format AS format, coalesce(c.segment, '') AS segment, coalesce(c.language, '') AS language, count(*) AS sent, 0 AS responses, 0 AS csat_satisfied, 0 AS nps_promoters, 0 AS nps_detractors, 0 AS ces_count, 0 AS ces_sum, 0 AS ces_sum_squares FROM surveys sv JOIN sessions s ON s.id = sv.session_id LEFT JOIN invitations i ON i.id = sv.invitation_id LEFT JOIN customers c ON c.id = i.customer_id GROUP BY 2, 3, 4, 5 UNION ALL SELECT 'month', CAST(strftime('%s', (sv.sent_at) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000, s.format, coalesce(c.segment, ''), r.language, 0, count(*), sum(r.csat >= 4), sum(r.nps >= 9), sum(r.nps <= 6), 0, 0, 0 FROM survey_responses r JOIN surveys sv ON sv.id = r.survey_id JOIN sessions s ON s.id = sv.session_id LEFT JOIN invitations i ON i.id = sv.invitation_id LEFT JOIN customers c ON c.id = i.customer_id GROUP BY 2, 3, 4, 5) GROUP BY grain, bucket, format, segment, language;
--> statement-breakpoint
INSERT INTO reason_code_rollups (grain, bucket, reason_code_id, department_id, mentions)
SELECT 'day' AS grain, ((n.created_at) / 86400000) * 86400000 AS bucket, l.reason_code_id AS reason_code_id, coalesce(n.department_id, '') AS department_id, count(*) AS mentions FROM room_note_reason_codes l JOIN room_notes n ON n.id = l.note_id GROUP BY 2, 3, 4 UNION ALL SELECT 'week' AS grain, (((n.created_at) / 86400000) - ((((n.created_at) / 86400000) + 3) % 7)) * 86400000 AS bucket, l.reason_code_id AS reason_code_id, coalesce(n.department_id, '') AS department_id, count(*) AS mentions FROM room_note_reason_codes l JOIN room_notes n ON n.id = l.note_id GROUP BY 2, 3, 4 UNION ALL SELECT 'month' AS grain, CAST(strftime('%s', (n.created_at) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 AS bucket, l.reason_code_id AS reason_code_id, coalesce(n.department_id, '') AS department_id, count(*) AS mentions FROM room_note_reason_codes l JOIN room_notes n ON n.id = l.note_id GROUP BY 2, 3, 4;
--> statement-breakpoint

CREATE TRIGGER reason_code_rollup_link_insert AFTER INSERT ON room_note_reason_codes BEGIN
INSERT INTO reason_code_rollups (grain, bucket, reason_code_id, department_id, mentions)
  SELECT 'day', (n.created_at / 86400000) * 86400000, NEW.reason_code_id, coalesce(n.department_id, ''), 1 FROM room_notes n WHERE n.id = NEW.note_id
  UNION ALL
  SELECT 'week', ((n.created_at / 86400000) - (((n.created_at / 86400000) + 3) % 7)) * 86400000, NEW.reason_code_id, coalesce(n.department_id, ''), 1 FROM room_notes n WHERE n.id = NEW.note_id
  UNION ALL
  SELECT 'month', CAST(strftime('%s', n.created_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000, NEW.reason_code_id, coalesce(n.department_id, ''), 1 FROM room_notes n WHERE n.id = NEW.note_id
  ON CONFLICT (grain, bucket, reason_code_id, department_id) DO UPDATE SET mentions = mentions + excluded.mentions;
END;
--> statement-breakpoint
-- When the note itself is being deleted, its BEFORE DELETE trigger has already subtracted these
-- links and the note row is gone, so the subqueries below match nothing.
CREATE TRIGGER reason_code_rollup_link_delete AFTER DELETE ON room_note_reason_codes BEGIN
UPDATE reason_code_rollups SET mentions = mentions - 1
  WHERE reason_code_id = OLD.reason_code_id AND department_id = (SELECT coalesce(department_id, '') FROM room_notes WHERE id = OLD.note_id)
    AND ((grain = 'day' AND bucket = ((SELECT created_at FROM room_notes WHERE id = OLD.note_id) / 86400000) * 86400000) OR (grain = 'week' AND bucket = (((SELECT created_at FROM room_notes WHERE id = OLD.note_id) / 86400000) - ((((SELECT created_at FROM room_notes WHERE id = OLD.note_id) / 86400000) + 3) % 7)) * 86400000) OR (grain = 'month' AND bucket = CAST(strftime('%s', (SELECT created_at FROM room_notes WHERE id = OLD.note_id) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000));
END;
--> statement-breakpoint
CREATE TRIGGER reason_code_rollup_note_delete BEFORE DELETE ON room_notes BEGIN
UPDATE reason_code_rollups SET mentions = mentions - (SELECT count(*) FROM room_note_reason_codes l WHERE l.note_id = OLD.id AND l.reason_code_id = reason_code_rollups.reason_code_id)
  WHERE reason_code_id IN (SELECT reason_code_id FROM room_note_reason_codes WHERE note_id = OLD.id) AND department_id = coalesce(OLD.department_id, '')
    AND ((grain = 'day' AND bucket = (OLD.created_at / 86400000) * 86400000) OR (grain = 'week' AND bucket = ((OLD.created_at / 86400000) - (((OLD.created_at / 86400000) + 3) % 7)) * 86400000) OR (grain = 'month' AND bucket = CAST(strftime('%s', OLD.created_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000));
END;
--> statement-breakpoint
CREATE TRIGGER reason_code_rollup_note_move AFTER UPDATE OF department_id, created_at ON room_notes
  WHEN OLD.department_id IS NOT NEW.department_id OR OLD.created_at IS NOT NEW.created_at BEGIN
UPDATE reason_code_rollups SET mentions = mentions - (SELECT count(*) FROM room_note_reason_codes l WHERE l.note_id = OLD.id AND l.reason_code_id = reason_code_rollups.reason_code_id)
  WHERE reason_code_id IN (SELECT reason_code_id FROM room_note_reason_codes WHERE note_id = OLD.id) AND department_id = coalesce(OLD.department_id, '')
    AND ((grain = 'day' AND bucket = (OLD.created_at / 86400000) * 86400000) OR (grain = 'week' AND bucket = ((OLD.created_at / 86400000) - (((OLD.created_at / 86400000) + 3) % 7)) * 86400000) OR (grain = 'month' AND bucket = CAST(strftime('%s', OLD.created_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000));
INSERT INTO reason_code_rollups (grain, bucket, reason_code_id, department_id, mentions)
  SELECT 'day', (NEW.created_at / 86400000) * 86400000, l.reason_code_id, coalesce(NEW.department_id, ''), 1 FROM room_note_reason_codes l WHERE l.note_id = NEW.id
  UNION ALL
  SELECT 'week', ((NEW.created_at / 86400000) - (((NEW.created_at / 86400000) + 3) % 7)) * 86400000, l.reason_code_id, coalesce(NEW.department_id, ''), 1 FROM room_note_reason_codes l WHERE l.note_id = NEW.id
  UNION ALL
  SELECT 'month', CAST(strftime('%s', NEW.created_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000, l.reason_code_id, coalesce(NEW.department_id, ''), 1 FROM room_note_reason_codes l WHERE l.note_id = NEW.id
  ON CONFLICT (grain, bucket, reason_code_id, department_id) DO UPDATE SET mentions = mentions + excluded.mentions;
END;
