/**
 * "Already paid" (已被骗): the warning becomes a case at once (受理), with the numbers, sites and accounts
 * of its evidence as footprints, so that they block the next victim within a second — the loop of
 * docs/architecture.md. The case is opened after the attempt is saved: if it cannot be (no fraud type
 * known, no officer's right to enter cases), the warning keeps its outcome and amount, the failure is in
 * the audit log, and the case can be entered by hand with the warning's id.
 */
import type { Context } from '../../context.js';
import type { WarningRow } from '../../store/warnings-schema.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/index.js';
import { createCase, normalizeFootprint, type CaseCreateBody } from '../cases/index.js';

type Footprint = CaseCreateBody['footprints'][number];

interface SignalDetail {
  kind?: string;
  counterparty?: string | null;
  amount?: number | null;
}

const CARD_DIGITS = /^\d{16,19}$/;

/** The footprint a signal's counterparty makes, or null when it names nothing a case can list. */
export function footprintOf(detail: SignalDetail, at: Date): Footprint | null {
  const value = detail.counterparty;
  if (!value) return null;
  const occurredAt = at.toISOString();
  const candidate: Footprint | null =
    detail.kind === 'call' || detail.kind === 'sms'
      ? { kind: detail.kind === 'sms' ? 'sms' : 'number', value, occurredAt }
      : detail.kind === 'web'
        ? { kind: /^https?:\/\//.test(value) ? 'url' : 'domain', value, occurredAt }
        : detail.kind === 'transfer' && CARD_DIGITS.test(value)
          ? {
              kind: 'account',
              accountKind: 'bank_card',
              value,
              occurredAt,
              ...(detail.amount != null ? { amount: detail.amount } : {}),
            }
          : null;
  if (!candidate) return null;
  return normalizeFootprint(candidate.kind, candidate.value, candidate.accountKind).ok ? candidate : null;
}

/** Opens the case of a warning closed as paid; returns its number, or null when it could not be opened. */
export async function openCaseForPaidWarning(
  ctx: Context,
  actor: Actor,
  warning: WarningRow,
  amountLost: number,
  paidAt: Date,
): Promise<string | null> {
  const fail = async (reason: string) => {
    await recordAudit(
      ctx.db,
      actor,
      { action: 'warning.case_not_opened', recordType: 'warning', recordId: warning.id, reason },
      ctx.clock.now(),
    );
    return null;
  };
  if (!warning.fraud_type) return fail('the warning names no fraud type; enter the case by hand');
  const signals = await ctx.db
    .selectFrom('warning_timeline')
    .select(['detail', 'at'])
    .where('warning_id', '=', warning.id)
    .where('kind', '=', 'signal')
    .orderBy('at')
    .execute();
  const seen = new Set<string>();
  const footprints: Footprint[] = [];
  for (const signal of signals) {
    const footprint = footprintOf(signal.detail as SignalDetail, new Date(signal.at));
    if (!footprint || seen.has(`${footprint.kind}:${footprint.value}`)) continue;
    seen.add(`${footprint.kind}:${footprint.value}`);
    footprints.push(footprint);
  }
  try {
    const created = await createCase(ctx, actor, {
      unitCode: warning.unit_code,
      fraudType: warning.fraud_type as CaseCreateBody['fraudType'],
      victim: {
        name: '预警对象（待核实）',
        phone: warning.phone,
        ...(warning.id_number ? { idNumber: warning.id_number } : {}),
      },
      amountLost,
      occurredAt: paidAt.toISOString(),
      narrative: `由预警 ${warning.id} 转案：处置时群众已被骗。`,
      warningId: warning.id,
      footprints,
    });
    return created.id;
  } catch (error) {
    return fail((error as Error).message);
  }
}
