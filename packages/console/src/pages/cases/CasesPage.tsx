import { Button, Card, Select, Space, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { casesApi, caseStatuses, fraudTypes, type CaseSummary } from '../../api';
import { useCan } from '../../auth';
import { FilterBar, SearchFilter } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { pageOf, paginationOf } from '../../components/paging';
import { useRemote } from '../../hooks/useRemote';
import { useUrlQuery } from '../../hooks/useUrlQuery';
import { useT } from '../../i18n';
import { mono } from '../intercept/labels';
import { UnitTreeSelect } from '../../units/UnitTreeSelect';
import { parseCasesQuery } from './casesQuery';
import { fraudTypeLabel, StatusTag, yuan } from './labels';

/** 案件: the subtree's cases, filtered and paged on the server; victims masked. */
export function CasesPage() {
  const t = useT();
  const navigate = useNavigate();
  const canWrite = useCan('cases.write');
  const [query, setQuery] = useUrlQuery(parseCasesQuery);
  const cases = useRemote((signal) => casesApi.find(query, signal), [JSON.stringify(query)]);

  const columns: TableColumnsType<CaseSummary> = [
    {
      key: 'id',
      title: t('cases.col.id'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/cases/${row.id}`} style={mono}>
            {row.id}
          </Link>
          {row.externalRef && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.externalRef}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'unit', title: t('cases.col.unit'), dataIndex: 'unitName' },
    {
      key: 'fraudType',
      title: t('cases.col.fraudType'),
      render: (_, row) => fraudTypeLabel(t, row.fraudType),
    },
    {
      key: 'status',
      title: t('cases.col.status'),
      render: (_, row) => <StatusTag status={row.status} t={t} />,
    },
    {
      key: 'victim',
      title: t('cases.col.victim'),
      render: (_, row) => [row.victim.name, row.victim.phone].filter(Boolean).join(' · '),
    },
    {
      key: 'amountLost',
      title: t('cases.col.amountLost'),
      align: 'right',
      render: (_, row) => yuan(row.amountLost),
    },
    { key: 'footprints', title: t('cases.col.footprints'), align: 'right', dataIndex: 'footprintCount' },
    {
      key: 'reportedAt',
      title: t('cases.col.reportedAt'),
      render: (_, row) => dayjs(row.reportedAt).format('YYYY-MM-DD HH:mm'),
    },
  ];

  const onChange: TableProps<CaseSummary>['onChange'] = (pagination, _filters, _sorter, extra) => {
    if (extra.action === 'paginate') setQuery(pageOf(pagination, query));
  };

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        subtitle={t('cases.subtitle')}
        extra={
          canWrite && (
            <Button icon={<CloudUploadOutlined />} onClick={() => void navigate('/cases/import')}>
              {t('cases.import')}
            </Button>
          )
        }
      />
      {cases.error !== null && <ProblemAlert error={cases.error} onRetry={cases.reload} />}
      <Card>
        <FilterBar
          action={
            canWrite ? { label: t('cases.new'), onClick: () => void navigate('/cases/new') } : undefined
          }
        >
          <SearchFilter
            label={t('cases.search')}
            value={query.q}
            width={320}
            onSearch={(q) => setQuery({ q, page: 1 })}
          />
          <UnitTreeSelect
            allowClear
            aria-label={t('cases.filterUnit')}
            placeholder={t('cases.filterUnit')}
            value={query.unitCode}
            onChange={(unitCode) => setQuery({ unitCode, page: 1 })}
            style={{ width: 200 }}
          />
          <Select
            allowClear
            aria-label={t('cases.filterStatus')}
            placeholder={t('cases.filterStatus')}
            value={query.status}
            onChange={(status) => setQuery({ status: status ?? undefined, page: 1 })}
            options={caseStatuses.map((status) => ({ value: status, label: t(`cases.status.${status}`) }))}
            style={{ width: 120 }}
          />
          <Select
            allowClear
            aria-label={t('cases.filterFraudType')}
            placeholder={t('cases.filterFraudType')}
            value={query.fraudType}
            onChange={(fraudType) => setQuery({ fraudType: fraudType ?? undefined, page: 1 })}
            options={[...fraudTypes, 'other' as const].map((type) => ({
              value: type,
              label: fraudTypeLabel(t, type),
            }))}
            style={{ width: 180 }}
          />
        </FilterBar>
        <Table<CaseSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={cases.data?.items ?? []}
          loading={cases.loading}
          onChange={onChange}
          scroll={{ x: 'max-content' }}
          pagination={paginationOf(t, query, cases.data?.total, [20, 50, 100, 200])}
        />
      </Card>
    </>
  );
}
