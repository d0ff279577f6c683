/**
 * The Screener answers "is this number / SMS sender / domain / URL / account / app / device fraud?"
 * from four in-memory indices, with a verdict that explains itself. Bad input is an `invalid` verdict, never an
 * exception. Time is an argument (entries expire). The SMS text is scored by an optional hook so the
 * content detectors can plug in without the screener knowing them.
 */
import { classifyAccount, type AccountKind, ACCOUNT_KINDS } from './account/classify-account.js';
import type { AccountIndexBuilder } from './index/account-index.js';
import { AccountIndex, type AccountEntry } from './index/account-index.js';
import type { DomainIndexBuilder } from './index/domain-index.js';
import { DomainIndex, type DomainEntry } from './index/domain-index.js';
import type { IdentifierIndexBuilder } from './index/identifier-index.js';
import {
  IdentifierIndex,
  normalizeIdentifier,
  type IdentifierEntry,
  type IdentifierKind,
} from './index/identifier-index.js';
import type { EntryProvenance } from './index/entry.js';
import type { NumberIndexBuilder } from './index/number-index.js';
import { NumberIndex, type EntryResult, type NumberEntry } from './index/number-index.js';
import { ProvenanceTable } from './index/provenance-table.js';
import type { HashSeed } from './index/string-hash.js';
import { classifyNumber } from './number/classify.js';
import { decide, invalidVerdict, reasonsOf, type Verdict, type VerdictReason } from './verdict/verdict.js';
import { normalizeHost } from './web/host.js';
import { normalizeUrl } from './web/url.js';

export type ScreenKind = 'number' | 'sms' | 'domain' | 'url' | 'account' | 'app' | 'imei';

export type ScreenItem =
  | { kind: 'number'; value: string }
  /** `value` is the sender; `text` goes to the text scorer when one is configured. */
  | { kind: 'sms'; value: string; text?: string }
  | { kind: 'domain'; value: string }
  | { kind: 'url'; value: string }
  /** `accountKind` may be omitted when the value says it ("qq:12345") or looks like a bank card. */
  | { kind: 'account'; value: string; accountKind?: AccountKind }
  /** An Android package name or iOS bundle id (`com.example.loan`). */
  | { kind: 'app'; value: string }
  /** A device's IMEI (15 digits), IMEISV (16) or TAC + serial (14). */
  | { kind: 'imei'; value: string };

/** One entry of the intelligence store, as the platform hands it to the engine. */
export type IntelEntry =
  | ({ kind: 'number' } & NumberEntry)
  | ({ kind: 'domain' } & Omit<DomainEntry, 'match'> & { match?: 'domain' | 'host' })
  | ({ kind: 'url' } & Omit<DomainEntry, 'match'>)
  | ({ kind: 'account' } & AccountEntry)
  | IdentifierEntry;

/** Identifies an entry to remove: its value, list and (for numbers and domains) match rule. */
export type IntelEntryRef =
  | { kind: 'number'; value: string; list: string; match?: 'exact' | 'prefix' }
  | { kind: 'domain'; value: string; list: string; match?: 'domain' | 'host' }
  | { kind: 'url'; value: string; list: string }
  | { kind: 'account'; accountKind: AccountKind; value: string; list: string }
  | { kind: IdentifierKind; value: string; list: string };

/** A change from the intelligence store's change log. Adding an existing (value, list) replaces it. */
export type IntelChange = { op: 'add'; entry: IntelEntry } | { op: 'remove'; entry: IntelEntryRef };

/** Scores an SMS text (the content detectors' hook): a risk, the rules that fired, optionally an action. */
export type TextScorer = (
  text: string,
  now: number,
) => { risk: number; reasons: VerdictReason[]; action?: 'block' | 'mark' } | null;

export interface ScreenerOptions {
  textScorer?: TextScorer;
  /** Seed of the domain and account hashes; pick a random one per deployment. */
  seed?: HashSeed;
}

export interface ScreenerIndices {
  numbers: NumberIndex;
  domains: DomainIndex;
  accounts: AccountIndex;
  /** Apps and devices (IMEIs). */
  identifiers: IdentifierIndex;
  records: ProvenanceTable;
}

/**
 * Builds a Screener from a snapshot, fast: the three index builders over one provenance table. Intern
 * each provenance once (`records.intern(provenance, rule)`, e.g. once per list and import) and feed
 * values already normalized by the store with the builders' `addNormalized` / `addE164Values`;
 * `add(entry)` takes any written form at the cost of normalising it.
 */
export class ScreenerBuilder {
  readonly records = new ProvenanceTable();
  readonly numbers: NumberIndexBuilder;
  readonly domains: DomainIndexBuilder;
  readonly accounts: AccountIndexBuilder;
  readonly identifiers: IdentifierIndexBuilder;

