import { describe, expect, it } from 'vitest';
import { CallerBehaviourTracker, type CallerWindow } from './behaviour.js';
import type { CallDetailRecord } from './record.js';
import { CALLER_MARK_THRESHOLD, scoreCallerWindow, type CallerScore } from './score.js';
import { generateSyntheticCdrs } from './synthetic.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-02T10:00:00+08:00');

function call(overrides: Partial<CallDetailRecord> = {}): CallDetailRecord {
  return {
    caller: 'A',
    callee: 'B',
    start: T0,
    duration: 60,
    direction: 'outbound',
    cell: 'c1',
    imei: 'i1',
    ...overrides,
  };
}

function windows(records: CallDetailRecord[], options = {}): CallerWindow[] {
  const sut = new CallerBehaviourTracker(options);
  const out: CallerWindow[] = [];
  for (const r of records) sut.add(r, (w) => out.push(w));
  sut.flush((w) => out.push(w));
  return out;
}

describe('CallerBehaviourTracker', () => {
  it('counts one number per window, from the served side of each record', () => {
    const out = windows([
      call({ duration: 0 }),
      call({ callee: 'C', duration: 5, start: T0 + 1000, imei: 'i2', cell: 'c2' }),
      call({ caller: 'D', callee: 'A', direction: 'inbound', start: T0 + 2000, imei: 'i2', cell: 'c2' }),
      call({ start: T0 + HOUR }),
    ]);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ number: 'A', windowStart: Math.floor(T0 / HOUR) * HOUR });
    expect(out[0]!.features).toMatchObject({
      calls: 3,
      callsPerHour: 3,
      distinctCallees: 3,
      unansweredShare: 1 / 3,
      shortShare: 1 / 3,
      outboundShare: 2 / 3,
      imeiChanges: 1,
      cellChanges: 1,
    });
    // The handset changed back across the window boundary: that counts in the next window.
    expect(out[1]!.features).toMatchObject({ calls: 1, imeiChanges: 1 });
  });

  it('counts night calls in China time and calls to later victims', () => {
    const night = Date.parse('2026-11-02T02:30:00+08:00');
    const out = windows([call({ start: night, callee: 'V' }), call({ start: night + 1, callee: 'W' })], {
      victims: new Set(['V']),
    });
    expect(out[0]!.features).toMatchObject({ nightShare: 1, victimCallees: 1 });
  });

  it('estimates distinct callees closely', () => {
    const records = Array.from({ length: 150 }, (_, i) =>
      call({ callee: `1380000${i % 120}`, start: T0 + i }),
    );
    const distinct = windows(records)[0]!.features.distinctCallees;
    expect(Math.abs(distinct - 120)).toBeLessThan(15);
  });
});

