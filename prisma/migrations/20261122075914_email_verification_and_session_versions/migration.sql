-- AlterTable
ALTER TABLE "users" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "email_verification_tokens" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "clinicName" TEXT,
    "clinicTimezone" TEXT,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_verification_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "email_verification_tokens_tokenHash_key" ON "email_verification_tokens"("tokenHash");

-- CreateIndex
CREATE INDEX "email_verification_tokens_userId_idx" ON "email_verification_tokens"("userId");

-- AddForeignKey
ALTER TABLE "email_verification_tokens" ADD CONSTRAINT "email_verification_tokens_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: removing a member from a clinic also ends their sessions. The tenant role may
-- not touch "users", so it gets exactly this: delete one membership of the clinic it is
-- pointed at, and bump that person's session version, in one statement.
CREATE FUNCTION remove_clinic_member(membership_id uuid) RETURNS uuid
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH removed AS (
    DELETE FROM "memberships" WHERE "id" = membership_id AND "clinicId" = current_clinic_id() RETURNING "userId"
  )
  UPDATE "users" SET "sessionVersion" = "sessionVersion" + 1
  FROM removed WHERE "users"."id" = removed."userId"
  RETURNING "users"."id"
$$;
REVOKE ALL ON FUNCTION remove_clinic_member(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION remove_clinic_member(uuid) TO frontdesk_app;
