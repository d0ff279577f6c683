/**
 * Step conditions compiled for one pass per signal: the distinct conditions of all live rules get a bit
 * each, and `markMet` sets, in a caller-owned bitset, the bits of the conditions a signal meets. Only
 * the conditions that can hold for the signal's kind are tried. Allocates nothing per signal.
 */
import { FRAUD_TYPES, type FraudType } from '../detect/fraud-types.js';
import { EVENT_KINDS, type EventKind, type Signal, type SignalCondition } from './types.js';

const KIND_INDEX: ReadonlyMap<string, number> = new Map(EVENT_KINDS.map((kind, i) => [kind, i]));
const FRAUD_TYPE_INDEX: ReadonlyMap<string, number> = new Map(FRAUD_TYPES.map((type, i) => [type, i]));

/** What `listed` asks of a signal's list action. */
const enum ListedTest {
  Any,
  Listed,
  Unlisted,
  Block,
}

interface CompiledCondition {
  bit: number;
  listed: ListedTest;
  /** Bit per fraud type (FRAUD_TYPES order); 0: any. */
  fraudTypes: number;
  lists: ReadonlySet<string> | null;
  minAmount: number | null;
  minDurationSeconds: number | null;
}

/** The distinct conditions of a rule set, each with its bit, grouped by the event kinds they accept. */
export interface ConditionTable {
  /** How many distinct conditions (bits). */
  readonly size: number;
  /** 32-bit words in a bitset of this table. */
  readonly words: number;
  /** Per event kind (EVENT_KINDS order), the conditions that accept it. */
  readonly byKind: readonly (readonly CompiledCondition[])[];
}

/** A stable key: two conditions that test the same things share one bit. */
function conditionKey(condition: SignalCondition): string {
  const sorted = (values: readonly string[] | undefined) => (values ? [...new Set(values)].sort() : null);
  return JSON.stringify([
    sorted(condition.kinds),
    condition.listed ?? null,
    sorted(condition.fraudTypes),
    sorted(condition.lists),
    condition.minAmount ?? null,
    condition.minDurationSeconds ?? null,
  ]);
}

function listedTest(listed: SignalCondition['listed']): ListedTest {
  if (listed === undefined) return ListedTest.Any;
  if (listed === true || listed === 'mark') return ListedTest.Listed;
  if (listed === false) return ListedTest.Unlisted;
  return ListedTest.Block;
}

function fraudTypeBits(types: readonly FraudType[] | undefined): number {
  let bits = 0;
  for (const type of types ?? []) bits |= 1 << (FRAUD_TYPE_INDEX.get(type) ?? 31);
  return bits;
}

/** Builds the table and gives back, per condition object, its bit (in the order given). */
export class ConditionTableBuilder {
  readonly #bits = new Map<string, number>();
  readonly #byKind: CompiledCondition[][] = EVENT_KINDS.map(() => []);

  /** The bit of `condition`, shared with every equal condition added before. */
  add(condition: SignalCondition): number {
    const key = conditionKey(condition);
    const known = this.#bits.get(key);
    if (known !== undefined) return known;
    const bit = this.#bits.size;
    this.#bits.set(key, bit);
    const compiled: CompiledCondition = {
      bit,
      listed: listedTest(condition.listed),
      fraudTypes: fraudTypeBits(condition.fraudTypes),
      lists: condition.lists && condition.lists.length > 0 ? new Set(condition.lists) : null,
      minAmount: condition.minAmount ?? null,
      minDurationSeconds: condition.minDurationSeconds ?? null,
    };
    const kinds: readonly EventKind[] =
      condition.kinds && condition.kinds.length > 0 ? condition.kinds : EVENT_KINDS;
    for (const kind of new Set(kinds)) {
      const index = KIND_INDEX.get(kind);
      if (index !== undefined) this.#byKind[index]!.push(compiled);
    }
    return bit;
  }

  build(): ConditionTable {
    const size = this.#bits.size;
    return { size, words: Math.max(1, Math.ceil(size / 32)), byKind: this.#byKind };
  }
}

function meets(condition: CompiledCondition, signal: Signal): boolean {
  switch (condition.listed) {
    case ListedTest.Listed:
      if (signal.listed === null) return false;
      break;
    case ListedTest.Unlisted:
      if (signal.listed !== null) return false;
      break;
    case ListedTest.Block:
      if (signal.listed !== 'block') return false;
      break;
    case ListedTest.Any:
      break;
  }
  if (condition.fraudTypes !== 0) {
    const index = signal.fraudType === null ? undefined : FRAUD_TYPE_INDEX.get(signal.fraudType);
    if (index === undefined || (condition.fraudTypes & (1 << index)) === 0) return false;
  }
  if (condition.lists !== null) {
    let any = false;
    for (const list of signal.lists) {
      if (condition.lists.has(list)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  if (condition.minAmount !== null && !(signal.amount !== null && signal.amount >= condition.minAmount))
    return false;
  if (condition.minDurationSeconds !== null) {
    const duration = signal.durationSeconds;
    if (duration === undefined || duration === null || duration < condition.minDurationSeconds) return false;
  }
  return true;
}

/**
 * Clears `out` (the first `table.words` words) and sets the bits of the conditions `signal` meets.
 * Returns whether it meets any.
 */
export function markMet(table: ConditionTable, signal: Signal, out: Uint32Array): boolean {
  out.fill(0, 0, table.words);
  const kind = KIND_INDEX.get(signal.kind);
  if (kind === undefined) return false;
  let any = false;
  for (const condition of table.byKind[kind]!) {
    if (meets(condition, signal)) {
      out[condition.bit >>> 5]! |= 1 << (condition.bit & 31);
      any = true;
    }
  }
  return any;
}

/** Whether bit `bit` is set in the bitset stored at `offset` of `words`. */
export function hasBit(words: ArrayLike<number>, offset: number, bit: number): boolean {
  return (words[offset + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;
}
