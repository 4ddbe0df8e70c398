// What PostgreSQL refused, whichever way the error came: through Prisma (its own codes, or the
// driver's SQLSTATE in its metadata) or from pg directly (`Sql`, the voice hot paths).

/** The Prisma codes that stand for one SQLSTATE. */
const prismaCodes: Record<string, string> = { P2002: "23505", P2003: "23503" };

/** The error's SQLSTATE (or Prisma's code when it names no state), if any. */
export function sqlState(error: unknown): string | undefined {
  const e = error as {
    code?: string;
    meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } };
  } | null;
  const code = e?.meta?.driverAdapterError?.cause?.originalCode ?? e?.meta?.code ?? e?.code;
  return code === undefined ? undefined : (prismaCodes[code] ?? code);
}

export const isUniqueViolation = (error: unknown) => sqlState(error) === "23505";
export const isForeignKeyViolation = (error: unknown) => sqlState(error) === "23503";
export const isDeadlock = (error: unknown) => sqlState(error) === "40P01";
