// Core's publisher (what the web app and the worker publish with) through this server to a
// pusher-js client: it never waits on the server, and an outage drops events instead of failing.
import { randomUUID } from "node:crypto";
import { clinicChannel, createRealtime } from "@frontdesk/core/realtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserClient } from "./browser-client";
import { type RealtimeServer, startRealtimeServer } from "./server";

const app = { id: "publisher-test", key: "publisher-key", secret: "publisher-secret" };
let server: RealtimeServer;
beforeAll(async () => {
  server = await startRealtimeServer({ apps: [app] });
});
afterAll(() => server.close());

describe("core's realtime publisher", () => {
  it("returns at once and delivers, in order, to a member's browser it signed the subscription for", async () => {
    const realtime = createRealtime({
      appId: app.id,
      key: app.key,
      secret: app.secret,
      host: "127.0.0.1",
      port: server.port,
    });
    const clinicId = randomUUID();
    const browser = browserClient(server.port, app.key, realtime.signSubscription);
    try {
      const channel = browser.subscribe(clinicChannel(clinicId));
      await new Promise((resolve) => channel.bind("pusher:subscription_succeeded", resolve));
      const seen: unknown[] = [];
      const all = new Promise<void>((resolve) =>
        channel.bind_global((name: string, data: { n: number }) => {
          if (name.startsWith("pusher")) return;
          seen.push([name, data.n]);
          if (seen.length === 12) resolve();
        }),
      );
      const events = Array.from({ length: 12 }, (_, n) => ({ clinicId, name: `step.${n % 2}`, data: { n } }));
      expect(realtime.publish(...events)).toBeUndefined();
      await all;
      expect(seen).toEqual(events.map((e) => [e.name, e.data.n]));
    } finally {
      browser.disconnect();
    }
  });

  it("drops events with a log line when the server is down or the queue is full, and never throws", async () => {
    const lines: string[] = [];
    const closed = await startRealtimeServer({ apps: [app] });
    const port = closed.port;
    await closed.close();
    const realtime = createRealtime(
      { appId: app.id, key: app.key, secret: app.secret, host: "127.0.0.1", port },
      (line) => lines.push(line),
    );
    const many = Array.from({ length: 1005 }, (_, n) => ({ clinicId: randomUUID(), name: "x", data: { n } }));
    expect(() => realtime.publish(...many)).not.toThrow();
    await realtime.flush();
    expect(lines[0]).toBe("realtime: queue full, dropped 5 event(s)");
    expect(lines.slice(1).every((line) => line.startsWith("realtime: dropped 10 event(s)"))).toBe(true);
    expect(lines).toHaveLength(101);
  });

  it("is silent without PUSHER_*, and says so when asked to sign", () => {
    const realtime = createRealtime(null);
    expect(realtime.enabled).toBe(false);
    expect(() => realtime.publish({ clinicId: randomUUID(), name: "x", data: {} })).not.toThrow();
    expect(() => realtime.signSubscription("1.2", "private-clinic-x")).toThrow(/not configured/);
  });
});
