import { describe, expect, it } from 'vitest';
import { parseScreenQuery, screenLinkForEntry, screenSearch } from './screenQuery';

describe('screen query', () => {
  it('asks nothing without a kind and a value', () => {
    expect(parseScreenQuery(new URLSearchParams())).toBeNull();
    expect(parseScreenQuery(new URLSearchParams('kind=number'))).toBeNull();
    expect(parseScreenQuery(new URLSearchParams('kind=fax&value=1'))).toBeNull();
  });

  it('round-trips every kind, keeping only the fields the kind uses', () => {
    const items = [
      { kind: 'number', value: '+8613812345678' },
      { kind: 'sms', value: '10690000', text: '您的账户异常，请点击链接' },
      { kind: 'account', value: '6222021234567890123', accountKind: 'bank_card' },
      { kind: 'app', value: 'com.fake.invest' },
      { kind: 'imei', value: '35-209900-176148-1' },
    ] as const;
    for (const item of items) {
      expect(parseScreenQuery(new URLSearchParams(screenSearch(item)))).toEqual(item);
    }
    expect(parseScreenQuery(new URLSearchParams('kind=number&value=1&text=x&accountKind=qq'))).toEqual({
      kind: 'number',
      value: '1',
    });
  });

  it('links an entry to the tester, with its account kind', () => {
    expect(screenLinkForEntry({ kind: 'number', value: '+8613812345678', accountKind: null })).toBe(
      '/intercept/screen?kind=number&value=%2B8613812345678',
    );
    expect(screenLinkForEntry({ kind: 'account', value: '12345', accountKind: 'qq' })).toBe(
      '/intercept/screen?kind=account&value=12345&accountKind=qq',
    );
    expect(screenLinkForEntry({ kind: 'imei', value: '352099001761481', accountKind: null })).toBe(
      '/intercept/screen?kind=imei&value=352099001761481',
    );
  });
});
