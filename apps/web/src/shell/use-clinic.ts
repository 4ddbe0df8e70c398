"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** The current clinic (name, timezone, my role), as the signed-in layout loaded it. */
export function useClinic() {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.clinic.get.queryOptions()).data;
}
