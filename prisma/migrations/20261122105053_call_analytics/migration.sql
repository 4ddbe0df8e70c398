-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "askedToBook" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "appointments_clinicId_source_createdAt_idx" ON "appointments"("clinicId", "source", "createdAt");
