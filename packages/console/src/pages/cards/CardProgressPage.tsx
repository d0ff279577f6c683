import { useEffect, useMemo, useState, type Key } from 'react';
import { Card, Progress, Table, type TableColumnsType } from 'antd';
import { cardsApi, type ProgressRow } from '../../api';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRemote } from '../../hooks/useRemote';
import { useUrlQuery } from '../../hooks/useUrlQuery';
import { useT } from '../../i18n';
import { UnitTreeSelect } from '../../units/UnitTreeSelect';
import { parseUnitQuery } from './cardsQuery';

type ProgressNode = ProgressRow & { children?: ProgressNode[] };

/** 打击进度: per city and county, key targets dispatched and what came back (caught, not found, overdue). */
export function CardProgressPage() {
  const t = useT();
  const [query, setQuery] = useUrlQuery(parseUnitQuery);
  const progress = useRemote((signal) => cardsApi.progress({ unit: query.unit }, signal), [query.unit]);
  const tree = useMemo(() => treeOf(progress.data?.items ?? []), [progress.data]);
  // Every level open when the figures arrive: the province reads its cities and their counties at once.
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  useEffect(() => setExpanded((progress.data?.items ?? []).map((row) => row.unit.code)), [progress.data]);

  const columns: TableColumnsType<ProgressNode> = [
    { key: 'unit', title: t('cards.col.unit'), render: (_, row) => row.unit.name },
    { key: 'dispatched', title: t('cards.progress.dispatched'), align: 'right', dataIndex: 'dispatched' },
    { key: 'answered', title: t('cards.progress.answered'), align: 'right', dataIndex: 'answered' },
    {
      key: 'caughtTargets',
      title: t('cards.progress.caughtTargets'),
      align: 'right',
      dataIndex: 'caughtTargets',
    },
    {
      key: 'caughtPersons',
      title: t('cards.progress.caughtPersons'),
      align: 'right',
      dataIndex: 'caughtPersons',
    },
    { key: 'notFound', title: t('cards.progress.notFound'), align: 'right', dataIndex: 'notFound' },
    { key: 'overdue', title: t('cards.progress.overdue'), align: 'right', dataIndex: 'overdue' },
    {
      key: 'rate',
      title: t('cards.progress.rate'),
      width: 180,
      render: (_, row) => (
        <Progress
          size="small"
          percent={row.dispatched ? Math.round((row.caughtTargets / row.dispatched) * 1000) / 10 : 0}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('cards.progress.title')} subtitle={t('cards.progress.subtitle')} />
      {progress.error !== null && <ProblemAlert error={progress.error} onRetry={progress.reload} />}
      <Card>
        <FilterBar>
          <UnitTreeSelect
            aria-label={t('cards.filterUnit')}
            placeholder={t('cards.filterUnit')}
            value={query.unit ?? progress.data?.unit.code}
            onChange={(unit) => setQuery({ unit })}
            style={{ width: 220 }}
          />
        </FilterBar>
        <Table<ProgressNode>
          rowKey={(row) => row.unit.code}
          size="middle"
          columns={columns}
          dataSource={tree}
          loading={progress.loading}
          pagination={false}
          expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: setExpanded }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
    </>
  );
}

/** The flat rows (each with its parent) as a tree: the province, its cities, their counties. */
function treeOf(rows: ProgressRow[]): ProgressNode[] {
  const nodes = new Map(rows.map((row) => [row.unit.code, { ...row } as ProgressNode]));
  const roots: ProgressNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentCode ? nodes.get(node.unit.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}
