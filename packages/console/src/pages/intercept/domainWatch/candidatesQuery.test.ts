import { describe, expect, it } from 'vitest';
import { parseScreenQuery } from '../screen/screenQuery';
import { parseCandidatesQuery, parseNames, screenLinkForDomain } from './candidatesQuery';

describe('domain-watch query', () => {
  it('opens on the pending queue and keeps a known tab and page from the address', () => {
    expect(parseCandidatesQuery(new URLSearchParams())).toEqual({ status: 'pending', page: 1, pageSize: 20 });
    expect(parseCandidatesQuery(new URLSearchParams('status=blocked&page=2&pageSize=50'))).toEqual({
      status: 'blocked',
      page: 2,
      pageSize: 50,
    });
    expect(parseCandidatesQuery(new URLSearchParams('status=all')).status).toBe('pending');
  });

  it('links a candidate to the tester as a domain question', () => {
    const link = screenLinkForDomain('icbc-login-verify.top');
    expect(link).toBe('/intercept/screen?kind=domain&value=icbc-login-verify.top');
    expect(parseScreenQuery(new URLSearchParams(link.split('?')[1]))).toEqual({
      kind: 'domain',
      value: 'icbc-login-verify.top',
    });
  });

  it('reads pasted names one per line, without blanks and repeats', () => {
    expect(parseNames(' icbc-login-verify.top \r\n\nbaidu.com\nicbc-login-verify.top\n')).toEqual([
      'icbc-login-verify.top',
      'baidu.com',
    ]);
  });
});
