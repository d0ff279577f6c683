import { useMemo } from 'react';
import { Alert, Button, Card, Segmented, Space, Table, type TableColumnsType } from 'antd';
import { cardGroupings, cardKinds, cardsApi, type CardGroup, type CardGrouping } from '../../api';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRemote } from '../../hooks/useRemote';
import { useUrlQuery } from '../../hooks/useUrlQuery';
import { useT, type Translate } from '../../i18n';
import { UnitTreeSelect } from '../../units/UnitTreeSelect';
import { yuan } from '../cases/labels';
import { EChart, type ChartOption } from '../warnings/figures/EChart';
import { parseUnitQuery } from './cardsQuery';

/** 涉案卡分布: the cards of a unit by child unit, where they were opened or where their holders live. */
export function CardGroupsPage() {
  const t = useT();
  const [query, setQuery] = useUrlQuery(parseUnitQuery);
  const groups = useRemote(
    (signal) => cardsApi.groups({ by: query.by, unit: query.unit }, signal),
    [query.by, query.unit],
  );
  const option = useMemo(() => chartOf(t, groups.data?.groups ?? []), [t, groups.data]);

  const columns: TableColumnsType<CardGroup> = [
    {
      key: 'unit',
      title: t('cards.col.unit'),
      render: (_, row) =>
        row.unit.code === groups.data?.unit.code ? (
          row.unit.name
        ) : (
          <Button type="link" size="small" onClick={() => setQuery({ unit: row.unit.code })}>
            {row.unit.name}
          </Button>
        ),
    },
    { key: 'cards', title: t('cards.col.cards'), align: 'right', dataIndex: 'cards' },
    ...cardKinds.map((kind) => ({
      key: kind,
      title: t(`cards.kind.${kind}`),
      align: 'right' as const,
      render: (_: unknown, row: CardGroup) => row.byKind[kind],
    })),
    { key: 'holders', title: t('cards.col.holders'), align: 'right', dataIndex: 'holders' },
    { key: 'cases', title: t('cards.col.cases'), align: 'right', dataIndex: 'cases' },
    { key: 'amount', title: t('cards.col.amount'), align: 'right', render: (_, row) => yuan(row.amount) },
  ];

  return (
    <>
      <PageHeader title={t('cards.groups.title')} subtitle={t('cards.groups.subtitle')} />
      {groups.error !== null && <ProblemAlert error={groups.error} onRetry={groups.reload} />}
      <Card>
        <FilterBar>
          <Segmented<CardGrouping>
            value={query.by}
            onChange={(by) => setQuery({ by })}
            options={cardGroupings.map((by) => ({ value: by, label: t(`cards.by.${by}`) }))}
          />
          <UnitTreeSelect
            aria-label={t('cards.filterUnit')}
            placeholder={t('cards.filterUnit')}
            value={query.unit ?? groups.data?.unit.code}
            onChange={(unit) => setQuery({ unit })}
            style={{ width: 220 }}
          />
        </FilterBar>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {(groups.data?.unplaced ?? 0) > 0 && (
            <Alert
              type="info"
              showIcon
              title={t(`cards.groups.unplaced.${query.by}`, { count: groups.data?.unplaced ?? 0 })}
            />
          )}
          <EChart option={option} height={320} label={t('cards.groups.chart')} />
          <Table<CardGroup>
            rowKey={(row) => row.unit.code}
            size="middle"
            columns={columns}
            dataSource={groups.data?.groups ?? []}
            loading={groups.loading}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </Space>
      </Card>
    </>
  );
}

/** Stacked bars: one per unit, one colour per card kind. */
function chartOf(t: Translate, groups: CardGroup[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 48 },
    xAxis: { type: 'category', data: groups.map((group) => group.unit.name), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: cardKinds.map((kind) => ({
      type: 'bar' as const,
      stack: 'cards',
      name: t(`cards.kind.${kind}`),
      data: groups.map((group) => group.byKind[kind]),
    })),
  };
}
