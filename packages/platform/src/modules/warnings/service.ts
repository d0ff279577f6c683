/**
 * The officers' work on warnings: the queue of their subtree (phone masked), one warning in full (the
 * read is audited), recording contact attempts and their outcome, transferring a warning. Every read is
 * limited to the actor's subtree (a warning outside it is not found); every write is audited and
 * published once committed.
 */
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import type { AttemptChannel, AttemptOutcome, WarningLevelValue } from '../../store/warnings-schema.js';
import { recordAudit } from '../audit/index.js';
import { authorize, type Actor } from '../auth/index.js';
import { escalateWarning } from './escalation.js';
import { openCaseForPaidWarning } from './paid-to-case.js';
import type { WarningPublisher } from './publisher.js';
import type { UnitDirectory } from './routing.js';
import { DEFAULT_FLASH_SMS, type SmsGateway } from './sms-gateway.js';
import {
  findAttempts,
  findTimeline,
  findWarning,
  findWarnings,
  insertTimeline,
  updateWarning,
  type Db,
  type WarningListRow,
} from './store.js';
import { toDetail, toSummary, type WarningDetail, type WarningSummary } from './views.js';

/** An unreachable person is retried; the third unreachable attempt escalates the warning. */
export const UNREACHABLE_ESCALATES_AFTER = 3;
/** How far ahead of the clock an attempt's time may be (devices' clocks drift). */
const MAX_FUTURE_MS = 5 * 60_000;

export interface WarningFilter {
  page: number;
  pageSize: number;
  status?: 'open' | 'closed';
  level?: WarningLevelValue;
  unit?: string;
  fraudType?: string;
}

export interface AttemptInput {
  channel: AttemptChannel;
  outcome: AttemptOutcome;
  /** Yuan: the loss avoided (dissuaded) or the loss (paid). */
  amount?: number;
  note?: string;
  /** When it happened, if not now (a visit recorded afterwards). */
  at?: string;
  /** The flash SMS text (channel sms); a standard warning text when left out. */
  message?: string;
}

export interface TransferInput {
  unitCode: string;
  reason: string;
}

export interface WarningServiceDeps {
  units: UnitDirectory;
  publisher: WarningPublisher;
  sms: SmsGateway;
}

const personOf = (actor: Actor) => ({
  username: actor.type === 'api_key' ? actor.name : actor.username,
  id: actor.type === 'system' ? null : actor.id,
  unitCode: actor.type === 'system' ? null : actor.unitCode,
});

export class WarningService {
  constructor(
    private readonly ctx: Context,
    private readonly deps: WarningServiceDeps,
  ) {}

  async list(actor: Actor, filter: WarningFilter) {
    authorize(actor, 'warnings.read');
    let unit: { code: string; path: string } | undefined;
    if (filter.unit) {
      const found = this.deps.units.get(filter.unit);
      if (!found || !found.path.startsWith(actor.unitPath))
        throw new AppError('unit_not_found', `no unit ${filter.unit} in your part of the org tree`);
      unit = { code: found.code, path: found.path };
    }
    const { rows, total } = await findWarnings(this.ctx.db, {
      unitPath: actor.unitPath,
      unit,
      status: filter.status,
      level: filter.level,
      fraudType: filter.fraudType,
      limit: filter.pageSize,
      offset: (filter.page - 1) * filter.pageSize,
    });
    return { items: rows.map(toSummary), total, page: filter.page, pageSize: filter.pageSize };
  }

  /** The warning in full: the person's phone and ID number are personal data, so the read is audited. */
  async get(actor: Actor, id: string, ip: string | null = null): Promise<WarningDetail> {
    authorize(actor, 'warnings.read');
    const row = await this.find(this.ctx.db, actor, id);
    await recordAudit(
      this.ctx.db,
      actor,
      {
        action: 'personal_data.read',
        recordType: 'warning',
        recordId: row.id,
        ip,
        detail: { fields: row.id_number ? ['phone', 'idNumber'] : ['phone'] },
      },
      this.ctx.clock.now(),
    );
    return this.detail(this.ctx.db, row);
  }

