/**
 * Keeps a Screener in step with the intelligence store: loads a snapshot of every entry, then applies
 * the change log (`intel_changes`, seq > last applied) every `intervalMs`. If the store cannot be
 * reached the screener keeps answering from what it has, and `staleness` says for how long.
 *
 * With a snapshot folder (`snapshotDir`), `load()` starts from the newest snapshot file there and
 * follows the change log from the seq it reflects (seconds for tens of millions of entries, where
 * reading them from the store takes minutes), and every full load from the store writes a new file.
 */
import { Screener, ScreenerBuilder, type TextScorer } from '@fanzha/engine';
import type { Kysely } from 'kysely';
import { INTEL_CHANGED, type EventBus } from '../../bus/index.js';
import type { Database } from '../../store/schema.js';
import {
  findChangesAfter,
  findEntriesAfter,
  latestChangeSeq,
  toEngineChange,
  toEngineEntry,
  type EntryWithList,
} from '../intel/index.js';
import type { IntelEntry } from '@fanzha/engine';
import { readNewestSnapshot, writeSnapshotFile } from './snapshot-file.js';

const PAGE = 50_000;
const COMPACT_AFTER = 100_000;
/** Further behind than this (a bulk import), a fresh snapshot is quicker than replaying the log. */
const RELOAD_AFTER = 500_000;

export interface FollowerStatus {
  ready: boolean;
  entries: number;
  appliedSeq: string;
  lastSyncAt: number | null;
  lastError: string | null;
  /** Where the screener came from: the store, or a snapshot file (its path). */
  source: 'store' | 'snapshot' | null;
  snapshotPath: string | null;
}

