// Live events end to end, as a dashboard receives them: real use cases on a real PostgreSQL,
// core's publisher, the repo's Pusher-protocol server, and pusher-js subscribed to the clinic's
// private channel. A change from the dashboard, an API key or the voice agent is announced once
// it has committed; a write that rolled back announces nothing; a dead realtime server neither
// fails nor slows a booking.
import { randomUUID } from "node:crypto";
import { createServer, type Socket } from "node:net";
import { recordCallEvent } from "@frontdesk/core/calls";
import { clinicChannel, createRealtime, type Realtime } from "@frontdesk/core/realtime";
import { createTenantClients } from "@frontdesk/core/tenancy";
import type PusherClient from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpClient, newClinic, type TestServices, useServices } from "../../../../test/api";
import { useTestDatabase } from "../../../../test/database";
import { fillSchedule, newYorkTime, testPatient } from "../../../../test/fixtures";
import { browserClient } from "../../../realtime/src/browser-client";
import { type RealtimeServer, startRealtimeServer } from "../../../realtime/src/server";
import { handleVapiWebhook } from "./vapi-webhook";

const app = { id: "live-events-test", key: "live-events-key", secret: "live-events-secret" };
const SECRET = "vapi-webhook-secret-for-live-events-0123";
type Seen = { name: string; data: Record<string, unknown> };

