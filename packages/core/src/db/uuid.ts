// Ids for rows written with raw SQL, in the same form Prisma's `@default(uuid(7))` gives: UUIDv7,
// the creation time in the first 48 bits, so ids sort by time like every other row's.
import { randomBytes } from "node:crypto";

// Random bytes are drawn 4 KiB at a time: one call to the system's generator per 256 ids.
const POOL_IDS = 256;
let pool = Buffer.alloc(0);
let next = POOL_IDS;

export function uuidv7(now = Date.now()): string {
  if (next === POOL_IDS) {
    pool = randomBytes(16 * POOL_IDS);
    next = 0;
  }
  const bytes = pool.subarray(16 * next, 16 * ++next);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70; // version 7
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
