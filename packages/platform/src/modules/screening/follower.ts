/**
 * Keeps a Screener in step with the intelligence store: loads a snapshot of every entry, then applies
 * the change log (`intel_changes`, seq > last applied) every `intervalMs`. If the store cannot be
 * reached the screener keeps answering from what it has, and `staleness` says for how long.
 */
import { Screener, type TextScorer } from '@fanzha/engine';
import type { Kysely } from 'kysely';
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
}

export class IntelFollower {
  screener: Screener = Screener.build([]).screener;
  private appliedSeq = '0';
  private lastSyncAt: number | null = null;
  private lastError: string | null = null;
  private entries = 0;
  private ready = false;
  private timer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: { textScorer?: TextScorer; now?: () => number } = {},
  ) {}

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  /** Loads every entry; changes logged while loading are applied by the next sync. */
  async loadSnapshot(): Promise<void> {
    const seq = await latestChangeSeq(this.db);
    const entries: IntelEntry[] = [];
    let after = '0';
    for (;;) {
      const page = await findEntriesAfter(this.db, after, PAGE);
      for (const row of page) entries.push(toEngineEntry(row as EntryWithList));
      if (page.length < PAGE) break;
      after = String(page[page.length - 1]!.id);
    }
    this.screener = Screener.build(entries, { textScorer: this.options.textScorer }).screener;
    this.entries = entries.length;
    this.appliedSeq = seq;
    this.lastSyncAt = this.now();
    this.ready = true;
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
      if (this.screener.pendingChanges > COMPACT_AFTER) this.screener.compact();
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

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.syncing;
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
    };
  }
}
