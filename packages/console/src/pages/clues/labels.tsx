import { Tag } from 'antd';
import dayjs from 'dayjs';
import type { CluePriority, ClueResult, ClueStatus, ClueSummary } from '../../api';
import type { Translate } from '../../i18n';

// How the clue pages name priorities, statuses and results.

const priorityColors: Record<CluePriority, string> = {
  urgent: 'red',
  high: 'orange',
  normal: 'blue',
  low: 'default',
};

const statusColors: Record<ClueStatus, string> = {
  pending: 'gold',
  working: 'processing',
  transferring: 'purple',
  done: 'green',
};

const resultColors: Record<ClueResult, string> = {
  verified: 'cyan',
  caught: 'green',
  not_found: 'default',
};

export function PriorityTag({ priority, t }: { priority: CluePriority; t: Translate }) {
  return <Tag color={priorityColors[priority]}>{t(`clues.priority.${priority}`)}</Tag>;
}

/** The clue's status, with its result when done and the overdue and escalated marks when open. */
export function ClueStateTags({ clue, t }: { clue: ClueSummary; t: Translate }) {
  return (
    <>
      <Tag color={statusColors[clue.status]}>{t(`clues.status.${clue.status}`)}</Tag>
      {clue.result && <Tag color={resultColors[clue.result]}>{t(`clues.result.${clue.result}`)}</Tag>}
      {clue.overdue && <Tag color="error">{t('clues.overdue')}</Tag>}
      {clue.escalatedTo && clue.status !== 'done' && (
        <Tag color="volcano">{t('clues.escalatedTo', { unit: clue.escalatedTo.name })}</Tag>
      )}
    </>
  );
}

export const when = (at: string | null, none = '—') => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : none);

export const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

export const yuan = (amount: number) =>
  amount.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
