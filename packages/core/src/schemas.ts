// Client-safe zod schemas, one file per feature: inputs for the web app's forms and the
// routers, and the row shapes procedures return. They import zod and Prisma's generated enums
// only, so a client component can use them without pulling the database client into the
// browser bundle.
export * from "./accounts/schemas";
export * from "./analytics/schemas";
export * from "./api-keys/schemas";
export * from "./appointment-types/schemas";
export * from "./appointments/schemas";
export * from "./assistants/schemas";
export * from "./audit/schemas";
export * from "./calls/schemas";
export * from "./clinics/schemas";
export * from "./credentials/schemas";
export * from "./exports/schemas";
export * from "./health/schemas";
export * from "./patients/schemas";
export * from "./phone-numbers/schemas";
export * from "./providers/schemas";
export * from "./realtime/schemas";
export * from "./sms/schemas";
export * from "./team/schemas";
export * from "./tenancy/schemas";
export * from "./time/schemas";
