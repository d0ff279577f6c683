import { Space, Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import dayjs from 'dayjs';
import type { Appeal, AppealStatus, Page } from '../../../api';
import { pageOf, paginationOf } from '../../../components/paging';
import { RowAction } from '../../../components/RowAction';
import { useT } from '../../../i18n';
import { useUnits } from '../../../units/UnitsProvider';
import { KindTag, mono } from '../labels';
import type { AppealsUrlQuery } from './appealsQuery';

const statusColors: Record<AppealStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'default',
};
const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

interface AppealsTableProps {
  page: Page<Appeal> | undefined;
  loading: boolean;
  query: AppealsUrlQuery;
  onQueryChange: (patch: Partial<AppealsUrlQuery>) => void;
  /** Absent for roles that cannot decide. */
  onDecide?: ((appeal: Appeal, decision: 'approve' | 'reject') => void) | undefined;
}

/** One server page of appeals: what is contested, by whom and why, and the outcome. */
export function AppealsTable({ page, loading, query, onQueryChange, onDecide }: AppealsTableProps) {
  const t = useT();
  const { byCode } = useUnits();
  const none = t('common.none');
  const columns: TableColumnsType<Appeal> = [
    { key: 'createdAt', title: t('appeals.col.createdAt'), render: (_, appeal) => when(appeal.createdAt) },
    {
      key: 'value',
      title: t('appeals.col.value'),
      render: (_, appeal) => (
        <Space size={4}>
          <KindTag kind={appeal.kind} />
          <span style={mono}>{appeal.value}</span>
        </Space>
      ),
    },
    { key: 'list', title: t('appeals.col.list'), dataIndex: 'list' },
    {
      key: 'appellant',
      title: t('appeals.col.appellant'),
      render: (_, appeal) => (
        <Space orientation="vertical" size={0}>
          {appeal.appellant}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {byCode.get(appeal.appellantUnitCode)?.name ?? appeal.appellantUnitCode}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'reason',
      title: t('appeals.col.reason'),
      render: (_, appeal) => (
        <Space orientation="vertical" size={0} style={{ maxWidth: 280 }}>
          <Typography.Text>{appeal.reason}</Typography.Text>
          {appeal.evidence && (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              ellipsis={{ tooltip: appeal.evidence }}
            >
              {t('appeals.col.evidence')}：{appeal.evidence}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('appeals.col.status'),
      render: (_, appeal) => (
        <Tag color={statusColors[appeal.status]}>{t(`appeals.status.${appeal.status}`)}</Tag>
      ),
    },
    {
      key: 'decision',
      title: t('appeals.col.decision'),
      render: (_, appeal) =>
        appeal.status === 'pending' ? (
          none
        ) : (
          <Space orientation="vertical" size={0} style={{ maxWidth: 280 }}>
            <Typography.Text>{appeal.decisionReason ?? none}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {appeal.decidedBy ?? none} · {appeal.decidedAt ? when(appeal.decidedAt) : none}
            </Typography.Text>
          </Space>
        ),
    },
    ...(onDecide
      ? [
          {
            key: 'actions',
            title: t('users.col.actions'),
            fixed: 'right' as const,
            render: (_: unknown, appeal: Appeal) =>
              appeal.status === 'pending' && (
                <Space size={0}>
                  <RowAction
                    label={t('appeals.approve')}
                    subject={appeal.value}
                    onClick={() => onDecide(appeal, 'approve')}
                  />
                  <RowAction
                    label={t('appeals.reject')}
                    subject={appeal.value}
                    danger
                    onClick={() => onDecide(appeal, 'reject')}
                  />
                </Space>
              ),
          },
        ]
      : []),
  ];

  const onChange: TableProps<Appeal>['onChange'] = (pagination, _filters, _sorter, extra) => {
    if (extra.action === 'paginate') {
      onQueryChange(pageOf(pagination, query));
    }
  };

  return (
    <Table<Appeal>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      onChange={onChange}
      scroll={{ x: 'max-content' }}
      pagination={paginationOf(t, query, page?.total, [20, 50, 100])}
    />
  );
}
