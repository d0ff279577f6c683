import { describe, expect, it } from 'vitest';
import { parseAppealsQuery, toApiQuery } from './appealsQuery';

describe('appeals query', () => {
  it('opens on the pending queue', () => {
    const query = parseAppealsQuery(new URLSearchParams());
    expect(query).toEqual({ page: 1, pageSize: 20, status: 'pending' });
    expect(toApiQuery(query)).toEqual({ page: 1, pageSize: 20, status: 'pending' });
  });
  it('asks the server for every status when the address says all', () => {
    const query = parseAppealsQuery(new URLSearchParams('status=all&page=3'));
    expect(toApiQuery(query)).toEqual({ page: 3, pageSize: 20 });
    expect(parseAppealsQuery(new URLSearchParams('status=maybe')).status).toBe('pending');
  });
});
