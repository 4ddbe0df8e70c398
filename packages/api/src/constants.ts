// Names shared by the server and the browser (safe to import from client components).

/** Header an integration may send to pick a clinic (checked against membership). */
export const ORG_HEADER = "x-frontdesk-org";
/** Cookie the dashboard's clinic switcher sets (checked against membership). */
export const ORG_COOKIE = "frontdesk_org";
