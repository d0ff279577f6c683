/**
 * A bucketed MobileTable's memory and its WebAssembly lookup kernel (mobile-kernel.wat). One
 * WebAssembly.Memory holds the bucket words from byte 0 — page-aligned, so every 64-byte bucket is
 * one cache line (an ArrayBuffer's backing store gives no such promise: glibc puts large ones 16
 * bytes past a page start) — then the overflow bitmap and the kernel's areas: the live-bits table,
 * the range map, a chunk's values, results and lists. The bytes count as `external` memory in
 * `process.memoryUsage()`, not as `arrayBuffers`.
 */
import { MOBILE_KERNEL_BASE64 } from './mobile-kernel-bytes.js';

/** The engine is built without DOM or Node typings: the few WebAssembly and base64 APIs it uses. */
declare const WebAssembly: {
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
};
declare function atob(base64: string): string;

/** Values a kernel call looks up, at most. */
export const KERNEL_CHUNK = 256;
const PAGE = 65536;
const REACHED_BYTES = 16384;
const SPLIT_BYTES = 32;

type Lookup = (
  count: number,
  values: number,
  out: number,
  ranged: number,
  spilled: number,
  reached: number,
  live: number,
  overflowed: number,
  split: number,
  work: number,
) => number;

let compiled: object | null = null;

function kernelModule(): object {
  if (compiled === null) {
    const text = atob(MOBILE_KERNEL_BASE64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    compiled = new WebAssembly.Module(bytes);
  }
  return compiled;
}

/** How a mixed key splits for a bucket count (see MobileTable): the kernel reads them as given. */
export interface SplitShifts {
  xDown: number;
  xUp: number;
  yDown: number;
  xKeep: number;
  yKeep: number;
  remBits: number;
  remMask: number;
}

export class KernelMemory {
  /** The bucket words (16 a bucket), from byte 0. */
  readonly words: Uint32Array;
  /** One bit a bucket: some of its keys are in the overflow table. */
  readonly overflowed: Uint32Array;
  private readonly bytes: Uint8Array;
  private readonly values: Float64Array;
  private readonly lists: Uint32Array;
  private readonly lookupKernel: Lookup;
  private readonly at: {
    overflowed: number;
    live: number;
    reached: number;
    split: number;
    values: number;
    out: number;
    ranged: number;
    spilled: number;
    work: number;
  };
  private liveSource: Uint8Array | null = null;
  private reachedSource: Uint32Array | null = null;

  constructor(buckets: number, split: SplitShifts) {
    const wordsBytes = buckets * 64;
    const overflowedBytes = Math.ceil(buckets / 32) * 4;
    const liveBytes = 2 ** (32 - split.remBits);
    let offset = wordsBytes;
    const area = (bytes: number): number => {
      const start = offset;
      offset += Math.ceil(bytes / 64) * 64;
      return start;
    };
    this.at = {
      overflowed: area(overflowedBytes),
      live: area(liveBytes),
      reached: area(REACHED_BYTES),
      split: area(SPLIT_BYTES),
      values: area(KERNEL_CHUNK * 8),
      out: area(KERNEL_CHUNK),
      ranged: area(KERNEL_CHUNK * 4),
      spilled: area(KERNEL_CHUNK * 4),
      work: area(KERNEL_CHUNK * 12),
    };
    const memory = new WebAssembly.Memory({ initial: Math.ceil(offset / PAGE) });
    this.bytes = new Uint8Array(memory.buffer);
    this.words = new Uint32Array(memory.buffer, 0, buckets * 16);
    this.overflowed = new Uint32Array(memory.buffer, this.at.overflowed, overflowedBytes / 4);
    this.values = new Float64Array(memory.buffer, this.at.values, KERNEL_CHUNK);
    this.lists = new Uint32Array(memory.buffer);
    const { xDown, xUp, yDown, xKeep, yKeep, remBits, remMask } = split;
    this.lists.set([xDown, xUp, yDown, xKeep, yKeep, remBits, remMask], this.at.split / 4);
    const instance = new WebAssembly.Instance(kernelModule(), { env: { memory } });
    this.lookupKernel = instance.exports.lookup as Lookup;
  }

  /** Bytes of the whole memory: the table's and the kernel's areas. */
  get byteLength(): number {
    return this.bytes.byteLength;
  }

  /** How many values the last `lookup` found may also be in the overflow table. */
  spilledCount = 0;

  /** The index (from `from`) of the k-th such value of the last `lookup`. */
  spilledIndex(k: number): number {
    return this.lists[this.at.spilled / 4 + k]!;
  }

  /**
   * Looks up values[from, from + count) (count ≤ KERNEL_CHUNK) into out[from…]. Returns -1 when some
   * value is outside the mobile domain (out unfinished); otherwise the number of values listed in
   * `ranged` (their indices from `from`: their blocks are marked in `reached`). Then see
   * `spilledCount`: the values whose keys may also be in the overflow table.
   */
  lookup(
    values: Float64Array,
    from: number,
    count: number,
    live: Uint8Array,
    reached: Uint32Array,
    out: Uint8Array,
    ranged: Uint32Array,
  ): number {
    const at = this.at;
    if (live !== this.liveSource) {
      this.bytes.set(live.subarray(0, Math.min(live.length, at.reached - at.live)), at.live);
      this.liveSource = live;
    }
    if (reached !== this.reachedSource) {
      this.lists.set(reached, at.reached / 4);
      this.reachedSource = reached;
    }
    this.values.set(values.subarray(from, from + count));
    const result = this.lookupKernel(
      count,
      at.values,
      at.out,
      at.ranged,
      at.spilled,
      at.reached,
      at.live,
      at.overflowed,
      at.split,
      at.work,
    );
    this.spilledCount = 0;
    if (result < 0) return -1;
    out.set(this.bytes.subarray(at.out, at.out + count), from);
    const rangedCount = result & 0xffff;
    ranged.set(this.lists.subarray(at.ranged / 4, at.ranged / 4 + rangedCount));
    this.spilledCount = result >>> 16;
    return rangedCount;
  }
}
