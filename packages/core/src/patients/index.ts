export { createPatient } from "./create-patient";
export { getPatient } from "./get-patient";
export { listPatients } from "./list-patients";
export { updatePatient } from "./update-patient";
