/**
 * Screener snapshots: a screener's indices as the typed arrays they already are, plus a small
 * JSON-able description (provenance records, table shapes, hash seed). Taking one costs no copy;
 * restoring one wraps the arrays as they are (e.g. views of a file read in one go) instead of
 * rebuilding millions of entries, so a screening node starts in the time it takes to read the file.
 * No I/O here: the platform writes and reads the files.
 */
import { AccountIndex } from './index/account-index.js';
import { DomainIndex } from './index/domain-index.js';
import type { EntryProvenance } from './index/entry.js';
import { IdentifierIndex } from './index/identifier-index.js';
import { NumberIndex } from './index/number-index.js';
import { ProvenanceTable } from './index/provenance-table.js';
import { Screener, type ScreenerOptions } from './screener.js';

/**
 * Format 2 adds the identifier index (apps and IMEIs). Format 1 snapshots still restore, with an empty
 * identifier index: they were taken when no app or device was listed. Format 3 keeps the mobile
 * domain's exact numbers in the number index's own mobile table; older snapshots hold them in its
 * general table, and restoring one splits them out (NumberIndex.fromParts: O(size), ~1 s at 10
 * million). Format 4's mobile table is bucketed (mobile-table.ts); format 3's was a slot directory
 * (mobile-csr.ts), whose keys restoring moves into buckets (O(size)).
 */
export const SNAPSHOT_FORMAT = 'fanzha-screener/4';
const FORMATS: readonly string[] = [
  'fanzha-screener/1',
  'fanzha-screener/2',
  'fanzha-screener/3',
  SNAPSHOT_FORMAT,
];

export type SnapshotArray = Uint32Array | Uint16Array;

export interface ScreenerSnapshot {
  /** JSON-able: the provenance records and the indices' shapes, arrays referred to by position. */
  meta: {
    /** `SNAPSHOT_FORMAT` when taken; an earlier format (see FORMATS) when read from an old file. */
    format: string;
    records: Array<{ provenance: EntryProvenance; rule: string }>;
    indices: unknown;
  };
  arrays: SnapshotArray[];
}

/** Replaces every typed array in a parts tree with `{ $array: position }`. */
function split(value: unknown, arrays: SnapshotArray[]): unknown {
  if (value instanceof Uint32Array || value instanceof Uint16Array) {
    arrays.push(value);
    return { $array: arrays.length - 1, type: value instanceof Uint32Array ? 'u32' : 'u16' };
  }
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = split(inner, arrays);
  return out;
}

function join(value: unknown, arrays: readonly SnapshotArray[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  const ref = value as { $array?: number; type?: string };
  if (typeof ref.$array === 'number') {
    const array = arrays[ref.$array];
    const type = array instanceof Uint32Array ? 'u32' : array instanceof Uint16Array ? 'u16' : undefined;
    if (type === undefined || type !== ref.type) throw new RangeError('snapshot: bad array reference');
    return array;
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = join(inner, arrays);
  return out;
}

/**
 * A snapshot of a screener. Pending deltas are folded first (`compact()`), so take snapshots right
 * after a load or between changes; the arrays are shared, not copied (the tables never change them).
 */
export function takeSnapshot(screener: Screener): ScreenerSnapshot {
  if (screener.pendingChanges > 0) screener.compact();
  const records = screener.numbers.records;
  const arrays: SnapshotArray[] = [];
  const indices = split(
    {
      numbers: screener.numbers.toParts(),
      domains: screener.domains.toParts(),
      accounts: screener.accounts.toParts(),
      identifiers: screener.identifiers.toParts(),
    },
    arrays,
  );
  const list: ScreenerSnapshot['meta']['records'] = [];
  for (let id = 0; id < records.size; id++)
    list.push({ provenance: records.provenanceOf(id), rule: records.ruleOf(id) });
  return { meta: { format: SNAPSHOT_FORMAT, records: list, indices }, arrays };
}

/** A screener over a snapshot's arrays, used in place. Throws on a malformed snapshot. */
export function restoreSnapshot(
  snapshot: ScreenerSnapshot,
  options: Omit<ScreenerOptions, 'seed'> = {},
): Screener {
  if (!FORMATS.includes(snapshot.meta.format)) throw new RangeError('snapshot: unknown format');
  const records = new ProvenanceTable();
  snapshot.meta.records.forEach(({ provenance, rule }, id) => {
    if (records.intern(provenance, rule) !== id) throw new RangeError('snapshot: duplicate record');
  });
  const indices = join(snapshot.meta.indices, snapshot.arrays) as {
    numbers: ReturnType<NumberIndex['toParts']>;
    domains: ReturnType<DomainIndex['toParts']>;
    accounts: ReturnType<AccountIndex['toParts']>;
    identifiers?: ReturnType<IdentifierIndex['toParts']>;
  };
  const accounts = AccountIndex.fromParts(records, indices.accounts);
  return Screener.from(
    {
      numbers: NumberIndex.fromParts(records, indices.numbers),
      domains: DomainIndex.fromParts(records, indices.domains),
      accounts,
      identifiers: indices.identifiers
        ? IdentifierIndex.fromParts(records, indices.identifiers)
        : IdentifierIndex.empty(records, indices.accounts.seed),
      records,
    },
    options,
  );
}
