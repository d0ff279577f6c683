/**
 * Per record, its action bit while it is in force and 0 once it has expired: one byte a record, so
 * that a batch lookup ORs an entry's bits with a load instead of a branch on its expiry. Built for a
 * `now` and reused while no record's expiry lies between that `now` and the next (records are only
 * ever appended, so a longer record list means a rebuild too).
 */
import type { RecordBits } from './key-table.js';

interface Cached {
  bits: Uint8Array;
  records: number;
  /** The table holds for every now in [validFrom, validUntil). */
  validFrom: number;
  validUntil: number;
}

const cache = new WeakMap<RecordBits, Cached>();

/** The live action bits of `records` at `now`, in an array of at least `minLength` bytes. */
export function liveActionBits(records: RecordBits, now: number, minLength: number): Uint8Array {
  const count = records.actionBitOf.length;
  const known = cache.get(records);
  if (
    known !== undefined &&
    known.records === count &&
    known.bits.length >= minLength &&
    now >= known.validFrom &&
    now < known.validUntil
  ) {
    return known.bits;
  }
  const bits = new Uint8Array(Math.max(count, minLength));
  let validFrom = -Infinity;
  let validUntil = Infinity;
  for (let record = 0; record < count; record++) {
    const expiresAt = records.expiresAtOf[record]!;
    if (expiresAt > now) {
      bits[record] = records.actionBitOf[record]!;
      if (expiresAt < validUntil) validUntil = expiresAt;
    } else if (expiresAt > validFrom) {
      validFrom = expiresAt;
    }
  }
  cache.set(records, { bits, records: count, validFrom, validUntil });
  return bits;
}
