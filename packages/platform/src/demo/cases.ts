/**
 * Demo cases: a few cases of the demo units at different steps of their flow, with footprints that the
 * case lists then block, so the case pages have something to show. Generated, never real data.
 */
import { luhnValid } from '@fanzha/engine';
import type { Context } from '../context.js';
import { systemActor } from '../modules/auth/index.js';
import { createCase, transitionCase } from '../modules/cases/index.js';
import type { CaseCreateBody } from '../modules/cases/index.js';

/** A card of the prefix with its Luhn check digit. */
function card(prefix: string): string {
  for (let digit = 0; digit <= 9; digit++) if (luhnValid(`${prefix}${digit}`)) return `${prefix}${digit}`;
  return `${prefix}0`;
}

export async function seedDemoCases(ctx: Context): Promise<number> {
  if (await ctx.db.selectFrom('cases').select('id').limit(1).executeTakeFirst()) return 0;
  const actor = systemActor('demo-seed');
  const province = `${ctx.config.provinceCode}0000`;
  // The county and city of the demo accounts exist only in Jiangsu; elsewhere the province takes them.
  const county = ctx.config.provinceCode === '32' ? '320102' : province;
  const city = ctx.config.provinceCode === '32' ? '320100' : province;
  const cases: Array<{ body: CaseCreateBody; steps: Array<'filed' | 'investigating' | 'solved'> }> = [
    {
      body: {
        unitCode: county,
        externalRef: 'JQ-DEMO-0001',
        fraudType: 'fake_police',
        victim: { name: '王秀英', phone: '13800001111', idNumber: '320102196505051225' },
        amountLost: 186_000,
        occurredAt: '2026-11-18T02:10:00.000Z',
        reportedAt: '2026-11-18T09:30:00.000Z',
        narrative: '受害人接到自称“公安局”的电话，称其名下银行卡涉嫌洗钱，要求将存款转入“安全账户”配合调查。',
        timeline: [
          { at: '2026-11-18T02:10:00.000Z', event: '接到自称公安局民警的电话' },
          { at: '2026-11-18T02:55:00.000Z', event: '按对方要求下载“安全防护”APP' },
          { at: '2026-11-18T03:20:00.000Z', event: '分两笔向对方账户转账' },
        ],
        footprints: [
          { kind: 'number', value: '+86 171 2345 0001', occurredAt: '2026-11-18T02:10:00.000Z' },
          { kind: 'account', accountKind: 'bank_card', value: card('622202123400001'), amount: 120_000 },
          { kind: 'account', accountKind: 'bank_card', value: card('621700123400002'), amount: 66_000 },
          { kind: 'url', value: 'https://gaj-anquan.example.cn/app/download' },
          { kind: 'app', value: 'com.anquan.fanghu' },
        ],
      },
      steps: ['filed', 'investigating'],
    },
    {
      body: {
        unitCode: county,
        externalRef: 'JQ-DEMO-0002',
        fraudType: 'click_farming_rebate',
        victim: { name: '李明', phone: '13900002222' },
        amountLost: 8_600,
        reportedAt: '2026-11-20T11:00:00.000Z',
        narrative: '受害人在网上看到“刷单返利”兼职广告，添加对方 QQ 后按要求垫付，前几单返利后无法提现。',
        footprints: [
          { kind: 'qq', value: '3345678901' },
          { kind: 'wechat', value: 'jianzhi_boss88' },
          { kind: 'account', accountKind: 'alipay', value: 'shuadan.demo@example.com', amount: 8_600 },
        ],
      },
      steps: [],
    },
    {
      body: {
        unitCode: city,
        externalRef: 'JQ-DEMO-0003',
        fraudType: 'fake_investment',
        victim: { name: '陈静', phone: '13700003333', idNumber: '320104198803031226' },
        amountLost: 530_000,
        reportedAt: '2026-11-10T02:00:00.000Z',
        narrative: '受害人被拉入“投资群”，在虚假理财平台充值后平台关闭。',
        footprints: [
          { kind: 'domain', value: 'licai-vip-demo.example.cn' },
          {
            kind: 'account',
            accountKind: 'corporate_account',
            value: '中国工商银行 3201 0000 1234 5678 901',
            amount: 530_000,
          },
          { kind: 'sms', value: '10690000123456' },
        ],
      },
      steps: ['filed', 'investigating', 'solved'],
    },
  ];
  for (const { body, steps } of cases) {
    const created = await createCase(ctx, actor, body);
    for (const to of steps) await transitionCase(ctx, actor, created.id, { to });
  }
  return cases.length;
}
