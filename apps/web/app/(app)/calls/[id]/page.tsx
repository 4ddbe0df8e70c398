import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { routes } from "@/routes";
import { clinicPage } from "@/shell/clinic-page";
import { getQueryClient, trpc } from "@/trpc/server";
import { CallRecord } from "./call-record";

export const metadata: Metadata = { title: routes.call.label };

export default clinicPage<{ id: string }>(routes.call, async ({ params }) => {
  const callId = params.id;
  try {
    await getQueryClient().fetchQuery(trpc.calls.get.queryOptions({ callId }));
  } catch (error) {
    // A malformed id, another clinic's call and a missing one all read as "no such call".
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  return <CallRecord callId={callId} />;
});
