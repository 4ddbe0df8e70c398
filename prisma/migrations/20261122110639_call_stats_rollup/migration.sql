-- CreateTable
CREATE TABLE "call_stats" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinicId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "hour" SMALLINT NOT NULL,
    "outcome" "CallOutcome",
    "assistantId" UUID,
    "phoneNumberId" UUID,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "asked" INTEGER NOT NULL DEFAULT 0,
    "talkSeconds" BIGINT NOT NULL DEFAULT 0,
    "costUsd" DECIMAL(14,4) NOT NULL DEFAULT 0,

    CONSTRAINT "call_stats_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "call_stats" ADD CONSTRAINT "call_stats_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "clinics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: one row per clinic, day, hour, outcome, assistant and number (nulls included).
CREATE UNIQUE INDEX "call_stats_key" ON "call_stats" ("clinicId", "day", "hour", "outcome", "assistantId", "phoneNumberId") NULLS NOT DISTINCT;
COMMENT ON INDEX "call_stats_key" IS 'hand-written: the rollup''s key, nulls included (schema.prisma cannot say NULLS NOT DISTINCT)';

-- Members read their clinic's rollup; only the triggers below (as the owner) write it.
ALTER TABLE "call_stats" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "call_stats" USING ("clinicId" = current_clinic_id()) WITH CHECK ("clinicId" = current_clinic_id());
GRANT SELECT ON "call_stats" TO frontdesk_app;

-- Adds (sign 1) or takes away (sign -1) one call's share of its rollup row. The day and hour are
-- the clinic's; a call not started yet counts at the time we first heard of it.
CREATE FUNCTION call_stats_add(c calls, sign integer) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO call_stats ("clinicId", "day", "hour", "outcome", "assistantId", "phoneNumberId", "calls", "asked", "talkSeconds", "costUsd")
  SELECT c."clinicId", local::date, extract(hour FROM local)::smallint, c."outcome", c."assistantId", c."phoneNumberId",
         sign, CASE WHEN c."askedToBook" THEN sign ELSE 0 END,
         sign * coalesce(c."durationSeconds", 0), sign * coalesce(c."costUsd", 0)
  FROM (SELECT coalesce(c."startedAt", c."createdAt") AT TIME ZONE k."timezone" AS local
        FROM clinics k WHERE k."id" = c."clinicId") AS at
  ON CONFLICT ("clinicId", "day", "hour", "outcome", "assistantId", "phoneNumberId") DO UPDATE SET
    "calls" = call_stats."calls" + excluded."calls",
    "asked" = call_stats."asked" + excluded."asked",
    "talkSeconds" = call_stats."talkSeconds" + excluded."talkSeconds",
    "costUsd" = call_stats."costUsd" + excluded."costUsd"
$$;
REVOKE ALL ON FUNCTION call_stats_add(calls, integer) FROM PUBLIC;

CREATE FUNCTION calls_roll_up() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM call_stats_add(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM call_stats_add(NEW, 1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER calls_roll_up_rows AFTER INSERT OR DELETE ON "calls"
  FOR EACH ROW EXECUTE FUNCTION calls_roll_up();
-- Only when something the rollup counts changed: status and transcript updates cost nothing.
CREATE TRIGGER calls_roll_up_changes AFTER UPDATE ON "calls"
  FOR EACH ROW WHEN (
    (OLD."startedAt", OLD."createdAt", OLD."outcome", OLD."assistantId", OLD."phoneNumberId", OLD."askedToBook", OLD."durationSeconds", OLD."costUsd")
    IS DISTINCT FROM
    (NEW."startedAt", NEW."createdAt", NEW."outcome", NEW."assistantId", NEW."phoneNumberId", NEW."askedToBook", NEW."durationSeconds", NEW."costUsd")
  ) EXECUTE FUNCTION calls_roll_up();

-- A clinic that moves to another time zone gets its days recounted in the new one.
CREATE FUNCTION clinics_recount_call_stats() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM call_stats WHERE "clinicId" = NEW."id";
  PERFORM call_stats_add(c, 1) FROM calls c WHERE c."clinicId" = NEW."id";
  RETURN NULL;
END $$;
CREATE TRIGGER clinics_recount_call_stats AFTER UPDATE OF "timezone" ON "clinics"
  FOR EACH ROW WHEN (OLD."timezone" IS DISTINCT FROM NEW."timezone") EXECUTE FUNCTION clinics_recount_call_stats();

-- The calls already here.
SELECT call_stats_add(c, 1) FROM calls c;
