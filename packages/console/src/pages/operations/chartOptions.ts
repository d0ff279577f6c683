import type { OperationUnitFigures } from '../../api';
import type { Translate } from '../../i18n';
import type { ChartOption } from '../warnings/figures/EChart';

// The operation page's chart as an ECharts option (pure).

/** Per participating unit: suspects to catch against caught, and cases solved. */
export function operationBarOption(t: Translate, units: readonly OperationUnitFigures[]): ChartOption {
  const series = [
    {
      name: t('operations.figures.targetSuspects'),
      color: '#cbd5e1',
      value: (u: OperationUnitFigures) => u.targetSuspects,
    },
    {
      name: t('operations.figures.suspectsCaught'),
      color: '#16a34a',
      value: (u: OperationUnitFigures) => u.suspectsCaught,
    },
    {
      name: t('operations.figures.casesSolved'),
      color: '#2563eb',
      value: (u: OperationUnitFigures) => u.casesSolved,
    },
  ];
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: units.map((u) => u.unit.name),
      axisLabel: { interval: 0, rotate: units.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      barMaxWidth: 40,
      itemStyle: { color: s.color },
      data: units.map(s.value),
    })),
  };
}
