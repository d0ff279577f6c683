import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntryProvenance } from './index/entry.js';
import { Screener, ScreenerBuilder, type IntelEntry, type ScreenItem } from './screener.js';

const NOW = 1_800_000_000_000;
const from = (overrides: Partial<EntryProvenance> = {}): EntryProvenance => ({
  list: 'case-footprints',
  action: 'block',
  confidence: 90,
  source: { kind: 'case', id: 'AJ-2026-001' },
  addedAt: 1_700_000_000_000,
  expiresAt: null,
  ...overrides,
});

const ENTRIES: IntelEntry[] = [
  { kind: 'number', value: '13812345678', ...from() },
  {
    kind: 'number',
    value: '170',
    match: 'prefix',
    ...from({ list: 'virtual', action: 'mark', confidence: 30 }),
  },
  { kind: 'domain', value: 'evil.cn', ...from({ source: { kind: 'report', id: 'JB-7' } }) },
  { kind: 'domain', value: 'login.evil.cn', ...from({ list: 'appeals', action: 'allow', confidence: 100 }) },
  { kind: 'url', value: 'https://cdn.example.com/phish/', ...from({ list: 'urls', confidence: 70 }) },
  { kind: 'account', accountKind: 'qq', value: '123456789', ...from({ list: 'qq', confidence: 60 }) },
  { kind: 'account', accountKind: 'bank_card', value: '6222020000000000000', ...from({ list: 'cards' }) },
  { kind: 'number', value: '95588', ...from({ list: 'expired', expiresAt: NOW - 1 }) },
  { kind: 'number', value: 'not a number', ...from() },
];

const { screener, rejected } = Screener.build(ENTRIES);

