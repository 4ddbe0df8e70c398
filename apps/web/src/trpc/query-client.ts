import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import superjson from "superjson";

// Answers that won't change on a retry: say so at once instead of after three attempts.
const FINAL = new Set(["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "TOO_MANY_REQUESTS"]);

/** One per request on the server, one per tab in the browser (create-t3-turbo's query client). */
export const createQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: {
        // Server components prefetch; without a stale time the browser would fetch it all again at once.
        staleTime: 30_000,
        // On the server a procedure's answer is final; in the browser a dropped connection is worth two more tries.
        retry:
          typeof window === "undefined"
            ? false
            : (failures, error) =>
                !(error instanceof TRPCClientError && FINAL.has(String(error.data?.code))) && failures < 2,
      },
      mutations: { retry: false },
      // Server-prefetched data crosses to the browser with superjson, so dates stay Dates.
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
