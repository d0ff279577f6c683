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
import { scoreCallerFeatures, scoreFeatures, type CallerScore } from './score.js';

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

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class CallerBehaviourTracker {
  /** Reused by `mark`: scoring every closed window must not allocate. */
  private readonly scratch: Mutable<CallerFeatures> = {
    calls: 0,
    callsPerHour: 0,
    distinctCallees: 0,
    distinctCalleeShare: 0,
    shortShare: 0,
    unansweredShare: 0,
    outboundShare: 0,
    nightShare: 0,
    victimCallees: 0,
    imeiChanges: 0,
    cellChanges: 0,
  };

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
  /** Start of the newest record per slot: what `forgetIdle` goes by. */
  private lastSeen = new Float64Array(0);

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
    const slot = this.slotOf(record);
    const windowStart = this.alignedStart(record);
    if (windowStart > this.windowStart[slot]!) {
      if (onWindow && this.calls[slot]! > 0) onWindow(this.windowOf(slot));
      this.reset(slot, windowStart);
    }
    this.count(slot, record);
  }

  /**
   * The production path: adds one record and scores each window it closes, passing on only the
   * windows that score at or above `threshold` (with contributions). Windows below it cost no
   * allocation, which is what keeps a carrier-sized CDR stream cheap.
   */
  mark(record: CallDetailRecord, threshold: number, onMarked: (score: CallerScore) => void): void {
    const slot = this.slotOf(record);
    const windowStart = this.alignedStart(record);
    if (windowStart > this.windowStart[slot]!) {
      if (this.calls[slot]! > 0) this.markWindow(slot, threshold, onMarked);
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

  /** `flush` for the marking path. */
  flushMarked(threshold: number, onMarked: (score: CallerScore) => void): void {
    for (let slot = 0; slot < this.slots.size; slot++) {
      if (this.calls[slot]! > 0) this.markWindow(slot, threshold, onMarked);
      this.reset(slot, this.windowStart[slot]! + this.windowMs);
    }
  }

  /**
   * Closes the windows that ended at or before `time` (a stream's watermark: the newest record time
   * seen, less the lateness it allows), scoring each non-empty one as `mark` does. A number that
   * stopped calling thus still has its last window judged. Open windows are left alone.
   */
  closeEndedMarked(time: number, threshold: number, onMarked: (score: CallerScore) => void): void {
    const current = Math.floor(time / this.windowMs) * this.windowMs;
    for (let slot = 0; slot < this.slots.size; slot++) {
      if (this.windowStart[slot]! + this.windowMs > time) continue;
      if (this.calls[slot]! > 0) this.markWindow(slot, threshold, onMarked);
      this.reset(slot, current);
    }
  }

  /**
   * Forgets the numbers last seen before `time` whose open window is empty (close windows first), so
   * that a stream's memory follows the numbers calling now, not every number it ever saw. Returns how
   * many were forgotten. A forgotten number that calls again starts afresh.
   */
  forgetIdle(time: number): number {
    const before = this.slots.size;
    let kept = 0;
    for (let slot = 0; slot < before; slot++) {
      if (this.calls[slot]! === 0 && this.lastSeen[slot]! < time) continue;
      if (kept !== slot) this.move(slot, kept);
      kept++;
    }
    if (kept === before) return 0;
    this.numbers.length = kept;
    this.lastImei.length = kept;
    this.lastCell.length = kept;
    this.slots.clear();
    for (let slot = 0; slot < kept; slot++) this.slots.set(this.numbers[slot]!, slot);
    return before - kept;
  }

  private move(from: number, to: number): void {
    for (const column of [
      this.windowStart,
      this.lastSeen,
      this.calls,
      this.outbound,
      this.short,
      this.unanswered,
      this.night,
      this.victimCalls,
      this.imeiChanges,
      this.cellChanges,
    ])
      column[to] = column[from]!;
    this.sketch.copyWithin(to * SKETCH_WORDS, from * SKETCH_WORDS, (from + 1) * SKETCH_WORDS);
    this.numbers[to] = this.numbers[from]!;
    this.lastImei[to] = this.lastImei[from]!;
    this.lastCell[to] = this.lastCell[from]!;
  }

  private markWindow(slot: number, threshold: number, onMarked: (score: CallerScore) => void): void {
    this.fill(slot, this.scratch);
    if (scoreFeatures(this.scratch) < threshold) return;
    const features = { ...this.scratch };
    const start = this.windowStart[slot]!;
    onMarked({
      number: this.numbers[slot]!,
      windowStart: start,
      windowEnd: start + this.windowMs,
      ...scoreCallerFeatures(features),
      features,
    });
  }

  private alignedStart(record: CallDetailRecord): number {
    return Math.floor(record.start / this.windowMs) * this.windowMs;
  }

  /** The slot of the record's served number, created (with its window open) on first sight. */
  private slotOf(record: CallDetailRecord): number {
    const number = servedNumber(record);
    let slot = this.slots.get(number);
    if (slot === undefined) {
      slot = this.slots.size;
      if (slot === this.capacity) this.grow(this.capacity * 2);
      this.slots.set(number, slot);
      this.numbers.push(number);
      this.lastImei.push('');
      this.lastCell.push('');
      this.lastSeen[slot] = record.start;
      this.reset(slot, this.alignedStart(record));
    }
    return slot;
  }

  private count(slot: number, record: CallDetailRecord): void {
    this.calls[slot]!++;
    if (record.start > this.lastSeen[slot]!) this.lastSeen[slot] = record.start;
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
    const features = {} as Mutable<CallerFeatures>;
    this.fill(slot, features);
    const start = this.windowStart[slot]!;
    return { number: this.numbers[slot]!, windowStart: start, windowEnd: start + this.windowMs, features };
  }

  private fill(slot: number, f: Mutable<CallerFeatures>): void {
    const calls = this.calls[slot]!;
    let zeros = 0;
    for (let w = 0; w < SKETCH_WORDS; w++) zeros += 32 - popcount(this.sketch[slot * SKETCH_WORDS + w]!);
    // Linear counting: n ≈ -m ln(zeros / m); a saturated sketch reports its size.
    const distinct = zeros === 0 ? SKETCH_BITS : Math.round(-SKETCH_BITS * Math.log(zeros / SKETCH_BITS));
    const distinctCallees = Math.min(distinct, calls);
    f.calls = calls;
    f.callsPerHour = (calls * 3_600_000) / this.windowMs;
    f.distinctCallees = distinctCallees;
    f.distinctCalleeShare = distinctCallees / calls;
    f.shortShare = this.short[slot]! / calls;
    f.unansweredShare = this.unanswered[slot]! / calls;
    f.outboundShare = this.outbound[slot]! / calls;
    f.nightShare = this.night[slot]! / calls;
    f.victimCallees = this.victimCalls[slot]!;
    f.imeiChanges = this.imeiChanges[slot]!;
    f.cellChanges = this.cellChanges[slot]!;
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
    this.lastSeen = copy(this.lastSeen, (n) => new Float64Array(n));
    this.capacity = capacity;
  }
}
