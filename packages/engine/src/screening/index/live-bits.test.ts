import { describe, expect, it } from 'vitest';
import { liveActionBits } from './live-bits.js';
import { ProvenanceTable } from './provenance-table.js';
import { provenance } from './test-factories.js';

describe('liveActionBits', () => {
  it('gives each record its action bit until it expires, and is rebuilt when an expiry or a record passes', () => {
    const records = new ProvenanceTable();
    records.intern(provenance('a', 'block', null), 't');
    records.intern(provenance('b', 'mark', 100), 't');
    records.intern(provenance('c', 'allow', 200), 't');
    const early = liveActionBits(records, 50, 8);
    expect([...early.subarray(0, 3)]).toEqual([2, 1, 4]);
    expect(early.length).toBeGreaterThanOrEqual(8);
    // Nothing expires between 50 and 99: the same table.
    expect(liveActionBits(records, 99, 8)).toBe(early);
    expect([...liveActionBits(records, 100, 8).subarray(0, 3)]).toEqual([2, 0, 4]);
    expect([...liveActionBits(records, 250, 8).subarray(0, 3)]).toEqual([2, 0, 0]);
    // Back in time, and a record added: both rebuild.
    expect([...liveActionBits(records, 50, 8).subarray(0, 3)]).toEqual([2, 1, 4]);
    records.intern(provenance('d', 'mark', null), 't');
    expect([...liveActionBits(records, 50, 8).subarray(0, 4)]).toEqual([2, 1, 4, 1]);
  });
});
