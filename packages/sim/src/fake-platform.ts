/**
 * A stand-in platform for the simulator's unit tests: lists, a screener that blocks listed values and
 * marks virtual-operator ranges, and a toy correlator (a flagged event opens a warning on the person:
 * red for a visit or a transfer, yellow otherwise). Just enough to exercise the simulator's loop.
 */
import type {
  AttemptInput,
  EntrySpec,
  EventsAnswer,
  ListSpec,
  PartnerEvent,
  PlatformClient,
  ScreenItem,
  VerdictAction,
  WarningSummary,
} from './client.js';
import type { Cdr } from './callers.js';
import type { Unit } from './province.js';

interface FakeWarning {
  id: string;
  phone: string;
  level: 'red' | 'orange' | 'yellow';
  status: 'open' | 'closed';
  firings: Array<{ at: string; eventId: string }>;
}

const RANK = { yellow: 1, orange: 2, red: 3 } as const;

export class FakePlatform implements PlatformClient {
  readonly listed = new Set<string>();
  readonly events: PartnerEvent[] = [];
  readonly attempts: Array<AttemptInput & { warningId: string; phone: string }> = [];
  readonly warnings = new Map<string, FakeWarning>();
  readonly cdrs: Cdr[] = [];

  constructor(private readonly unitList: Unit[]) {}

  async units(): Promise<Unit[]> {
    return this.unitList;
  }

  async ensureList(_list: ListSpec): Promise<boolean> {
    return true;
  }

  async addEntries(_list: string, entries: readonly EntrySpec[]): Promise<void> {
    for (const entry of entries) this.listed.add(entry.value);
  }

  async screen(items: readonly ScreenItem[]): Promise<VerdictAction[]> {
    return items.map((item) =>
      this.listed.has(item.value) ? 'block' : /^1(70|71|62|65|67)/.test(item.value) ? 'mark' : 'pass',
    );
  }

  async sendEvents(events: readonly PartnerEvent[]): Promise<EventsAnswer> {
    for (const event of events) {
      this.events.push(event);
      const counterparty = Object.values(event.evidence).find(
        (value) => typeof value === 'string' && this.listed.has(value),
      );
      if (!counterparty) continue;
      const level = event.kind === 'web' || event.kind === 'transfer' ? 'red' : 'yellow';
      const open = [...this.warnings.values()].find((w) => w.phone === event.phone && w.status === 'open');
      if (open) {
        if (RANK[level] > RANK[open.level]) open.level = level;
        open.firings.push({ at: event.at, eventId: event.id });
      } else {
        const id = `w${this.warnings.size + 1}`;
        this.warnings.set(id, {
          id,
          phone: event.phone,
          level,
          status: 'open',
          firings: [{ at: event.at, eventId: event.id }],
        });
      }
    }
    return { accepted: events.length, duplicates: 0, rejected: [] };
  }

  async sendCdrs(cdrs: readonly Cdr[]): Promise<{ records: number; badLines: number }> {
    this.cdrs.push(...cdrs);
    return { records: cdrs.length, badLines: 0 };
  }

  async pendingCdrs(): Promise<number> {
    return 0;
  }

  /** A toy detector: 30 or more outbound calls in one clock hour. */
  async markedCallers(): Promise<string[]> {
    const perHour = new Map<string, number>();
    for (const cdr of this.cdrs) {
      if (cdr.direction !== 'outbound') continue;
      const key = `${cdr.caller}@${Math.floor(cdr.start / 3_600_000)}`;
      perHour.set(key, (perHour.get(key) ?? 0) + 1);
    }
    const marked = new Set<string>();
    for (const [key, calls] of perHour) if (calls >= 30) marked.add(key.split('@')[0]!);
    return [...marked].sort();
  }

  async pendingEvents(): Promise<number> {
    return 0;
  }

  async ruleFigures(): Promise<null> {
    return null;
  }

  async warningCount(): Promise<number> {
    return this.warnings.size;
  }

  async openWarnings(level: string): Promise<WarningSummary[]> {
    return [...this.warnings.values()]
      .filter((warning) => warning.status === 'open' && warning.level === level)
      .map((warning) => ({
        id: warning.id,
        level: warning.level,
        raw: { id: warning.id, phoneMasked: `+86${warning.phone.slice(0, 3)}****${warning.phone.slice(-4)}` },
      }));
  }

  async watchWarnings(): Promise<null> {
    return null;
  }

  async warning(id: string): Promise<Record<string, unknown>> {
    const warning = this.warnings.get(id)!;
    return {
      id,
      level: warning.level,
      status: warning.status,
      phone: `+86${warning.phone}`,
      phoneMasked: `${warning.phone.slice(0, 3)}****${warning.phone.slice(-4)}`,
      timeline: warning.firings.map((firing) => ({
        type: 'firing',
        at: firing.at,
        ruleId: 'toy',
        eventId: null,
        eventIds: [firing.eventId],
      })),
    };
  }

  async recordAttempt(id: string, attempt: AttemptInput): Promise<void> {
    const warning = this.warnings.get(id)!;
    if (warning.status === 'closed') throw new Error('closed');
    this.attempts.push({ ...attempt, warningId: id, phone: warning.phone });
    if (attempt.outcome !== 'unreachable') warning.status = 'closed';
  }
}
