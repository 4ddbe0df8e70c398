import type { Prisma } from "../db";

/** The columns of `callRow` (./schemas). */
export const callRowSelect = {
  id: true,
  status: true,
  direction: true,
  fromNumber: true,
  toNumber: true,
  startedAt: true,
  endedAt: true,
  durationSeconds: true,
  endedReason: true,
  outcome: true,
  summary: true,
  costUsd: true,
  createdAt: true,
  patient: { select: { id: true, firstName: true, lastName: true, phone: true } },
  assistant: { select: { id: true, name: true } },
  phoneNumber: { select: { id: true, e164: true, label: true } },
} as const satisfies Prisma.CallSelect;

/** Decimal dollars as the number the dashboard formats. */
export const withCost = <T extends { costUsd: Prisma.Decimal | null }>(row: T) => ({
  ...row,
  costUsd: row.costUsd === null ? null : Number(row.costUsd),
});
