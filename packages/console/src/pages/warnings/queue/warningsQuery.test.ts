import { describe, expect, it } from 'vitest';
import { parseWarningsQuery, toApiQuery } from './warningsQuery';

describe('warnings queue query', () => {
  it('opens on the open warnings, first page', () => {
    const query = parseWarningsQuery(new URLSearchParams());
    expect(query).toMatchObject({ page: 1, pageSize: 20, status: 'open' });
    expect(toApiQuery(query)).toEqual({ page: 1, pageSize: 20, status: 'open' });
  });

  it('sends the filters the address holds and drops the ones it does not know', () => {
    const query = parseWarningsQuery(
      new URLSearchParams('status=all&level=red&fraudType=fake_police&unit=320102&page=2&pageSize=50'),
    );
    expect(toApiQuery(query)).toEqual({
      page: 2,
      pageSize: 50,
      level: 'red',
      fraudType: 'fake_police',
      unit: '320102',
    });
    const unknown = parseWarningsQuery(new URLSearchParams('status=maybe&level=purple&fraudType=x'));
    expect(toApiQuery(unknown)).toEqual({ page: 1, pageSize: 20, status: 'open' });
  });
});
