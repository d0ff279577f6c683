import { describe, expect, it } from 'vitest';
import type { ClueFiguresRow } from '../../api';
import { translator } from '../../i18n/translate';
import { clueBarOption } from './chartOptions';
import { parseCluesQuery, toApiQuery } from './cluesQuery';

const t = translator('zh-CN');

describe('clues query', () => {
  it('keeps known filters from the address and drops the rest', () => {
    const query = parseCluesQuery(
      new URLSearchParams('status=working&priority=urgent&result=maybe&overdue=1&escalated=yes&page=3&q=138'),
    );
    expect(query).toMatchObject({
      status: 'working',
      priority: 'urgent',
      result: undefined,
      overdue: '1',
      page: 3,
    });
    expect(query.escalated).toBeUndefined();
    expect(toApiQuery('outbox', query)).toMatchObject({
      box: 'outbox',
      status: 'working',
      overdue: true,
      escalated: undefined,
      q: '138',
      page: 3,
      pageSize: 20,
    });
  });
});

describe('clue chart', () => {
  const row = (code: string, name: string, received: number, done: number, caught: number, own = false) =>
    ({ unit: { code, name }, own, received, done, verified: 0, caught }) as ClueFiguresRow;

  it('puts the unit with most clues first and names the unit’s own row', () => {
    const option = clueBarOption(t, [
      row('320100', '南京市', 1, 0, 0, true),
      row('320102', '玄武区', 5, 4, 2),
    ]);
    const xAxis = option.xAxis as { data: string[] };
    expect(xAxis.data).toEqual(['玄武区', '南京市本级']);
    const series = option.series as Array<{ name: string; data: number[] }>;
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['承办', [5, 1]],
      ['已反馈', [4, 0]],
      ['有成效（属实/抓获）', [2, 0]],
    ]);
  });
});
