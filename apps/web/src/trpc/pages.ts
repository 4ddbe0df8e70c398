/** For lists read with useInfiniteQuery: the next page starts at the cursor the last one returned. */
export const byCursor = { getNextPageParam: (page: { nextCursor?: string }) => page.nextCursor };
