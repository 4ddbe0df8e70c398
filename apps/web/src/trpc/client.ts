// The browser's tRPC client. Same-origin requests carry the next-auth session cookie and the
// chosen clinic's cookie, so the server resolves who and which clinic exactly as for pages.
import type { AppRouter } from "@frontdesk/api";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";

export const trpc = createTRPCClient<AppRouter>({
  // The same transformer as the server (packages/api/src/trpc.ts), so dates arrive as Dates.
  links: [httpBatchLink({ url: "/api/trpc", transformer: superjson })],
});
