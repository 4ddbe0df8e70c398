import { accountRouter } from "./routers/account";
import { analyticsRouter } from "./routers/analytics";
import { apiKeysRouter } from "./routers/api-keys";
import { appointmentTypesRouter } from "./routers/appointment-types";
import { appointmentsRouter } from "./routers/appointments";
import { assistantsRouter } from "./routers/assistants";
import { auditRouter } from "./routers/audit";
import { callsRouter } from "./routers/calls";
import { clinicRouter } from "./routers/clinic";
import { credentialsRouter } from "./routers/credentials";
import { patientsRouter } from "./routers/patients";
import { phoneNumbersRouter } from "./routers/phone-numbers";
import { providersRouter } from "./routers/providers";
import { smsRouter } from "./routers/sms";
import { systemRouter } from "./routers/system";
import { teamRouter } from "./routers/team";
import { router } from "./trpc";

export const appRouter = router({
  system: systemRouter,
  account: accountRouter,
  clinic: clinicRouter,
  team: teamRouter,
  apiKeys: apiKeysRouter,
  audit: auditRouter,
  appointments: appointmentsRouter,
  providers: providersRouter,
  assistants: assistantsRouter,
  appointmentTypes: appointmentTypesRouter,
  patients: patientsRouter,
  sms: smsRouter,
  analytics: analyticsRouter,
  calls: callsRouter,
  credentials: credentialsRouter,
  phoneNumbers: phoneNumbersRouter,
});

export type AppRouter = typeof appRouter;
