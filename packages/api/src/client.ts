// The typed client for developers integrating with Frontdesk:
//   const frontdesk = createFrontdeskClient({ url: "https://app.example.com", apiKey });
//   await frontdesk.system.health.query();
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "./root";

export { CLINIC_COOKIE, CLINIC_HEADER } from "./constants";

export type FrontdeskClientOptions = { url: string; apiKey?: string; fetch?: typeof fetch };

export function createFrontdeskClient({ url, apiKey, fetch }: FrontdeskClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: new URL("/api/trpc", url).toString(),
        transformer: superjson,
        // The server refuses bigger batches (MAX_BATCH_CALLS in ./http).
        maxItems: 20,
        fetch,
        headers: () => (apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      }),
    ],
  });
}
