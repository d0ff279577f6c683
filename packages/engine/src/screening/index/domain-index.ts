/**
 * DomainIndex: listed domains, hosts and URL prefixes, as keyed 64-bit hashes in typed arrays.
 *
 * - `domain` entries cover the domain and every subdomain: a lookup hashes each suffix of the host
 *   (www.evil.cn, evil.cn, cn — one right-to-left pass) and probes each. It walks up to the TLD rather
 *   than stopping at the registrable domain, so that an analyst can also list a public suffix of a
 *   dynamic-DNS or bulletproof-hosting provider;
 * - `host` entries cover that exact host only;
 * - `url_prefix` entries cover URLs under a path, on segment boundaries ("evil.cn/login" covers
 *   /login, /login/x and /login?x but not /login2), for http and https alike.
 */
import { normalizeHost } from '../web/host.js';
import { normalizeUrl } from '../web/url.js';
import type { EntryProvenance } from './entry.js';
import { EntryTable } from './entry-table.js';
import { KeyBuffer } from './key-buffer.js';
import { KeyTable, type KeyTableParts } from './key-table.js';
import { mix, mixed } from './key-mix.js';
import type { EntryResult, IndexMatch } from './number-index.js';
import { ProvenanceTable, provenanceProblem } from './provenance-table.js';
import {
  DEFAULT_SEED,
  finishHash,
  hashed,
  hashPrefixes,
  hashString,
  hashSuffix,
  type HashSeed,
} from './string-hash.js';

export type DomainMatchRule = 'domain' | 'host' | 'url_prefix';

export interface DomainEntry extends EntryProvenance {
  /** A domain or host in any written form, or a URL for `url_prefix`. */
  value: string;
  /** Default `domain` (the domain and its subdomains). */
  match?: DomainMatchRule;
}

const DOT = 46;
/** Suffix keys per batch pass (a host has at most 127 labels). */
const BATCH_KEYS = 1024;

function resolve(value: string, match: DomainMatchRule): { normalized: string } | { reason: string } {
  if (match === 'url_prefix') {
    const url = normalizeUrl(value);
    return url.ok ? { normalized: url.key } : { reason: url.reason };
  }
  const host = normalizeHost(value);
  return host.ok ? { normalized: host.host } : { reason: host.reason };
}

/** A bit per label count (1–30, 30 standing for 30 or more): which suffix lengths hold domain entries. */
function labelBit(labels: number): number {
  return 1 << Math.min(labels, 30);
}

function labelCount(host: string): number {
  let labels = 1;
  for (let i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) labels++;
  return labels;
}

function isUrlBoundary(text: string, end: number): boolean {
  const next = text.charCodeAt(end);
  return next === 47 /* / */ || next === 63 /* ? */ || text.charCodeAt(end - 1) === 47;
}

export class DomainIndexBuilder {
  private readonly buffers = {
    domain: new KeyBuffer(),
    host: new KeyBuffer(64),
    url_prefix: new KeyBuffer(64),
  };
  /** Label counts of the listed domains (see labelBit): lookups probe only suffixes of those lengths. */
  private domainLabels = 0;

  constructor(
    readonly records: ProvenanceTable = new ProvenanceTable(),
    private readonly seed: HashSeed = DEFAULT_SEED,
  ) {}

  add(entry: DomainEntry): EntryResult {
    const problem = provenanceProblem(entry);
    if (problem) return { ok: false, reason: problem };
    const match = entry.match ?? 'domain';
    const resolved = resolve(entry.value, match);
    if ('reason' in resolved) return { ok: false, reason: resolved.reason };
    this.addNormalized(resolved.normalized, this.records.intern(entry, match), match);
    return { ok: true, normalized: resolved.normalized };
  }

  /** Bulk fast path: a value already normalized (normalizeHost / normalizeUrl().key), with its record. */
  addNormalized(normalized: string, record: number, match: DomainMatchRule = 'domain'): void {
    if (match === 'url_prefix') hashString(normalized, this.seed);
    else hashSuffix(normalized, 0, this.seed);
    this.buffers[match].push(hashed[0]!, hashed[1]!, record);
    if (match === 'domain') this.domainLabels |= labelBit(labelCount(normalized));
  }

  reserve(count: number): void {
    this.buffers.domain.reserve(count);
  }

