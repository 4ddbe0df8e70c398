"use client";

// The dashboard's one live connection: pusher-js on the current clinic's private channel. Events
// refresh what they change in place (TanStack Query invalidation), a call's lines are appended as
// they are spoken, a booking made on a call is announced, and after any gap in the connection
// everything live is refetched, so nothing missed stays missing.
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import Pusher from "pusher-js";
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { formatDateTime } from "@/lib/format";
// Through the web app's entry, which makes zod CSP-safe before any schema is built.
import { clinicChannel, type LiveEventData, type LiveEventName, parseLiveEvent } from "@/lib/schemas";
import type { BrowserRealtimeConfig } from "@/server/realtime";
import { useTRPC } from "@/trpc/react";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline" | "off";

const LiveStatusContext = createContext<LiveStatus>("off");

/** Connecting (first time), Live (subscribed), Reconnecting, Offline, or off (no PUSHER_*). */
export const useLiveStatus = () => useContext(LiveStatusContext);

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

type Trpc = ReturnType<typeof useTRPC>;

function refetchLive(queryClient: QueryClient, trpc: Trpc) {
  return Promise.all([
    queryClient.invalidateQueries(trpc.calls.pathFilter()),
    queryClient.invalidateQueries(trpc.appointments.pathFilter()),
    queryClient.invalidateQueries(trpc.clinic.overview.pathFilter()),
    queryClient.invalidateQueries(trpc.sms.pathFilter()),
    queryClient.invalidateQueries(trpc.analytics.pathFilter()),
  ]);
}

function announceBooking(data: LiveEventData<"appointment.booked">, timezone: string) {
  if (!data.callId) return; // a booking made here or by an integration needs no fanfare
  const who = data.patientName ?? "A caller";
  toast.success(`${who} booked on a call`, {
    duration: 12_000, // long enough to read at a busy front desk
    description: (
      <span>
        {data.typeName} with {data.providerName}, {formatDateTime(data.startsAt, timezone)}.{" "}
        <Link href={`/calls/${data.callId}`} prefetch={false} className="underline">
          View the call
        </Link>
      </span>
    ),
  });
}

export function LiveUpdates({
  clinicId,
  timezone,
  config,
  children,
}: {
  clinicId: string;
  timezone: string;
  config: BrowserRealtimeConfig | null;
  children: ReactNode;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>(config ? "connecting" : "off");
  const [pusher, setPusher] = useState<Pusher | null>(null);
  const handlers = useRef({ trpc, queryClient, timezone });
  handlers.current = { trpc, queryClient, timezone };

  // One connection per page load, reconnected with backoff (1 s, 2 s, 4 s… up to 30 s, jittered)
  // whenever it drops; pusher-js's own retries alone wait up to a minute with no feedback.
  // By value: the layout hands a new (equal) object on every server render.
  const settings = config ? JSON.stringify(config) : null;
  useEffect(() => {
    if (!settings) return;
    const config = JSON.parse(settings) as BrowserRealtimeConfig;
    const client = new Pusher(config.key, {
      cluster: config.cluster,
      wsHost: config.wsHost,
      wsPort: config.wsPort,
      wssPort: config.wsPort,
      forceTLS: config.forceTLS,
      // Plain ws only where the server speaks no TLS (this machine): pusher-js would otherwise
      // fall back to wss, which the CSP rightly refuses.
      enabledTransports: config.forceTLS ? ["ws", "wss"] : ["ws"],
      disableStats: true,
      channelAuthorization: { endpoint: "/api/realtime/auth", transport: "ajax" },
    });
    let attempt = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    const scheduleReconnect = () => {
      if (closed || retry) return;
      const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt) * (0.5 + Math.random() / 2);
      attempt += 1;
      retry = setTimeout(() => {
        retry = undefined;
        if (closed || client.connection.state === "connected") return;
        client.disconnect();
        client.connect();
      }, delay);
    };
    client.connection.bind("state_change", ({ current }: { current: string }) => {
      if (current === "connected") {
        attempt = 0;
        return; // "live" once the channel confirms the subscription
      }
      if (current === "connecting") setStatus((was) => (was === "connecting" ? was : "reconnecting"));
      else if (current === "unavailable" || current === "failed" || current === "disconnected") {
        setStatus(navigator.onLine ? "reconnecting" : "offline");
        scheduleReconnect();
      }
    });
    const offline = () => setStatus("offline");
    const online = () => {
      attempt = 0;
      if (client.connection.state === "connected") {
        setStatus("live");
        // Events sent while the browser was offline may never have arrived.
        void refetchLive(handlers.current.queryClient, handlers.current.trpc);
      } else {
        setStatus("reconnecting");
        client.connect();
      }
    };
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    setPusher(client);
    return () => {
      closed = true;
      clearTimeout(retry);
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      client.disconnect();
      setPusher(null);
    };
  }, [settings]);

  // The clinic's channel; switching clinic unsubscribes the old one before the new one opens.
  useEffect(() => {
    if (!pusher) return;
    const name = clinicChannel(clinicId);
    const channel = pusher.subscribe(name);
    let subscribedBefore = false;
    channel.bind("pusher:subscription_succeeded", () => {
      setStatus("live");
      // Every (re)subscription after the first follows a gap: fetch what happened in it.
      if (subscribedBefore) void refetchLive(handlers.current.queryClient, handlers.current.trpc);
      subscribedBefore = true;
    });
    channel.bind("pusher:subscription_error", () => setStatus("offline"));
    channel.bind_global((event: string, raw: unknown) => {
      if (event.startsWith("pusher:")) return;
      onEvent(event as LiveEventName, raw, handlers.current);
    });
    return () => {
      channel.unbind_all();
      pusher.unsubscribe(name);
    };
  }, [pusher, clinicId]);

  return <LiveStatusContext.Provider value={status}>{children}</LiveStatusContext.Provider>;
}

