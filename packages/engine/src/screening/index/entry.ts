/** What the intelligence store says about one listed value: the vocabulary shared by every index. */

/** What a listed value asks the screener to do. An allow entry overrides block and mark entries. */
export type EntryAction = 'block' | 'mark' | 'allow';

/** Where an entry came from: a case's footprint, a citizen's report, a partner's feed, or a rule. */
export type SourceKind = 'case' | 'report' | 'partner' | 'rule';

export interface EntrySource {
  kind: SourceKind;
  /** The case, report, feed or rule id, for "why is this blocked?". */
  id: string;
}

/** The provenance of an entry: everything but its value. Many entries share one (a bulk import). */
export interface EntryProvenance {
  /** The list's id (or name) in the intelligence store. */
  list: string;
  action: EntryAction;
  /** 0–100: how sure the source is; becomes the verdict's risk. */
  confidence: number;
  source: EntrySource;
  /** Milliseconds since the epoch. */
  addedAt: number;
  /** Milliseconds since the epoch; null for an entry that never expires. */
  expiresAt: number | null;
}

export const ACTIONS: readonly EntryAction[] = ['block', 'mark', 'allow'];
export const SOURCE_KINDS: readonly SourceKind[] = ['case', 'report', 'partner', 'rule'];

/** Bits of an action set, as lookups return them without allocating. */
export const ACTION_BIT = { mark: 1, block: 2, allow: 4 } as const;
