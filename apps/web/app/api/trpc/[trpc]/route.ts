import { appRouter, contextFromRequest } from "@frontdesk/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { sessionUserId } from "@/server/auth";
import { services } from "@/server/services";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => contextFromRequest(req, services(), sessionUserId),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });

export { handler as GET, handler as POST };
