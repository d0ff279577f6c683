/**
 * Number tables as older snapshots hold them. Before format 3 every exact number was in one KeyTable:
 * restoring one splits it by domain once (O(size)). Format 3 kept the mobile domain's numbers in a
 * MobileCsr: restoring one moves them into buckets (O(size)).
 */
import { KeyTable } from './key-table.js';
import { mixed, unmix, unmixed } from './key-mix.js';
import { MobileCsr, type MobileCsrParts } from './mobile-csr.js';
import { inMobileDomain, mobileMix } from './mobile-mix.js';
import { MobileTable, type MobileTableParts } from './mobile-table.js';

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

/** A MobileTable from its parts, or from the MobileCsr parts a format 3 snapshot holds. */
export function restoreMobileTable(parts: MobileTableParts | MobileCsrParts): MobileTable {
  if (!('directory' in parts)) return MobileTable.fromParts(parts);
  const csr = MobileCsr.fromParts(parts);
  const xs = new Uint32Array(csr.size);
  const ys = new Uint32Array(csr.size);
  const payloads = new Uint32Array(csr.size);
  let n = 0;
  csr.forEachMixed((x, y, payload) => {
    xs[n] = x;
    ys[n] = y;
    payloads[n++] = payload;
  });
  return MobileTable.fromMixed(xs, ys, payloads, n);
}
