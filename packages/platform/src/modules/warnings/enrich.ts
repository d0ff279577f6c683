/**
 * Enrichment: a valid partner event becomes the engine's `Signal` (docs/warnings.md, "Correlation").
 * The counterparty (calling number, SMS sender and text, domain or URL, payee account, app) is
 * normalised and screened against the lists with the in-memory screener of this process (never the
 * database); the fraud type comes from the evidence, else from the lists that matched
 * (`intel_lists.fraud_type`), else, for an SMS text, from the engine's SMS model. Pure apart from the
 * caches it is given; never writes.
 */
import {
  createSmsClassifier,
  isFraudType,
  readShippedSmsModel,
  type EventKind,
  type FraudType,
  type Screener,
  type ScreenItem,
  type Signal,
  type SmsClassifier,
  type Verdict,
} from '@fanzha/engine';
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { AcceptedEvent } from '../events/index.js';

/** What enrichment reads of an event (the events module's accepted event, or one read back from the store). */
export type EventForSignal = Pick<AcceptedEvent, 'id' | 'kind' | 'at' | 'phone' | 'idNumber' | 'evidence'>;

/** The list name under which an SMS text flagged by the SMS model appears in a signal's `lists`. */
export const SMS_TEXT_LIST = 'sms-text';

/** Fraud type per list name, from `intel_lists.fraud_type`; reloaded by `refresh`. */
export class ListFraudTypes {
  private byList = new Map<string, FraudType>();

  constructor(private readonly db: Kysely<Database>) {}

  async refresh(): Promise<void> {
    const rows = await this.db
      .selectFrom('intel_lists')
      .select(['name', 'fraud_type'])
      .where('fraud_type', 'is not', null)
      .execute();
    const byList = new Map<string, FraudType>();
    for (const row of rows)
      if (row.fraud_type && isFraudType(row.fraud_type)) byList.set(row.name, row.fraud_type);
    this.byList = byList;
  }

  /** The fraud type of the first list that has one. */
  of(lists: readonly string[]): FraudType | null {
    for (const list of lists) {
      const type = this.byList.get(list);
      if (type) return type;
    }
    return null;
  }
}

export interface SmsThresholdsLike {
  mark: number;
  block: number;
}

/** The SMS model, loaded once per process. */
let shippedClassifier: SmsClassifier | undefined;
function smsClassifier(): SmsClassifier {
  shippedClassifier ??= createSmsClassifier(
    readShippedSmsModel((url) => readFileSync(url, 'utf8')),
    {
      topFeatures: 0,
    },
  );
  return shippedClassifier;
}

const stringField = (evidence: Record<string, unknown>, field: string): string | null => {
  const value = evidence[field];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
};

const numberField = (evidence: Record<string, unknown>, field: string): number | null => {
  const value = evidence[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/** The screen items of an event's counterparty, most specific first. */
export function counterpartyItems(kind: EventKind, evidence: Record<string, unknown>): ScreenItem[] {
  const number = stringField(evidence, 'number');
  const domain = stringField(evidence, 'domain');
  const url = stringField(evidence, 'url');
  const account = stringField(evidence, 'account');
  switch (kind) {
    case 'call':
    case 'sms':
      return number ? [{ kind: 'number', value: number }] : [];
    case 'web':
      return url ? [{ kind: 'url', value: url }] : domain ? [{ kind: 'domain', value: domain }] : [];
    case 'transfer':
      return account ? [{ kind: 'account', value: account }] : [];
    case 'report': {
      const items: ScreenItem[] = [];
      if (number) items.push({ kind: 'number', value: number });
      if (domain) items.push({ kind: 'domain', value: domain });
      if (account) items.push({ kind: 'account', value: account });
      return items;
    }
    case 'screening_hit': {
      const value = stringField(evidence, 'value');
      const screenKind = stringField(evidence, 'screenKind');
      if (!value || !screenKind) return [];
      // An SMS hit names the sender; its text, if any, is not part of the hit.
      return [{ kind: screenKind === 'sms' ? 'number' : screenKind, value } as ScreenItem];
    }
    case 'app': {
      // Screened by its package / bundle id, so an app listed from a case or a feed is `listed`
      // (the listed-app-installed rule); a display name alone is no identity and answers invalid.
      const app = stringField(evidence, 'app');
      return app ? [{ kind: 'app', value: app }] : [];
    }
  }
}

export class SignalEnricher {
  constructor(
    private readonly options: {
      /** The screener of this process (the follower swaps it on reload, so always ask). */
      screener: () => Screener;
      listFraudTypes: ListFraudTypes;
      smsThresholds: SmsThresholdsLike;
      /** The platform's clock (entries expire), ms. */
      now: () => number;
    },
  ) {}

  toSignal(event: EventForSignal): Signal {
    const { evidence } = event;
    const now = this.options.now();
    const screener = this.options.screener();
    let counterparty: string | null = null;
    let listed: 'block' | 'mark' | null = null;
    const lists: string[] = [];
    const note = (verdict: Verdict) => {
      if (verdict.action !== 'block' && verdict.action !== 'mark') return;
      if (verdict.action === 'block' || listed === null) listed = verdict.action;
      for (const reason of verdict.reasons)
        if (reason.action !== 'allow' && !lists.includes(reason.list)) lists.push(reason.list);
    };
    for (const item of counterpartyItems(event.kind, evidence)) {
      const verdict = screener.screen(item, now);
      counterparty ??= verdict.normalized ?? item.value.trim();
      note(verdict);
    }

    let smsFraudType: FraudType | null = null;
    const text = event.kind === 'sms' ? stringField(evidence, 'text') : null;
    if (text) {
      const result = smsClassifier().classify(text);
      const { mark, block } = this.options.smsThresholds;
      if (result.score >= mark) {
        note({
          action: result.score >= block ? 'block' : 'mark',
          risk: Math.round(result.score * 100),
          reasons: [
            {
              list: SMS_TEXT_LIST,
              rule: `sms:${result.fraudType ?? 'fraud'}`,
              source: { kind: 'rule', id: 'sms-model' },
              addedAt: now,
              action: result.score >= block ? 'block' : 'mark',
              confidence: Math.round(result.score * 100),
              expiresAt: null,
            },
          ],
          normalized: null,
          invalidReason: null,
        });
        smsFraudType = result.fraudType;
      }
    }

    const evidenceType = stringField(evidence, 'fraudType');
    const fraudType =
      (evidenceType && isFraudType(evidenceType) ? evidenceType : null) ??
      this.options.listFraudTypes.of(lists) ??
      smsFraudType;
    return {
      eventId: event.id,
      kind: event.kind,
      at: event.at.getTime(),
      person: event.phone,
      counterparty,
      listed,
      lists,
      fraudType,
      amount: event.kind === 'transfer' ? numberField(evidence, 'amount') : null,
      durationSeconds: event.kind === 'call' ? numberField(evidence, 'durationSeconds') : null,
    };
  }
}

/**
 * Whether a signal is worth adding to an open warning's timeline on its own (beyond the signals of a
 * firing): it touched a list or the detectors, names a fraud type, or moves money or is a report.
 */
export function isNoteworthy(signal: Signal): boolean {
  return (
    signal.listed !== null ||
    signal.fraudType !== null ||
    signal.kind === 'transfer' ||
    signal.kind === 'report' ||
    signal.kind === 'screening_hit'
  );
}
