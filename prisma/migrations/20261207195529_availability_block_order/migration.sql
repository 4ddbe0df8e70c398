-- CreateIndex
CREATE INDEX "appointments_providerId_blockStart_idx" ON "appointments"("providerId", "blockStart");
