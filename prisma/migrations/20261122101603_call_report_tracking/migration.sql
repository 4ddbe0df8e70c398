-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "reconciledAt" TIMESTAMPTZ(3),
ADD COLUMN     "reportedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "calls_reportedAt_createdAt_idx" ON "calls"("reportedAt", "createdAt");