  async recordAttempt(actor: Actor, id: string, input: AttemptInput, ip: string | null = null) {
    authorize(actor, 'warnings.work');
    const now = this.ctx.clock.now();
    const at = input.at ? new Date(input.at) : now;
    if (at.getTime() - now.getTime() > MAX_FUTURE_MS)
      throw new AppError('validation_failed', 'the attempt’s time is in the future', [
        { field: '/at', message: 'must not be more than 5 minutes ahead' },
      ]);
    if ((input.outcome === 'dissuaded' || input.outcome === 'paid') && input.amount === undefined)
      throw new AppError('validation_failed', `${input.outcome} needs the amount (yuan)`, [
        { field: '/amount', message: `required when the outcome is ${input.outcome}` },
      ]);
    const message = input.channel === 'sms' ? input.message?.trim() || DEFAULT_FLASH_SMS : null;
    const by = personOf(actor);

    const result = await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.find(tx, actor, id, { lock: true });
      if (row.status !== 'open')
        throw new AppError('conflict', `the warning was closed (${row.outcome}); nothing more to record`);
      await tx
        .insertInto('warning_attempts')
        .values({
          warning_id: row.id,
          channel: input.channel,
          outcome: input.outcome,
          amount: input.amount ?? null,
          note: input.note?.trim() || null,
          message,
          by_user: by.username,
          by_user_id: by.id,
          unit_code: by.unitCode,
          at,
          recorded_at: now,
        })
        .execute();
      const reached = input.outcome !== 'unreachable';
      const firstContact =
        reached && (row.first_contact_at === null || at < new Date(row.first_contact_at))
          ? at
          : row.first_contact_at;
      let updated = await updateWarning(tx, row.id, {
        updated_at: now,
        first_contact_at: firstContact,
        ...(reached
          ? {
              status: 'closed' as const,
              outcome: input.outcome as Exclude<AttemptOutcome, 'unreachable'>,
              amount: input.amount ?? null,
              closed_at: now,
            }
          : { unreachable_count: row.unreachable_count + 1 }),
      });
      let escalated = false;
      if (!reached && updated.unreachable_count % UNREACHABLE_ESCALATES_AFTER === 0) {
        updated = await escalateWarning(tx, this.deps.units, updated, now, {
          cause: 'unreachable',
          attempts: updated.unreachable_count,
        });
        escalated = true;
      }
      await recordAudit(
        tx,
        actor,
        {
          action: 'warning.attempt',
          recordType: 'warning',
          recordId: row.id,
          ip,
          reason: input.note?.trim() || undefined,
          detail: { channel: input.channel, outcome: input.outcome, amount: input.amount ?? null },
        },
        now,
      );
      return { escalated, warningId: updated.id };
    });

    if (message) {
      const row = await findWarning(this.ctx.db, id, null);
      if (row) await this.deps.sms.send({ to: row.phone, text: message, warningId: row.id });
    }
    await this.deps.publisher.publish(result.warningId, result.escalated ? 'escalated' : 'updated');
    const closed = await this.find(this.ctx.db, actor, id);
    if (input.outcome === 'paid') await openCaseForPaidWarning(this.ctx, actor, closed, input.amount!, at);
    return this.detail(this.ctx.db, closed);
  }

  /**
   * Moves a warning to another unit: one in the actor's subtree, or the province's queue. Its
   * escalation starts over at the new unit; its deadline stays (the person's time does not stop).
   */
  async transfer(actor: Actor, id: string, input: TransferInput, ip: string | null = null) {
    authorize(actor, 'warnings.work');
    const reason = input.reason.trim();
    if (reason.length < 2)
      throw new AppError('validation_failed', 'a reason is required', [
        { field: '/reason', message: 'must not be empty' },
      ]);
    const target = this.deps.units.get(input.unitCode);
    const province = this.deps.units.province;
    if (!target || (target.code !== province.code && !target.path.startsWith(actor.unitPath)))
      throw new AppError('unit_not_found', `no unit ${input.unitCode} in your part of the org tree`);
    const now = this.ctx.clock.now();
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.find(tx, actor, id, { lock: true });
      if (row.status !== 'open') throw new AppError('conflict', 'a closed warning cannot be transferred');
      if (row.unit_code === target.code)
        throw new AppError('conflict', `the warning is already with ${target.name}`);
      await updateWarning(tx, row.id, {
        unit_code: target.code,
        routed_by: 'transfer',
        escalated_at: null,
        escalated_to: null,
        updated_at: now,
      });
      await insertTimeline(tx, [
        {
          warning_id: row.id,
          key: `transfer:${now.getTime()}:${target.code}`,
          kind: 'transfer',
          event_id: null,
          rule_id: null,
          at: now,
          detail: {
            fromUnitCode: row.unit_code,
            toUnitCode: target.code,
            reason,
            actor: personOf(actor).username,
          },
        },
      ]);
      await recordAudit(
        tx,
        actor,
        {
          action: 'warning.transfer',
          recordType: 'warning',
          recordId: row.id,
          ip,
          reason,
          detail: { from: row.unit_code, to: target.code },
        },
        now,
      );
    });
    await this.deps.publisher.publish(id, 'updated');
    // The actor may have sent it out of their subtree (to the province): answer with what they saw.
    const after = await findWarning(this.ctx.db, id, null);
    return this.detail(this.ctx.db, after!);
  }

  private async find(db: Db, actor: Actor, id: string, options: { lock?: boolean } = {}) {
    const row = await findWarning(db, id, actor.unitPath, options);
    if (!row) throw new AppError('not_found', `no warning ${id} in your part of the org tree`);
    return row;
  }

  private async detail(db: Db, row: WarningListRow): Promise<WarningDetail> {
    const [timeline, attempts] = await Promise.all([findTimeline(db, row.id), findAttempts(db, row.id)]);
    return toDetail(row, timeline, attempts);
  }
}

export type { WarningSummary };
