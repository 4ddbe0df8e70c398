import { checkHealth } from "@frontdesk/core";
import { rootDb } from "@/server/services";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(rootDb());
  return Response.json(health, {
    status: health.db === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