  build(): DomainIndex {
    const table = (buffer: KeyBuffer) => new EntryTable(buffer.toTable(), this.records);
    return new DomainIndex(
      this.records,
      this.seed,
      this.domainLabels,
      table(this.buffers.domain),
      table(this.buffers.host),
      table(this.buffers.url_prefix),
    );
  }
}

export class DomainIndex {
  private batchWork?: {
    highs: Uint32Array;
    lows: Uint32Array;
    owners: Uint32Array;
    scratch: Uint32Array;
    bits: Uint8Array;
  };

  /** @internal use `DomainIndex.builder()`. */
  constructor(
    readonly records: ProvenanceTable,
    private readonly seed: HashSeed,
    private domainLabels: number,
    private readonly domains: EntryTable,
    private readonly hosts: EntryTable,
    private readonly urlPrefixes: EntryTable,
  ) {}

  static builder(records?: ProvenanceTable, seed?: HashSeed): DomainIndexBuilder {
    return new DomainIndexBuilder(records, seed);
  }

  /** The index's tables, for a snapshot (compact first). */
  toParts() {
    return {
      seed: { ...this.seed },
      domainLabels: this.domainLabels,
      domains: this.domains.snapshotTable().toParts(),
      hosts: this.hosts.snapshotTable().toParts(),
      urlPrefixes: this.urlPrefixes.snapshotTable().toParts(),
    };
  }

  static fromParts(records: ProvenanceTable, parts: ReturnType<DomainIndex['toParts']>): DomainIndex {
    const table = (p: KeyTableParts) => new EntryTable(KeyTable.fromParts(p), records);
    return new DomainIndex(
      records,
      parts.seed,
      parts.domainLabels,
      table(parts.domains),
      table(parts.hosts),
      table(parts.urlPrefixes),
    );
  }

  get size(): number {
    return this.domains.size + this.hosts.size + this.urlPrefixes.size;
  }

  get pendingChanges(): number {
    return this.domains.pendingChanges + this.hosts.pendingChanges + this.urlPrefixes.pendingChanges;
  }

  get byteLength(): number {
    return this.domains.byteLength + this.hosts.byteLength + this.urlPrefixes.byteLength;
  }

  /** The action bits of a normalized host: its own entries and those of every parent domain. */
  actionsOfHost(host: string, now: number): number {
    const { high: seedHigh, low: seedLow } = this.seed;
    let a = seedHigh;
    let b = seedLow;
    const domainLabels = this.domainLabels;
    let bits = 0;
    let labels = 1;
    for (let i = host.length - 1; i >= 0; i--) {
      const c = host.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul((b ^ c) + (b >>> 7), 0x5bd1e995);
      if (i === 0 || host.charCodeAt(i - 1) === DOT) {
        const probeDomains = (domainLabels & labelBit(labels++)) !== 0;
        const probeHosts = i === 0 && this.hosts.size > 0;
        if (!probeDomains && !probeHosts) continue;
        finishHash(a, b, host.length - i);
        const high = hashed[0]!;
        const low = hashed[1]!;
        if (probeDomains) bits |= this.domains.actions(high, low, now);
        if (probeHosts) bits |= this.hosts.actions(high, low, now);
      }
    }
    return bits;
  }

  /**
   * Batch form of `actionsOfHost` (the batch screening API, DNS resolvers): writes each host's action
   * bits to `out`. Resolves every suffix's slot before scanning any, so that cache misses overlap.
   */
  actionsOfHosts(hosts: readonly string[], now: number, out: Uint8Array): void {
    const work = (this.batchWork ??= {
      highs: new Uint32Array(BATCH_KEYS),
      lows: new Uint32Array(BATCH_KEYS),
      owners: new Uint32Array(BATCH_KEYS),
      scratch: new Uint32Array(2 * BATCH_KEYS),
      bits: new Uint8Array(BATCH_KEYS),
    });
    const { high: seedHigh, low: seedLow } = this.seed;
    let keys = 0;
    const flush = () => {
      work.bits.fill(0, 0, keys);
      this.domains.actionsBatchMixed(work.highs, work.lows, keys, now, work.bits, work.scratch);
      for (let k = 0; k < keys; k++) out[work.owners[k]!]! |= work.bits[k]!;
      keys = 0;
    };
    for (let h = 0; h < hosts.length; h++) {
      const host = hosts[h]!;
      out[h] = 0;
      if (keys + 128 > BATCH_KEYS) flush();
      let a = seedHigh;
      let b = seedLow;
      let labels = 1;
      for (let i = host.length - 1; i >= 0; i--) {
        const c = host.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul((b ^ c) + (b >>> 7), 0x5bd1e995);
        if (i === 0 || host.charCodeAt(i - 1) === DOT) {
          const probeDomains = (this.domainLabels & labelBit(labels++)) !== 0;
          const probeHosts = i === 0 && this.hosts.size > 0;
          if (!probeDomains && !probeHosts) continue;
          finishHash(a, b, host.length - i);
          if (probeHosts) out[h]! |= this.hosts.actions(hashed[0]!, hashed[1]!, now);
          if (!probeDomains) continue;
          mix(hashed[0]!, hashed[1]!);
          work.highs[keys] = mixed[0]!;
          work.lows[keys] = mixed[1]!;
          work.owners[keys++] = h;
          if (keys === BATCH_KEYS) flush();
        }
      }
    }
    flush();
  }

