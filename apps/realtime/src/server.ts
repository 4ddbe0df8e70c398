// A Pusher Channels protocol server (protocol 7) for local runs and tests, where no
// Pusher-protocol server installs from npm. It speaks what the app uses and nothing more:
// WebSocket connections with the protocol's handshake, ping/pong and an activity timeout,
// public and private channels (private ones only with a valid auth signature), and the signed
// HTTP API the `pusher` SDK triggers through (`POST /apps/:id/events`, `/batch_events`).
// Production points PUSHER_* at Pusher itself or at Soketi/Sockudo instead.
// Protocol: https://pusher.com/docs/channels/library_auth_reference/pusher-websockets-protocol/
import { createHash, createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export type RealtimeApp = { id: string; key: string; secret: string };

export type RealtimeOptions = {
  apps: RealtimeApp[];
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Pusher's limit on one event's data, in bytes. */
  maxEventBytes?: number;
  /** Seconds of silence before the server pings a connection (and the client pings us). */
  activityTimeoutSeconds?: number;
  /** Seconds a pinged connection has to answer before it is closed (4201). */
  pongTimeoutSeconds?: number;
  log?: (line: string) => void;
};

type Connection = {
  socket: WebSocket;
  socketId: string;
  app: RealtimeApp;
  channels: Set<string>;
  idle?: NodeJS.Timeout;
};

type TriggeredEvent = { name: string; data: string; channels: string[]; socketId?: string };

/** A refusal of an HTTP API request: the status and a sentence saying what was wrong. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const PROTOCOL = 7;
const CHANNEL_NAME = /^[-a-zA-Z0-9_=@,.;]{1,200}$/;
const SOCKET_ID = /^\d+\.\d+$/;
const MAX_CHANNELS_PER_EVENT = 100;
const MAX_BATCH = 10;
const MAX_BODY_BYTES = 256 * 1024;
const TIMESTAMP_GRACE_SECONDS = 600;

const hmac = (secret: string, text: string) => createHmac("sha256", secret).update(text).digest("hex");

function sameText(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The signature a private channel's auth endpoint hands the browser for this socket. */
const channelSignature = (app: RealtimeApp, socketId: string, channel: string) =>
  `${app.key}:${hmac(app.secret, `${socketId}:${channel}`)}`;

export async function startRealtimeServer(options: RealtimeOptions) {
  const maxEventBytes = options.maxEventBytes ?? 10 * 1024;
  const activityTimeout = options.activityTimeoutSeconds ?? 120;
  const pongTimeout = options.pongTimeoutSeconds ?? 30;
  const log = options.log ?? (() => {});
  const byKey = new Map(options.apps.map((app) => [app.key, app]));
  const byId = new Map(options.apps.map((app) => [app.id, app]));
  /** app id → channel → subscribed connections. */
  const subscribers = new Map<string, Map<string, Set<Connection>>>();

  const send = (connection: Connection, message: { event: string; channel?: string; data: unknown }) => {
    if (connection.socket.readyState === connection.socket.OPEN) connection.socket.send(JSON.stringify(message));
  };
  const sendError = (connection: Connection, code: number | null, message: string) =>
    send(connection, { event: "pusher:error", data: { code, message } });

  function keepAlive(connection: Connection) {
    clearTimeout(connection.idle);
    connection.idle = setTimeout(() => {
      send(connection, { event: "pusher:ping", data: {} });
      connection.idle = setTimeout(() => connection.socket.close(4201, "Pong reply not received"), pongTimeout * 1000);
    }, activityTimeout * 1000);
  }

  function channelsOf(app: RealtimeApp) {
    const channels = subscribers.get(app.id) ?? new Map<string, Set<Connection>>();
    subscribers.set(app.id, channels);
    return channels;
  }

  function unsubscribe(connection: Connection, channel: string) {
    const channels = channelsOf(connection.app);
    const members = channels.get(channel);
    members?.delete(connection);
    if (members?.size === 0) channels.delete(channel);
    connection.channels.delete(channel);
  }

  function subscribe(connection: Connection, data: { channel?: unknown; auth?: unknown }) {
    const channel = typeof data.channel === "string" ? data.channel : "";
    if (!CHANNEL_NAME.test(channel))
      return sendError(connection, null, `"${channel.slice(0, 200)}" is not a valid channel name`);
    const refuse = (error: string) =>
      send(connection, {
        event: "pusher:subscription_error",
        channel,
        data: { type: "AuthError", error, status: 401 },
      });
    if (channel.startsWith("presence-") || channel.startsWith("private-encrypted-"))
      return refuse("this server serves public and private channels only");
    if (channel.startsWith("private-")) {
      const expected = channelSignature(connection.app, connection.socketId, channel);
      if (typeof data.auth !== "string" || !sameText(data.auth, expected))
        return refuse(`invalid signature for ${channel}: sign "<socket_id>:<channel>" with the app's secret`);
    }
    const channels = channelsOf(connection.app);
    const members = channels.get(channel) ?? new Set<Connection>();
    channels.set(channel, members);
    members.add(connection);
    connection.channels.add(channel);
    send(connection, { event: "pusher_internal:subscription_succeeded", channel, data: "{}" });
  }

  function onMessage(connection: Connection, raw: string) {
    keepAlive(connection);
    let message: { event?: unknown; data?: unknown };
    try {
      message = JSON.parse(raw);
    } catch {
      return sendError(connection, null, "messages must be JSON objects with an event");
    }
    const data = (typeof message.data === "object" && message.data !== null ? message.data : {}) as Record<
      string,
      unknown
    >;
    switch (message.event) {
      case "pusher:ping":
        return send(connection, { event: "pusher:pong", data: {} });
      case "pusher:pong":
        return;
      case "pusher:subscribe":
        return subscribe(connection, data);
      case "pusher:unsubscribe":
        return typeof data.channel === "string" ? unsubscribe(connection, data.channel) : undefined;
      default:
        return sendError(
          connection,
          null,
          typeof message.event === "string" && message.event.startsWith("client-")
            ? "client events are not enabled on this app"
            : "unsupported event",
        );
    }
  }

  function deliver(app: RealtimeApp, event: TriggeredEvent) {
    const channels = channelsOf(app);
    for (const channel of event.channels) {
      for (const connection of channels.get(channel) ?? []) {
        if (connection.socketId !== event.socketId) send(connection, { event: event.name, channel, data: event.data });
      }
    }
  }

  function parseEvent(input: unknown, channelsKey: "channels" | "channel"): TriggeredEvent {
    const body = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
    const channels =
      channelsKey === "channels" && Array.isArray(body.channels)
        ? body.channels
        : typeof body.channel === "string"
          ? [body.channel]
          : [];
    if (typeof body.name !== "string" || body.name.length === 0 || body.name.length > 200)
      throw new Refusal(400, "name must be a string of 1 to 200 characters");
    if (typeof body.data !== "string") throw new Refusal(400, "data must be a string (JSON-encode objects)");
    if (Buffer.byteLength(body.data) > maxEventBytes)
      throw new Refusal(413, `data is over ${maxEventBytes} bytes: send ids and let the page fetch the rest`);
    if (channels.length === 0 || channels.length > MAX_CHANNELS_PER_EVENT)
      throw new Refusal(400, `an event goes to 1 to ${MAX_CHANNELS_PER_EVENT} channels`);
    for (const channel of channels)
      if (typeof channel !== "string" || !CHANNEL_NAME.test(channel))
        throw new Refusal(400, `"${String(channel).slice(0, 200)}" is not a valid channel name`);
    if (body.socket_id !== undefined && (typeof body.socket_id !== "string" || !SOCKET_ID.test(body.socket_id)))
      throw new Refusal(400, "socket_id must look like 123.456");
    return { name: body.name, data: body.data, channels, socketId: body.socket_id as string | undefined };
  }

  /** Pusher's request signing: HMAC-SHA256 over method, path and the sorted query without the signature. */
  function authenticate(app: RealtimeApp, method: string, path: string, query: URLSearchParams, body: Buffer) {
    const params = [...query.entries()].filter(([key]) => key !== "auth_signature");
    const value = (key: string) => query.get(key) ?? "";
    if (value("auth_key") !== app.key) throw new Refusal(401, "auth_key is not this app's key");
    const age = Math.abs(Date.now() / 1000 - Number(value("auth_timestamp")));
    if (!(age <= TIMESTAMP_GRACE_SECONDS)) throw new Refusal(401, "auth_timestamp is missing or over 600 seconds off");
    if (body.length > 0 && value("body_md5") !== createHash("md5").update(body).digest("hex"))
      throw new Refusal(401, "body_md5 does not match the body");
    const signed = params
      .map(([key, v]) => [key.toLowerCase(), v] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, v]) => `${key}=${v}`)
      .join("&");
    if (!sameText(value("auth_signature"), hmac(app.secret, `${method}\n${path}\n${signed}`)))
      throw new Refusal(401, "auth_signature does not match: sign the request with the app's secret");
  }

  async function readBody(request: IncomingMessage) {
    const declared = Number(request.headers["content-length"] ?? 0);
    if (declared > MAX_BODY_BYTES) throw new Refusal(413, `the body is over ${MAX_BODY_BYTES} bytes`);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new Refusal(413, `the body is over ${MAX_BODY_BYTES} bytes`);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  async function handleHttp(request: IncomingMessage) {
    const url = new URL(request.url ?? "/", "http://realtime.invalid");
    const route = url.pathname.match(/^\/apps\/([^/]+)\/(events|batch_events)$/);
    const app = route ? byId.get(decodeURIComponent(route[1] as string)) : undefined;
    if (!route || !app) throw new Refusal(404, "not found: POST /apps/<app id>/events or /batch_events");
    if (request.method !== "POST") throw new Refusal(405, "use POST");
    const body = await readBody(request);
    authenticate(app, "POST", url.pathname, url.searchParams, body);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw new Refusal(400, "the body must be JSON");
    }
    if (route[2] === "events") {
      deliver(app, parseEvent(parsed, "channels"));
      return {};
    }
    const batch = (parsed as { batch?: unknown } | null)?.batch;
    if (!Array.isArray(batch) || batch.length === 0 || batch.length > MAX_BATCH)
      throw new Refusal(400, `batch must hold 1 to ${MAX_BATCH} events`);
    // Validate the whole batch before delivering any of it.
    const events = batch.map((event) => parseEvent(event, "channel"));
    for (const event of events) deliver(app, event);
    return { batch: events.map(() => ({})) };
  }

  const http = createServer((request, response) => {
    handleHttp(request).then(
      (result) => {
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
      },
      (error: unknown) => {
        const refusal = error instanceof Refusal ? error : new Refusal(500, "internal error");
        if (!(error instanceof Refusal)) log(`realtime: ${error instanceof Error ? error.message : String(error)}`);
        response.writeHead(refusal.status, { "content-type": "text/plain" }).end(refusal.message);
      },
    );
  });

  // Frames are capped a little above the event limit; the protocol's own messages are tiny.
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxEventBytes + 1024 });
  http.on("upgrade", (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      const url = new URL(request.url ?? "/", "http://realtime.invalid");
      const key = url.pathname.match(/^\/app\/([^/]+)$/)?.[1];
      const app = key ? byKey.get(decodeURIComponent(key)) : undefined;
      const connection: Connection = {
        socket: ws,
        socketId: `${randomInt(1, 2 ** 31)}.${randomInt(1, 2 ** 31)}`,
        app: app as RealtimeApp,
        channels: new Set(),
      };
      if (!app) {
        sendError(connection, 4001, `App key ${key ?? ""} does not exist on this server`);
        return ws.close(4001, "App key not found");
      }
      if (Number(url.searchParams.get("protocol")) !== PROTOCOL) {
        sendError(connection, 4007, `this server speaks protocol ${PROTOCOL}`);
        return ws.close(4007, "Unsupported protocol version");
      }
      ws.on("message", (raw) => onMessage(connection, raw.toString()));
      ws.on("close", () => {
        clearTimeout(connection.idle);
        for (const channel of [...connection.channels]) unsubscribe(connection, channel);
      });
      ws.on("error", (error) => log(`realtime: socket ${connection.socketId}: ${error.message}`));
      send(connection, {
        event: "pusher:connection_established",
        data: JSON.stringify({ socket_id: connection.socketId, activity_timeout: activityTimeout }),
      });
      keepAlive(connection);
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = http.address() as AddressInfo;

  return {
    port,
    /** How many connections are subscribed to a channel of an app (for tests and logs). */
    subscriberCount: (appId: string, channel: string) => subscribers.get(appId)?.get(channel)?.size ?? 0,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve, reject) => http.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

export type RealtimeServer = Awaited<ReturnType<typeof startRealtimeServer>>;
