"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { CalendarDays, MessagesSquare } from "lucide-react";
import Link from "next/link";
import { AppointmentTable } from "@/components/appointment-table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { formatDateTime, formatPhone, fullName } from "@/lib/format";
import { cn } from "@/lib/utils";
import { hrefOf, routes } from "@/routes";
import { useClinic } from "@/shell/use-clinic";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { CallOutcomeBadge, endedReasonText, formatCost, formatDuration } from "../call-labels";

type Call = RouterOutputs["calls"]["get"];

const clock = (seconds: number | null) =>
  seconds === null ? "" : `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, "0")}`;

/** The conversation as chat: the caller on the right, the receptionist on the left, tools between. */
function Conversation({ turns }: { turns: Call["messages"] }) {
  if (turns.length === 0)
    return <EmptyState icon={MessagesSquare}>No transcript yet. It appears as the call goes on.</EmptyState>;
  return (
    <ol className="grid gap-3" aria-label="Transcript">
      {turns.map((turn, i) =>
        turn.role === "tool" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the transcript never reorders
          <li key={i} className="mx-auto w-full max-w-xl text-muted-foreground text-xs">
            {/* What the agent looked up, folded away: staff open it when a booking needs explaining. */}
            <details>
              <summary className="cursor-pointer text-center">
                <span className="font-mono">{turn.tool}</span> {clock(turn.at)}
              </summary>
              <pre className="mt-1 whitespace-pre-wrap break-all rounded-md bg-muted p-2">{turn.text}</pre>
            </details>
          </li>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the transcript never reorders
          <li key={i} className={cn("flex", turn.role === "user" ? "justify-end" : "justify-start")}>
            <div
              className={cn(
                "max-w-[75%] rounded-2xl px-4 py-2 text-sm",
                turn.role === "user" ? "bg-primary text-primary-foreground" : "bg-muted",
              )}
            >
              <p className="mb-0.5 text-xs opacity-75">
                {turn.role === "user" ? "Caller" : "Receptionist"} {clock(turn.at)}
              </p>
              <p>{turn.text}</p>
            </div>
          </li>
        ),
      )}
    </ol>
  );
}

/** Structured data as a definition list; nested values as compact JSON. */
function Facts({ data }: { data: Record<string, unknown> }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
      {Object.entries(data).map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="text-muted-foreground">{key}</dt>
          <dd>{typeof value === "string" ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function costLines(breakdown: unknown): { label: string; cost: number }[] {
  if (!Array.isArray(breakdown)) return [];
  return breakdown.flatMap((item) =>
    item && typeof item === "object" && typeof (item as { cost?: unknown }).cost === "number"
      ? [{ label: String((item as { type?: unknown }).type ?? "other"), cost: (item as { cost: number }).cost }]
      : [],
  );
}

/** One call: how it went, what was booked, who called, the conversation and what it cost. */
export function CallRecord({ callId }: { callId: string }) {
  const trpc = useTRPC();
  const { timezone } = useClinic();
  const { data: call } = useSuspenseQuery(trpc.calls.get.queryOptions({ callId }));
  const caller = call.direction === "inbound" ? call.fromNumber : call.toNumber;
  const when = call.startedAt ?? call.createdAt;
  const costs = costLines(call.costBreakdown);

  return (
    <>
      <PageHeader
        title={`Call ${call.patient ? `from ${fullName(call.patient)}` : caller ? `from ${formatPhone(caller)}` : ""}`.trim()}
        back={<Link href={routes.calls.path}>← Calls</Link>}
        description={`${formatDateTime(when, timezone)} · ${formatDuration(call.durationSeconds)} · ${endedReasonText(call.endedReason)}`}
      >
        <CallOutcomeBadge outcome={call.outcome} status={call.status} />
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="grid content-start gap-6">
          <Panel title="Summary">
            <p className="text-sm">{call.summary ?? "No summary yet: Vapi sends one shortly after the call ends."}</p>
            {call.successEvaluation ? (
              <p className="mt-2 text-muted-foreground text-sm">Success evaluation: {call.successEvaluation}</p>
            ) : null}
          </Panel>
          <Panel title="Booked on this call">
            {call.appointments.length === 0 ? (
              <EmptyState icon={CalendarDays}>Nothing was booked on this call.</EmptyState>
            ) : (
              <AppointmentTable rows={call.appointments} timeZone={timezone} />
            )}
          </Panel>
          <Panel title="Conversation">
            <Conversation turns={call.messages} />
          </Panel>
        </div>
        <div className="grid content-start gap-6">
          <Panel title="Caller">
            {call.patient ? (
              <p className="text-sm">
                <Link href={hrefOf(routes.patient, { id: call.patient.id })} prefetch={false}>
                  {fullName(call.patient)}
                </Link>
                <span className="block text-muted-foreground">{formatPhone(call.patient.phone)}</span>
              </p>
            ) : (
              <p className="text-sm">{caller ? formatPhone(caller) : "Unknown number"} · not a patient yet</p>
            )}
            <p className="mt-2 text-muted-foreground text-sm">
              Called {call.phoneNumber ? (call.phoneNumber.label ?? formatPhone(call.phoneNumber.e164)) : "the clinic"}
              {call.assistant ? `, answered by ${call.assistant.name}` : ""}.
            </p>
          </Panel>
          <Panel title="Recording">
            {call.recordingUrl ? (
              // biome-ignore lint/a11y/useMediaCaption: the transcript beside it is the caption
              <audio controls preload="none" src={call.recordingUrl} className="w-full" />
            ) : (
              <p className="text-muted-foreground text-sm">No recording.</p>
            )}
          </Panel>
          {call.structuredData && Object.keys(call.structuredData).length > 0 ? (
            <Panel title="Details gathered">
              <Facts data={call.structuredData} />
            </Panel>
          ) : null}
          <Panel title="Cost">
            <p className="font-semibold text-lg">{formatCost(call.costUsd)}</p>
            {costs.length > 0 ? (
              <dl className="mt-2 grid grid-cols-[1fr_max-content] gap-x-4 gap-y-1 text-muted-foreground text-sm">
                {costs.map((line, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: Vapi's breakdown is a fixed list
                  <div key={i} className="contents">
                    <dt className="capitalize">{line.label}</dt>
                    <dd className="text-right">${line.cost.toFixed(4)}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </Panel>
        </div>
      </div>
    </>
  );
}
