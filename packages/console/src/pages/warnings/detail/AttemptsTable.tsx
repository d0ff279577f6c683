import { Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { WarningAttempt } from '../../../api';
import { useLocale, useT } from '../../../i18n';
import { useUnits } from '../../../units/UnitsProvider';
import { formatYuan, OutcomeTag } from '../labels';

/** Every contact attempt on the warning, newest last: channel, outcome, amount, who and when. */
export function AttemptsTable({ attempts }: { attempts: readonly WarningAttempt[] }) {
  const t = useT();
  const { locale } = useLocale();
  const { byCode } = useUnits();
  const none = t('common.none');
  const columns: TableColumnsType<WarningAttempt> = [
    {
      key: 'at',
      title: t('warnings.attempt.at'),
      render: (_, a) => dayjs(a.at).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      key: 'channel',
      title: t('warnings.attempt.channel'),
      render: (_, a) => t(`warnings.channel.${a.channel}`),
    },
    {
      key: 'outcome',
      title: t('warnings.attempt.outcome'),
      render: (_, a) => <OutcomeTag outcome={a.outcome} />,
    },
    {
      key: 'amount',
      title: t('warnings.attempt.amount'),
      render: (_, a) =>
        a.amount == null ? none : t('warnings.yuan', { amount: formatYuan(a.amount, locale) }),
    },
    {
      key: 'note',
      title: t('warnings.attempt.note'),
      render: (_, a) => (
        <Typography.Text style={{ maxWidth: 320 }} ellipsis={{ tooltip: a.note ?? a.message }}>
          {a.note ?? a.message ?? none}
        </Typography.Text>
      ),
    },
    {
      key: 'actor',
      title: t('warnings.attempt.actor'),
      render: (_, a) =>
        [a.actor, a.unitCode ? (byCode.get(a.unitCode)?.name ?? a.unitCode) : null]
          .filter(Boolean)
          .join(' · ') || none,
    },
  ];
  return (
    <Table<WarningAttempt>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...attempts]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('warnings.detail.noAttempts') }}
    />
  );
}
