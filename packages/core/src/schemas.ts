// Every feature's client-safe zod schemas (zod and Prisma's generated enums only): the web
// app's forms validate with the rules the procedures use, without bundling Prisma or pg.
export {
  appointmentTypeInput,
  appointmentTypeRow,
  updateAppointmentTypeInput,
} from "./appointment-types/schemas";
export {
  appointmentRow,
  appointmentStatus,
  availability,
  availabilityInput,
  bookInput,
  bookingSource,
  cancelInput,
  holdInput,
  listAppointmentsInput,
  rescheduleInput,
  type Slot,
  slot,
  slotTakenDetails,
} from "./appointments/schemas";
export {
  listPatientsInput,
  normalizePhone,
  patientIdInput,
  patientInput,
  patientPage,
  patientRow,
  phoneSchema,
  updatePatientInput,
} from "./patients/schemas";
export {
  listOverridesInput,
  minuteOfDay,
  overrideInput,
  overrideKind,
  overrideRow,
  providerInput,
  providerRow,
  removeOverrideInput,
  updateProviderInput,
  weeklyHoursInput,
  workingHoursRow,
} from "./providers/schemas";
export { listSmsInput, smsMessageRow, smsPage, smsStatus, smsStatuses } from "./sms/schemas";
export { localDate } from "./time/schemas";
