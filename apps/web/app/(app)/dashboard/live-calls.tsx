"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { PhoneCall } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { Panel } from "@/components/panel";
import { Badge } from "@/components/ui/badge";
import { formatTime } from "@/lib/clinic-time";
import { formatPhone, fullName } from "@/lib/format";
import { cn } from "@/lib/utils";
import { hrefOf, routes } from "@/routes";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { CallOutcomeBadge, formatDuration } from "../calls/call-labels";

type Live = RouterOutputs["calls"]["live"];
type Row = Live["recent"][number];

const callerOf = (call: Row) =>
  call.patient
    ? fullName(call.patient)
    : call.fromNumber && call.direction === "inbound"
      ? formatPhone(call.fromNumber)
      : "Unknown caller";

/** Seconds since `since`, ticking once a second. */
function useElapsed(since: Date) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.floor((now - since.getTime()) / 1000));
}

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

function ActiveCall({ call }: { call: Live["active"][number] }) {
  const elapsed = useElapsed(call.startedAt ?? call.createdAt);
  const transcript = useRef<HTMLOListElement>(null);
  // Follow the conversation as lines arrive, the way a chat does.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls when a line is added
  useEffect(() => {
    transcript.current?.scrollTo({ top: transcript.current.scrollHeight });
  }, [call.lines.length]);
  const talking = call.status === "in-progress" || call.status === "forwarding";
  return (
    <li className="grid gap-3 rounded-md border p-4" aria-label={`Call from ${callerOf(call)}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="relative flex size-2.5" aria-hidden>
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-success opacity-60" />
          <span className="relative inline-flex size-2.5 rounded-full bg-success" />
        </span>
        <strong className="font-medium">{callerOf(call)}</strong>
        {call.patient && call.fromNumber ? (
          <span className="text-muted-foreground text-sm">{formatPhone(call.fromNumber)}</span>
        ) : null}
        <Badge tone="info">
          {talking ? (call.status === "forwarding" ? "Transferring" : "On the call") : "Ringing"}
        </Badge>
        <span className="ml-auto font-mono text-sm tabular-nums" role="timer" aria-label="Duration">
          {clock(elapsed)}
        </span>
      </div>
      {call.lines.length === 0 ? (
        <p className="text-muted-foreground text-sm">Waiting for the first words…</p>
      ) : (
        <ol ref={transcript} aria-label="Live transcript" className="grid max-h-64 gap-2 overflow-y-auto pr-1 text-sm">
          {call.lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are only ever appended
            <li key={i} className={cn("flex", line.role === "user" ? "justify-end" : "justify-start")}>
              <p
                className={cn(
                  "max-w-[80%] rounded-2xl px-3 py-1.5",
                  line.role === "user" ? "bg-primary text-primary-foreground" : "bg-muted",
                )}
              >
                <span className="sr-only">{line.role === "user" ? "Caller: " : "Receptionist: "}</span>
                {line.text}
              </p>
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

/** Calls as they happen, and the last few that ended with how they went. */
export function LiveCalls({ timezone, number }: { timezone: string; number: string | null }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.calls.live.queryOptions());
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Panel
        title="Calls in progress"
        description={
          data.active.length > 0
            ? `${data.active.length} ${data.active.length === 1 ? "call" : "calls"} with your receptionist right now`
            : undefined
        }
      >
        {data.active.length === 0 && data.recent.length === 0 ? (
          <EmptyState icon={PhoneCall} title="No calls yet">
            Call {number ? formatPhone(number) : "your clinic's number"} to talk to your receptionist; the call, its
            transcript and any booking will show up here as it happens.
          </EmptyState>
        ) : data.active.length === 0 ? (
          <EmptyState icon={PhoneCall}>
            No one is on the phone right now. When someone calls{number ? ` ${formatPhone(number)}` : ""}, the call and
            its transcript appear here as it happens.
          </EmptyState>
        ) : (
          <ul className="grid gap-3">
            {data.active.map((call) => (
              <ActiveCall key={call.id} call={call} />
            ))}
          </ul>
        )}
      </Panel>
      <Panel
        title="Recent calls"
        action={
          <Link href={routes.calls.path} prefetch={false} className="text-sm">
            All calls
          </Link>
        }
      >
        {data.recent.length === 0 ? (
          <p className="text-muted-foreground text-sm">Finished calls will be listed here with how they went.</p>
        ) : (
          <ul aria-label="Recent calls" className="grid divide-y">
            {data.recent.map((call) => (
              <li key={call.id} className="flex items-center gap-3 py-2 first:pt-0 last:pb-0">
                <div className="grid min-w-0 flex-1">
                  <Link href={hrefOf(routes.call, { id: call.id })} prefetch={false} className="truncate font-medium">
                    {callerOf(call)}
                  </Link>
                  <span className="text-muted-foreground text-xs">
                    {formatTime(call.startedAt ?? call.createdAt, timezone)} · {formatDuration(call.durationSeconds)}
                  </span>
                </div>
                <CallOutcomeBadge outcome={call.outcome} status={call.status} />
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}
