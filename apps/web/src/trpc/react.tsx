"use client";

import type { AppRouter } from "@frontdesk/api";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import superjson from "superjson";
import { createQueryClient } from "./query-client";

/** `const trpc = useTRPC()` → `useQuery(trpc.x.queryOptions())`, `useMutation(trpc.x.mutationOptions())`. */
const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export { useTRPC, useTRPCClient };

let browserQueryClient: QueryClient | undefined;

// A new client per server render, so one request's data never reaches another's page.
function getQueryClient() {
  if (typeof window === "undefined") return createQueryClient();
  browserQueryClient ??= createQueryClient();
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  // Same-origin requests carry the session cookie and the chosen clinic's cookie, so the server
  // resolves who and which clinic exactly as it does for pages.
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      // The same transformer as the server (packages/api/src/trpc.ts), so dates arrive as Dates.
      // The server refuses batches of more than 20 calls (MAX_BATCH_CALLS).
      links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: 20 })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