  /** Every live entry matching a normalized host, with the listed value that matched. */
  matchesHost(host: string, now: number): IndexMatch[] {
    const out: IndexMatch[] = [];
    const records: number[] = [];
    for (let from = 0; from >= 0; from = nextLabel(host, from)) {
      hashSuffix(host, from, this.seed);
      const high = hashed[0]!;
      const low = hashed[1]!;
      records.length = 0;
      this.domains.collect(high, low, now, records);
      if (from === 0) this.hosts.collect(high, low, now, records);
      const value = host.slice(from);
      for (const record of records) out.push({ record, rule: `${this.records.ruleOf(record)}:${value}` });
    }
    return out;
  }

  /** The action bits of a URL (from `normalizeUrl`): its host's entries and URL-prefix entries. */
  actionsOfUrl(url: { host: string; key: string }, now: number): number {
    let bits = this.actionsOfHost(url.host, now);
    if (this.urlPrefixes.size === 0) return bits;
    hashPrefixes(url.key, isUrlBoundary, this.seed, () => {
      bits |= this.urlPrefixes.actions(hashed[0]!, hashed[1]!, now);
    });
    return bits;
  }

  matchesUrl(url: { host: string; key: string }, now: number): IndexMatch[] {
    const out = this.matchesHost(url.host, now);
    if (this.urlPrefixes.size === 0) return out;
    const records: number[] = [];
    hashPrefixes(url.key, isUrlBoundary, this.seed, (end) => {
      records.length = 0;
      this.urlPrefixes.collect(hashed[0]!, hashed[1]!, now, records);
      for (const record of records) out.push({ record, rule: `url_prefix:${url.key.slice(0, end)}` });
    });
    return out;
  }

  add(entry: DomainEntry): EntryResult {
    const problem = provenanceProblem(entry);
    if (problem) return { ok: false, reason: problem };
    const match = entry.match ?? 'domain';
    const resolved = resolve(entry.value, match);
    if ('reason' in resolved) return { ok: false, reason: resolved.reason };
    this.hashValue(resolved.normalized, match);
    this.table(match).add(hashed[0]!, hashed[1]!, this.records.intern(entry, match));
    if (match === 'domain') this.domainLabels |= labelBit(labelCount(resolved.normalized));
    return { ok: true, normalized: resolved.normalized };
  }

  remove(value: string, list: string, match: DomainMatchRule = 'domain'): number {
    const resolved = resolve(value, match);
    if ('reason' in resolved) return 0;
    this.hashValue(resolved.normalized, match);
    return this.table(match).remove(hashed[0]!, hashed[1]!, this.records.listId(list));
  }

  compact(): void {
    this.domains.compact();
    this.hosts.compact();
    this.urlPrefixes.compact();
  }

  private hashValue(normalized: string, match: DomainMatchRule): void {
    if (match === 'url_prefix') hashString(normalized, this.seed);
    else hashSuffix(normalized, 0, this.seed);
  }

  private table(match: DomainMatchRule): EntryTable {
    return match === 'url_prefix' ? this.urlPrefixes : match === 'host' ? this.hosts : this.domains;
  }
}

function nextLabel(host: string, from: number): number {
  const dot = host.indexOf('.', from);
  return dot < 0 ? -1 : dot + 1;
}
