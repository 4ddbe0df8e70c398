export { appointmentTypeInput } from "../appointment-types/schemas";
export { availabilityInput, bookInput, holdInput, rescheduleInput, type Slot } from "../appointments/schemas";
export { listPatientsInput, normalizePhone, patientInput, phoneSchema, updatePatientInput } from "../patients/schemas";
export { overrideInput, providerInput, weeklyHoursInput } from "../providers/schemas";
export { findOpenSlots, SLOT_STEP_MINUTES } from "./availability";
export {
  alternativesNear,
  appointmentSelect,
  type BookingSource,
  bookAppointment,
  cancelAppointment,
  holdSlot,
  releaseExpiredHoldsEverywhere,
  rescheduleAppointment,
  SlotTakenError,
} from "./booking";
export { findOrCreatePatient, getPatient, listPatients, patientSelect, updatePatient } from "./patients";
export {
  addOverride,
  appointmentTypeSelect,
  listAppointmentTypes,
  listOverrides,
  listProviders,
  overrideSelect,
  providerSelect,
  removeOverride,
  saveAppointmentType,
  saveProvider,
  setWeeklyHours,
} from "./setup";
export { spokenTime, zonedToUtc } from "./zoned-time";