describe("live events on a clinic's channel", () => {
  const t = useTestDatabase();
  const baseServices = useServices(t);
  let server: RealtimeServer;
  let realtime: Realtime;
  let services: TestServices;
  const browsers: PusherClient[] = [];

  beforeAll(async () => {
    server = await startRealtimeServer({ apps: [app] });
    realtime = createRealtime({ ...app, appId: app.id, host: "127.0.0.1", port: server.port });
    // The web app's wiring: tenant clients whose committed events go to the publisher.
    services = {
      ...baseServices(),
      tenants: createTenantClients(t.url, { max: 6, publish: realtime.publishCommitted }),
    };
  });
  afterAll(async () => {
    for (const browser of browsers) browser.disconnect();
    await services.tenants.close();
    await server.close();
  });

  /** A dashboard's pusher-js on the clinic's channel; `until` resolves when a matching event arrives. */
  async function listen(clinicId: string) {
    const browser = browserClient(server.port, app.key, realtime.signSubscription);
    browsers.push(browser);
    const channel = browser.subscribe(clinicChannel(clinicId));
    await new Promise((resolve) => channel.bind("pusher:subscription_succeeded", resolve));
    const seen: Seen[] = [];
    const waiting: { match: (e: Seen) => boolean; resolve: (e: Seen) => void }[] = [];
    channel.bind_global((name: string, data: Record<string, unknown>) => {
      if (name.startsWith("pusher:")) return;
      const event = { name, data };
      seen.push(event);
      for (const w of waiting.filter((w) => w.match(event))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(event);
      }
    });
    return {
      seen,
      until: (match: (e: Seen) => boolean) =>
        new Promise<Seen>((resolve) => {
          const already = seen.find(match);
          if (already) resolve(already);
          else waiting.push({ match, resolve });
        }),
    };
  }

  async function schedulingClinic(label: string) {
    const clinic = await newClinic(services, label);
    return { ...clinic, ...(await fillSchedule(t.db, clinic.clinicId)) };
  }
  type Clinic = Awaited<ReturnType<typeof schedulingClinic>>;
  const slot = (clinic: Clinic, date: string, time: string) => ({
    appointmentTypeId: clinic.typeId,
    providerId: clinic.providerId,
    startsAt: newYorkTime(date, time),
  });
  const bookedEvent = (id: string) => (e: Seen) => e.name === "appointment.booked" && e.data.appointmentId === id;

  it("announces a dashboard booking, its move and its cancellation, with what the schedule shows", async () => {
    const clinic = await schedulingClinic("Dashboard");
    const live = await listen(clinic.clinicId);
    const booked = await clinic.owner.appointments.book({
      ...slot(clinic, "2031-03-11", "10:00"),
      patient: testPatient(1),
    });
    const event = await live.until(bookedEvent(booked.id));
    expect(event.data).toEqual({
      appointmentId: booked.id,
      status: "booked",
      startsAt: booked.startsAt.toISOString(),
      endsAt: booked.endsAt.toISOString(),
      source: "dashboard",
      callId: null,
      providerName: "Dr. Alpha",
      typeName: "Check-up",
      patientName: "Pat1 Ient",
    });

    const moved = await clinic.owner.appointments.reschedule({
      appointmentId: booked.id,
      startsAt: newYorkTime("2031-03-11", "14:00"),
    });
    expect(
      (await live.until((e) => e.name === "appointment.moved" && e.data.appointmentId === moved.id)).data,
    ).toMatchObject({ fromAppointmentId: booked.id, status: "booked" });
    await clinic.owner.appointments.cancel({ appointmentId: moved.id });
    expect(
      (await live.until((e) => e.name === "appointment.cancelled" && e.data.appointmentId === moved.id)).data,
    ).toMatchObject({ status: "cancelled" });
  });

  it("announces a booking made with an API key", async () => {
    const clinic = await schedulingClinic("Keys");
    const live = await listen(clinic.clinicId);
    const { key } = await clinic.owner.apiKeys.create({ name: "EHR sync", role: "admin" });
    const booked = await httpClient(services, key).appointments.book.mutate({
      ...slot(clinic, "2031-03-12", "11:00"),
      patient: testPatient(2),
    });
    expect((await live.until(bookedEvent(booked.id))).data).toMatchObject({ source: "api", callId: null });
  });

  it("announces the voice agent's booking with its call, and the call itself: start, lines, end", async () => {
    const clinic = await schedulingClinic("Voice");
    const live = await listen(clinic.clinicId);
    const assistant = await t.db.assistant.create({
      data: {
        clinicId: clinic.clinicId,
        name: "Front desk",
        systemPrompt: "You are the receptionist.",
        firstMessage: "Hello!",
      },
    });
    const e164 = `+1555${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;
    await t.db.phoneNumber.create({
      data: { clinicId: clinic.clinicId, e164, source: "managed", status: "active", assistantId: assistant.id },
    });
    const deps = {
      rootDb: t.db,
      tenants: services.tenants,
      webhookSecret: SECRET,
      webhookUrl: "https://app.frontdesk.test/api/vapi/webhook",
    };
    const call = { id: `call-${randomUUID()}`, type: "inboundPhoneCall", customer: { number: "+14155550111" } };
    const post = async (type: string, extra: Record<string, unknown> = {}) => {
      const response = await handleVapiWebhook(
        new Request(deps.webhookUrl, {
          method: "POST",
          headers: { "content-type": "application/json", "x-vapi-secret": SECRET },
          body: JSON.stringify({
            message: {
              type,
              timestamp: Date.now(),
              call,
              phoneNumber: { number: e164 },
              customer: call.customer,
              ...extra,
            },
          }),
        }),
        deps,
      );
      expect(response.status).toBe(200);
      return (await response.json()) as { results?: { result?: string }[] };
    };
    // What the worker does with each stored message: the job the webhook queued.
    const processStored = async () => {
      const events = await t.db.webhookInboxEvent.findMany({
        where: { clinicId: clinic.clinicId, status: { not: "processed" } },
        orderBy: { receivedAt: "asc" },
      });
      for (const event of events) {
        await recordCallEvent(
          { rootDb: t.db, tenants: services.tenants },
          { clinicId: clinic.clinicId, eventId: event.id },
        );
      }
    };

    await post("assistant-request");
    await post("status-update", { status: "in-progress" });
    await post("transcript", { role: "user", transcriptType: "partial", transcript: "I'd like a check" });
    await post("transcript", { role: "user", transcriptType: "final", transcript: "I'd like a check-up, please." });
    await processStored();
    const opened = await t.db.call.findUniqueOrThrow({ where: { vapiCallId: call.id } });
    expect((await live.until((e) => e.name === "call.started")).data).toMatchObject({
      callId: opened.id,
      status: "in-progress",
    });
    const line = await live.until((e) => e.name === "call.transcript");
    expect(line.data).toMatchObject({ callId: opened.id, role: "user", text: "I'd like a check-up, please." });
    // The final line is kept on the call (the call page's transcript), the partial one is not.
    expect(opened.messages).toEqual([expect.objectContaining({ role: "user", text: "I'd like a check-up, please." })]);

    const [answer] =
      (
        await post("tool-calls", {
          toolCallList: [
            {
              id: `tc-${randomUUID()}`,
              type: "function",
              function: {
                name: "bookAppointment",
                arguments: {
                  startsAt: newYorkTime("2031-03-13", "09:30").toISOString(),
                  appointmentType: "Check-up",
                  patientName: "Ana Lima",
                },
              },
            },
          ],
        })
      ).results ?? [];
    const { appointmentId } = JSON.parse(answer?.result ?? "{}") as { appointmentId: string };
    expect((await live.until(bookedEvent(appointmentId))).data).toMatchObject({
      source: "agent",
      callId: opened.id,
      patientName: "Ana Lima",
    });

    await post("status-update", { status: "ended", endedReason: "customer-ended-call" });
    await processStored();
    expect((await live.until((e) => e.name === "call.ended")).data).toMatchObject({
      callId: opened.id,
      outcome: "booked",
    });
    // One start, one line: a message processed twice or a repeated line announces nothing new.
    expect(live.seen.filter((e) => e.name === "call.started")).toHaveLength(1);
    expect(live.seen.filter((e) => e.name === "call.transcript")).toHaveLength(1);
  });

  it("announces only the winners of races: a write that rolls back, even at COMMIT, publishes nothing", async () => {
    const clinic = await schedulingClinic("Race");
    const live = await listen(clinic.clinicId);
    const contested = slot(clinic, "2031-03-14", "09:00");
    const outcomes = await Promise.allSettled(
      [1, 2, 3, 4].map((n) => clinic.owner.appointments.book({ ...contested, patient: testPatient(10 + n) })),
    );
    const winners = outcomes.filter((o) => o.status === "fulfilled");
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected")).toHaveLength(3);
    // Two moves into one free slot: a move checks overlap only at COMMIT (its constraint is
    // deferred), so the loser has already emitted its event when its commit fails.
    const first = await clinic.owner.appointments.book({
      ...slot(clinic, "2031-03-14", "10:00"),
      patient: testPatient(15),
    });
    const second = await clinic.owner.appointments.book({
      ...slot(clinic, "2031-03-14", "11:00"),
      patient: testPatient(16),
    });
    const target = newYorkTime("2031-03-14", "15:00");
    const moves = await Promise.allSettled(
      [first, second].map((a) => clinic.owner.appointments.reschedule({ appointmentId: a.id, startsAt: target })),
    );
    expect(moves.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const moved = (moves.find((o) => o.status === "fulfilled") as PromiseFulfilledResult<{ id: string }>).value;
    // Events leave in commit order on one queue: once a later booking's event is here, any event
    // of the races would be too.
    const marker = await clinic.owner.appointments.book({
      ...slot(clinic, "2031-03-14", "13:00"),
      patient: testPatient(20),
    });
    await live.until(bookedEvent(marker.id));
    const booked = live.seen.filter((e) => e.name === "appointment.booked");
    expect(booked.map((e) => e.data.appointmentId)).toEqual([
      (winners[0] as PromiseFulfilledResult<{ id: string }>).value.id,
      first.id,
      second.id,
      marker.id,
    ]);
    expect(live.seen.filter((e) => e.name === "appointment.moved").map((e) => e.data.appointmentId)).toEqual([
      moved.id,
    ]);
  });

  it("books at full speed while the realtime server never answers, and drops the event with a log line", async () => {
    // A server that accepts connections and never replies: the worst outage for a publisher.
    const sockets: Socket[] = [];
    const blackhole = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, "127.0.0.1", resolve));
    const port = (blackhole.address() as { port: number }).port;
    const lines: string[] = [];
    const stuck = createRealtime({ ...app, appId: app.id, host: "127.0.0.1", port }, (line) => lines.push(line));
    const tenants = createTenantClients(t.url, { max: 2, publish: stuck.publishCommitted });
    try {
      const clinic = await schedulingClinic("Outage");
      const db = tenants.forTenant(clinic.clinicId);
      const { bookAppointment } = await import("@frontdesk/core/appointments");
      const origin = { actor: { type: "user" as const, userId: clinic.userId }, ip: null };
      const started = performance.now();
      const booked = await bookAppointment(db, origin, {
        ...slot(clinic, "2031-03-17", "10:00"),
        patient: testPatient(30),
      });
      const bookedIn = performance.now() - started;
      expect(booked.status).toBe("booked");
      expect(lines).toEqual([]); // the publish is still waiting on the dead server…
      await stuck.flush(); // …until its 2 s send timeout
      const flushedIn = performance.now() - started;
      expect(lines).toEqual([expect.stringMatching(/^realtime: dropped 1 event\(s\) \(appointment\.booked\)/)]);
      expect(flushedIn).toBeGreaterThanOrEqual(1900);
      expect(bookedIn).toBeLessThan(flushedIn / 2);
    } finally {
      await tenants.close();
      for (const socket of sockets) socket.destroy();
      blackhole.close();
    }
  });
});
