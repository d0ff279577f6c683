/**
 * Demo intelligence: a few lists with entries that look like a province's (numbers from cases,
 * abused virtual-operator ranges, fraud domains, mule accounts) and one pending appeal, so that the
 * intercept pages and the screening tester have something to show. Generated, never real data.
 */
import { luhnValid } from '@fanzha/engine';
import type { Context } from '../context.js';
import { fileAppeal } from '../modules/appeals/index.js';
import { findUserByUsername } from '../modules/auth/store.js';
import { systemActor, type UserActor } from '../modules/auth/index.js';
import { addEntries, createList, findList, type EntryInput } from '../modules/intel/index.js';

/** A small deterministic generator, so every demo start shows the same data. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const fraudTypes = ['冒充公检法', '刷单返利', '虚假投资理财', '虚假网络贷款', '冒充电商物流客服', '虚假征信'];
const brands = ['icbc', 'ccb', 'abc', 'boc', 'cmb', 'alipay', 'jd', 'taobao', '95588', 'unionpay'];
const lures = ['login', 'kefu', 'safe', 'verify', 'refund', 'loan', 'credit', 'vip'];
const tlds = ['top', 'xyz', 'vip', 'cc', 'icu', 'club', 'com', 'cn'];

export async function seedDemoIntel(ctx: Context): Promise<number> {
  if (await findList(ctx.db, 'case-numbers')) return 0;
  const actor = systemActor('demo-seed');
  const random = generator(20261126);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const caseId = () =>
    `A32${String(Math.floor(random() * 1e4)).padStart(4, '0')}2026${String(Math.floor(random() * 1e5)).padStart(6, '0')}`;
  const lists: Array<{
    name: string;
    title: string;
    kind: 'number' | 'domain' | 'url' | 'account';
    defaultAction: 'block' | 'mark';
    entries: EntryInput[];
  }> = [
    {
      name: 'case-numbers',
      title: '涉案号码',
      kind: 'number',
      defaultAction: 'block',
      entries: Array.from({ length: 60 }, () => ({
        value: `1${pick(['38', '39', '58', '70', '71', '65', '86'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
        source: { kind: 'case' as const, id: caseId() },
        confidence: 90 + Math.floor(random() * 10),
        reason: `${pick(fraudTypes)}案件涉案号码`,
      })),
    },
    {
      name: 'abused-ranges',
      title: '高风险号段',
      kind: 'number',
      defaultAction: 'mark',
      entries: ['170', '171', '162', '165', '167'].map((prefix) => ({
        value: prefix,
        match: 'prefix' as const,
        confidence: 40,
        source: { kind: 'rule' as const, id: 'virtual-operator-ranges' },
        reason: '虚拟运营商号段',
      })),
    },
    {
      name: 'fraud-domains',
      title: '涉诈域名',
      kind: 'domain',
      defaultAction: 'block',
      entries: Array.from({ length: 40 }, () => ({
        value: `${pick(brands)}-${pick(lures)}${Math.floor(random() * 100)}.${pick(tlds)}`,
        source: { kind: pick(['case', 'report', 'partner'] as const), id: caseId() },
        confidence: 85 + Math.floor(random() * 15),
        reason: `仿冒${pick(['银行', '支付平台', '电商客服', '公安机关'])}网站`,
      })),
    },
    {
      name: 'mule-accounts',
      title: '涉案账户',
      kind: 'account',
      defaultAction: 'block',
      entries: Array.from({ length: 20 }, () => ({
        value: `6222${String(Math.floor(random() * 1e12)).padStart(12, '0')}`,
        accountKind: 'bank_card',
        source: { kind: 'case' as const, id: caseId() },
        confidence: 95,
        reason: '涉案收款卡',
      })),
    },
  ];
  let added = 0;
  for (const list of lists) {
    await createList(ctx, actor, {
      name: list.name,
      title: list.title,
      kind: list.kind,
      defaultAction: list.defaultAction,
      unitCode: `${ctx.config.provinceCode}0000`,
    });
    // Generated bank cards fail the Luhn check now and then; the demo keeps the ones that pass.
    const valid = list.entries.filter((entry) => list.kind !== 'account' || luhnValid(entry.value));
    added += (await addEntries(ctx, actor, list.name, valid)).added;
  }
  const officer = await findUserByUsername(ctx.db, 'xuanwu-officer');
  const firstNumber = lists[0]!.entries[0]!.value;
  if (officer) {
    const appellant: UserActor = {
      type: 'user',
      id: officer.id,
      username: officer.username,
      unitCode: officer.unit_code,
      unitPath: officer.unit_path,
      roles: officer.roles,
    };
    await fileAppeal(ctx, appellant, {
      list: 'case-numbers',
      value: firstNumber,
      reason: '机主称号码为本人正常使用，已核实身份',
      evidence: '机主身份证明及近三个月通话记录',
    });
  }
  return added;
}
