import { Space, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { Page, WarningSummary } from '../../../api';
import { pageOf, paginationOf } from '../../../components/paging';
import { useLocale, useT } from '../../../i18n';
import { useUnits } from '../../../units/UnitsProvider';
import { mono } from '../../intercept/labels';
import { Countdown, useNow } from '../Countdown';
import { EscalatedTag, formatYuan, FraudTypeText, LevelTag, OutcomeTag, StatusTag } from '../labels';
import type { WarningsUrlQuery } from './warningsQuery';

const when = (at: string) => dayjs(at).format('MM-DD HH:mm:ss');

interface WarningsTableProps {
  page: Page<WarningSummary> | undefined;
  loading: boolean;
  query: WarningsUrlQuery;
  onQueryChange: (patch: Partial<WarningsUrlQuery>) => void;
  /** Warnings that just arrived or changed on the stream, shown highlighted for a few seconds. */
  fresh: ReadonlySet<string>;
}

/** One server page of warnings, most urgent first: level, then the first-contact deadline. */
export function WarningsTable({ page, loading, query, onQueryChange, fresh }: WarningsTableProps) {
  const t = useT();
  const { locale } = useLocale();
  const now = useNow();
  const { byCode } = useUnits();
  const columns: TableColumnsType<WarningSummary> = [
    {
      key: 'level',
      title: t('warnings.col.level'),
      render: (_, warning) => <LevelTag level={warning.level} />,
    },
    {
      key: 'phone',
      title: t('warnings.col.phone'),
      render: (_, warning) => (
        <Link
          to={`/warnings/queue/${encodeURIComponent(warning.id)}`}
          aria-label={t('warnings.openOne', { phone: warning.phoneMasked })}
        >
          <span style={mono}>{warning.phoneMasked}</span>
        </Link>
      ),
    },
    {
      key: 'fraudType',
      title: t('warnings.col.fraudType'),
      render: (_, warning) => <FraudTypeText fraudType={warning.fraudType} />,
    },
    {
      key: 'unit',
      title: t('warnings.col.unit'),
      render: (_, warning) => (
        <Space size={4}>
          {warning.unitName ?? byCode.get(warning.unitCode)?.name ?? warning.unitCode}
          {warning.escalated && <EscalatedTag to={warning.escalatedTo} />}
        </Space>
      ),
    },
    {
      key: 'deadline',
      title: t('warnings.col.deadline'),
      render: (_, warning) =>
        warning.status === 'open' && !warning.firstContactAt ? (
          <Countdown deadlineAt={warning.deadlineAt} now={now} />
        ) : (
          <Typography.Text type="secondary">
            {warning.firstContactAt
              ? t('warnings.contactedAt', { at: when(warning.firstContactAt) })
              : t('common.none')}
          </Typography.Text>
        ),
    },
    {
      key: 'status',
      title: t('warnings.col.status'),
      render: (_, warning) => (
        <Space size={4}>
          <StatusTag status={warning.status} />
          {warning.outcome && <OutcomeTag outcome={warning.outcome} />}
          {warning.amount != null && (
            <Typography.Text type="secondary">
              {t('warnings.yuan', { amount: formatYuan(warning.amount, locale) })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'createdAt', title: t('warnings.col.createdAt'), render: (_, warning) => when(warning.createdAt) },
    { key: 'updatedAt', title: t('warnings.col.updatedAt'), render: (_, warning) => when(warning.updatedAt) },
  ];

  const onChange: TableProps<WarningSummary>['onChange'] = (pagination, _filters, _sorter, extra) => {
    if (extra.action === 'paginate') onQueryChange(pageOf(pagination, query));
  };

  return (
    <Table<WarningSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading && !page}
      onChange={onChange}
      rowClassName={(warning) => (fresh.has(warning.id) ? 'warning-row-fresh' : '')}
      scroll={{ x: 'max-content' }}
      pagination={paginationOf(t, query, page?.total, [20, 50, 100])}
    />
  );
}
