/**
 * Screener snapshot files: what a screening node starts from instead of reading every entry from the
 * store. A file holds the engine's typed arrays as they are in memory plus a JSON header (provenance
 * records, table shapes, and the change-log seq the snapshot reflects); a node reads it in one go,
 * wraps the arrays in place and follows the change log from that seq.
 *
 * Layout: "FZSNAP1\n", header byte length (u32 LE) and 4 zero bytes, the header (UTF-8 JSON) padded
 * to 8 bytes, then each array at the 8-aligned offset the header gives. Files are named by their seq
 * (`screener-<seq>.snap`), written to a temporary name and renamed, so a reader never sees half a file.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  restoreSnapshot,
  takeSnapshot,
  type Screener,
  type ScreenerOptions,
  type SnapshotArray,
} from '@fanzha/engine';

const MAGIC = 'FZSNAP1\n';
const PREFIX = 'screener-';
const SUFFIX = '.snap';
/** Snapshots kept in the folder: the newest and the one before (a reader may still be on it). */
const KEEP = 2;

interface Header {
  seq: string;
  createdAt: number;
  entries: number;
  meta: ReturnType<typeof takeSnapshot>['meta'];
  arrays: Array<{ type: 'u32' | 'u16'; offset: number; length: number }>;
}

const align8 = (n: number) => (n + 7) & ~7;

const fileName = (seq: string) => `${PREFIX}${seq.padStart(20, '0')}${SUFFIX}`;

/** Writes a snapshot of `screener` reflecting change-log `seq`; returns the file's path. */
export async function writeSnapshotFile(
  dir: string,
  screener: Screener,
  seq: string,
  now = Date.now(),
): Promise<string> {
  const snapshot = takeSnapshot(screener);
  const entries =
    screener.numbers.size + screener.domains.size + screener.accounts.size + screener.identifiers.size;
  // The arrays' offsets depend on the header's length, which holds them: lay out from a guess of the
  // header's length, and widen it until the header fits.
  let reserved = 4096;
  let header: Buffer;
  for (;;) {
    let offset = 16 + reserved;
    const arrays = snapshot.arrays.map((array) => {
      const at = offset;
      offset = align8(offset + array.byteLength);
      return {
        type: array instanceof Uint32Array ? ('u32' as const) : ('u16' as const),
        offset: at,
        length: array.length,
      };
    });
    const value: Header = { seq, createdAt: now, entries, meta: snapshot.meta, arrays };
    header = Buffer.from(JSON.stringify(value), 'utf8');
    if (header.length <= reserved) break;
    reserved = align8(header.length + 1024);
  }
  await mkdir(dir, { recursive: true });
  const path = join(dir, fileName(seq));
  const temporary = join(dir, `.${randomUUID()}.tmp`);
  const file = await open(temporary, 'w');
  try {
    const start = Buffer.alloc(16 + reserved);
    start.write(MAGIC, 0, 'latin1');
    start.writeUInt32LE(header.length, 8);
    header.copy(start, 16);
    let position = 0;
    await file.write(start, 0, start.length, position);
    position = start.length;
    for (const array of snapshot.arrays) {
      const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
      if (bytes.length) await file.write(bytes, 0, bytes.length, position);
      position = align8(position + bytes.length);
    }
    await file.truncate(position);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
  await pruneSnapshots(dir);
  return path;
}

async function snapshotNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.startsWith(PREFIX) && name.endsWith(SUFFIX)).sort();
  } catch {
    return [];
  }
}

async function pruneSnapshots(dir: string): Promise<void> {
  const names = await snapshotNames(dir);
  for (const name of names.slice(0, Math.max(0, names.length - KEEP)))
    await rm(join(dir, name), { force: true });
}

export interface LoadedSnapshot {
  screener: Screener;
  seq: string;
  createdAt: number;
  entries: number;
  path: string;
}

/** Reads one snapshot file into a screener (its arrays are views of the file's bytes). */
export async function readSnapshotFile(
  path: string,
  options: Omit<ScreenerOptions, 'seed'> = {},
): Promise<LoadedSnapshot> {
  let bytes = await readFile(path);
  if (bytes.length < 16 || bytes.toString('latin1', 0, 8) !== MAGIC)
    throw new Error(`${path}: not a screener snapshot`);
  if (bytes.byteOffset % 8 !== 0) bytes = Buffer.from(bytes); // typed-array views need aligned offsets
  const headerLength = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.toString('utf8', 16, 16 + headerLength)) as Header;
  const arrays: SnapshotArray[] = header.arrays.map(({ type, offset, length }) => {
    const width = type === 'u32' ? 4 : 2;
    if (offset % 8 !== 0 || offset + length * width > bytes.length)
      throw new Error(`${path}: truncated snapshot`);
    return type === 'u32'
      ? new Uint32Array(bytes.buffer, bytes.byteOffset + offset, length)
      : new Uint16Array(bytes.buffer, bytes.byteOffset + offset, length);
  });
  const screener = restoreSnapshot({ meta: header.meta, arrays }, options);
  return { screener, seq: header.seq, createdAt: header.createdAt, entries: header.entries, path };
}

/** The newest readable snapshot in a folder, or null when there is none. A damaged file is skipped. */
export async function readNewestSnapshot(
  dir: string,
  options: Omit<ScreenerOptions, 'seed'> = {},
): Promise<LoadedSnapshot | null> {
  const names = await snapshotNames(dir);
  for (const name of names.reverse()) {
    try {
      return await readSnapshotFile(join(dir, name), options);
    } catch {
      // Damaged or from another format: try the one before.
    }
  }
  return null;
}
