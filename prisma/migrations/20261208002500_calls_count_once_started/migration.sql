-- Hand-written: a call counts in the analytics rollups once it has happened (it started, or it
-- ended with an outcome), not while it rings. A ringing call has no outcome yet, so every one of
-- a clinic's day shared one rollup row: concurrent calls queued on that row at their very first
-- answer (assistant-request, inside Vapi's call-setup budget). And a call that only rang was
-- counted as answered. It joins the figures when its start or its outcome arrives (the update
-- trigger watches both), with the same day, hour, assistant and number as before.
CREATE OR REPLACE FUNCTION call_stats_add(c calls, sign integer) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO call_stats ("clinicId", "day", "outcome", "assistantId", "phoneNumberId", "calls", "asked", "talkSeconds", "costUsd")
  SELECT c."clinicId", local::date, c."outcome", c."assistantId", c."phoneNumberId",
         sign, CASE WHEN c."askedToBook" THEN sign ELSE 0 END,
         sign * coalesce(c."durationSeconds", 0), sign * coalesce(c."costUsd", 0)
  FROM (SELECT coalesce(c."startedAt", c."createdAt") AT TIME ZONE k."timezone" AS local
        FROM clinics k WHERE k."id" = c."clinicId") AS at
  WHERE c."startedAt" IS NOT NULL OR c."outcome" IS NOT NULL
  ON CONFLICT ("clinicId", "day", "outcome", "assistantId", "phoneNumberId") DO UPDATE SET
    "calls" = call_stats."calls" + excluded."calls",
    "asked" = call_stats."asked" + excluded."asked",
    "talkSeconds" = call_stats."talkSeconds" + excluded."talkSeconds",
    "costUsd" = call_stats."costUsd" + excluded."costUsd";
  INSERT INTO call_hour_stats ("clinicId", "day", "hour", "assistantId", "phoneNumberId", "calls")
  SELECT c."clinicId", local::date, extract(hour FROM local)::smallint, c."assistantId", c."phoneNumberId", sign
  FROM (SELECT coalesce(c."startedAt", c."createdAt") AT TIME ZONE k."timezone" AS local
        FROM clinics k WHERE k."id" = c."clinicId") AS at
  WHERE c."startedAt" IS NOT NULL OR c."outcome" IS NOT NULL
  ON CONFLICT ("clinicId", "day", "hour", "assistantId", "phoneNumberId") DO UPDATE SET
    "calls" = call_hour_stats."calls" + excluded."calls";
$$;

-- A call that is not counted is not looked at either: no trigger runs for its insert or delete.
DROP TRIGGER calls_roll_up_rows ON "calls";
CREATE TRIGGER calls_roll_up_inserts AFTER INSERT ON "calls"
  FOR EACH ROW WHEN (NEW."startedAt" IS NOT NULL OR NEW."outcome" IS NOT NULL) EXECUTE FUNCTION calls_roll_up();
CREATE TRIGGER calls_roll_up_deletes AFTER DELETE ON "calls"
  FOR EACH ROW WHEN (OLD."startedAt" IS NOT NULL OR OLD."outcome" IS NOT NULL) EXECUTE FUNCTION calls_roll_up();

-- Recount every call by the new rule.
DELETE FROM call_stats;
DELETE FROM call_hour_stats;
SELECT call_stats_add(c, 1) FROM calls c;
