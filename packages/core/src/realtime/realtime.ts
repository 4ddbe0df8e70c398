// Publishing to clinics' channels over the Pusher HTTP API (Pusher itself, Soketi, Sockudo, or
// apps/realtime locally), and signing the browser's private-channel subscriptions.
//
// Events are published after the write they describe has committed, and a realtime outage
// must never fail or slow that write: `publish` only appends to a bounded in-process queue and
// returns; one drain loop sends batches of ten, and an event that cannot be sent (the server
// is down, the queue is full) is dropped with a log line. A dashboard that missed events
// refetches when it reconnects, so a drop costs freshness, never data.
import Pusher from "pusher";
import { AppError } from "../errors";
import { clinicChannel } from "./schemas";

export type RealtimeConfig = {
  appId: string;
  key: string;
  secret: string;
  /** Unset for Pusher's cloud (then `cluster` applies). */
  host?: string;
  port?: number;
  cluster?: string;
};

export type RealtimeEvent = { clinicId: string; name: string; data: Record<string, unknown> };

type PusherEnv = {
  PUSHER_APP_ID?: string;
  PUSHER_KEY?: string;
  PUSHER_SECRET?: string;
  PUSHER_HOST?: string;
  PUSHER_PORT?: number;
};

/** The publisher's config from the validated PUSHER_* variables, or null when they are not set. */
export function realtimeConfigFrom(env: PusherEnv): RealtimeConfig | null {
  const { PUSHER_APP_ID: appId, PUSHER_KEY: key, PUSHER_SECRET: secret, PUSHER_HOST: host, PUSHER_PORT: port } = env;
  return appId && key && secret ? { appId, key, secret, host, port } : null;
}

const MAX_QUEUED = 1000;
const BATCH = 10; // Pusher's batch limit
const SEND_TIMEOUT_MS = 2000;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

export type Realtime = ReturnType<typeof createRealtime>;

function pusherClient({ appId, key, secret, host, port, cluster }: RealtimeConfig) {
  const credentials = { appId, key, secret, timeout: SEND_TIMEOUT_MS };
  if (!host) return new Pusher({ ...credentials, cluster: cluster ?? "mt1", useTLS: true });
  // TLS everywhere but on this machine (apps/realtime speaks plain ws/http).
  return new Pusher({
    ...credentials,
    host,
    port: port === undefined ? undefined : String(port),
    useTLS: !LOOPBACK.has(host),
  });
}

/** A publisher for PUSHER_* (or a silent one when realtime is not configured). */
export function createRealtime(config: RealtimeConfig | null, log: (line: string) => void = console.warn) {
  const pusher = config ? pusherClient(config) : null;
  const queue: RealtimeEvent[] = [];
  let draining: Promise<void> | null = null;

  async function drain(client: Pusher) {
    while (queue.length > 0) {
      const batch = queue.splice(0, BATCH);
      try {
        await client.triggerBatch(
          batch.map((event) => ({ channel: clinicChannel(event.clinicId), name: event.name, data: event.data })),
        );
      } catch (error) {
        const reason = (error as { status?: number }).status ?? (error as Error).message;
        log(`realtime: dropped ${batch.length} event(s) (${batch.map((e) => e.name).join(", ")}): ${reason}`);
      }
    }
  }

  function startDraining(client: Pusher) {
    draining ??= drain(client).finally(() => {
      draining = null;
      if (queue.length > 0) startDraining(client);
    });
  }

  /** Queue events for their clinics' channels. Call after the commit; never waits, never throws. */
  function publish(...events: RealtimeEvent[]) {
    if (!pusher || events.length === 0) return;
    const room = MAX_QUEUED - queue.length;
    if (events.length > room) {
      log(`realtime: queue full, dropped ${events.length - Math.max(room, 0)} event(s)`);
    }
    queue.push(...events.slice(0, Math.max(room, 0)));
    startDraining(pusher);
  }

  return {
    enabled: pusher !== null,
    publish,

    /** For `createTenantClients({ publish })`: one clinic's events, once their transaction committed. */
    publishCommitted(clinicId: string, events: { name: string; data: Record<string, unknown> }[]) {
      publish(...events.map((event) => ({ clinicId, ...event })));
    },

    /** Resolves once everything queued so far was sent or dropped (tests, shutdown). */
    async flush() {
      while (draining) await draining;
    },

    /** The `auth` a browser presents to subscribe to a private channel on this socket. */
    signSubscription(socketId: string, channel: string) {
      if (!pusher) throw new AppError("UNAVAILABLE", "live updates are not configured on this server (PUSHER_*)");
      return pusher.authorizeChannel(socketId, channel);
    },
  };
}
