"use client";

import type { AssistantRole } from "@frontdesk/core/schemas";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

export const roleLabel: Record<AssistantRole, string> = {
  receptionist: "Receptionist",
  sales: "Sales",
  support: "Support",
  dispatcher: "Dispatcher",
  custom: "Custom",
};

/** The clinic's assistants, asked again every two seconds while one is still on its way to Vapi. */
export function useAssistants() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery({
    ...trpc.assistants.list.queryOptions(),
    refetchInterval: (query) =>
      query.state.data?.some((a) => a.syncStatus === "pending" || a.syncStatus === "syncing") ? 2000 : false,
  });
  return data;
}
