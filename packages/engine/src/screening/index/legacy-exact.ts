/**
 * Snapshots taken before the MobileTable hold every exact number in one KeyTable; restoring one
 * splits it by domain once (O(size)).
 */
import { KeyTable } from './key-table.js';
import { mixed, unmix, unmixed } from './key-mix.js';
import { MobileTable, inMobileDomain, mobileMix } from './mobile-table.js';

/** Splits a KeyTable of every exact number (parts taken before the MobileTable) by domain. */
export function splitLegacyExact(table: KeyTable): [KeyTable, MobileTable] {
  let mobiles = 0;
  table.forEachMixed((high, low) => {
    unmix(high, low);
    if (inMobileDomain(unmixed[0]!, unmixed[1]!)) mobiles++;
  });
  const xs = new Uint32Array(mobiles);
  const ys = new Uint32Array(mobiles);
  const mobilePayloads = new Uint32Array(mobiles);
  const highs = new Uint32Array(table.size - mobiles);
  const lows = new Uint32Array(table.size - mobiles);
  const payloads = new Uint32Array(table.size - mobiles);
  let m = 0;
  let n = 0;
  table.forEachMixed((high, low, payload) => {
    unmix(high, low);
    if (inMobileDomain(unmixed[0]!, unmixed[1]!)) {
      mobileMix(unmixed[0]!, unmixed[1]!);
      xs[m] = mixed[0]!;
      ys[m] = mixed[1]!;
      mobilePayloads[m++] = payload;
    } else {
      highs[n] = high;
      lows[n] = low;
      payloads[n++] = payload;
    }
  });
  return [KeyTable.fromMixed(highs, lows, payloads, n), MobileTable.fromMixed(xs, ys, mobilePayloads, m)];
}
