/**
 * IdentifierIndex: listed apps (package / bundle ids) and devices (IMEIs), as keyed 64-bit hashes of
 * "kind:normalized" in typed arrays — the same hashed table as accounts. Values are normalized by
 * `normalizeIdentifier` on the way in and on lookup, so an IMEISV finds its IMEI's entry.
 */
import { normalizeAppId } from '../app/app-id.js';
import { normalizeImei } from '../device/imei.js';
import type { EntryProvenance } from './entry.js';
import { EntryTable } from './entry-table.js';
import { KeyBuffer } from './key-buffer.js';
import { KeyTable } from './key-table.js';
import type { EntryResult, IndexMatch } from './number-index.js';
import { ProvenanceTable, provenanceProblem } from './provenance-table.js';
import { DEFAULT_SEED, hashed, hashString, type HashSeed } from './string-hash.js';

export type IdentifierKind = 'app' | 'imei';
export const IDENTIFIER_KINDS: readonly IdentifierKind[] = ['app', 'imei'];

export interface IdentifierEntry extends EntryProvenance {
  kind: IdentifierKind;
  value: string;
}

export type NormalizedIdentifier = { ok: true; normalized: string } | { ok: false; reason: string };

/** An app id or IMEI in normalized form, or why it is not one. Never throws. */
export function normalizeIdentifier(kind: string, value: string): NormalizedIdentifier {
  if (kind === 'app') return normalizeAppId(value);
  if (kind === 'imei') {
    const imei = normalizeImei(value);
    return imei.ok ? { ok: true, normalized: imei.normalized } : imei;
  }
  return { ok: false, reason: 'unknown_kind' };
}

/** Hashes "kind:normalized" into `hashed`. */
function hashKey(kind: IdentifierKind, normalized: string, seed: HashSeed): void {
  hashString(`${kind}:${normalized}`, seed);
}

export class IdentifierIndexBuilder {
  private readonly keys = new KeyBuffer(64);

  constructor(
    readonly records: ProvenanceTable = new ProvenanceTable(),
    private readonly seed: HashSeed = DEFAULT_SEED,
  ) {}

  add(entry: IdentifierEntry): EntryResult {
    const problem = provenanceProblem(entry);
    if (problem) return { ok: false, reason: problem };
    const identifier = normalizeIdentifier(entry.kind, entry.value);
    if (!identifier.ok) return identifier;
    this.addNormalized(entry.kind, identifier.normalized, this.records.intern(entry, entry.kind));
    return { ok: true, normalized: identifier.normalized };
  }

  /** Snapshot fast path: a value already normalized, with a record from `records.intern(provenance, kind)`. */
  addNormalized(kind: IdentifierKind, normalized: string, record: number): void {
    hashKey(kind, normalized, this.seed);
    this.keys.push(hashed[0]!, hashed[1]!, record);
  }

  build(): IdentifierIndex {
    return new IdentifierIndex(this.records, this.seed, new EntryTable(this.keys.toTable(), this.records));
  }
}

export class IdentifierIndex {
  /** @internal use `IdentifierIndex.builder()`. */
  constructor(
    readonly records: ProvenanceTable,
    private readonly seed: HashSeed,
    private readonly identifiers: EntryTable,
  ) {}

  static builder(records?: ProvenanceTable, seed?: HashSeed): IdentifierIndexBuilder {
    return new IdentifierIndexBuilder(records, seed);
  }

  /** An empty index (a snapshot taken before apps and devices were screened). */
  static empty(records: ProvenanceTable, seed: HashSeed): IdentifierIndex {
    return new IdentifierIndexBuilder(records, seed).build();
  }

  /** The index's table, for a snapshot (compact first). */
  toParts() {
    return { seed: { ...this.seed }, identifiers: this.identifiers.snapshotTable().toParts() };
  }

  static fromParts(records: ProvenanceTable, parts: ReturnType<IdentifierIndex['toParts']>): IdentifierIndex {
    return new IdentifierIndex(
      records,
      parts.seed,
      new EntryTable(KeyTable.fromParts(parts.identifiers), records),
    );
  }

  get size(): number {
    return this.identifiers.size;
  }

  get pendingChanges(): number {
    return this.identifiers.pendingChanges;
  }

  get byteLength(): number {
    return this.identifiers.byteLength;
  }

  /** The action bits of a value already normalized by `normalizeIdentifier`. */
  actionsOf(kind: IdentifierKind, normalized: string, now: number): number {
    hashKey(kind, normalized, this.seed);
    return this.identifiers.actions(hashed[0]!, hashed[1]!, now);
  }

  matches(kind: IdentifierKind, normalized: string, now: number): IndexMatch[] {
    hashKey(kind, normalized, this.seed);
    const records: number[] = [];
    this.identifiers.collect(hashed[0]!, hashed[1]!, now, records);
    return records.map((record) => ({ record, rule: kind }));
  }

  add(entry: IdentifierEntry): EntryResult {
    const problem = provenanceProblem(entry);
    if (problem) return { ok: false, reason: problem };
    const identifier = normalizeIdentifier(entry.kind, entry.value);
    if (!identifier.ok) return identifier;
    hashKey(entry.kind, identifier.normalized, this.seed);
    this.identifiers.add(hashed[0]!, hashed[1]!, this.records.intern(entry, entry.kind));
    return { ok: true, normalized: identifier.normalized };
  }

  remove(kind: IdentifierKind, value: string, list: string): number {
    const identifier = normalizeIdentifier(kind, value);
    if (!identifier.ok) return 0;
    hashKey(kind, identifier.normalized, this.seed);
    return this.identifiers.remove(hashed[0]!, hashed[1]!, this.records.listId(list));
  }

  compact(): void {
    this.identifiers.compact();
  }
}
