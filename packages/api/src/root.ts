import { accountRouter } from "./routers/account";
import { apiKeysRouter } from "./routers/api-keys";
import { appointmentsRouter } from "./routers/appointments";
import { auditRouter } from "./routers/audit";
import { clinicRouter } from "./routers/clinic";
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
});

export type AppRouter = typeof appRouter;
