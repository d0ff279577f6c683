import { useMemo } from 'react';
import { Card, Col, DatePicker, Empty, Row, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { warningsApi, type RulePrecision } from '../../../api';
import { FilterBar } from '../../../components/FilterBar';
import { PageHeader } from '../../../components/PageHeader';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRemote } from '../../../hooks/useRemote';
import { useUrlQuery } from '../../../hooks/useUrlQuery';
import { useT } from '../../../i18n';
import { UnitTreeSelect } from '../../../units/UnitTreeSelect';
import { useUnits } from '../../../units/UnitsProvider';
import { precisionBarOption, unitBarOption } from './chartOptions';
import { EChart } from './EChart';
import { FigureCards } from './FigureCards';
import { parseFiguresQuery, periodOf, toApiQuery } from './figuresQuery';

const DAY = 'YYYY-MM-DD';

/** 预警统计: what the warnings did over a period — issued, handled in time, dissuaded, loss avoided, per unit and per rule. */
export function WarningFiguresPage() {
  const t = useT();
  const { byCode } = useUnits();
  const [query, setQuery] = useUrlQuery(parseFiguresQuery);
  const today = dayjs().format(DAY);
  const period = periodOf(query, today);
  const figures = useRemote(
    (signal) => warningsApi.figures(toApiQuery(query, today), signal),
    [JSON.stringify(query), today],
  );
  const data = figures.data;
  const unitName = (code: string) => byCode.get(code)?.name ?? code;
  const unitOption = useMemo(() => data && unitBarOption(t, data.byUnit, unitName), [data, t, byCode]);
  const precisionOption = useMemo(() => data && precisionBarOption(t, data.falseAlarmRate), [data, t]);
  const rateText = (rate: number | null) =>
    rate === null ? t('common.none') : `${Math.round(rate * 1000) / 10}%`;
  const ruleColumns: TableColumnsType<RulePrecision> = [
    { key: 'rule', title: t('warnings.figures.rule'), render: (_, rule) => rule.ruleName ?? rule.ruleId },
    {
      key: 'closed',
      title: t('warnings.figures.closed'),
      render: (_, rule) => rule.closed ?? rule.fired ?? '—',
    },
    { key: 'falseAlarms', title: t('warnings.figures.falseAlarms'), dataIndex: 'falseAlarms' },
    { key: 'rate', title: t('warnings.figures.falseAlarmRate'), render: (_, rule) => rateText(rule.rate) },
  ];

  return (
    <>
      <PageHeader title={t('warnings.figures.title')} subtitle={t('warnings.figures.subtitle')} />
      <FilterBar>
        <DatePicker.RangePicker
          aria-label={t('warnings.figures.period')}
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          disabledDate={(date) => date.isAfter(dayjs(), 'day')}
          presets={[
            { label: t('warnings.figures.today'), value: [dayjs(), dayjs()] },
            { label: t('warnings.figures.last7'), value: [dayjs().subtract(6, 'day'), dayjs()] },
            { label: t('warnings.figures.last30'), value: [dayjs().subtract(29, 'day'), dayjs()] },
          ]}
          onChange={(range) => {
            if (range?.[0] && range[1]) setQuery({ from: range[0].format(DAY), to: range[1].format(DAY) });
          }}
        />
        <UnitTreeSelect
          allowClear
          aria-label={t('warnings.filterUnit')}
          placeholder={t('warnings.filterUnit')}
          value={query.unit}
          onChange={(unit) => setQuery({ unit })}
          style={{ width: 220 }}
        />
      </FilterBar>
      {figures.error !== null && <ProblemAlert error={figures.error} onRetry={figures.reload} />}
      {data && (
        <>
          <FigureCards figures={data} />
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={14}>
              <Card title={t('warnings.figures.byUnit')}>
                {data.byUnit.length === 0 || !unitOption ? (
                  <Empty description={t('warnings.figures.noWarnings')} />
                ) : (
                  <EChart option={unitOption} height={320} label={t('warnings.figures.byUnit')} />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={t('warnings.figures.precision')}>
                {precisionOption && data.falseAlarmRate.some((rule) => rule.rate !== null) && (
                  <EChart
                    option={precisionOption}
                    height={Math.max(160, data.falseAlarmRate.length * 36)}
                    label={t('warnings.figures.precision')}
                  />
                )}
                <Table<RulePrecision>
                  rowKey="ruleId"
                  size="small"
                  columns={ruleColumns}
                  dataSource={data.falseAlarmRate}
                  pagination={false}
                  locale={{ emptyText: t('warnings.figures.noClosed') }}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
