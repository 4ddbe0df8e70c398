import type { RootDb } from "../db";
import type { Health } from "./schemas";

/** The body of GET /api/health; callers answer 200 for "ok", 503 otherwise. */
export async function checkHealth(db: RootDb, timeoutMs = 2_000): Promise<Health> {
  const uptime = Math.round(process.uptime());
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("health check timed out")), timeoutMs);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { status: "ok", uptime, db: "ok" };
  } catch {
    return { status: "degraded", uptime, db: "down" };
  } finally {
    clearTimeout(timer);
  }
}