describe('Screener', () => {
  it('reports the entries it could not index, by position', () => {
    expect(rejected).toEqual([{ position: 8, reason: 'not_a_number' }]);
  });

  it('blocks a listed number and says why', () => {
    expect(screener.screen({ kind: 'number', value: '+86 138-1234-5678' }, NOW)).toEqual({
      action: 'block',
      risk: 90,
      normalized: '+8613812345678',
      invalidReason: null,
      reasons: [
        {
          list: 'case-footprints',
          rule: 'number:exact',
          source: { kind: 'case', id: 'AJ-2026-001' },
          addedAt: 1_700_000_000_000,
          action: 'block',
          confidence: 90,
          expiresAt: null,
        },
      ],
    });
  });

  it('marks a number in a listed range', () => {
    const verdict = screener.screen({ kind: 'number', value: '17012345678' }, NOW);
    expect(verdict).toMatchObject({
      action: 'mark',
      risk: 30,
      reasons: [{ list: 'virtual', rule: 'number:prefix:+86170' }],
    });
  });

  it('passes an unlisted value and ignores expired entries', () => {
    expect(screener.screen({ kind: 'number', value: '13912345678' }, NOW)).toMatchObject({
      action: 'pass',
      risk: 0,
      reasons: [],
    });
    expect(screener.screen({ kind: 'number', value: '95588' }, NOW)).toMatchObject({ action: 'pass' });
    expect(screener.screen({ kind: 'number', value: '95588' }, NOW - 2)).toMatchObject({ action: 'block' });
  });

  it('blocks a listed domain’s subdomains, and an allow entry overrides the block', () => {
    expect(screener.screen({ kind: 'domain', value: 'WWW.Evil.CN.' }, NOW)).toMatchObject({
      action: 'block',
      normalized: 'www.evil.cn',
      reasons: [{ rule: 'domain:evil.cn', source: { kind: 'report', id: 'JB-7' } }],
    });
    const allowed = screener.screen({ kind: 'domain', value: 'a.login.evil.cn' }, NOW);
    expect(allowed).toMatchObject({ action: 'allow', risk: 0 });
    expect(allowed.reasons.map((r) => r.action)).toEqual(['allow', 'block']);
  });

  it('finds domains listed at any depth, whatever depths the lookups walk', () => {
    const { screener: deep } = Screener.build([
      { kind: 'domain', value: 'a.b.c.deep.cn', ...from() },
      { kind: 'domain', value: 'top', ...from({ list: 'tlds', action: 'mark', confidence: 20 }) },
    ]);
    expect(deep.screen({ kind: 'domain', value: 'x.a.b.c.deep.cn' }, NOW).action).toBe('block');
    expect(deep.screen({ kind: 'domain', value: 'b.c.deep.cn' }, NOW).action).toBe('pass');
    expect(deep.screen({ kind: 'domain', value: 'shop.example.top' }, NOW).action).toBe('mark');
    const hosts = ['x.a.b.c.deep.cn', 'b.c.deep.cn', 'shop.example.top', 'example.cn'];
    const out = new Uint8Array(hosts.length);
    deep.domains.actionsOfHosts(hosts, NOW, out);
    expect([...out]).toEqual(hosts.map((host) => deep.domains.actionsOfHost(host, NOW)));
    expect([...out]).toEqual([2, 0, 1, 0]);
  });

  it('screens URLs by host and by URL prefix', () => {
    expect(screener.screen({ kind: 'url', value: 'http://x.evil.cn/a' }, NOW)).toMatchObject({
      action: 'block',
    });
    expect(screener.screen({ kind: 'url', value: 'http://cdn.example.com/phish/a?b=1' }, NOW)).toMatchObject({
      action: 'block',
      risk: 70,
      reasons: [{ rule: 'url_prefix:cdn.example.com/phish/' }],
    });
    expect(screener.screen({ kind: 'url', value: 'http://cdn.example.com/other' }, NOW)).toMatchObject({
      action: 'pass',
    });
  });

  it('screens accounts by kind, given or written in the value', () => {
    expect(screener.screen({ kind: 'account', accountKind: 'qq', value: '123456789' }, NOW)).toMatchObject({
      action: 'block',
      risk: 60,
    });
    expect(screener.screen({ kind: 'account', value: 'qq:123456789' }, NOW)).toMatchObject({
      action: 'block',
    });
    expect(screener.screen({ kind: 'account', value: '6222 0200 0000 0000 000' }, NOW)).toMatchObject({
      action: 'block',
      normalized: 'bank_card:6222020000000000000',
    });
  });

  it('screens an SMS by its sender and hands the text to the scorer', () => {
    const scored = Screener.build(ENTRIES, {
      textScorer: (text) =>
        text.includes('安全账户')
          ? {
              risk: 85,
              action: 'block',
              reasons: [
                {
                  list: 'sms-rules',
                  rule: 'text:safe-account',
                  source: { kind: 'rule', id: 'T1' },
                  addedAt: 0,
                  action: 'block',
                  confidence: 85,
                  expiresAt: null,
                },
              ],
            }
          : null,
    }).screener;
    expect(scored.screen({ kind: 'sms', value: '10690000', text: '请转入安全账户' }, NOW)).toMatchObject({
      action: 'block',
      risk: 85,
      reasons: [{ rule: 'text:safe-account' }],
    });
    expect(scored.screen({ kind: 'sms', value: '10690000', text: '您好' }, NOW)).toMatchObject({
      action: 'pass',
    });
    expect(screener.screen({ kind: 'sms', value: '13812345678', text: '请转入安全账户' }, NOW)).toMatchObject(
      { action: 'block', risk: 90 },
    );
  });

  it.each([
    [{ kind: 'number', value: '12' }, 'too_short'],
    [{ kind: 'domain', value: 'a..b' }, 'bad_label'],
    [{ kind: 'url', value: 'javascript:alert(1)' }, 'unsupported_scheme'],
    [{ kind: 'account', value: 'who knows' }, 'unknown_account_kind'],
    [{ kind: 'fax', value: '1' }, 'unknown_kind'],
    [{ kind: 'number' }, 'bad_item'],
  ])('answers %j with an invalid verdict', (item, reason) => {
    expect(screener.screen(item as ScreenItem, NOW)).toEqual({
      action: 'invalid',
      risk: 0,
      reasons: [],
      normalized: null,
      invalidReason: reason,
    });
  });

  it('never throws, whatever it is asked', () => {
    const item = fc.record({
      kind: fc.constantFrom('number', 'sms', 'domain', 'url', 'account', 'x'),
      value: fc.string(),
      text: fc.option(fc.string(), { nil: undefined }),
    });
    fc.assert(
      fc.property(item, (i) => {
        const verdict = screener.screen(i as ScreenItem, NOW);
        expect(['block', 'mark', 'allow', 'pass', 'invalid']).toContain(verdict.action);
        expect(verdict.risk).toBeGreaterThanOrEqual(0);
        expect(verdict.risk).toBeLessThanOrEqual(100);
      }),
      { numRuns: 2000 },
    );
  });

  it('applies changes from the change log at once', () => {
    const { screener: live } = Screener.build(ENTRIES);
    expect(live.apply({ op: 'add', entry: { kind: 'domain', value: 'new-scam.top', ...from() } })).toEqual({
      ok: true,
      normalized: 'new-scam.top',
    });
    expect(live.screen({ kind: 'domain', value: 'pay.new-scam.top' }, NOW).action).toBe('block');
    expect(
      live.apply({ op: 'remove', entry: { kind: 'number', value: '13812345678', list: 'case-footprints' } }),
    ).toEqual({ ok: true, removed: 1 });
    expect(live.screen({ kind: 'number', value: '13812345678' }, NOW).action).toBe('pass');
    expect(live.pendingChanges).toBe(2);
    live.compact();
    expect(live.pendingChanges).toBe(0);
    expect(live.screen({ kind: 'domain', value: 'pay.new-scam.top' }, NOW).action).toBe('block');
    expect(live.screen({ kind: 'number', value: '13812345678' }, NOW).action).toBe('pass');
  });

  it('builds from a normalized snapshot with interned provenances, answering like Screener.build', () => {
    const builder = new ScreenerBuilder();
    const cases = builder.records.intern(from(), 'number:exact');
    const virtual = from({ list: 'virtual', action: 'mark', confidence: 30 });
    expect(builder.numbers.addNormalized('+8613812345678', cases)).toBe(true);
    expect(
      builder.numbers.addNormalized(
        '+86170',
        builder.records.intern(virtual, 'number:prefix:+86170'),
        'prefix',
      ),
    ).toBe(true);
    expect(builder.numbers.addNormalized('138 1234 5678', cases)).toBe(false);
    builder.domains.addNormalized(
      'evil.cn',
      builder.records.intern(from({ source: { kind: 'report', id: 'JB-7' } }), 'domain'),
    );
    builder.domains.addNormalized(
      'cdn.example.com/phish/',
      builder.records.intern(from({ list: 'urls', confidence: 70 }), 'url_prefix'),
      'url_prefix',
    );
    builder.accounts.addNormalized(
      'qq',
      '123456789',
      builder.records.intern(from({ list: 'qq', confidence: 60 }), 'qq'),
    );
    const fast = builder.build();
    const items: ScreenItem[] = [
      { kind: 'number', value: '13812345678' },
      { kind: 'number', value: '17012345678' },
      { kind: 'domain', value: 'www.evil.cn' },
      { kind: 'url', value: 'https://cdn.example.com/phish/x' },
      { kind: 'account', value: 'qq:123456789' },
      { kind: 'number', value: '13912345678' },
    ];
    for (const item of items) expect(fast.screen(item, NOW)).toEqual(screener.screen(item, NOW));
  });
});
