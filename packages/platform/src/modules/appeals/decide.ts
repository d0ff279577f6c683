/**
 * Deciding an appeal. An analyst of the subtree the appeal was filed in decides, provided the list is
 * owned in the analyst's subtree (the owner of a list answers for its entries; others get 403). The
 * decision, the withdrawal of the entry, the allow entry and their change-log and audit rows are one
 * transaction: all or nothing. Screening nodes see the change through the intel change log.
 */
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import type { AppealRow, IntelListRow } from '../../store/schema.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/index.js';
import { authorize } from '../auth/index.js';
import { actorName } from '../auth/actor.js';
import {
  ensureListIn,
  getWritableList,
  notifyChanges,
  prepareEntries,
  removeEntryIn,
  writeEntries,
  type ListKind,
} from '../intel/index.js';
import { getAppealRow, toAppeal, type Appeal } from './service.js';
import { markDecided } from './store.js';

type Tx = Parameters<typeof writeEntries>[0];

const ALLOW_LIST_TITLES: Record<ListKind, string> = {
  number: '申诉放行号码',
  domain: '申诉放行域名',
  url: '申诉放行网址',
  account: '申诉放行账户',
  app: '申诉放行应用',
  imei: '申诉放行设备',
};

/** The allow list approved appeals of a kind go to, owned by the provincial center. */
export const allowListName = (kind: ListKind): string => `appeals-allow-${kind}`;

export interface AppealDecision {
  decision: 'approve' | 'reject';
  reason: string;
}

export async function decideAppeal(
  ctx: Context,
  actor: Actor,
  id: string,
  input: AppealDecision,
): Promise<Appeal> {
  authorize(actor, 'appeals.decide');
  const appeal = await getAppealRow(ctx, { unitPath: actor.unitPath }, id);
  if (appeal.status !== 'pending')
    throw new AppError('conflict', `the appeal ${id} is already ${appeal.status}`);
  const reason = input.reason.trim();
  if (reason.length < 2)
    throw new AppError('validation_failed', 'a reason is required', [
      { field: '/reason', message: 'must not be empty' },
    ]);
  const list = await getWritableList(ctx, actor, appeal.list_id);
  const now = ctx.clock.now();
  const decided = await ctx.db.transaction().execute(async (tx) => {
    const row = await markDecided(tx, id, {
      status: input.decision === 'approve' ? 'approved' : 'rejected',
      decided_by: actorName(actor),
      decision_reason: reason,
      decided_at: now,
    });
    if (!row) throw new AppError('conflict', `the appeal ${id} was decided meanwhile`);
    const release = input.decision === 'approve' ? await releaseValue(ctx, tx, actor, list, row, now) : null;
    await recordAudit(
      tx,
      actor,
      {
        action: 'appeal.decide',
        recordType: 'appeal',
        recordId: id,
        reason,
        detail: { decision: input.decision, list: list.name, value: row.value, ...release },
      },
      now,
    );
    return row;
  });
  if (input.decision === 'approve') await notifyChanges(ctx);
  return toAppeal({ ...decided, list_name: list.name });
}

/**
 * Withdraws the entry (if it is still there) and keeps the value on the allow list of its kind, both
 * with a reason that names the appeal, so the change log and the verdict explain themselves.
 */
async function releaseValue(
  ctx: Context,
  tx: Tx,
  actor: Actor,
  list: IntelListRow,
  appeal: AppealRow,
  now: Date,
): Promise<{ entryRemoved: boolean; allowList: string }> {
  const why = `申诉 appeal:${appeal.id} 通过：${appeal.decision_reason}`;
  const removed = await removeEntryIn(tx, list, appeal.value, appeal.match, actor, why, now);
  const allowList = await ensureListIn(
    tx,
    actor,
    {
      name: allowListName(appeal.kind),
      title: ALLOW_LIST_TITLES[appeal.kind],
      kind: appeal.kind,
      defaultAction: 'allow',
      description: '申诉通过后放行的值（由申诉审批自动维护）',
      unitCode: `${ctx.config.provinceCode}0000`,
    },
    now,
  );
  if (allowList.kind !== appeal.kind || allowList.default_action !== 'allow')
    throw new AppError(
      'conflict',
      `the list ${allowList.name} exists but is not an allow list of ${appeal.kind} values; appeals cannot use it`,
    );
  const { rows, errors } = prepareEntries(
    allowList,
    [
      {
        value: appeal.value,
        match: appeal.match,
        accountKind: appeal.account_kind ?? undefined,
        action: 'allow',
        source: { kind: 'rule', id: `appeal:${appeal.id}` },
        reason: why,
      },
    ],
    actor,
    now,
  );
  if (errors.length)
    throw new Error(`the stored value ${appeal.value} does not normalise: ${errors[0]!.reason}`);
  await writeEntries(tx, allowList, rows, actor, now);
  await recordAudit(
    tx,
    actor,
    {
      action: 'intel.entries_add',
      recordType: 'intel_list',
      recordId: allowList.id,
      reason: why,
      detail: { list: allowList.name, count: rows.length, sample: [appeal.value], appeal: appeal.id },
    },
    now,
  );
  return { entryRemoved: removed !== undefined, allowList: allowList.name };
}
