import { useMemo } from 'react';
import { Card, Col, DatePicker, Row, Statistic, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { cluesApi, type ClueFiguresRow } from '../../api';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRemote } from '../../hooks/useRemote';
import { text, useUrlQuery } from '../../hooks/useUrlQuery';
import { useT } from '../../i18n';
import { UnitTreeSelect } from '../../units/UnitTreeSelect';
import { EChart } from '../warnings/figures/EChart';
import { clueBarOption } from './chartOptions';
import { percent } from './labels';

const DAY = 'YYYY-MM-DD';

const parseQuery = (params: URLSearchParams) => ({
  unitCode: text(params.get('unitCode')),
  from: text(params.get('from')),
  to: text(params.get('to')),
});

/** 线索统计: per unit (the unit itself and each child with its subtree), received, done, results, completion and result rates. */
export function ClueFiguresPage() {
  const t = useT();
  const [query, setQuery] = useUrlQuery(parseQuery);
  const figures = useRemote(
    (signal) =>
      cluesApi.figures(
        {
          ...(query.unitCode ? { unitCode: query.unitCode } : {}),
          ...(query.from ? { from: dayjs(query.from).startOf('day').toISOString() } : {}),
          ...(query.to ? { to: dayjs(query.to).add(1, 'day').startOf('day').toISOString() } : {}),
        },
        signal,
      ),
    [JSON.stringify(query)],
  );
  const data = figures.data;
  const rows = useMemo(() => (data ? data.rows.filter((row) => !row.own || row.received > 0) : []), [data]);
  const option = useMemo(() => clueBarOption(t, rows), [rows, t]);
  const columns: TableColumnsType<ClueFiguresRow> = [
    {
      key: 'unit',
      title: t('clues.col.unit'),
      render: (_, row) => (row.own ? t('clues.figures.own', { unit: row.unit.name }) : row.unit.name),
    },
    { key: 'received', title: t('clues.figures.received'), dataIndex: 'received', align: 'right' },
    { key: 'done', title: t('clues.figures.done'), dataIndex: 'done', align: 'right' },
    { key: 'overdue', title: t('clues.figures.overdue'), dataIndex: 'overdue', align: 'right' },
    { key: 'verified', title: t('clues.result.verified'), dataIndex: 'verified', align: 'right' },
    { key: 'caught', title: t('clues.result.caught'), dataIndex: 'caught', align: 'right' },
    { key: 'notFound', title: t('clues.result.not_found'), dataIndex: 'notFound', align: 'right' },
    { key: 'caughtCount', title: t('clues.figures.caughtCount'), dataIndex: 'caughtCount', align: 'right' },
    {
      key: 'completionRate',
      title: t('clues.figures.completionRate'),
      align: 'right',
      render: (_, row) => percent(row.completionRate),
    },
    {
      key: 'resultRate',
      title: t('clues.figures.resultRate'),
      align: 'right',
      render: (_, row) => percent(row.resultRate),
    },
  ];

  return (
    <>
      <PageHeader title={t('clues.figures.title')} subtitle={t('clues.figures.subtitle')} />
      <FilterBar>
        <DatePicker.RangePicker
          aria-label={t('clues.figures.period')}
          value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
          onChange={(range) =>
            setQuery(
              range?.[0] && range[1]
                ? { from: range[0].format(DAY), to: range[1].format(DAY) }
                : { from: undefined, to: undefined },
            )
          }
        />
        <UnitTreeSelect
          allowClear
          aria-label={t('clues.figures.unit')}
          placeholder={t('clues.figures.unit')}
          value={query.unitCode}
          onChange={(unitCode) => setQuery({ unitCode })}
          style={{ width: 220 }}
        />
      </FilterBar>
      {figures.error !== null && <ProblemAlert error={figures.error} onRetry={figures.reload} />}
      {data && (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title={t('clues.figures.received')} value={data.total.received} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic
                title={t('clues.figures.completionRate')}
                value={percent(data.total.completionRate)}
              />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title={t('clues.figures.resultRate')} value={percent(data.total.resultRate)} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title={t('clues.figures.caughtCount')} value={data.total.caughtCount} />
            </Card>
          </Col>
          <Col span={24}>
            <Card title={t('clues.figures.byUnit', { unit: data.unit.name })}>
              <EChart
                option={option}
                height={320}
                label={t('clues.figures.byUnit', { unit: data.unit.name })}
              />
              <Table<ClueFiguresRow>
                rowKey={(row) => `${row.own ? 'own' : 'child'}:${row.unit.code}`}
                size="small"
                columns={columns}
                dataSource={rows}
                pagination={false}
                scroll={{ x: 'max-content' }}
                style={{ marginTop: 12 }}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