  constructor(private readonly options: ScreenerOptions = {}) {
    this.numbers = NumberIndex.builder(this.records);
    this.domains = DomainIndex.builder(this.records, options.seed);
    this.accounts = AccountIndex.builder(this.records, options.seed);
    this.identifiers = IdentifierIndex.builder(this.records, options.seed);
  }

  /** Adds an entry in any written form; a bad one is reported, never thrown. */
  add(entry: IntelEntry): EntryResult {
    return addTo(this, entry);
  }

  build(): Screener {
    return Screener.from(
      {
        numbers: this.numbers.build(),
        domains: this.domains.build(),
        accounts: this.accounts.build(),
        identifiers: this.identifiers.build(),
        records: this.records,
      },
      this.options,
    );
  }
}

export class Screener {
  private constructor(
    private readonly indices: ScreenerIndices,
    private readonly textScorer: TextScorer | undefined,
  ) {}

  /**
   * Builds a screener from a snapshot of entries. Bad entries are skipped and reported with their
   * position in the input and a reason; the rest are indexed.
   */
  static build(
    entries: Iterable<IntelEntry>,
    options: ScreenerOptions = {},
  ): { screener: Screener; rejected: Array<{ position: number; reason: string }> } {
    const records = new ProvenanceTable();
    const numbers = NumberIndex.builder(records);
    const domains = DomainIndex.builder(records, options.seed);
    const accounts = AccountIndex.builder(records, options.seed);
    const identifiers = IdentifierIndex.builder(records, options.seed);
    const rejected: Array<{ position: number; reason: string }> = [];
    let position = 0;
    for (const entry of entries) {
      const result = addTo({ numbers, domains, accounts, identifiers }, entry);
      if (!result.ok) rejected.push({ position, reason: result.reason });
      position++;
    }
    const indices = {
      numbers: numbers.build(),
      domains: domains.build(),
      accounts: accounts.build(),
      identifiers: identifiers.build(),
      records,
    };
    return { screener: new Screener(indices, options.textScorer), rejected };
  }

  /** A screener over indices built elsewhere (e.g. with the bulk `addE164Value` fast path). */
  static from(indices: ScreenerIndices, options: ScreenerOptions = {}): Screener {
    return new Screener(indices, options.textScorer);
  }

  get numbers(): NumberIndex {
    return this.indices.numbers;
  }

  get domains(): DomainIndex {
    return this.indices.domains;
  }

  get accounts(): AccountIndex {
    return this.indices.accounts;
  }

  get identifiers(): IdentifierIndex {
    return this.indices.identifiers;
  }

  /** Deltas applied since the last compaction; call `compact()` when this passes ~100,000. */
  get pendingChanges(): number {
    const { numbers, domains, accounts, identifiers } = this.indices;
    return (
      numbers.pendingChanges + domains.pendingChanges + accounts.pendingChanges + identifiers.pendingChanges
    );
  }

  screen(item: ScreenItem, now: number): Verdict {
    if (item === null || typeof item !== 'object' || typeof item.value !== 'string') {
      return invalidVerdict('bad_item');
    }
    switch (item.kind) {
      case 'number':
        return this.screenNumber(item.value, now);
      case 'sms':
        return this.screenSms(item.value, item.text, now);
      case 'domain':
        return this.screenDomain(item.value, now);
      case 'url':
        return this.screenUrl(item.value, now);
      case 'account':
        return this.screenAccount(item.value, item.accountKind, now);
      case 'app':
      case 'imei':
        return this.screenIdentifier(item.kind, item.value, now);
      default:
        return invalidVerdict('unknown_kind');
    }
  }

  screenBatch(items: readonly ScreenItem[], now: number): Verdict[] {
    return items.map((item) => this.screen(item, now));
  }

  apply(change: IntelChange): EntryResult | { ok: true; removed: number } {
    if (change.op === 'add') return addTo(this.indices, change.entry);
    const ref = change.entry;
    const { numbers, domains, accounts, identifiers } = this.indices;
    switch (ref.kind) {
      case 'number':
        return { ok: true, removed: numbers.remove(ref.value, ref.list, ref.match) };
      case 'domain':
        return { ok: true, removed: domains.remove(ref.value, ref.list, ref.match ?? 'domain') };
      case 'url':
        return { ok: true, removed: domains.remove(ref.value, ref.list, 'url_prefix') };
      case 'account':
        return { ok: true, removed: accounts.remove(ref.accountKind, ref.value, ref.list) };
      case 'app':
      case 'imei':
        return { ok: true, removed: identifiers.remove(ref.kind, ref.value, ref.list) };
      default:
        return { ok: false, reason: 'unknown_kind' };
    }
  }

  /** Folds pending deltas into the typed arrays. Synchronous; ~1 s per 10 million entries. */
  compact(): void {
    this.indices.numbers.compact();
    this.indices.domains.compact();
    this.indices.accounts.compact();
    this.indices.identifiers.compact();
  }

