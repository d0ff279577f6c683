import type { RulePrecision, UnitFigures, WarningLevel } from '../../../api';
import { warningLevels } from '../../../api';
import type { Translate } from '../../../i18n';
import { levelColors } from '../levelColors';
import type { ChartOption } from './EChart';

// The figures' charts as ECharts options, from the API's figures (pure, unit-tested).

/** Warnings issued per unit, one stacked bar per unit (red, orange, yellow), largest first. */
export function unitBarOption(
  t: Translate,
  byUnit: readonly UnitFigures[],
  unitName: (code: string) => string,
): ChartOption {
  const total = (unit: UnitFigures) => unit.total ?? unit.red + unit.orange + unit.yellow;
  const units = [...byUnit].sort((a, b) => total(b) - total(a));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: units.map((unit) => unit.unitName ?? unitName(unit.unitCode)),
      axisLabel: { interval: 0, rotate: units.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: warningLevels.map((level: WarningLevel) => ({
      type: 'bar' as const,
      name: t(`warnings.level.${level}`),
      stack: 'issued',
      barMaxWidth: 56,
      itemStyle: { color: levelColors[level] },
      data: units.map((unit) => unit[level]),
    })),
  };
}

/** The share of each rule's closed warnings that were false alarms (%), highest first. */
export function precisionBarOption(t: Translate, rules: readonly RulePrecision[]): ChartOption {
  const rated = rules.filter((rule) => rule.rate !== null).sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0));
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => `${String(value)}%`,
    },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rated.map((rule) => rule.ruleName ?? rule.ruleId) },
    series: [
      {
        type: 'bar',
        name: t('warnings.figures.falseAlarmRate'),
        itemStyle: { color: '#64748b' },
        label: { show: true, position: 'right', formatter: '{c}%' },
        data: rated.map((rule) => Math.round((rule.rate ?? 0) * 1000) / 10),
      },
    ],
  };
}
