-- CreateIndex
CREATE INDEX "appointments_providerId_blockStart_idx" ON "appointments"("providerId", "blockStart");

-- No live block is longer than a day (a visit is at most 8 hours and each buffer at most 2), and
-- the database says so: availability can then look for the blocks touching a window within a
-- day before it, instead of every block the provider ever had.
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_block_at_most_a_day"
  CHECK ("blockEnd" - "blockStart" <= interval '1 day');
