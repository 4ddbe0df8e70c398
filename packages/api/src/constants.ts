// Names shared by the server and the browser (safe to import from client components).

/** Header an integration may send to pick a clinic (checked against membership). */
export const CLINIC_HEADER = "x-frontdesk-clinic";
/** Cookie the dashboard's clinic switcher sets (checked against membership). */
export const CLINIC_COOKIE = "frontdesk_clinic";
