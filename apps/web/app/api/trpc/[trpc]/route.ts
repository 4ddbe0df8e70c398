import { appRouter, createContext } from "@frontdesk/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { rootDb } from "@/server/db";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext({ db: rootDb() }),
  });

export { handler as GET, handler as POST };
