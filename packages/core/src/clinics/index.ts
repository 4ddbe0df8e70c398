export { createClinic } from "./create-clinic";
export { deleteClinic } from "./delete-clinic";
export { getClinic } from "./get-clinic";
export { getClinicOverview } from "./get-clinic-overview";
export { listMyClinics } from "./list-my-clinics";
export { resolveClinicAccess } from "./resolve-clinic-access";
export { updateClinic } from "./update-clinic";
