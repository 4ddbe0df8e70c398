export { bookAppointment } from "./book-appointment";
export { cancelAppointment } from "./cancel-appointment";
export { findOpenSlots } from "./find-open-slots";
export { holdSlot } from "./hold-slot";
export { listAppointments } from "./list-appointments";
export { releaseExpiredHoldsEverywhere } from "./release-expired-holds";
export { rescheduleAppointment } from "./reschedule-appointment";
export { SlotTakenError } from "./slot-rules";
