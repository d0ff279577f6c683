/**
 * Per-number calling behaviour over tumbling time windows, computed as a stream of CDRs: how many
 * calls, to how many distinct numbers, how many short or unanswered, outbound, at night, to people who
 * later became victims, and how often the handset (IMEI) and cell changed. This is what gives away SIM
 * boxes, GOIP gateways and call farms: hundreds of short outbound calls an hour to strangers, no
 * inbound calls, SIMs rotating through one stationary device.
 *
 * State is compact and columnar: one slot per served number in typed arrays, distinct callees counted
 * by a 256-bit linear-counting sketch per slot (no per-number Set). Windows are aligned to multiples of
 * the window length; a record older than its number's open window is counted in that window (CDR feeds
 * are roughly, not strictly, ordered). Pure: time comes from the records.
 */
import { otherParty, servedNumber, type CallDetailRecord } from './record.js';

export interface CallerBehaviourOptions {
  /** Window length in milliseconds. Default one hour. */
  readonly windowMs?: number;
  /** A call answered for less than this many seconds is short. Default 10. */
  readonly shortCallSeconds?: number;
  /** Local time zone for night hours, minutes east of UTC. Default +480 (China). */
  readonly utcOffsetMinutes?: number;
  /** Night is [nightFrom, nightTo) local hours. Default 0..6. */
  readonly nightFrom?: number;
  readonly nightTo?: number;
  /** Numbers that later became fraud victims (from cases): a call to one is strong evidence. */
  readonly victims?: ReadonlySet<string> | ((number: string) => boolean);
}

/** Features of one number in one window. Shares are 0..1 of the window's calls. */
export interface CallerFeatures {
  readonly calls: number;
  readonly callsPerHour: number;
  /** Estimated distinct other parties. */
  readonly distinctCallees: number;
  readonly distinctCalleeShare: number;
  readonly shortShare: number;
  readonly unansweredShare: number;
  readonly outboundShare: number;
  readonly nightShare: number;
  readonly victimCallees: number;
  readonly imeiChanges: number;
  readonly cellChanges: number;
}

export interface CallerWindow {
  readonly number: string;
  readonly windowStart: number;
  readonly windowEnd: number;
  readonly features: CallerFeatures;
}

