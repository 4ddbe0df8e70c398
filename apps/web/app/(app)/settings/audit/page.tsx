import { can } from "@frontdesk/core/tenancy";
import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime, startOfDay } from "@/components/format";
import { caller, requireShell } from "@/trpc/server";
import { ClinicUnavailable, NotAllowed } from "../../clinic-unavailable";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type Search = { action?: string; from?: string; to?: string; cursor?: string };
type Row = Awaited<ReturnType<Awaited<ReturnType<typeof caller>>["audit"]["list"]>>["items"][number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

function actor(row: Row) {
  if (row.actorType === "api_key") return "API key";
  if (row.actorType === "voice_agent") return "AI receptionist";
  if (row.actorType === "system") return "Frontdesk";
  return row.actorName ?? "Former member";
}

/** The target's kind plus the most telling detail we have: an email or name, else the id's end. */
function target(row: Row) {
  if (!row.targetType) return "—";
  const detail = (key: string) => {
    const data = row.metadata;
    const value: unknown = typeof data === "object" && data !== null ? Reflect.get(data, key) : undefined;
    return typeof value === "string" ? value : undefined;
  };
  // UUIDv7 ids start with a timestamp, so their ends tell rows apart.
  const label = detail("email") ?? detail("name") ?? row.targetId?.slice(-8);
  return `${row.targetType} ${label ?? ""}`.trim();
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const shell = await requireShell("/settings/audit");
  if (shell.state !== "ready") return <ClinicUnavailable shell={shell} />;
  const { clinic } = shell;
  if (!can(clinic.myRole, "audit:read")) return <NotAllowed role={clinic.myRole} what="browse the audit log" />;

  const raw = await searchParams;
  const search: Search = {
    action: first(raw.action)?.slice(0, 100),
    from: first(raw.from),
    to: first(raw.to),
    cursor: first(raw.cursor),
  };
  // Days are the clinic's days: "to" includes the whole of that day.
  const from = search.from ? startOfDay(search.from, clinic.timezone) : undefined;
  const to = search.to ? startOfDay(search.to, clinic.timezone, 1) : undefined;
  const badDate = from === null || to === null;
  const cursor = search.cursor && UUID.test(search.cursor) ? search.cursor : undefined;

  const { items, nextCursor } = await (await caller()).audit.list({
    action: search.action,
    from: from ?? undefined,
    to: to ?? undefined,
    cursor,
    limit: 50,
  });
  const filtered = Boolean(search.action || search.from || search.to);
  const query = (extra: Partial<Search>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...search, cursor: undefined, ...extra })) {
      if (value) params.set(key, value);
    }
    return `/settings/audit?${params}`;
  };

  return (
    <>
      <div className="page-header">
        <h1>Audit log</h1>
        <span className="muted">
          Who changed what in {clinic.name}. Times in {clinic.timezone}.
        </span>
      </div>

      <form className="panel filters" method="get" action="/settings/audit">
        <div className="field">
          <label htmlFor="action">Action starts with</label>
          <input id="action" name="action" defaultValue={search.action} placeholder="e.g. team." list="audit-actions" />
          <datalist id="audit-actions">
            <option value="clinic." />
            <option value="team." />
            <option value="apiKey." />
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="from">From</label>
          <input id="from" name="from" type="date" defaultValue={search.from} />
        </div>
        <div className="field">
          <label htmlFor="to">To (inclusive)</label>
          <input id="to" name="to" type="date" defaultValue={search.to} />
        </div>
        <div className="filter-actions">
          <button className="button inline" type="submit">
            Filter
          </button>
          {filtered ? <Link href="/settings/audit">Clear filters</Link> : null}
        </div>
      </form>
      {badDate ? (
        <p role="alert" className="alert">
          A date wasn't understood and was ignored; pick dates with the calendar or type them as YYYY-MM-DD.
        </p>
      ) : null}

      <section className="panel">
        {cursor ? (
          <p className="muted">
            Showing older entries. <Link href={query({})}>Back to the newest</Link>
          </p>
        ) : null}
        {items.length === 0 ? (
          <p className="muted">
            {filtered
              ? "Nothing matches these filters. Widen the dates or clear the action filter."
              : "Nothing recorded yet. Changes to the clinic, its team and its API keys will be listed here."}
          </p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Time</th>
                <th>Actor</th>
                <th>Action</th>
                <th>Target</th>
                <th>IP</th>
              </tr>
            </thead>
            <tbody>
              {items.map((row) => (
                <tr key={row.id}>
                  <td>{formatDateTime(row.createdAt, clinic.timezone)}</td>
                  <td>{actor(row)}</td>
                  <td>
                    <code>{row.action}</code>
                  </td>
                  <td>{target(row)}</td>
                  <td>{row.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {nextCursor ? (
          <Link className="button inline secondary" href={query({ cursor: nextCursor })}>
            Load more
          </Link>
        ) : null}
      </section>
    </>
  );
}