describe('scoreCallerWindow on synthetic traffic', () => {
  it('finds SIM boxes among ordinary and busy subscribers', () => {
    const data = generateSyntheticCdrs({ seed: 11, ordinary: 500, busy: 50, simBoxes: 20 });
    const sut = new CallerBehaviourTracker({ victims: data.victims });
    const marked = new Set<string>();
    const mark = (w: CallerWindow) => {
      const scored = scoreCallerWindow(w);
      if (scored.score >= CALLER_MARK_THRESHOLD) marked.add(scored.number);
    };
    for (const r of data.records) sut.add(r, mark);
    sut.flush(mark);
    const truePositives = [...marked].filter((n) => data.simBoxNumbers.has(n)).length;
    expect(truePositives / marked.size).toBeGreaterThanOrEqual(0.95);
    expect(truePositives / data.simBoxNumbers.size).toBeGreaterThanOrEqual(0.85);
  });

  it('marks the same numbers on the allocation-free path', () => {
    const data = generateSyntheticCdrs({ seed: 5, ordinary: 200, busy: 20, simBoxes: 10 });
    const viaWindows = new Set<string>();
    const viaMark = new Set<string>();
    const tracker = new CallerBehaviourTracker({ victims: data.victims });
    const marker = new CallerBehaviourTracker({ victims: data.victims });
    const onWindow = (w: CallerWindow) => {
      if (scoreCallerWindow(w).score >= CALLER_MARK_THRESHOLD) viaWindows.add(`${w.number}@${w.windowStart}`);
    };
    for (const r of data.records) {
      tracker.add(r, onWindow);
      marker.mark(r, CALLER_MARK_THRESHOLD, (s) => viaMark.add(`${s.number}@${s.windowStart}`));
    }
    tracker.flush(onWindow);
    marker.flushMarked(CALLER_MARK_THRESHOLD, (s) => viaMark.add(`${s.number}@${s.windowStart}`));
    expect(viaMark.size).toBeGreaterThan(0);
    expect([...viaMark].sort()).toEqual([...viaWindows].sort());
  });

  it('closes only the windows a watermark has passed, and scores them as mark does', () => {
    const marker = new CallerBehaviourTracker();
    const marked: string[] = [];
    const box = Array.from({ length: 120 }, (_, i) =>
      call({
        caller: '17000000001',
        callee: `139${i}`,
        start: T0 + i * 20_000,
        duration: 0,
        imei: `slot${i % 8}`,
      }),
    );
    for (const r of box) marker.mark(r, CALLER_MARK_THRESHOLD, (s) => marked.push(s.number));
    marker.mark(
      call({ caller: '13800000000', start: T0 + 3_600_000 + 60_000 }),
      CALLER_MARK_THRESHOLD,
      () => {},
    );
    marker.closeEndedMarked(T0 + 3_599_999, CALLER_MARK_THRESHOLD, (s) => marked.push(s.number));
    expect(marked).toEqual([]);
    marker.closeEndedMarked(T0 + 3_600_000, CALLER_MARK_THRESHOLD, (s) => marked.push(s.number));
    expect(marked).toEqual(['17000000001']);
    // Closed once: a second pass, and the other number's open window, add nothing.
    marker.closeEndedMarked(T0 + 3_600_000 + 120_000, CALLER_MARK_THRESHOLD, (s) => marked.push(s.number));
    expect(marked).toEqual(['17000000001']);
  });

  it('forgets numbers idle since a time, keeps the rest, and scores the same afterwards', () => {
    const box = (caller: string, from: number) =>
      Array.from({ length: 120 }, (_, i) =>
        call({ caller, callee: `139${i}`, start: from + i * 20_000, duration: 0, imei: `slot${i % 8}` }),
      );
    const sut = new CallerBehaviourTracker();
    const marked: string[] = [];
    const keep = (s: CallerScore) => marked.push(`${s.number}@${(s.windowStart - T0) / 3_600_000}`);
    for (let n = 0; n < 50; n++)
      sut.mark(call({ caller: `1380000${String(n).padStart(4, '0')}` }), 0.7, keep);
    for (const r of box('17000000001', T0)) sut.mark(r, CALLER_MARK_THRESHOLD, keep);
    sut.closeEndedMarked(T0 + 3_600_000, CALLER_MARK_THRESHOLD, keep);
    expect(sut.size).toBe(51);
    // The box calls on in the next hour; the 50 ordinary numbers were idle since the first.
    for (const r of box('17000000001', T0 + 3_600_000).slice(0, 10)) sut.mark(r, CALLER_MARK_THRESHOLD, keep);
    expect(sut.forgetIdle(T0 + 3_600_000)).toBe(50);
    expect(sut.size).toBe(1);
    for (const r of box('17000000001', T0 + 3_600_000).slice(10)) sut.mark(r, CALLER_MARK_THRESHOLD, keep);
    for (const r of box('17000000002', T0 + 3_600_000)) sut.mark(r, CALLER_MARK_THRESHOLD, keep);
    sut.closeEndedMarked(T0 + 2 * 3_600_000, CALLER_MARK_THRESHOLD, keep);
    expect(marked).toEqual(['17000000001@0', '17000000001@1', '17000000002@1']);
  });

  it('explains a SIM box by its volume and strangers', () => {
    const records = Array.from({ length: 120 }, (_, i) =>
      call({ callee: `139${i}`, start: T0 + i * 20_000, duration: i % 3 ? 0 : 6, imei: `slot${i % 8}` }),
    );
    const scored = scoreCallerWindow(windows(records)[0]!);
    expect(scored.score).toBeGreaterThan(0.9);
    expect(scored.contributions[0]!.feature).toBe('callsPerHour');
    expect(scored.contributions.map((c) => c.feature)).toEqual(
      expect.arrayContaining(['imeiChanges', 'unansweredShare']),
    );
  });
});
