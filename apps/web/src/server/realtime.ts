import { createRealtime, type Realtime, realtimeConfigFrom } from "@frontdesk/core/realtime";
import { env } from "../env";

const cache = globalThis as unknown as { frontdeskRealtime?: Realtime };

/** The process's realtime publisher and signer, for PUSHER_* (silent when it is not set). */
export function realtime(): Realtime {
  cache.frontdeskRealtime ??= createRealtime(realtimeConfigFrom(env()));
  return cache.frontdeskRealtime;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

/** What the browser's pusher-js needs (the key is public; the secret never leaves the server). */
export type BrowserRealtimeConfig = {
  key: string;
  cluster: string;
  wsHost?: string;
  wsPort?: number;
  forceTLS: boolean;
};

export function browserRealtimeConfig(): BrowserRealtimeConfig | null {
  const { PUSHER_KEY: key, PUSHER_HOST: host, PUSHER_PORT: port } = env();
  if (!key) return null;
  // Pusher's cloud (no host) is always TLS; a self-hosted server too, except on this machine.
  if (!host) return { key, cluster: "mt1", forceTLS: true };
  return { key, cluster: "self-hosted", wsHost: host, wsPort: port, forceTLS: !LOOPBACK.has(host) };
}

/** The WebSocket origin the page's CSP must allow for live updates (none without PUSHER_*). */
export function realtimeConnectSource(): string | null {
  const config = browserRealtimeConfig();
  if (!config) return null;
  if (!config.wsHost) return `wss://ws-${config.cluster}.pusher.com`;
  const port = config.wsPort ? `:${config.wsPort}` : "";
  return `${config.forceTLS ? "wss" : "ws"}://${config.wsHost}${port}`;
}
