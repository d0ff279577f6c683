import type { ClueFiguresRow } from '../../api';
import type { Translate } from '../../i18n';
import type { ChartOption } from '../warnings/figures/EChart';

// The clue figures' chart as an ECharts option (pure).

/** Per unit: clues received, done and with a result (属实 or 已抓获), side by side; most received first. */
export function clueBarOption(t: Translate, rows: readonly ClueFiguresRow[]): ChartOption {
  const units = [...rows].sort((a, b) => b.received - a.received);
  const series = [
    { name: t('clues.figures.received'), color: '#94a3b8', value: (row: ClueFiguresRow) => row.received },
    { name: t('clues.figures.done'), color: '#2563eb', value: (row: ClueFiguresRow) => row.done },
    {
      name: t('clues.figures.withResult'),
      color: '#16a34a',
      value: (row: ClueFiguresRow) => row.verified + row.caught,
    },
  ];
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: units.map((row) => (row.own ? t('clues.figures.own', { unit: row.unit.name }) : row.unit.name)),
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
