// A clinic's calls or appointments over a range of its days, as CSV, streamed: the rows come in
// keyset pages (by id, UUIDv7, so in the order they were created) and leave as they come, so an
// export of a year holds one page in memory, never the file. It is a read of patient data, so
// it is audited (who, which range, how many rows) before the first row leaves.

import { type ClinicOrigin, recordAudit } from "../audit";
import type { Prisma } from "../db";
import type { TenantDb, TenantTransaction } from "../tenancy";
import { assertCan } from "../tenancy/permissions";
import { localDaysToInstants } from "../time/zoned-time";
import { csvRow } from "./csv";
import type { ExportInput } from "./schemas";

const PAGE = 500;

type Page<Row> = (after: string | undefined) => Promise<(Row & { id: string })[]>;

async function* pages<Row>(read: Page<Row>, format: (row: Row) => string) {
  let after: string | undefined;
  for (;;) {
    const rows = await read(after);
    if (rows.length === 0) return;
    yield rows.map(format).join("");
    after = rows[rows.length - 1]?.id;
    if (rows.length < PAGE) return;
  }
}

/** "2026-11-16 09:05" in the clinic's zone: what a spreadsheet reads as a date and time. */
const localTime = (timeZone: string) => {
  const format = new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  return (instant: Date | null) => (instant ? format.format(instant) : null);
};

const name = (person: { firstName: string; lastName: string } | null) =>
  person ? `${person.firstName} ${person.lastName}` : null;

export type CsvExport = { filename: string; rows: number; chunks: AsyncGenerator<string> };

export async function exportRecords(db: TenantDb, input: ExportInput, origin: ClinicOrigin): Promise<CsvExport> {
  assertCan(origin, input.kind === "calls" ? "calls:read" : "patients:read");
  const clinic = await db.clinic.findFirstOrThrow({ select: { timezone: true, slug: true } });
  const { start, end } = localDaysToInstants(input, clinic.timezone);
  const at = localTime(clinic.timezone);
  const filename = `${clinic.slug}-${input.kind}-${input.from}-to-${input.to}.csv`;
  const since = (after: string | undefined) => (after ? { id: { gt: after } } : {});

  if (input.kind === "calls") {
    // A call not started yet counts when we first heard of it, as analytics counts it.
    const where: Prisma.CallWhereInput = {
      OR: [{ startedAt: { gte: start, lt: end } }, { startedAt: null, createdAt: { gte: start, lt: end } }],
    };
    const rows = await audited(db, origin, input, (tx) => tx.call.count({ where }));
    const header = csvRow([
      "Call id",
      `Started (${clinic.timezone})`,
      "Ended",
      "Direction",
      "From",
      "To",
      "Patient",
      "Outcome",
      "Seconds",
      "Cost (USD)",
      "Assistant",
      "Number",
      "Ended reason",
      "Summary",
    ]);
    const read: Page<Prisma.CallGetPayload<{ include: typeof callInclude }>> = (after) =>
      db.call.findMany({
        where: { AND: [where, since(after)] },
        include: callInclude,
        orderBy: { id: "asc" },
        take: PAGE,
      });
    return {
      filename,
      rows,
      chunks: withHeader(
        header,
        pages(read, (c) =>
          csvRow([
            c.id,
            at(c.startedAt ?? c.createdAt),
            at(c.endedAt),
            c.direction,
            c.fromNumber,
            c.toNumber,
            name(c.patient),
            c.outcome,
            c.durationSeconds,
            c.costUsd === null ? null : Number(c.costUsd),
            c.assistant?.name,
            c.phoneNumber?.e164,
            c.endedReason,
            c.summary,
          ]),
        ),
      ),
    };
  }

  const where: Prisma.AppointmentWhereInput = { startsAt: { gte: start, lt: end }, status: { not: "held" } };
  const rows = await audited(db, origin, input, (tx) => tx.appointment.count({ where }));
  const header = csvRow([
    "Appointment id",
    `Starts (${clinic.timezone})`,
    "Ends",
    "Status",
    "Provider",
    "Type",
    "Patient",
    "Patient phone",
    "Booked by",
    "Call id",
    "Notes",
    "Created",
    "Cancelled",
    "Cancel reason",
  ]);
  const read: Page<Prisma.AppointmentGetPayload<{ include: typeof appointmentInclude }>> = (after) =>
    db.appointment.findMany({
      where: { AND: [where, since(after)] },
      include: appointmentInclude,
      orderBy: { id: "asc" },
      take: PAGE,
    });
  return {
    filename,
    rows,
    chunks: withHeader(
      header,
      pages(read, (a) =>
        csvRow([
          a.id,
          at(a.startsAt),
          at(a.endsAt),
          a.status,
          a.provider.name,
          a.appointmentType.name,
          name(a.patient),
          a.patient?.phone,
          a.source,
          a.callId,
          a.notes,
          at(a.createdAt),
          at(a.cancelledAt),
          a.cancelReason,
        ]),
      ),
    ),
  };
}

const callInclude = {
  patient: { select: { firstName: true, lastName: true } },
  assistant: { select: { name: true } },
  phoneNumber: { select: { e164: true } },
} as const;

const appointmentInclude = {
  provider: { select: { name: true } },
  appointmentType: { select: { name: true } },
  patient: { select: { firstName: true, lastName: true, phone: true } },
} as const;

/** Counts the rows and writes the audit row in one transaction, before anything is sent. */
function audited(
  db: TenantDb,
  origin: ClinicOrigin,
  input: ExportInput,
  count: (tx: TenantTransaction) => Promise<number>,
) {
  return db.$transaction(async (tx) => {
    const rows = await count(tx);
    await recordAudit(tx, origin, {
      action: `export.${input.kind}`,
      metadata: { from: input.from, to: input.to, rows },
    });
    return rows;
  });
}

async function* withHeader(header: string, body: AsyncGenerator<string>) {
  yield header;
  yield* body;
}
