// Server components' side of @trpc/tanstack-react-query (create-t3-turbo's trpc/server.tsx):
// procedures run in-process with the request's own context, into a query client per request,
// and <HydrateClient> hands what was fetched to the browser's cache, so client components'
// `useSuspenseQuery(trpc.x.queryOptions())` render at once and refetch after invalidation.
import { appRouter } from "@frontdesk/api";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { cache, type ReactNode } from "react";
import { serverContext } from "@/server/caller";
import { createQueryClient } from "./query-client";

export const getQueryClient = cache(createQueryClient);

export const trpc = createTRPCOptionsProxy({ router: appRouter, ctx: serverContext, queryClient: getQueryClient });

/** Everything fetched so far in this request, for the client components below it. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

// biome-ignore lint/suspicious/noExplicitAny: any procedure's options, as create-t3-turbo types it
type AnyQueryOptions = ReturnType<TRPCQueryOptions<any>>;

/**
 * Loads queries into this request's cache for <HydrateClient>. Awaited, so the page streams
 * once its data is there (its loading.tsx shows meanwhile); a failure is left for the client
 * component to meet (and its error.tsx to explain).
 */
export async function prefetch(...queries: AnyQueryOptions[]) {
  const queryClient = getQueryClient();
  await Promise.all(
    queries.map((options) =>
      options.queryKey[1]?.type === "infinite"
        ? // biome-ignore lint/suspicious/noExplicitAny: infinite options carry their own page params
          queryClient.prefetchInfiniteQuery(options as any)
        : queryClient.prefetchQuery(options),
    ),
  );
}
