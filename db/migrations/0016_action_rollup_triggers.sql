-- Keeps action_rollups and action_close_days equal to counting the actions table (and reopen
-- events) per department and owner, in the same statement as every write: whoever moves an
-- action (the loop's use cases, the seed, a cascade) keeps the dashboard's scorecards right.
-- tests/integration/dashboard-rollups.test.ts compares them with the raw counts.

-- The survey rollups, rebuilt once now that they count the answers carrying each score
-- (csat_count, nps_count) and CES (the same query as db/rollups-rebuild.ts).
DELETE FROM response_rollups;
--> statement-breakpoint
INSERT INTO response_rollups (grain, bucket, format, segment, language, sent, responses, csat_count, nps_count, csat_satisfied, nps_promoters, nps_detractors, ces_count, ces_sum, ces_sum_squares)
SELECT grain, bucket, format, segment, language, sum(sent) AS sent, sum(responses) AS responses, sum(csat_count) AS csat_count, sum(nps_count) AS nps_count, sum(csat_satisfied) AS csat_satisfied, sum(nps_promoters) AS nps_promoters, sum(nps_detractors) AS nps_detractors, sum(ces_count) AS ces_count, sum(ces_sum) AS ces_sum, sum(ces_sum_squares) AS ces_sum_squares FROM ( SELECT 'day' AS grain, ((sv.sent_at) / 86400000) * 86400000 AS bucket, s.format AS format, coalesce(c.segment, '') AS segment, coalesce(c.language, '') AS language, count(*) AS sent, 0 AS responses, 0 AS csat_count, 0 AS nps_count, 0 AS csat_satisfied, 0 AS nps_promoters, 0 AS nps_detractors, 0 AS ces_count, 0 AS ces_sum, 0 AS ces_sum_squares FROM surveys sv JOIN sessions s ON s.id = sv.session_id LEFT JOIN invitations i ON i.id = sv.invitation_id LEFT JOIN customers c ON c.id = i.customer_id GROUP BY 2, 3, 4, 5 UNION ALL SELECT 'day', ((sv.sent_at) / 86400000) * 86400000, s.format, coalesce(c.segment, ''), r.language, 0, count(*), count(r.csat), count(r.nps), coalesce(sum(r.csat >= 4), 0), coalesce(sum(r.nps >= 9), 0), coalesce(sum(r.nps <= 6), 0), count(r.ces), coalesce(sum(r.ces), 0), coalesce(sum(r.ces * r.ces), 0) FROM survey_responses r JOIN surveys sv ON sv.id = r.survey_id JOIN sessions s ON s.id = sv.session_id LEFT JOIN invitations i ON i.id = sv.invitation_id LEFT JOIN customers c ON c.id = i.customer_id GROUP BY 2, 3, 4, 5 UNION ALL SELECT 'week' AS grain, (((sv.sent_at) / 86400000) - ((((sv.sent_at) / 86400000) + 3) % 7)) * 86400000 AS bucket, s.format AS format, coalesce(c.segment, '') AS segment, coalesce(c.language, '') AS language, count(*) AS sent, 0 AS responses, 0 AS csat_count, 0 AS nps_count, 0 AS csat_satisfied, 0 AS nps_promoters, 0 AS nps_detractors, 0 AS ces_count, 0 AS ces_sum, 0 AS ces_sum_squares FROM surveys sv JOIN sessions s ON s.id = sv.session_id LEFT JOIN invitations i ON i.id = sv.invitation_id LEFT JOIN customers c ON c.id = i.customer_id GROUP BY 2, 3, 4, 5 UNION ALL SELECT 'week', (((sv.sent_at) / 86400000) - ((((sv.sent_at) / 86400000) + 3) % 7)) * 86400000, s.format, coalesce(c.segment, ''), r.language, 0, count(*), count(r.csat), count(r.nps), coalesce(sum(r.csat >= 4), 0), coalesce(sum(r.nps >= 9), 0), coalesce(sum(r.nps <= 6), 0), count(r.ces), coalesce(sum(r.ces), 0), coalesce(sum(r.ces * r.ces), 0) FROM survey_responses r JOIN surveys sv ON sv.id = r.survey_id JOIN sessions s ON s.id = sv.session_id LEFT JOIN invitations i ON i.id = sv.invitation_id LEFT JOIN customers c ON c.id = i.customer_id GROUP BY 2, 3, 4, 5 UNION ALL SELECT 'month' AS grain, CAST(strftime('%s', (sv.sent_at) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 AS bucket, s.format AS format, coalesce(c.segment, '') AS segment, coalesce(c.language, '') AS language, count(*) AS sent, 0 AS responses, 0 AS csat_count, 0 AS nps_count, 0 AS csat_satisfied, 0 AS nps_promoters, 0 AS nps_detractors, 0 AS ces_count, 0 AS ces_sum, 0 AS ces_sum_squares FROM surveys sv JOIN sessions s ON s.id = sv.session_id LEFT JOIN invitations i ON i.id = sv.invitation_id LEFT JOIN customers c ON c.id = i.customer_id GROUP BY 2, 3, 4, 5 UNION ALL SELECT 'month', CAST(strftime('%s', (sv.sent_at) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000, s.format, coalesce(c.segment, ''), r.language, 0, count(*), count(r.csat), count(r.nps), coalesce(sum(r.csat >= 4), 0), coalesce(sum(r.nps >= 9), 0), coalesce(sum(r.nps <= 6), 0), count(r.ces), coalesce(sum(r.ces), 0), coalesce(sum(r.ces * r.ces), 0) FROM survey_responses r JOIN surveys sv ON sv.id = r.survey_id JOIN sessions s ON s.id = sv.session_id LEFT JOIN invitations i ON i.id = sv.invitation_id LEFT JOIN customers c ON c.id = i.customer_id GROUP BY 2, 3, 4, 5) GROUP BY grain, bucket, format, segment, language;
--> statement-breakpoint
-- Backfill from the rows already there.
INSERT INTO action_rollups (department_id, owner_id, open, closed, on_time, reopened)
  SELECT a.department_id, a.owner_id, sum(a.status IN ('open','in_progress')),
    sum(a.done_at IS NOT NULL AND a.status IN ('done','verified')),
    sum(a.done_at IS NOT NULL AND a.status IN ('done','verified') AND a.done_at <= a.deadline),
    sum((SELECT count(*) FROM action_events e WHERE e.action_id = a.id AND e.to_status = 'open' AND e.from_status IN ('done','verified')))
  FROM actions a GROUP BY a.department_id, a.owner_id;
--> statement-breakpoint
INSERT INTO action_close_days (department_id, owner_id, days, actions)
  SELECT a.department_id, a.owner_id, (a.done_at - a.created_at) / 86400000, count(*) FROM actions a
  WHERE a.done_at IS NOT NULL AND a.status IN ('done','verified') GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER action_rollup_insert AFTER INSERT ON actions BEGIN
INSERT INTO action_rollups (department_id, owner_id, open, closed, on_time, reopened)
  VALUES (NEW.department_id, NEW.owner_id, (NEW.status IN ('open','in_progress')), (NEW.done_at IS NOT NULL AND NEW.status IN ('done','verified')), ((NEW.done_at IS NOT NULL AND NEW.status IN ('done','verified')) AND NEW.done_at <= NEW.deadline), (SELECT count(*) FROM action_events e WHERE e.action_id = NEW.id AND e.to_status = 'open' AND e.from_status IN ('done','verified')))
  ON CONFLICT (department_id, owner_id) DO UPDATE SET open = open + excluded.open, closed = closed + excluded.closed,
    on_time = on_time + excluded.on_time, reopened = reopened + excluded.reopened;
INSERT INTO action_close_days (department_id, owner_id, days, actions)
  SELECT NEW.department_id, NEW.owner_id, (NEW.done_at - NEW.created_at) / 86400000, 1 WHERE (NEW.done_at IS NOT NULL AND NEW.status IN ('done','verified'))
  ON CONFLICT (department_id, owner_id, days) DO UPDATE SET actions = actions + excluded.actions;
END;
--> statement-breakpoint
-- Before the delete: its events (removed by cascade afterwards) are still there to count.
CREATE TRIGGER action_rollup_delete BEFORE DELETE ON actions BEGIN
INSERT INTO action_rollups (department_id, owner_id, open, closed, on_time, reopened)
  VALUES (OLD.department_id, OLD.owner_id, -(OLD.status IN ('open','in_progress')), -(OLD.done_at IS NOT NULL AND OLD.status IN ('done','verified')), -((OLD.done_at IS NOT NULL AND OLD.status IN ('done','verified')) AND OLD.done_at <= OLD.deadline), -(SELECT count(*) FROM action_events e WHERE e.action_id = OLD.id AND e.to_status = 'open' AND e.from_status IN ('done','verified')))
  ON CONFLICT (department_id, owner_id) DO UPDATE SET open = open + excluded.open, closed = closed + excluded.closed,
    on_time = on_time + excluded.on_time, reopened = reopened + excluded.reopened;
INSERT INTO action_close_days (department_id, owner_id, days, actions)
  SELECT OLD.department_id, OLD.owner_id, (OLD.done_at - OLD.created_at) / 86400000, -1 WHERE (OLD.done_at IS NOT NULL AND OLD.status IN ('done','verified'))
  ON CONFLICT (department_id, owner_id, days) DO UPDATE SET actions = actions + excluded.actions;
END;
--> statement-breakpoint
CREATE TRIGGER action_rollup_update AFTER UPDATE OF status, done_at, deadline, department_id, owner_id, created_at ON actions BEGIN
INSERT INTO action_rollups (department_id, owner_id, open, closed, on_time, reopened)
  VALUES (OLD.department_id, OLD.owner_id, -(OLD.status IN ('open','in_progress')), -(OLD.done_at IS NOT NULL AND OLD.status IN ('done','verified')), -((OLD.done_at IS NOT NULL AND OLD.status IN ('done','verified')) AND OLD.done_at <= OLD.deadline), -(SELECT count(*) FROM action_events e WHERE e.action_id = OLD.id AND e.to_status = 'open' AND e.from_status IN ('done','verified')))
  ON CONFLICT (department_id, owner_id) DO UPDATE SET open = open + excluded.open, closed = closed + excluded.closed,
    on_time = on_time + excluded.on_time, reopened = reopened + excluded.reopened;
INSERT INTO action_close_days (department_id, owner_id, days, actions)
  SELECT OLD.department_id, OLD.owner_id, (OLD.done_at - OLD.created_at) / 86400000, -1 WHERE (OLD.done_at IS NOT NULL AND OLD.status IN ('done','verified'))
  ON CONFLICT (department_id, owner_id, days) DO UPDATE SET actions = actions + excluded.actions;
INSERT INTO action_rollups (department_id, owner_id, open, closed, on_time, reopened)
  VALUES (NEW.department_id, NEW.owner_id, (NEW.status IN ('open','in_progress')), (NEW.done_at IS NOT NULL AND NEW.status IN ('done','verified')), ((NEW.done_at IS NOT NULL AND NEW.status IN ('done','verified')) AND NEW.done_at <= NEW.deadline), (SELECT count(*) FROM action_events e WHERE e.action_id = NEW.id AND e.to_status = 'open' AND e.from_status IN ('done','verified')))
  ON CONFLICT (department_id, owner_id) DO UPDATE SET open = open + excluded.open, closed = closed + excluded.closed,
    on_time = on_time + excluded.on_time, reopened = reopened + excluded.reopened;
INSERT INTO action_close_days (department_id, owner_id, days, actions)
  SELECT NEW.department_id, NEW.owner_id, (NEW.done_at - NEW.created_at) / 86400000, 1 WHERE (NEW.done_at IS NOT NULL AND NEW.status IN ('done','verified'))
  ON CONFLICT (department_id, owner_id, days) DO UPDATE SET actions = actions + excluded.actions;
END;
--> statement-breakpoint
CREATE TRIGGER action_rollup_reopen AFTER INSERT ON action_events
  WHEN NEW.to_status = 'open' AND NEW.from_status IN ('done','verified') BEGIN
UPDATE action_rollups SET reopened = reopened + 1
  WHERE (department_id, owner_id) = (SELECT department_id, owner_id FROM actions WHERE id = NEW.action_id);
END;
--> statement-breakpoint
-- A cascade from a deleted action finds no action left (its BEFORE DELETE already subtracted).
CREATE TRIGGER action_rollup_reopen_delete AFTER DELETE ON action_events
  WHEN OLD.to_status = 'open' AND OLD.from_status IN ('done','verified') BEGIN
UPDATE action_rollups SET reopened = reopened - 1
  WHERE (department_id, owner_id) = (SELECT department_id, owner_id FROM actions WHERE id = OLD.action_id);
END;
