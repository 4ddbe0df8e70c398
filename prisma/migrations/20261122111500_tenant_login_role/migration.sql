-- Hand-written: the tenancy wall no raw SQL can climb over (issue 8, item 9).
--
-- Before: the tenant pool logged in as the role that owns the tables and only SET ROLE'd to
-- frontdesk_app, and any session may set any `app.*` setting, so one raw-SQL bug could
-- `RESET ROLE` (and read everything) or `set_config('app.clinic_id', <other clinic>)`.
-- Now:
--  1. The tenant pool logs in as `frontdesk_tenant`: it inherits frontdesk_app's grants and is
--     a member of nothing else, so RESET ROLE lands on frontdesk_tenant and SET ROLE <owner>
--     is refused.
--  2. `current_clinic_id()` (which every policy calls) believes `app.clinic_id` only next to
--     `app.clinic_proof` = HMAC-SHA256(key, clinic id). The key lives in `tenancy_private`,
--     a schema only the owner may use (and Prisma does not diff); the application reads it as
--     the owner and computes proofs itself. A tenant connection knows its own clinic's proof
--     and nothing else; a mismatch is an error, not an empty result.
--  3. Enqueueing from a tenant transaction goes through `enqueue_clinic_job`, a SECURITY
--     DEFINER function that only enqueues a payload naming the connection's own clinic.

-- Roles are cluster-wide and other databases on the server may be migrating right now:
-- create once, and treat losing that race as success.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'frontdesk_tenant') THEN
    CREATE ROLE frontdesk_tenant LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
DO $$
BEGIN
  IF NOT pg_has_role('frontdesk_tenant', 'frontdesk_app', 'MEMBER') THEN
    GRANT frontdesk_app TO frontdesk_tenant;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
-- Refuse to build a wall with a door in it: the tenant login must not be able to become the owner.
DO $$
BEGIN
  IF pg_has_role('frontdesk_tenant', current_user, 'MEMBER') THEN
    RAISE EXCEPTION 'frontdesk_tenant can become %, the owner of the tables; revoke that membership', current_user;
  END IF;
END
$$;

CREATE SCHEMA tenancy_private;
REVOKE ALL ON SCHEMA tenancy_private FROM PUBLIC;
-- One row: the HMAC key and its precomputed inner and outer pads (RFC 2104), so the database
-- needs nothing but the built-in sha256().
CREATE TABLE tenancy_private.clinic_key (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  key bytea NOT NULL,
  ipad bytea NOT NULL,
  opad bytea NOT NULL
);
REVOKE ALL ON tenancy_private.clinic_key FROM PUBLIC;
DO $$
DECLARE
  -- gen_random_uuid() draws from pg_strong_random(): three of them hashed give 256 random bits.
  k bytea := sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8'));
  k0 bytea;
  i bytea;
  o bytea;
BEGIN
  k0 := k || decode(repeat('00', 32), 'hex');
  i := k0;
  o := k0;
  FOR n IN 0..63 LOOP
    i := set_byte(i, n, get_byte(k0, n) # 54); -- 0x36
    o := set_byte(o, n, get_byte(k0, n) # 92); -- 0x5c
  END LOOP;
  INSERT INTO tenancy_private.clinic_key (key, ipad, opad) VALUES (k, i, o);
END
$$;

-- Same oid, so every policy and function that calls it follows.
CREATE OR REPLACE FUNCTION current_clinic_id() RETURNS uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  clinic text := current_setting('app.clinic_id', true);
  proof text := current_setting('app.clinic_proof', true);
  expected text;
BEGIN
  IF clinic IS NULL OR clinic = '' THEN
    RETURN NULL;
  END IF;
  SELECT encode(sha256(k.opad || sha256(k.ipad || convert_to(clinic, 'UTF8'))), 'hex')
    INTO expected FROM tenancy_private.clinic_key k;
  IF proof IS DISTINCT FROM expected THEN
    RAISE EXCEPTION 'app.clinic_id was not set by the application' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN clinic::uuid;
END
$$;

-- Policies call it once per statement (an InitPlan), not once per row.
ALTER POLICY tenant_isolation ON "clinics"
  USING ("id" = (SELECT current_clinic_id())) WITH CHECK ("id" = (SELECT current_clinic_id()));
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'memberships', 'invitations', 'api_keys', 'credentials', 'assistants', 'assistant_tools',
    'phone_numbers', 'calls', 'webhook_inbox_events', 'providers', 'appointment_types',
    'provider_appointment_types', 'working_hours', 'schedule_overrides', 'patients',
    'appointments', 'sms_messages', 'sms_opt_outs', 'idempotency_keys', 'audit_logs'
  ] LOOP
    EXECUTE format(
      'ALTER POLICY tenant_isolation ON %I USING ("clinicId" = (SELECT current_clinic_id())) WITH CHECK ("clinicId" = (SELECT current_clinic_id()))', t);
  END LOOP;
END
$$;
ALTER POLICY clinic_members ON "users" USING (
  EXISTS (SELECT 1 FROM "memberships" m WHERE m."userId" = "users"."id" AND m."clinicId" = (SELECT current_clinic_id()))
);

-- graphile_worker.add_job for the connection's own clinic only. Job keys are prefixed with the
-- clinic, so one clinic can never replace another's pending job by reusing its key. PL/pgSQL, so
-- creating it does not need graphile-worker's schema yet (that is migrated after ours).
CREATE FUNCTION enqueue_clinic_job(
  task text, payload json, queue text, run_at timestamptz, max_attempts int, job_key text, priority int
) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  clinic uuid := public.current_clinic_id();
BEGIN
  IF clinic IS NULL OR (payload ->> 'clinicId') IS DISTINCT FROM clinic::text THEN
    RAISE EXCEPTION 'a clinic may only enqueue jobs for itself' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN (graphile_worker.add_job(
    task, payload, queue, run_at, max_attempts,
    CASE WHEN job_key IS NULL THEN NULL ELSE clinic::text || ':' || job_key END,
    priority
  )).id;
END
$$;
REVOKE ALL ON FUNCTION enqueue_clinic_job(text, json, text, timestamptz, int, text, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enqueue_clinic_job(text, json, text, timestamptz, int, text, int) TO frontdesk_app;
