"use client";

import { Download } from "lucide-react";
import { useRef, useState } from "react";
import { count } from "@/analytics/figures";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Kind = "calls" | "appointments";

type State =
  | { step: "idle" }
  | { step: "running"; kind: Kind; rows: number; total: number | null }
  | { step: "done"; kind: Kind; rows: number; filename: string }
  | { step: "failed"; kind: Kind; message: string };

const noun = (kind: Kind, n: number) =>
  kind === "calls" ? (n === 1 ? "call" : "calls") : n === 1 ? "appointment" : "appointments";

/** Rows in a CSV chunk: line ends outside quotes (a summary may hold line breaks of its own). */
function countRows(text: string, inQuotes: { open: boolean }) {
  let rows = 0;
  for (const ch of text) {
    if (ch === '"') inQuotes.open = !inQuotes.open;
    else if (ch === "\n" && !inQuotes.open) rows++;
  }
  return rows;
}

/**
 * CSV of the period's calls or appointments, streamed from /api/export: the server sends the row
 * count first (X-Row-Count), so the bar shows how far along the download is while rows arrive.
 */
export function ExportButtons({ from, to }: { from: string; to: string }) {
  const [state, setState] = useState<State>({ step: "idle" });
  const abort = useRef<AbortController | null>(null);

  async function run(kind: Kind) {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: "running", kind, rows: 0, total: null });
    try {
      const response = await fetch(`/api/export/${kind}?from=${from}&to=${to}`, { signal: controller.signal });
      if (!response.ok || !response.body) {
        const refusal = (await response.json().catch(() => null)) as { error?: string } | null;
        throw new Error(
          response.status === 401
            ? "Your session has ended. Sign in again, then export."
            : response.status === 403
              ? `You can't export ${kind} with your role (${refusal?.error ?? "forbidden"}). Ask an owner or admin.`
              : `The export was refused: ${refusal?.error ?? `error ${response.status}`}. Check the dates and try again.`,
        );
      }
      const total = Number(response.headers.get("x-row-count") ?? Number.NaN);
      const filename =
        /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ??
        `${kind}-${from}-to-${to}.csv`;
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const quotes = { open: false };
      const parts: BlobPart[] = [];
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        lines += countRows(decoder.decode(value, { stream: true }), quotes);
        // The first line is the header.
        setState({ step: "running", kind, rows: Math.max(0, lines - 1), total: Number.isFinite(total) ? total : null });
      }
      const rows = Math.max(0, lines - 1);
      const url = URL.createObjectURL(new Blob(parts, { type: "text/csv" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ step: "done", kind, rows, filename });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({
        step: "failed",
        kind,
        message:
          error instanceof TypeError
            ? "The download was interrupted (the connection dropped). Try again; a shorter period downloads faster."
            : error instanceof Error
              ? error.message
              : "The export failed. Try again in a moment.",
      });
    }
  }

  const running = state.step === "running";
  return (
    <div className="grid justify-items-start gap-2">
      <div className="flex flex-wrap gap-2">
        {(["calls", "appointments"] as const).map((kind) => (
          <Button
            key={kind}
            variant="outline"
            size="sm"
            onClick={() => run(kind)}
            pending={running && state.kind === kind}
            disabled={running}
          >
            {running && state.kind === kind ? null : <Download aria-hidden />}
            Export {kind} (CSV)
          </Button>
        ))}
      </div>
      {state.step === "running" ? (
        <div className="grid w-64 gap-1" role="status">
          <div
            role="progressbar"
            aria-label={`Exporting ${state.kind}`}
            aria-valuemin={0}
            aria-valuemax={state.total ?? undefined}
            aria-valuenow={state.total === null ? undefined : state.rows}
            className="h-2 overflow-hidden rounded-full bg-muted"
          >
            <div
              className="h-full rounded-full bg-primary transition-[width]"
              style={{ width: state.total ? `${Math.min(100, (state.rows / state.total) * 100)}%` : "10%" }}
            />
          </div>
          <span className="text-muted-foreground text-xs">
            {state.total === null
              ? `${count(state.rows)} ${noun(state.kind, state.rows)} so far…`
              : `${count(state.rows)} of ${count(state.total)} ${noun(state.kind, state.total)}…`}
          </span>
        </div>
      ) : null}
      {state.step === "done" ? (
        <p role="status" className="text-muted-foreground text-xs">
          Downloaded {state.filename}: {count(state.rows)} {noun(state.kind, state.rows)}.
        </p>
      ) : null}
      {state.step === "failed" ? (
        <Alert variant="destructive" className="max-w-sm">
          {state.message}
        </Alert>
      ) : null}
    </div>
  );
}
