// The local Pusher-protocol server against the real libraries: `pusher` (the server SDK the
// app triggers with) and `pusher-js` (the browser's client, in its Node build), plus a bare
// WebSocket for the protocol details the libraries hide.
import Pusher from "pusher";
import type PusherClient from "pusher-js";
import type { Channel } from "pusher-js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { browserClient } from "./browser-client";
import { type RealtimeServer, startRealtimeServer } from "./server";

const app = { id: "frontdesk-test", key: "test-key", secret: "test-secret" };
const other = { id: "other-app", key: "other-key", secret: "other-secret" };

let server: RealtimeServer;
let quiet: RealtimeServer;
const clients: PusherClient[] = [];

beforeAll(async () => {
  server = await startRealtimeServer({ apps: [app, other] });
  // Pings after one silent second, closes one second after an unanswered ping.
  quiet = await startRealtimeServer({ apps: [app], activityTimeoutSeconds: 1, pongTimeoutSeconds: 1 });
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await Promise.all([server.close(), quiet.close()]);
});

const sdk = (secret = app.secret) =>
  new Pusher({ appId: app.id, key: app.key, secret, host: "127.0.0.1", port: String(server.port), useTLS: false });

/** A pusher-js client whose private-channel auth is signed by the real server SDK (as /api/realtime/auth will). */
function browser(signer: Pusher = sdk()) {
  const client = browserClient(server.port, app.key, (socketId, channel) => signer.authorizeChannel(socketId, channel));
  clients.push(client);
  return client;
}

const subscribed = (channel: Channel) =>
  new Promise<void>((resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve());
    channel.bind("pusher:subscription_error", (error: unknown) => reject(error));
  });

const next = (channel: Channel, event: string) =>
  new Promise<unknown>((resolve) => channel.bind(event, (data: unknown) => resolve(data)));

const connected = (client: PusherClient) =>
  new Promise<string>((resolve) => client.connection.bind("connected", () => resolve(client.connection.socket_id)));

