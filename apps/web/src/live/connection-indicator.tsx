"use client";

import { cn } from "@/lib/utils";
import { type LiveStatus, useLiveStatus } from "./live-updates";

const looks: Record<Exclude<LiveStatus, "off">, { label: string; dot: string; title: string }> = {
  connecting: { label: "Connecting…", dot: "bg-muted-foreground", title: "Starting live updates" },
  live: { label: "Live", dot: "bg-success", title: "Calls and bookings appear here as they happen" },
  reconnecting: {
    label: "Reconnecting…",
    dot: "bg-warning animate-pulse",
    title: "Live updates paused; reconnecting. The page catches up when it is back.",
  },
  offline: {
    label: "Offline",
    dot: "bg-destructive",
    title: "No live updates: check the connection. The page catches up when it is back.",
  },
};

/** Whether the page is receiving live updates; nothing when realtime is not configured. */
export function ConnectionIndicator({ className }: { className?: string }) {
  const status = useLiveStatus();
  if (status === "off") return null;
  const look = looks[status];
  return (
    <output
      aria-live="polite"
      aria-label={`Live updates: ${look.label}`}
      title={look.title}
      data-status={status}
      className={cn("flex items-center gap-2 px-2 text-muted-foreground text-xs", className)}
    >
      <span className={cn("size-2 rounded-full", look.dot)} aria-hidden />
      {look.label}
    </output>
  );
}
