-- Hand-written only (no schema.prisma change). schema.prisma does not model the same-clinic
-- keys of same_clinic_references, and Prisma's diff sees indexes and foreign keys: without a
-- mark, every generated migration would drop them again. A comment starting with
-- "hand-written" is that mark (packages/core/src/db/migrate.ts).

COMMENT ON INDEX "assistants_orgId_id_key" IS 'hand-written: target of the same-clinic foreign keys';
COMMENT ON INDEX "credentials_orgId_id_key" IS 'hand-written: target of the same-clinic foreign keys';
COMMENT ON INDEX "phone_numbers_orgId_id_key" IS 'hand-written: target of the same-clinic foreign keys';
COMMENT ON INDEX "patients_orgId_id_key" IS 'hand-written: target of the same-clinic foreign keys';
COMMENT ON INDEX "calls_orgId_id_key" IS 'hand-written: target of the same-clinic foreign keys';
COMMENT ON INDEX "providers_orgId_id_key" IS 'hand-written: target of the same-clinic foreign keys';
COMMENT ON INDEX "appointment_types_orgId_id_key" IS 'hand-written: target of the same-clinic foreign keys';
COMMENT ON INDEX "appointments_orgId_id_key" IS 'hand-written: target of the same-clinic foreign keys';

COMMENT ON CONSTRAINT "assistant_tools_same_org_assistant" ON "assistant_tools" IS 'hand-written: "assistantId" is a row of the same clinic';
COMMENT ON CONSTRAINT "phone_numbers_same_org_credential" ON "phone_numbers" IS 'hand-written: "credentialId" is a row of the same clinic';
COMMENT ON CONSTRAINT "phone_numbers_same_org_assistant" ON "phone_numbers" IS 'hand-written: "assistantId" is a row of the same clinic';
COMMENT ON CONSTRAINT "calls_same_org_assistant" ON "calls" IS 'hand-written: "assistantId" is a row of the same clinic';
COMMENT ON CONSTRAINT "calls_same_org_phone_number" ON "calls" IS 'hand-written: "phoneNumberId" is a row of the same clinic';
COMMENT ON CONSTRAINT "calls_same_org_patient" ON "calls" IS 'hand-written: "patientId" is a row of the same clinic';
COMMENT ON CONSTRAINT "provider_appointment_types_same_org_provider" ON "provider_appointment_types" IS 'hand-written: "providerId" is a row of the same clinic';
COMMENT ON CONSTRAINT "provider_appointment_types_same_org_type" ON "provider_appointment_types" IS 'hand-written: "appointmentTypeId" is a row of the same clinic';
COMMENT ON CONSTRAINT "working_hours_same_org_provider" ON "working_hours" IS 'hand-written: "providerId" is a row of the same clinic';
COMMENT ON CONSTRAINT "schedule_overrides_same_org_provider" ON "schedule_overrides" IS 'hand-written: "providerId" is a row of the same clinic';
COMMENT ON CONSTRAINT "appointments_same_org_provider" ON "appointments" IS 'hand-written: "providerId" is a row of the same clinic';
COMMENT ON CONSTRAINT "appointments_same_org_type" ON "appointments" IS 'hand-written: "appointmentTypeId" is a row of the same clinic';
COMMENT ON CONSTRAINT "appointments_same_org_patient" ON "appointments" IS 'hand-written: "patientId" is a row of the same clinic';
COMMENT ON CONSTRAINT "appointments_same_org_call" ON "appointments" IS 'hand-written: "callId" is a row of the same clinic';
COMMENT ON CONSTRAINT "appointments_same_org_rescheduled_from" ON "appointments" IS 'hand-written: "rescheduledFromId" is a row of the same clinic';
COMMENT ON CONSTRAINT "sms_messages_same_org_patient" ON "sms_messages" IS 'hand-written: "patientId" is a row of the same clinic';
COMMENT ON CONSTRAINT "sms_messages_same_org_appointment" ON "sms_messages" IS 'hand-written: "appointmentId" is a row of the same clinic';
