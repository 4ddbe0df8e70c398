import { createRealtime, type Realtime, realtimeConfigFrom } from "@frontdesk/core/realtime";
import { env } from "../env";

const cache = globalThis as unknown as { frontdeskRealtime?: Realtime };

/** The process's realtime publisher and signer, for PUSHER_* (silent when it is not set). */
export function realtime(): Realtime {
  cache.frontdeskRealtime ??= createRealtime(realtimeConfigFrom(env()));
  return cache.frontdeskRealtime;
}
