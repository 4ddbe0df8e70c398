-- CreateEnum
CREATE TYPE "AssistantRole" AS ENUM ('receptionist', 'sales', 'support', 'dispatcher', 'custom');

-- AlterTable
ALTER TABLE "assistants" ADD COLUMN     "isDefault" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "role" "AssistantRole" NOT NULL DEFAULT 'receptionist',
ADD COLUMN     "vapiCreateStartedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "clinic_tools" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "toolName" TEXT NOT NULL,
    "vapiToolId" TEXT NOT NULL,
    "definitionHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "clinic_tools_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "clinic_tools_clinicId_toolName_key" ON "clinic_tools"("clinicId", "toolName");

-- AddForeignKey
ALTER TABLE "clinic_tools" ADD CONSTRAINT "clinic_tools_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "clinics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written. At most one default assistant per clinic, whatever the code does: two
-- concurrent "make default" saves cannot both commit (schema.prisma cannot say WHERE).
CREATE UNIQUE INDEX "assistants_one_default_per_clinic" ON "assistants" ("clinicId") WHERE "isDefault";
COMMENT ON INDEX "assistants_one_default_per_clinic" IS 'hand-written: at most one default assistant per clinic';

-- Existing clinics: their oldest assistant (the one calls already reached) becomes the default.
UPDATE "assistants" a SET "isDefault" = true
 WHERE a."id" = (SELECT b."id" FROM "assistants" b WHERE b."clinicId" = a."clinicId" ORDER BY b."createdAt", b."id" LIMIT 1);

-- A tenant table like the others: its clinic's rows only, for the tenant role.
ALTER TABLE "clinic_tools" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "clinic_tools"
  USING ("clinicId" = (SELECT current_clinic_id())) WITH CHECK ("clinicId" = (SELECT current_clinic_id()));
GRANT SELECT, INSERT, UPDATE, DELETE ON "clinic_tools" TO frontdesk_app;
