-- Hand-written only (no schema.prisma change). First: let a reschedule check the no-overlap rule at
-- commit, so an appointment can move by less than its own length in one transaction (the new
-- row is inserted before the old one is cancelled). Still checked immediately everywhere else.
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_no_overlap";
ALTER TABLE "appointments"
  ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("providerId" WITH =, tstzrange("blockStart", "blockEnd", '[)') WITH &&)
  WHERE ("status" IN ('held', 'booked'))
  DEFERRABLE INITIALLY IMMEDIATE;

-- A hold has no patient yet, and neither does a hold that was released (cancelled); only
-- appointments that are or were real visits need one.
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_booked_has_patient";
ALTER TABLE "appointments"
  ADD CONSTRAINT "appointments_visit_has_patient"
  CHECK ("status" NOT IN ('booked', 'completed', 'no_show') OR "patientId" IS NOT NULL);
