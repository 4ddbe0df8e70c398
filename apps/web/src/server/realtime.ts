import { createRealtime, type Realtime } from "@frontdesk/core/realtime";
import { env } from "../env";

const cache = globalThis as unknown as { frontdeskRealtime?: Realtime };

/** The process's realtime publisher and signer, for PUSHER_* (silent when it is not set). */
export function realtime(): Realtime {
  if (!cache.frontdeskRealtime) {
    const { PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET, PUSHER_HOST, PUSHER_PORT } = env();
    cache.frontdeskRealtime = createRealtime(
      PUSHER_APP_ID && PUSHER_KEY && PUSHER_SECRET
        ? { appId: PUSHER_APP_ID, key: PUSHER_KEY, secret: PUSHER_SECRET, host: PUSHER_HOST, port: PUSHER_PORT }
        : null,
    );
  }
  return cache.frontdeskRealtime;
}
