/**
 * Listed E.164 ranges over the mobile domain, by block of 2^20 consecutive numbers (offset >>> 20
 * from MOBILE_BASE): per block, no range at all (most blocks: the number's range probes are skipped
 * after two shifts and a load), the same ranges for every number of the block (a short range such as
 * +86170 covers ~95 whole blocks: their records are ORed without a probe), or ranges that cover part
 * of it (each number probes the range table, see NumberIndex.prefixActionsOfE164).
 */
import { MOBILE_BASE, MOBILE_SPAN, TWO_32 } from './mobile-mix.js';

export const BLOCK_BITS = 20;
const BLOCK = 2 ** BLOCK_BITS;
export const BLOCK_COUNT = MOBILE_SPAN / BLOCK;
/** `blocks[b]`: no listed range reaches block b. */
export const NO_RANGE = 0;
/** `blocks[b]`: ranges cover part of block b; its numbers are probed one by one. */
export const RANGES_VARY = 0xffff;

/** The block of a mobile-domain number's offset from MOBILE_BASE (0 ≤ offset < 2^37). */
export function leadBlock(offset: number): number {
  return (((offset * (1 / TWO_32)) | 0) << (32 - BLOCK_BITS)) | ((offset >>> 0) >>> BLOCK_BITS);
}

export class MobileRanges {
  /** One bit a block: set when `blocks` says anything but NO_RANGE (16 KB: it stays in cache). */
  readonly reached: Uint32Array;

  private constructor(
    /** Per block: NO_RANGE, RANGES_VARY, or n: the records in `sets[n]` cover the whole block. */
    readonly blocks: Uint16Array,
    readonly sets: readonly Uint32Array[],
  ) {
    this.reached = new Uint32Array(BLOCK_COUNT / 32);
    for (let block = 0; block < BLOCK_COUNT; block++) {
      if (blocks[block] !== NO_RANGE) this.reached[block >>> 5]! |= 1 << (block & 31);
    }
  }

  static readonly none = new MobileRanges(new Uint16Array(BLOCK_COUNT), [new Uint32Array(0)]);

  /**
   * From every listed E.164 range: `visit` calls `add(prefix, record)` for each (the prefix as the
   * value of its digits, e.g. 86170 for +86170).
   */
  static build(visit: (add: (prefix: number, record: number) => void) => void): MobileRanges {
    const blocks = new Uint16Array(BLOCK_COUNT);
    const whole = new Map<number, number[]>();
    visit((prefix, record) => {
      const digits = digitCount(prefix);
      // Every number of the domain has 13 digits: a longer prefix covers none of them.
      if (digits > 13) return;
      const from = Math.max(prefix * POW10[13 - digits]!, MOBILE_BASE) - MOBILE_BASE;
      const to = Math.min((prefix + 1) * POW10[13 - digits]!, MOBILE_BASE + MOBILE_SPAN) - MOBILE_BASE;
      if (from >= to) return;
      const firstWhole = Math.ceil(from / BLOCK);
      const endWhole = Math.floor(to / BLOCK);
      if (from % BLOCK !== 0) blocks[Math.floor(from / BLOCK)] = RANGES_VARY;
      if (to % BLOCK !== 0) blocks[Math.floor(to / BLOCK)] = RANGES_VARY;
      for (let block = firstWhole; block < endWhole; block++) {
        const records = whole.get(block);
        if (records === undefined) whole.set(block, [record]);
        else records.push(record);
      }
    });
    const sets: Uint32Array[] = [new Uint32Array(0)];
    const setIds = new Map<string, number>();
    for (const [block, records] of whole) {
      if (blocks[block] === RANGES_VARY) continue;
      const key = records.sort((a, b) => a - b).join(',');
      let id = setIds.get(key);
      if (id === undefined) {
        // Past 65,534 distinct sets (never seen in practice), blocks fall back to probing.
        if (sets.length === RANGES_VARY) {
          blocks[block] = RANGES_VARY;
          continue;
        }
        id = sets.length;
        sets.push(Uint32Array.from(records));
        setIds.set(key, id);
      }
      blocks[block] = id;
    }
    return new MobileRanges(blocks, sets);
  }
}

export const POW10 = Array.from({ length: 21 }, (_, i) => 10 ** i);

/** Digits of a positive integer below 10^16, by comparisons (E.164 values have 8–15). */
export function digitCount(value: number): number {
  if (value >= 1e12) return value >= 1e14 ? (value >= 1e15 ? 16 : 15) : value >= 1e13 ? 14 : 13;
  let digits = 1;
  while (digits < 12 && value >= POW10[digits]!) digits++;
  return digits;
}