  private screenNumber(value: string, now: number): Verdict {
    const number = classifyNumber(value);
    if (number.normalized === null) return invalidVerdict(number.reason ?? 'not_a_number');
    const { numbers, records } = this.indices;
    // Most screened values are listed nowhere: answer those from the action bits, without
    // collecting matches.
    if (numbers.actionsOf(number.normalized, now) === 0) return passVerdict(number.normalized);
    return decide(number.normalized, reasonsOf(numbers.matches(number.normalized, now), records));
  }

  private screenSms(sender: string, text: string | undefined, now: number): Verdict {
    const verdict = this.screenNumber(sender, now);
    if (verdict.action === 'invalid' || text === undefined || !this.textScorer) return verdict;
    const scored = this.textScorer(text, now);
    if (!scored) return verdict;
    const reasons = [...verdict.reasons, ...scored.reasons];
    const decided = decide(verdict.normalized ?? '', reasons);
    // The sender's allow entry (a bank's own port) stands; otherwise the text may raise the verdict.
    if (decided.action === 'allow') return decided;
    const action =
      scored.action === 'block' || decided.action === 'block' ? 'block' : (scored.action ?? decided.action);
    return { ...decided, action, risk: Math.max(decided.risk, Math.round(scored.risk)) };
  }

  private screenDomain(value: string, now: number): Verdict {
    const host = normalizeHost(value);
    if (!host.ok) return invalidVerdict(host.reason);
    const { domains, records } = this.indices;
    if (domains.actionsOfHost(host.host, now) === 0) return passVerdict(host.host);
    return decide(host.host, reasonsOf(domains.matchesHost(host.host, now), records));
  }

  private screenUrl(value: string, now: number): Verdict {
    const url = normalizeUrl(value);
    if (!url.ok) return invalidVerdict(url.reason);
    const { domains, records } = this.indices;
    if (domains.actionsOfUrl(url, now) === 0) return passVerdict(url.url);
    return decide(url.url, reasonsOf(domains.matchesUrl(url, now), records));
  }

  private screenAccount(value: string, accountKind: AccountKind | undefined, now: number): Verdict {
    let kind: string = accountKind ?? '';
    let text = value;
    if (accountKind === undefined) {
      const prefixed = /^([a-z_]+):(.*)$/.exec(value.trim());
      if (prefixed && ACCOUNT_KINDS.includes(prefixed[1] as AccountKind)) {
        kind = prefixed[1] ?? '';
        text = prefixed[2] ?? '';
      } else if (/^[\d\s-]{16,23}$/.test(value.trim())) {
        kind = 'bank_card';
      } else {
        return invalidVerdict('unknown_account_kind');
      }
    }
    const account = classifyAccount(kind, text);
    if (!account.ok) return invalidVerdict(account.reason);
    const { accounts, records } = this.indices;
    if (accounts.actionsOf(account.kind, account.normalized, now) === 0) {
      return passVerdict(`${account.kind}:${account.normalized}`);
    }
    return decide(
      `${account.kind}:${account.normalized}`,
      reasonsOf(accounts.matches(account.kind, account.normalized, now), records),
    );
  }

  /** An app id or IMEI: the verdict's `normalized` is the lower-cased id or the 15-digit IMEI. */
  private screenIdentifier(kind: IdentifierKind, value: string, now: number): Verdict {
    const identifier = normalizeIdentifier(kind, value);
    if (!identifier.ok) return invalidVerdict(identifier.reason);
    const { identifiers, records } = this.indices;
    if (identifiers.actionsOf(kind, identifier.normalized, now) === 0)
      return passVerdict(identifier.normalized);
    return decide(
      identifier.normalized,
      reasonsOf(identifiers.matches(kind, identifier.normalized, now), records),
    );
  }
}

function passVerdict(normalized: string): Verdict {
  return { action: 'pass', risk: 0, reasons: [], normalized, invalidReason: null };
}

type Adders = {
  numbers: { add(entry: NumberEntry): EntryResult };
  domains: { add(entry: DomainEntry): EntryResult };
  accounts: { add(entry: AccountEntry): EntryResult };
  identifiers: { add(entry: IdentifierEntry): EntryResult };
};

function addTo(target: Adders, entry: IntelEntry): EntryResult {
  if (entry === null || typeof entry !== 'object') return { ok: false, reason: 'bad_entry' };
  switch (entry.kind) {
    case 'number':
      return target.numbers.add(entry);
    case 'domain':
      return target.domains.add({ ...entry, match: entry.match ?? 'domain' });
    case 'url':
      return target.domains.add({ ...entry, match: 'url_prefix' });
    case 'account':
      return target.accounts.add(entry);
    case 'app':
    case 'imei':
      return target.identifiers.add(entry);
    default:
      return { ok: false, reason: 'unknown_kind' };
  }
}

export type { EntryProvenance };
