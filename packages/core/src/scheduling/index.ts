export { availabilityInput, findOpenSlots, SLOT_STEP_MINUTES, type Slot } from "./availability";
export {
  alternativesNear,
  appointmentSelect,
  type BookingSource,
  bookAppointment,
  bookInput,
  cancelAppointment,
  holdInput,
  holdSlot,
  releaseExpiredHoldsEverywhere,
  rescheduleAppointment,
  rescheduleInput,
  SlotTakenError,
} from "./booking";
export { findOrCreatePatient, getPatient, normalizePhone, patientInput, patientSelect, phoneSchema } from "./patients";
export { spokenTime, zonedToUtc } from "./zoned-time";