const SKETCH_WORDS = 8; // 256 bits per number
const SKETCH_BITS = SKETCH_WORDS * 32;

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  return (h ^ (h >>> 15)) >>> 0;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export class CallerBehaviourTracker {
  private readonly windowMs: number;
  private readonly shortCallSeconds: number;
  private readonly offsetMs: number;
  private readonly nightFrom: number;
  private readonly nightTo: number;
  private readonly isVictim: ((number: string) => boolean) | undefined;

  private readonly slots = new Map<string, number>();
  private numbers: string[] = [];
  private capacity = 0;
  private windowStart = new Float64Array(0);
  private calls = new Uint32Array(0);
  private outbound = new Uint32Array(0);
  private short = new Uint32Array(0);
  private unanswered = new Uint32Array(0);
  private night = new Uint32Array(0);
  private victimCalls = new Uint32Array(0);
  private imeiChanges = new Uint32Array(0);
  private cellChanges = new Uint32Array(0);
  // Last handset and cell per slot, compared as strings: cheaper than hashing on every record.
  private lastImei: string[] = [];
  private lastCell: string[] = [];
  private sketch = new Uint32Array(0);

  constructor(options: CallerBehaviourOptions = {}) {
    this.windowMs = options.windowMs ?? 3_600_000;
    this.shortCallSeconds = options.shortCallSeconds ?? 10;
    this.offsetMs = (options.utcOffsetMinutes ?? 480) * 60_000;
    this.nightFrom = options.nightFrom ?? 0;
    this.nightTo = options.nightTo ?? 6;
    const victims = options.victims;
    this.isVictim =
      victims === undefined ? undefined : typeof victims === 'function' ? victims : (n) => victims.has(n);
    this.grow(1024);
  }

  /** Numbers tracked so far. */
  get size(): number {
    return this.slots.size;
  }

  /**
   * Adds one record. When it starts a new window for its number, the closed window is passed to
   * `onWindow` first.
   */
  add(record: CallDetailRecord, onWindow?: (window: CallerWindow) => void): void {
    const number = servedNumber(record);
    let slot = this.slots.get(number);
    const windowStart = Math.floor(record.start / this.windowMs) * this.windowMs;
    if (slot === undefined) {
      slot = this.slots.size;
      if (slot === this.capacity) this.grow(this.capacity * 2);
      this.slots.set(number, slot);
      this.numbers.push(number);
      this.lastImei.push('');
      this.lastCell.push('');
      this.reset(slot, windowStart);
    } else if (windowStart > this.windowStart[slot]!) {
      if (onWindow && this.calls[slot]! > 0) onWindow(this.windowOf(slot));
      this.reset(slot, windowStart);
    }
    this.count(slot, record);
  }

  /** Closes every open window (end of input, or a periodic flush), passing each non-empty one on. */
  flush(onWindow: (window: CallerWindow) => void): void {
    for (let slot = 0; slot < this.slots.size; slot++) {
      if (this.calls[slot]! > 0) onWindow(this.windowOf(slot));
      this.reset(slot, this.windowStart[slot]! + this.windowMs);
    }
  }

  private count(slot: number, record: CallDetailRecord): void {
    this.calls[slot]!++;
    if (record.direction === 'outbound') this.outbound[slot]!++;
    if (record.duration === 0) this.unanswered[slot]!++;
    else if (record.duration < this.shortCallSeconds) this.short[slot]!++;
    const hour = Math.floor((record.start + this.offsetMs) / 3_600_000) % 24;
    if (hour >= this.nightFrom && hour < this.nightTo) this.night[slot]!++;
    const other = otherParty(record);
    const h = hashString(other);
    const bit = h % SKETCH_BITS;
    this.sketch[slot * SKETCH_WORDS + (bit >>> 5)]! |= 1 << (bit & 31);
    if (this.isVictim && record.direction === 'outbound' && this.isVictim(other)) this.victimCalls[slot]!++;
    if (this.lastImei[slot] !== record.imei) {
      if (this.lastImei[slot] !== '') this.imeiChanges[slot]!++;
      this.lastImei[slot] = record.imei;
    }
    if (this.lastCell[slot] !== record.cell) {
      if (this.lastCell[slot] !== '') this.cellChanges[slot]!++;
      this.lastCell[slot] = record.cell;
    }
  }

  private windowOf(slot: number): CallerWindow {
    const calls = this.calls[slot]!;
    let zeros = 0;
    for (let w = 0; w < SKETCH_WORDS; w++) zeros += 32 - popcount(this.sketch[slot * SKETCH_WORDS + w]!);
    // Linear counting: n ≈ -m ln(zeros / m); saturated sketches report at least the bits set.
    const distinct = zeros === 0 ? SKETCH_BITS : Math.round(-SKETCH_BITS * Math.log(zeros / SKETCH_BITS));
    const distinctCallees = Math.min(distinct, calls);
    const start = this.windowStart[slot]!;
    return {
      number: this.numbers[slot]!,
      windowStart: start,
      windowEnd: start + this.windowMs,
      features: {
        calls,
        callsPerHour: (calls * 3_600_000) / this.windowMs,
        distinctCallees,
        distinctCalleeShare: distinctCallees / calls,
        shortShare: this.short[slot]! / calls,
        unansweredShare: this.unanswered[slot]! / calls,
        outboundShare: this.outbound[slot]! / calls,
        nightShare: this.night[slot]! / calls,
        victimCallees: this.victimCalls[slot]!,
        imeiChanges: this.imeiChanges[slot]!,
        cellChanges: this.cellChanges[slot]!,
      },
    };
  }

  private reset(slot: number, windowStart: number): void {
    this.windowStart[slot] = windowStart;
    this.calls[slot] = 0;
    this.outbound[slot] = 0;
    this.short[slot] = 0;
    this.unanswered[slot] = 0;
    this.night[slot] = 0;
    this.victimCalls[slot] = 0;
    this.imeiChanges[slot] = 0;
    this.cellChanges[slot] = 0;
    // The last IMEI and cell carry over: a change across the window boundary still counts.
    this.sketch.fill(0, slot * SKETCH_WORDS, (slot + 1) * SKETCH_WORDS);
  }

  private grow(capacity: number): void {
    const copy = <T extends Float64Array | Uint32Array>(a: T, make: (n: number) => T, per = 1): T => {
      const b = make(capacity * per);
      b.set(a);
      return b;
    };
    const u32 = (n: number) => new Uint32Array(n);
    this.windowStart = copy(this.windowStart, (n) => new Float64Array(n));
    this.calls = copy(this.calls, u32);
    this.outbound = copy(this.outbound, u32);
    this.short = copy(this.short, u32);
    this.unanswered = copy(this.unanswered, u32);
    this.night = copy(this.night, u32);
    this.victimCalls = copy(this.victimCalls, u32);
    this.imeiChanges = copy(this.imeiChanges, u32);
    this.cellChanges = copy(this.cellChanges, u32);
    this.sketch = copy(this.sketch, u32, SKETCH_WORDS);
    this.capacity = capacity;
  }
}
