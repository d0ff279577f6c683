import { Card, Select, Table, Tag, type TableColumnsType, type TableProps } from 'antd';
import { Link, useNavigate } from 'react-router';
import { operationsApi, type OperationPhase, type OperationSummary } from '../../api';
import { useCan } from '../../auth';
import { FilterBar, SearchFilter } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { pageOf, paginationOf } from '../../components/paging';
import { useRemote } from '../../hooks/useRemote';
import { oneOf, positiveInt, text, useUrlQuery } from '../../hooks/useUrlQuery';
import { useT } from '../../i18n';
import { when } from '../clues/labels';

const phases = ['planned', 'active', 'ended'] as const;
const phaseColors: Record<OperationPhase, string> = {
  planned: 'default',
  active: 'processing',
  ended: 'green',
};

const parseQuery = (params: URLSearchParams) => ({
  page: positiveInt(params.get('page'), 1),
  pageSize: positiveInt(params.get('pageSize'), 20, 200),
  q: text(params.get('q')),
  phase: oneOf(params.get('phase'), phases),
});

export function PhaseTag({ phase }: { phase: OperationPhase }) {
  const t = useT();
  return <Tag color={phaseColors[phase]}>{t(`operations.phase.${phase}`)}</Tag>;
}

/** 专项行动: the operations on the caller's line of the tree, newest window first. */
export function OperationsPage() {
  const t = useT();
  const navigate = useNavigate();
  const canManage = useCan('operations.manage');
  const [query, setQuery] = useUrlQuery(parseQuery);
  const operations = useRemote((signal) => operationsApi.find(query, signal), [JSON.stringify(query)]);
  const columns: TableColumnsType<OperationSummary> = [
    {
      key: 'name',
      title: t('operations.col.name'),
      render: (_, row) => <Link to={`/operations/${row.id}`}>{row.name}</Link>,
    },
    { key: 'phase', title: t('operations.col.phase'), render: (_, row) => <PhaseTag phase={row.phase} /> },
    { key: 'unit', title: t('operations.col.unit'), render: (_, row) => row.unit.name },
    {
      key: 'window',
      title: t('operations.col.window'),
      render: (_, row) => `${when(row.windowFrom)} ~ ${when(row.windowTo)}`,
    },
    { key: 'units', title: t('operations.col.units'), dataIndex: 'unitCount', align: 'right' },
    {
      key: 'board',
      title: t('operations.col.board'),
      render: (_, row) => <Link to={`/operations/${row.id}/board`}>{t('operations.board.open')}</Link>,
    },
  ];
  const onChange: TableProps<OperationSummary>['onChange'] = (pagination, _f, _s, extra) => {
    if (extra.action === 'paginate') setQuery(pageOf(pagination, query));
  };
  return (
    <>
      <PageHeader title={t('operations.title')} subtitle={t('operations.subtitle')} />
      {operations.error !== null && <ProblemAlert error={operations.error} onRetry={operations.reload} />}
      <Card>
        <FilterBar
          action={
            canManage
              ? { label: t('operations.new'), onClick: () => void navigate('/operations/new') }
              : undefined
          }
        >
          <SearchFilter
            label={t('operations.search')}
            value={query.q}
            width={220}
            onSearch={(q) => setQuery({ q, page: 1 })}
          />
          <Select
            allowClear
            aria-label={t('operations.col.phase')}
            placeholder={t('operations.col.phase')}
            value={query.phase}
            onChange={(phase) => setQuery({ phase: phase ?? undefined, page: 1 })}
            options={phases.map((phase) => ({ value: phase, label: t(`operations.phase.${phase}`) }))}
            style={{ width: 120 }}
          />
        </FilterBar>
        <Table<OperationSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={operations.data?.items ?? []}
          loading={operations.loading}
          onChange={onChange}
          scroll={{ x: 'max-content' }}
          pagination={paginationOf(t, query, operations.data?.total, [20, 50, 100])}
        />
      </Card>
    </>
  );
}