/** Lines in the order they were spoken (worker jobs may deliver them out of order). */
const inOrder = <L extends { at: number | null }>(lines: L[]) =>
  lines.every((l) => l.at !== null) ? lines.sort((a, b) => (a.at ?? 0) - (b.at ?? 0)) : lines;

function onEvent(
  name: LiveEventName,
  raw: unknown,
  { trpc, queryClient, timezone }: { trpc: Trpc; queryClient: QueryClient; timezone: string },
) {
  switch (name) {
    case "call.transcript": {
      const line = parseLiveEvent(name, raw);
      if (!line) return;
      const key = trpc.calls.live.queryKey();
      const known = queryClient.getQueryData(key)?.active.some((call) => call.id === line.callId);
      // A call this page has not loaded yet, or a load under way that may predate this line:
      // (re)load it rather than lose the line.
      if (!known || queryClient.isFetching({ queryKey: key }) > 0) {
        void queryClient.invalidateQueries(trpc.calls.live.queryFilter());
        return;
      }
      // Otherwise appended where the live view reads it: no refetch per spoken line.
      queryClient.setQueryData(key, (live) => {
        if (!live) return live;
        return {
          ...live,
          active: live.active.map((call) =>
            call.id !== line.callId || call.lines.some((l) => l.role === line.role && l.text === line.text)
              ? call
              : { ...call, lines: inOrder([...call.lines, { role: line.role, text: line.text, at: line.at }]) },
          ),
        };
      });
      return;
    }
    case "call.started":
    case "call.status":
    case "call.ended":
      void queryClient.invalidateQueries(trpc.calls.pathFilter());
      void queryClient.invalidateQueries(trpc.clinic.overview.pathFilter());
      return;
    case "appointment.booked":
    case "appointment.moved":
    case "appointment.cancelled": {
      void queryClient.invalidateQueries(trpc.appointments.pathFilter());
      void queryClient.invalidateQueries(trpc.calls.pathFilter());
      const booked = name === "appointment.booked" ? parseLiveEvent(name, raw) : null;
      if (booked) announceBooking(booked, timezone);
      return;
    }
    case "sms.status":
      void queryClient.invalidateQueries(trpc.sms.pathFilter());
      return;
  }
}
