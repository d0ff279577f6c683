import { describe, expect, it } from 'vitest';
import { parseEntriesQuery } from './entriesQuery';

describe('parseEntriesQuery', () => {
  it('gives defaults for an empty address', () => {
    expect(parseEntriesQuery(new URLSearchParams())).toEqual({
      page: 1,
      pageSize: 20,
      list: undefined,
      q: undefined,
      action: undefined,
      sourceKind: undefined,
    });
  });

  it('keeps valid filters and drops what the server would refuse', () => {
    expect(
      parseEntriesQuery(
        new URLSearchParams('page=2&pageSize=999&list=case-numbers&q=138+1234&action=block&sourceKind=case'),
      ),
    ).toEqual({
      page: 2,
      pageSize: 200,
      list: 'case-numbers',
      q: '138 1234',
      action: 'block',
      sourceKind: 'case',
    });
    expect(parseEntriesQuery(new URLSearchParams('action=delete&sourceKind=rumour'))).toMatchObject({
      action: undefined,
      sourceKind: undefined,
    });
  });
});