export class IntelFollower {
  screener: Screener = Screener.build([]).screener;
  private appliedSeq = '0';
  private lastSyncAt: number | null = null;
  private lastError: string | null = null;
  private entries = 0;
  private ready = false;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => Promise<void>) | undefined;
  private syncing: Promise<void> | undefined;
  private writing: Promise<unknown> | undefined;
  private source: FollowerStatus['source'] = null;
  private snapshotPath: string | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: {
      textScorer?: TextScorer;
      now?: () => number;
      /** Folder of snapshot files: start from the newest, write one after every full load. */
      snapshotDir?: string;
    } = {},
  ) {}

  /**
   * Starts the screener: from the newest snapshot file when there is one (then catches up with the
   * change log once, if the store answers), else from the store.
   */
  async load(): Promise<void> {
    const dir = this.options.snapshotDir;
    const loaded = dir ? await readNewestSnapshot(dir, { textScorer: this.options.textScorer }) : null;
    if (!loaded) return this.loadSnapshot();
    this.screener = loaded.screener;
    this.entries = loaded.entries;
    this.appliedSeq = loaded.seq;
    this.lastSyncAt = loaded.createdAt;
    this.source = 'snapshot';
    this.snapshotPath = loaded.path;
    this.ready = true;
    await this.sync();
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  /**
   * Loads every entry; changes logged while loading are applied by the next sync. The store keeps
   * values normalized, so rows go to the ScreenerBuilder's fast paths (no re-classification); a row
   * those do not take goes through the builder's `add`, as `Screener.build` would.
   */
  async loadSnapshot(): Promise<void> {
    const seq = await latestChangeSeq(this.db);
    const builder = new ScreenerBuilder({ textScorer: this.options.textScorer });
    let entries = 0;
    let after = '0';
    for (;;) {
      const page = await findEntriesAfter(this.db, after, PAGE);
      for (const row of page) addRow(builder, toEngineEntry(row as EntryWithList));
      entries += page.length;
      if (page.length < PAGE) break;
      after = String(page[page.length - 1]!.id);
    }
    this.screener = builder.build();
    this.entries = entries;
    this.appliedSeq = seq;
    this.lastSyncAt = this.now();
    this.source = 'store';
    this.ready = true;
    if (this.options.snapshotDir) this.writeSnapshot(this.options.snapshotDir, this.screener, seq);
  }

  /** Writes a snapshot file in the background (the screener's arrays are captured now, before any await). */
  private writeSnapshot(dir: string, screener: Screener, seq: string): void {
    const written = writeSnapshotFile(dir, screener, seq)
      .then((path) => (this.snapshotPath = path))
      .catch((error: Error) => (this.lastError = `snapshot not written: ${error.message}`));
    this.writing = Promise.all([this.writing, written]);
  }

  /** Applies the change log since the last sync; safe to call concurrently (one runs at a time). */
  sync(): Promise<void> {
    this.syncing ??= this.applyChanges().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async applyChanges(): Promise<void> {
    try {
      const latest = await latestChangeSeq(this.db);
      if (Number(latest) - Number(this.appliedSeq) > RELOAD_AFTER) {
        await this.loadSnapshot();
        return;
      }
      for (;;) {
        const changes = await findChangesAfter(this.db, this.appliedSeq, 10_000);
        if (changes.some((change) => change.op === 'bulk')) {
          await this.loadSnapshot();
          return;
        }
        for (const change of changes) {
          this.screener.apply(toEngineChange(change.op as 'add' | 'remove', change.entry as IntelEntry));
          this.appliedSeq = String(change.seq);
        }
        if (changes.length < 10_000) break;
      }
      if (this.screener.pendingChanges > COMPACT_AFTER) {
        this.screener.compact();
        // A compaction follows ~100,000 changes: a fresh snapshot saves the next start replaying them.
        if (this.options.snapshotDir)
          this.writeSnapshot(this.options.snapshotDir, this.screener, this.appliedSeq);
      }
      this.lastSyncAt = this.now();
      this.lastError = null;
    } catch (error) {
      this.lastError = (error as Error).message;
    }
  }

  start(intervalMs = 250): void {
    this.timer ??= setInterval(() => void this.sync(), intervalMs);
    this.timer.unref();
  }

  /** Syncs as soon as the bus says the lists changed (polling stays on as the fallback). */
  async followBus(bus: EventBus): Promise<void> {
    this.unsubscribe = await bus.subscribe(INTEL_CHANGED, () => void this.sync());
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.unsubscribe?.().catch(() => undefined);
    await this.syncing;
    await this.writing;
  }

  /** Seconds since the screener last caught up with the store. */
  staleness(): number {
    return this.lastSyncAt === null ? Infinity : (this.now() - this.lastSyncAt) / 1000;
  }

  status(): FollowerStatus {
    return {
      ready: this.ready,
      entries: this.entries,
      appliedSeq: this.appliedSeq,
      lastSyncAt: this.lastSyncAt,
      lastError: this.lastError,
      source: this.source,
      snapshotPath: this.snapshotPath,
    };
  }
}

/** One stored entry into the builder: its normalized value through the fast path when it takes it. */
function addRow(builder: ScreenerBuilder, entry: IntelEntry): void {
  const { records } = builder;
  switch (entry.kind) {
    case 'number': {
      const match = entry.match ?? 'exact';
      const rule = match === 'prefix' ? `number:prefix:${entry.value}` : 'number:exact';
      if (builder.numbers.addNormalized(entry.value, records.intern(entry, rule), match)) return;
      break;
    }
    case 'domain': {
      const match = entry.match ?? 'domain';
      builder.domains.addNormalized(entry.value, records.intern(entry, match), match);
      return;
    }
    case 'account':
      if (!entry.accountKind) break;
      builder.accounts.addNormalized(
        entry.accountKind,
        entry.value,
        records.intern(entry, entry.accountKind),
      );
      return;
    case 'app':
    case 'imei':
      builder.identifiers.addNormalized(entry.kind, entry.value, records.intern(entry, entry.kind));
      return;
    default:
      break;
  }
  builder.add(entry);
}
