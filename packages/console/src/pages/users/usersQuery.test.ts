import { describe, expect, it } from 'vitest';
import { parseAuditQuery } from '../audit/auditQuery';
import { parseUsersQuery } from './usersQuery';

describe('parseUsersQuery', () => {
  it('gives defaults for an empty address', () => {
    expect(parseUsersQuery(new URLSearchParams())).toEqual({
      page: 1,
      pageSize: 20,
      sort: '-createdAt',
      q: undefined,
      unitCode: undefined,
      role: undefined,
    });
  });

  it('keeps valid values and drops what the server would refuse', () => {
    const query = parseUsersQuery(
      new URLSearchParams('page=3&pageSize=500&sort=username&role=admin&q=xuanwu'),
    );
    expect(query).toMatchObject({ page: 3, pageSize: 100, sort: 'username', role: 'admin', q: 'xuanwu' });
    const bad = parseUsersQuery(new URLSearchParams('page=-1&sort=password&role=root'));
    expect(bad).toMatchObject({ page: 1, sort: '-createdAt', role: undefined });
  });
});

describe('parseAuditQuery', () => {
  it('sorts newest first unless asked otherwise', () => {
    expect(parseAuditQuery(new URLSearchParams()).sort).toBe('-at');
    expect(parseAuditQuery(new URLSearchParams('sort=at&actor=xuanwu-officer'))).toMatchObject({
      sort: 'at',
      actor: 'xuanwu-officer',
    });
  });
});
