-- Hand-written only (no schema.prisma change): references between clinic rows must stay
-- inside one clinic, as a database rule. Row-level security checks a row's own orgId but not
-- what it points at, and foreign keys bypass RLS, so without this a bug could link clinic A's
-- appointment to clinic B's provider. Each reference gets a second, composite foreign key on
-- (orgId, <ref>) next to Prisma's own; Prisma's keeps its ON DELETE behaviour, and the
-- composite one (MATCH SIMPLE: a NULL reference is not checked) only adds "same clinic".

CREATE UNIQUE INDEX "assistants_orgId_id_key" ON "assistants" ("orgId", "id");
CREATE UNIQUE INDEX "credentials_orgId_id_key" ON "credentials" ("orgId", "id");
CREATE UNIQUE INDEX "phone_numbers_orgId_id_key" ON "phone_numbers" ("orgId", "id");
CREATE UNIQUE INDEX "patients_orgId_id_key" ON "patients" ("orgId", "id");
CREATE UNIQUE INDEX "calls_orgId_id_key" ON "calls" ("orgId", "id");
CREATE UNIQUE INDEX "providers_orgId_id_key" ON "providers" ("orgId", "id");
CREATE UNIQUE INDEX "appointment_types_orgId_id_key" ON "appointment_types" ("orgId", "id");
CREATE UNIQUE INDEX "appointments_orgId_id_key" ON "appointments" ("orgId", "id");

ALTER TABLE "assistant_tools" ADD CONSTRAINT "assistant_tools_same_org_assistant"
  FOREIGN KEY ("orgId", "assistantId") REFERENCES "assistants" ("orgId", "id");
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_same_org_credential"
  FOREIGN KEY ("orgId", "credentialId") REFERENCES "credentials" ("orgId", "id");
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_same_org_assistant"
  FOREIGN KEY ("orgId", "assistantId") REFERENCES "assistants" ("orgId", "id");
ALTER TABLE "calls" ADD CONSTRAINT "calls_same_org_assistant"
  FOREIGN KEY ("orgId", "assistantId") REFERENCES "assistants" ("orgId", "id");
ALTER TABLE "calls" ADD CONSTRAINT "calls_same_org_phone_number"
  FOREIGN KEY ("orgId", "phoneNumberId") REFERENCES "phone_numbers" ("orgId", "id");
ALTER TABLE "calls" ADD CONSTRAINT "calls_same_org_patient"
  FOREIGN KEY ("orgId", "patientId") REFERENCES "patients" ("orgId", "id");
ALTER TABLE "provider_appointment_types" ADD CONSTRAINT "provider_appointment_types_same_org_provider"
  FOREIGN KEY ("orgId", "providerId") REFERENCES "providers" ("orgId", "id");
ALTER TABLE "provider_appointment_types" ADD CONSTRAINT "provider_appointment_types_same_org_type"
  FOREIGN KEY ("orgId", "appointmentTypeId") REFERENCES "appointment_types" ("orgId", "id");
ALTER TABLE "working_hours" ADD CONSTRAINT "working_hours_same_org_provider"
  FOREIGN KEY ("orgId", "providerId") REFERENCES "providers" ("orgId", "id");
ALTER TABLE "schedule_overrides" ADD CONSTRAINT "schedule_overrides_same_org_provider"
  FOREIGN KEY ("orgId", "providerId") REFERENCES "providers" ("orgId", "id");
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_same_org_provider"
  FOREIGN KEY ("orgId", "providerId") REFERENCES "providers" ("orgId", "id");
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_same_org_type"
  FOREIGN KEY ("orgId", "appointmentTypeId") REFERENCES "appointment_types" ("orgId", "id");
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_same_org_patient"
  FOREIGN KEY ("orgId", "patientId") REFERENCES "patients" ("orgId", "id");
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_same_org_call"
  FOREIGN KEY ("orgId", "callId") REFERENCES "calls" ("orgId", "id");
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_same_org_rescheduled_from"
  FOREIGN KEY ("orgId", "rescheduledFromId") REFERENCES "appointments" ("orgId", "id");
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_same_org_patient"
  FOREIGN KEY ("orgId", "patientId") REFERENCES "patients" ("orgId", "id");
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_same_org_appointment"
  FOREIGN KEY ("orgId", "appointmentId") REFERENCES "appointments" ("orgId", "id");
