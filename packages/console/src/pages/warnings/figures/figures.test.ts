import { describe, expect, it } from 'vitest';
import { translator } from '../../../i18n/translate';
import { precisionBarOption, unitBarOption } from './chartOptions';
import { parseFiguresQuery, periodOf, toApiQuery } from './figuresQuery';

const t = translator('zh-CN');

describe('figures query', () => {
  it('shows the last 7 days up to today when the address names no period', () => {
    const query = parseFiguresQuery(new URLSearchParams());
    expect(periodOf(query, '2026-11-26')).toEqual({ from: '2026-11-20', to: '2026-11-26' });
  });
  it('keeps a period the address names, in order, and drops what is not a day', () => {
    const query = parseFiguresQuery(new URLSearchParams('from=2026-11-25&to=2026-11-01&unit=320102'));
    expect(periodOf(query, '2026-11-26')).toEqual({ from: '2026-11-01', to: '2026-11-25' });
    expect(parseFiguresQuery(new URLSearchParams('from=yesterday')).from).toBeUndefined();
    const api = toApiQuery(query, '2026-11-26');
    expect(api.unit).toBe('320102');
    // Whole local days: the end is the midnight after the last day.
    expect(new Date(api.to!).getTime() - new Date(api.from!).getTime()).toBe(25 * 86_400_000);
  });
});

describe('chart options', () => {
  it('stacks each unit’s warnings by level, the busiest unit first', () => {
    const option = unitBarOption(
      t,
      [
        { unitCode: '320102', unitName: '玄武区', red: 1, orange: 0, yellow: 0 },
        { unitCode: '320104', red: 2, orange: 3, yellow: 1 },
      ],
      (code) => (code === '320104' ? '秦淮区' : code),
    );
    expect(option.xAxis).toMatchObject({ data: ['秦淮区', '玄武区'] });
    const series = option.series as { name: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['红色', [2, 1]],
      ['橙色', [3, 0]],
      ['黄色', [1, 0]],
    ]);
  });
  it('shows each rule’s false-alarm rate in percent and leaves out rules with nothing closed', () => {
    const option = precisionBarOption(t, [
      { ruleId: 'a', ruleName: '规则甲', falseAlarms: 1, closed: 3, rate: 1 / 3 },
      { ruleId: 'b', ruleName: '规则乙', falseAlarms: 0, closed: 0, rate: null },
    ]);
    expect(option.yAxis).toMatchObject({ data: ['规则甲'] });
    expect((option.series as { data: number[] }[])[0]!.data).toEqual([33.3]);
  });
});
