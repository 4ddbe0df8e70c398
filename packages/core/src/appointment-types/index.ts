export { createAppointmentType } from "./create-appointment-type";
export { listAppointmentTypes } from "./list-appointment-types";
export { updateAppointmentType } from "./update-appointment-type";