async function rawSocket(target: RealtimeServer, path = `/app/${app.key}?protocol=7&client=raw&version=1`) {
  const socket = new WebSocket(`ws://127.0.0.1:${target.port}${path}`);
  const messages: { event: string; channel?: string; data: unknown }[] = [];
  const waiters: (() => void)[] = [];
  socket.on("message", (raw) => {
    messages.push(JSON.parse(raw.toString()));
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
  const message = async (event: string) => {
    for (;;) {
      const found = messages.find((m) => m.event === event);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { socket, message, closed, send: (body: unknown) => socket.send(JSON.stringify(body)) };
}

describe("the local realtime server", () => {
  it("delivers an event the server SDK triggers to a pusher-js client on a public channel", async () => {
    const channel = browser().subscribe("announcements");
    await subscribed(channel);
    const received = next(channel, "appointment.booked");
    await sdk().trigger("announcements", "appointment.booked", { appointmentId: "a1" });
    expect(await received).toEqual({ appointmentId: "a1" });
  });

  it("lets a private channel in only with the app's signature for that socket", async () => {
    const allowed = browser().subscribe("private-clinic-1");
    await subscribed(allowed);

    // Signed with another secret: refused by the server, not just by the client.
    const forged = browser(sdk("not-the-secret")).subscribe("private-clinic-1");
    await expect(subscribed(forged)).rejects.toMatchObject({ status: 401 });
    expect(server.subscriberCount(app.id, "private-clinic-1")).toBe(1);

    const received = next(allowed, "call.started");
    await sdk().trigger("private-clinic-1", "call.started", { callId: "c1" });
    expect(await received).toEqual({ callId: "c1" });
  });

  it("refuses a subscription whose signature was made for another socket", async () => {
    const probe = await rawSocket(server);
    const established = await probe.message("pusher:connection_established");
    const { socket_id } = JSON.parse(established.data as string);
    const stolen = sdk().authorizeChannel("1234.5678", "private-clinic-2");
    probe.send({ event: "pusher:subscribe", data: { channel: "private-clinic-2", auth: stolen.auth } });
    expect(await probe.message("pusher:subscription_error")).toMatchObject({
      channel: "private-clinic-2",
      data: { type: "AuthError", status: 401 },
    });
    probe.send({
      event: "pusher:subscribe",
      data: { channel: "private-clinic-2", ...sdk().authorizeChannel(socket_id, "private-clinic-2") },
    });
    expect(await probe.message("pusher_internal:subscription_succeeded")).toMatchObject({
      channel: "private-clinic-2",
    });
    probe.socket.close();
  });

  it("refuses triggers not signed with the app's secret, and delivers nothing of them", async () => {
    const channel = browser().subscribe("private-clinic-3");
    await subscribed(channel);
    const received = next(channel, "sms.status");
    await expect(sdk("wrong").trigger("private-clinic-3", "sms.status", { forged: true })).rejects.toMatchObject({
      status: 401,
    });
    await sdk().trigger("private-clinic-3", "sms.status", { genuine: true });
    expect(await received).toEqual({ genuine: true });
  });

  it("delivers a batch in order, and refuses an oversized event without delivering any of its batch", async () => {
    const channel = browser().subscribe("private-clinic-4");
    await subscribed(channel);
    const seen: unknown[] = [];
    const three = new Promise<void>((resolve) =>
      channel.bind("step", (data: unknown) => {
        seen.push(data);
        if (seen.length === 3) resolve();
      }),
    );
    const huge = "x".repeat(11 * 1024);
    await expect(
      sdk().triggerBatch([
        { channel: "private-clinic-4", name: "step", data: { n: 0 } },
        { channel: "private-clinic-4", name: "step", data: { huge } },
      ]),
    ).rejects.toMatchObject({ status: 413 });
    await sdk().triggerBatch([1, 2, 3].map((n) => ({ channel: "private-clinic-4", name: "step", data: { n } })));
    await three;
    expect(seen).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it("leaves out the socket that caused the event (socket_id)", async () => {
    const author = browser();
    const watcher = browser();
    const [authorId] = await Promise.all([connected(author), connected(watcher)]);
    const mine = author.subscribe("team");
    const theirs = watcher.subscribe("team");
    await Promise.all([subscribed(mine), subscribed(theirs)]);
    const authorSaw: unknown[] = [];
    mine.bind("note", (data: unknown) => authorSaw.push(data));
    const watcherSaw = next(theirs, "note");
    await sdk().trigger("team", "note", { n: 1 }, { socket_id: authorId });
    expect(await watcherSaw).toEqual({ n: 1 });
    // The author's copy would have arrived before this second event, on the same socket.
    const second = next(mine, "after");
    await sdk().trigger("team", "after", {});
    await second;
    expect(authorSaw).toEqual([]);
  });

  it("stops delivering to a client that unsubscribed or disconnected", async () => {
    const client = browser();
    const channel = client.subscribe("private-clinic-5");
    await subscribed(channel);
    expect(server.subscriberCount(app.id, "private-clinic-5")).toBe(1);
    client.unsubscribe("private-clinic-5");
    await vi.waitFor(() => expect(server.subscriberCount(app.id, "private-clinic-5")).toBe(0));
    const again = client.subscribe("private-clinic-5");
    await subscribed(again);
    client.disconnect();
    await vi.waitFor(() => expect(server.subscriberCount(app.id, "private-clinic-5")).toBe(0));
  });

  it("gets a pusher-js client back after a restart: it reconnects, resubscribes and receives again", async () => {
    let restartable = await startRealtimeServer({ apps: [app] });
    const { port } = restartable;
    const trigger = () =>
      new Pusher({
        appId: app.id,
        key: app.key,
        secret: app.secret,
        host: "127.0.0.1",
        port: String(port),
        useTLS: false,
      });
    const client = browserClient(port, app.key, (socketId, channel) => trigger().authorizeChannel(socketId, channel));
    clients.push(client);
    const channel = client.subscribe("private-clinic-9");
    await subscribed(channel);
    const firstSocket = client.connection.socket_id;

    const lost = new Promise<void>((resolve) =>
      client.connection.bind("state_change", (s: { current: string }) => {
        if (s.current !== "connected") resolve();
      }),
    );
    await restartable.close();
    await lost;
    restartable = await startRealtimeServer({ apps: [app], port });
    try {
      // pusher-js retries with its own backoff (about 15 s once a first retry found the port
      // closed) and subscribes its channels again on the new socket.
      await vi.waitFor(() => expect(restartable.subscriberCount(app.id, "private-clinic-9")).toBe(1), {
        timeout: 40_000,
        interval: 100,
      });
      expect(client.connection.socket_id).not.toBe(firstSocket);
      const arrived = next(channel, "after-restart");
      await trigger().trigger("private-clinic-9", "after-restart", { n: 1 });
      expect(await arrived).toEqual({ n: 1 });
    } finally {
      client.disconnect();
      await restartable.close();
    }
  }, 60_000);

  it("keeps apps apart: one app's trigger never reaches another app's clients", async () => {
    const theirs = new Pusher({
      ...other,
      appId: other.id,
      host: "127.0.0.1",
      port: String(server.port),
      useTLS: false,
    });
    const channel = browser().subscribe("shared-name");
    await subscribed(channel);
    const received = next(channel, "hello");
    await theirs.trigger("shared-name", "hello", { from: "other" });
    await sdk().trigger("shared-name", "hello", { from: "us" });
    expect(await received).toEqual({ from: "us" });
  });

  it("answers pings, pings a silent connection, and closes one that never answers", async () => {
    const probe = await rawSocket(server);
    await probe.message("pusher:connection_established");
    probe.send({ event: "pusher:ping", data: {} });
    expect(await probe.message("pusher:pong")).toMatchObject({ event: "pusher:pong" });
    probe.socket.close();

    const silent = await rawSocket(quiet);
    const established = await silent.message("pusher:connection_established");
    expect(JSON.parse(established.data as string)).toMatchObject({ activity_timeout: 1 });
    await silent.message("pusher:ping");
    expect(await silent.closed).toBe(4201);
  });

  it("turns away unknown app keys and other protocol versions with the protocol's error codes", async () => {
    const unknown = await rawSocket(server, "/app/nobody?protocol=7");
    expect(await unknown.message("pusher:error")).toMatchObject({ data: { code: 4001 } });
    expect(await unknown.closed).toBe(4001);
    const old = await rawSocket(server, `/app/${app.key}?protocol=5`);
    expect(await old.closed).toBe(4007);
  });

  it("refuses client events and garbage without dropping the connection", async () => {
    const probe = await rawSocket(server);
    await probe.message("pusher:connection_established");
    probe.socket.send("not json");
    probe.send({ event: "client-typing", channel: "private-clinic-1", data: {} });
    probe.send({ event: "pusher:ping", data: {} });
    await probe.message("pusher:pong");
    expect(probe.socket.readyState).toBe(WebSocket.OPEN);
    probe.socket.close();
  });
});
