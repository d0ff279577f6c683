import { Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { cardsApi } from '../../api';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRemote } from '../../hooks/useRemote';
import { useT } from '../../i18n';
import { yuan } from '../cases/labels';
import { mono } from '../intercept/labels';

/** The cases an involved card touched and the money per case (the row's expansion in the cards table). */
export function CardCases({ cardId }: { cardId: string }) {
  const t = useT();
  const detail = useRemote((signal) => cardsApi.get(cardId, signal), [cardId]);
  if (detail.error !== null) return <ProblemAlert error={detail.error} onRetry={detail.reload} />;
  if (!detail.loading && detail.data?.cases.length === 0)
    return <Typography.Text type="secondary">{t('cards.cases.none')}</Typography.Text>;
  return (
    <Table
      rowKey="caseId"
      size="small"
      loading={detail.loading}
      pagination={false}
      dataSource={detail.data?.cases ?? []}
      columns={[
        {
          key: 'case',
          title: t('cards.col.cases'),
          render: (_, row) => (
            <Link to={`/cases/${encodeURIComponent(row.caseId)}`} style={mono}>
              {row.caseId}
            </Link>
          ),
        },
        { key: 'payments', title: t('cards.cases.payments'), align: 'right', dataIndex: 'payments' },
        { key: 'amount', title: t('cards.col.amount'), align: 'right', render: (_, row) => yuan(row.amount) },
        {
          key: 'when',
          title: t('cards.cases.when'),
          render: (_, row) =>
            [row.firstAt, row.lastAt]
              .filter((at): at is string => at !== null)
              .map((at) => dayjs(at).format('YYYY-MM-DD HH:mm'))
              .filter((text, index, all) => all.indexOf(text) === index)
              .join(' ~ '),
        },
      ]}
    />
  );
}
