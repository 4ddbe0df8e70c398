-- CreateTable
CREATE TABLE "rate_limit_buckets" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limit_buckets_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "rate_limit_buckets_expiresAt_idx" ON "rate_limit_buckets"("expiresAt");

-- ───────────── Hand-written: row-level security, the third wall between clinics ─────────────
--
-- Tenant queries run inside a transaction that does
--   SELECT set_config('role', 'frontdesk_app', true), set_config('app.org_id', '<org uuid>', true)
-- (packages/core/src/tenancy/for-tenant.ts). frontdesk_app owns nothing and cannot bypass RLS,
-- so even raw SQL in that transaction sees only that org's rows — whatever role the app logs
-- in as. Platform code (sign-in, webhook intake, jobs plumbing) runs as the login role.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'frontdesk_app') THEN
    CREATE ROLE frontdesk_app NOLOGIN NOBYPASSRLS;
  END IF;
END
$$;
-- The login role must be able to switch to it (a no-op for superusers).
GRANT frontdesk_app TO CURRENT_USER;

GRANT USAGE ON SCHEMA public TO frontdesk_app;

CREATE FUNCTION current_org_id() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT NULLIF(current_setting('app.org_id', true), '')::uuid
$$;
GRANT EXECUTE ON FUNCTION current_org_id() TO frontdesk_app;

-- The organisation itself: visible and editable only as the current org.
ALTER TABLE "organizations" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "organizations" USING ("id" = current_org_id()) WITH CHECK ("id" = current_org_id());
GRANT SELECT, UPDATE ON "organizations" TO frontdesk_app;

-- Every table with an orgId column.
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
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING ("orgId" = current_org_id()) WITH CHECK ("orgId" = current_org_id())', t);
    IF t = 'audit_logs' THEN
      EXECUTE format('GRANT SELECT, INSERT ON %I TO frontdesk_app', t);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO frontdesk_app', t);
    END IF;
  END LOOP;
END
$$;

-- Members' names and emails (never password hashes) for the current org's people only.
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
CREATE POLICY org_members ON "users" USING (
  EXISTS (SELECT 1 FROM "memberships" m WHERE m."userId" = "users"."id" AND m."orgId" = current_org_id())
);
GRANT SELECT ("id", "email", "name", "createdAt") ON "users" TO frontdesk_app;

-- The global tool registry is read by tenants (which tools exist), written by the platform.
GRANT SELECT ON "tools" TO frontdesk_app;
