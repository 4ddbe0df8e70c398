// CSV exports over HTTP (GET /api/export/<kind>?from=YYYY-MM-DD&to=YYYY-MM-DD): the caller is
// found as for tRPC (an API key, or the session and the clinic it asks for, checked against
// membership), then core's exportRecords is sent as it reads, page by page, with the row count
// up front (X-Row-Count) for the browser's progress bar. Refusals are JSON with their status.
import { AppError, resolveClinicAccess } from "@frontdesk/core";
import { exportRecords } from "@frontdesk/core/exports";
import { exportInput } from "@frontdesk/core/schemas";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { contextFromRequest } from "./http";
import { type Services, toTRPCError } from "./trpc";

export const ROW_COUNT_HEADER = "x-row-count";

export async function handleExportRequest(
  req: Request,
  services: Services,
  sessionUserId: () => Promise<string | null>,
  kind: string,
): Promise<Response> {
  try {
    const ctx = await contextFromRequest(req, services, sessionUserId);
    if (!ctx.actor) throw new AppError("UNAUTHORIZED", "sign in, or send an API key as Authorization: Bearer <key>");
    const query = new URL(req.url).searchParams;
    const input = exportInput.parse({ kind, from: query.get("from") ?? "", to: query.get("to") ?? "" });
    const access = await resolveClinicAccess(services.rootDb, ctx.actor, ctx.requestedClinicId);
    const csv = await exportRecords(services.tenants.forTenant(access.clinicId), input, {
      actor: ctx.actor,
      ip: ctx.ip,
      role: access.role,
    });
    const encoder = new TextEncoder();
    // Pulled, nothing queued ahead: the next page is read only when the client takes it.
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const next = await csv.chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
        async cancel() {
          await csv.chunks.return(undefined);
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${csv.filename}"`,
        "cache-control": "no-store",
        [ROW_COUNT_HEADER]: String(csv.rows),
      },
    });
  } catch (error) {
    const refusal = error instanceof TRPCError ? error : toTRPCError(error);
    if (!refusal || refusal.code === "INTERNAL_SERVER_ERROR") throw error;
    return Response.json({ error: refusal.message }, { status: getHTTPStatusCodeFromError(refusal) });
  }
}
