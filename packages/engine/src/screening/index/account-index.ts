/**
 * AccountIndex: listed bank cards, corporate accounts, payment accounts and chat ids, as keyed 64-bit
 * hashes of "kind:normalized" in typed arrays (the same table as domains and numbers).
 */
import { classifyAccount, type AccountKind } from '../account/classify-account.js';
import type { EntryProvenance } from './entry.js';
import { EntryTable } from './entry-table.js';
import { KeyBuffer } from './key-buffer.js';
import { KeyTable } from './key-table.js';
import type { EntryResult, IndexMatch } from './number-index.js';
import { ProvenanceTable, provenanceProblem } from './provenance-table.js';
import { DEFAULT_SEED, hashed, hashString, type HashSeed } from './string-hash.js';

export interface AccountEntry extends EntryProvenance {
  accountKind: AccountKind;
  value: string;
}

export class AccountIndexBuilder {
  private readonly keys = new KeyBuffer();

  constructor(
    readonly records: ProvenanceTable = new ProvenanceTable(),
    private readonly seed: HashSeed = DEFAULT_SEED,
  ) {}

  add(entry: AccountEntry): EntryResult {
    const problem = provenanceProblem(entry);
    if (problem) return { ok: false, reason: problem };
    const account = classifyAccount(entry.accountKind, entry.value);
    if (!account.ok) return { ok: false, reason: account.reason };
    hashString(`${account.kind}:${account.normalized}`, this.seed);
    this.keys.push(hashed[0]!, hashed[1]!, this.records.intern(entry, account.kind));
    return { ok: true, normalized: account.normalized };
  }

  /**
   * Snapshot fast path: an account already normalized by `classifyAccount`, with a record from
   * `records.intern(provenance, kind)`.
   */
  addNormalized(kind: AccountKind, normalized: string, record: number): void {
    hashString(`${kind}:${normalized}`, this.seed);
    this.keys.push(hashed[0]!, hashed[1]!, record);
  }

  build(): AccountIndex {
    return new AccountIndex(this.records, this.seed, new EntryTable(this.keys.toTable(), this.records));
  }
}

export class AccountIndex {
  /** @internal use `AccountIndex.builder()`. */
  constructor(
    readonly records: ProvenanceTable,
    private readonly seed: HashSeed,
    private readonly accounts: EntryTable,
  ) {}

  static builder(records?: ProvenanceTable, seed?: HashSeed): AccountIndexBuilder {
    return new AccountIndexBuilder(records, seed);
  }

  /** The index's table, for a snapshot (compact first). */
  toParts() {
    return { seed: { ...this.seed }, accounts: this.accounts.snapshotTable().toParts() };
  }

  static fromParts(records: ProvenanceTable, parts: ReturnType<AccountIndex['toParts']>): AccountIndex {
    return new AccountIndex(records, parts.seed, new EntryTable(KeyTable.fromParts(parts.accounts), records));
  }

  get size(): number {
    return this.accounts.size;
  }

  get pendingChanges(): number {
    return this.accounts.pendingChanges;
  }

  get byteLength(): number {
    return this.accounts.byteLength;
  }

  /** The action bits of an account already normalized by `classifyAccount`. */
  actionsOf(kind: AccountKind, normalized: string, now: number): number {
    hashString(`${kind}:${normalized}`, this.seed);
    return this.accounts.actions(hashed[0]!, hashed[1]!, now);
  }

  matches(kind: AccountKind, normalized: string, now: number): IndexMatch[] {
    hashString(`${kind}:${normalized}`, this.seed);
    const records: number[] = [];
    this.accounts.collect(hashed[0]!, hashed[1]!, now, records);
    return records.map((record) => ({ record, rule: `account:${kind}` }));
  }

  add(entry: AccountEntry): EntryResult {
    const problem = provenanceProblem(entry);
    if (problem) return { ok: false, reason: problem };
    const account = classifyAccount(entry.accountKind, entry.value);
    if (!account.ok) return { ok: false, reason: account.reason };
    hashString(`${account.kind}:${account.normalized}`, this.seed);
    this.accounts.add(hashed[0]!, hashed[1]!, this.records.intern(entry, account.kind));
    return { ok: true, normalized: account.normalized };
  }

  remove(accountKind: AccountKind, value: string, list: string): number {
    const account = classifyAccount(accountKind, value);
    if (!account.ok) return 0;
    hashString(`${account.kind}:${account.normalized}`, this.seed);
    return this.accounts.remove(hashed[0]!, hashed[1]!, this.records.listId(list));
  }

  compact(): void {
    this.accounts.compact();
  }
}
