import {
  Button,
  Card,
  Checkbox,
  Select,
  Space,
  Table,
  Typography,
  type TableColumnsType,
  type TableProps,
} from 'antd';
import { Link, useNavigate } from 'react-router';
import { cluePriorities, clueResults, clueStatuses, cluesApi, type ClueSummary } from '../../api';
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
import { parseCluesQuery, toApiQuery } from './cluesQuery';
import { ClueStateTags, PriorityTag, when } from './labels';
import { NoticesCard } from './NoticesCard';

/**
 * 线索收件箱 / 下发线索: the clues held by the caller's subtree (to sign and work) or sent by it, open
 * ones first by priority and deadline; filtered and paged on the server.
 */
export function CluesPage({ box }: { box: 'inbox' | 'outbox' }) {
  const t = useT();
  const navigate = useNavigate();
  const canDispatch = useCan('clues.dispatch');
  const [query, setQuery] = useUrlQuery(parseCluesQuery);
  const clues = useRemote(
    (signal) => cluesApi.find(toApiQuery(box, query), signal),
    [box, JSON.stringify(query)],
  );

  const columns: TableColumnsType<ClueSummary> = [
    {
      key: 'id',
      title: t('clues.col.id'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/clues/${row.id}`}>{row.title}</Link>
          <Typography.Text type="secondary" style={{ ...mono, fontSize: 12 }}>
            {row.id}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'priority',
      title: t('clues.col.priority'),
      render: (_, row) => <PriorityTag priority={row.priority} t={t} />,
    },
    { key: 'status', title: t('clues.col.status'), render: (_, row) => <ClueStateTags clue={row} t={t} /> },
    { key: 'unit', title: t('clues.col.unit'), render: (_, row) => row.unit.name },
    { key: 'origin', title: t('clues.col.origin'), render: (_, row) => row.origin.name },
    { key: 'deadline', title: t('clues.col.deadline'), render: (_, row) => when(row.deadlineAt) },
    {
      key: 'operation',
      title: t('clues.col.operation'),
      render: (_, row) =>
        row.operation ? <Link to={`/operations/${row.operation.id}`}>{row.operation.name}</Link> : '—',
    },
    { key: 'dispatchedAt', title: t('clues.col.dispatchedAt'), render: (_, row) => when(row.dispatchedAt) },
  ];

  const onChange: TableProps<ClueSummary>['onChange'] = (pagination, _filters, _sorter, extra) => {
    if (extra.action === 'paginate') setQuery(pageOf(pagination, query));
  };

  return (
    <>
      <PageHeader title={t(`clues.${box}.title`)} subtitle={t(`clues.${box}.subtitle`)} />
      {box === 'inbox' && <NoticesCard />}
      {clues.error !== null && <ProblemAlert error={clues.error} onRetry={clues.reload} />}
      <Card>
        <FilterBar
          action={
            canDispatch
              ? { label: t('clues.dispatch'), onClick: () => void navigate('/clues/new') }
              : undefined
          }
        >
          <SearchFilter
            label={t('clues.search')}
            value={query.q}
            width={280}
            onSearch={(q) => setQuery({ q, page: 1 })}
          />
          <UnitTreeSelect
            allowClear
            aria-label={t(`clues.${box}.filterUnit`)}
            placeholder={t(`clues.${box}.filterUnit`)}
            value={query.unitCode}
            onChange={(unitCode) => setQuery({ unitCode, page: 1 })}
            style={{ width: 200 }}
          />
          <Select
            allowClear
            aria-label={t('clues.filterStatus')}
            placeholder={t('clues.filterStatus')}
            value={query.status}
            onChange={(status) => setQuery({ status: status ?? undefined, page: 1 })}
            options={clueStatuses.map((status) => ({ value: status, label: t(`clues.status.${status}`) }))}
            style={{ width: 120 }}
          />
          <Select
            allowClear
            aria-label={t('clues.filterPriority')}
            placeholder={t('clues.filterPriority')}
            value={query.priority}
            onChange={(priority) => setQuery({ priority: priority ?? undefined, page: 1 })}
            options={cluePriorities.map((priority) => ({
              value: priority,
              label: t(`clues.priority.${priority}`),
            }))}
            style={{ width: 110 }}
          />
          <Select
            allowClear
            aria-label={t('clues.filterResult')}
            placeholder={t('clues.filterResult')}
            value={query.result}
            onChange={(result) => setQuery({ result: result ?? undefined, page: 1 })}
            options={clueResults.map((result) => ({ value: result, label: t(`clues.result.${result}`) }))}
            style={{ width: 120 }}
          />
          <Checkbox
            checked={query.overdue === '1'}
            onChange={(event) => setQuery({ overdue: event.target.checked ? '1' : undefined, page: 1 })}
          >
            {t('clues.filterOverdue')}
          </Checkbox>
          <Checkbox
            checked={query.escalated === '1'}
            onChange={(event) => setQuery({ escalated: event.target.checked ? '1' : undefined, page: 1 })}
          >
            {t('clues.filterEscalated')}
          </Checkbox>
        </FilterBar>
        <Table<ClueSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={clues.data?.items ?? []}
          loading={clues.loading}
          onChange={onChange}
          scroll={{ x: 'max-content' }}
          pagination={paginationOf(t, query, clues.data?.total, [20, 50, 100, 200])}
        />
      </Card>
      {box === 'outbox' && (
        <Button
          type="link"
          onClick={() => void navigate('/clues/figures')}
          style={{ paddingLeft: 0, marginTop: 8 }}
        >
          {t('clues.figures.link')}
        </Button>
      )}
    </>
  );
}
