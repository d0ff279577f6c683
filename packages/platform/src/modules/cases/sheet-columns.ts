/**
 * The columns of the case spreadsheet (one row per footprint) and the words officers write in them:
 * fraud types and footprint kinds by their Chinese labels or the API's names. Shared by the reader, the
 * checks and the template.
 */
import { FRAUD_TYPE_LABELS } from '@fanzha/engine';
import type { FootprintKind } from './footprint-kinds.js';
import { CASE_FRAUD_TYPES, type CaseFraudType } from './schemas.js';

export const SHEET_NAME = '案件线索';

/** The columns of the sheet: key, Chinese header (what the template and the reader use), width, an example. */
export const COLUMNS = [
  { key: 'ref', header: '案件参考号', width: 16, example: 'XW-2026-001' },
  { key: 'unitCode', header: '受理单位代码', width: 14, example: '320102' },
  { key: 'fraudType', header: '案件类别', width: 16, example: '冒充公检法' },
  { key: 'victimName', header: '受害人姓名', width: 12, example: '张三' },
  { key: 'victimPhone', header: '受害人电话', width: 15, example: '13912345678' },
  { key: 'victimIdNumber', header: '受害人身份证号', width: 21, example: '320102199001011234' },
  { key: 'amountLost', header: '损失金额（元）', width: 14, example: '52000' },
  { key: 'occurredAt', header: '案发时间', width: 18, example: '2026-11-20 14:30' },
  { key: 'reportedAt', header: '报案时间', width: 18, example: '2026-11-21 09:00' },
  {
    key: 'narrative',
    header: '简要案情',
    width: 40,
    example: '受害人接到自称公安局的电话，称其涉嫌洗钱，按要求转账。',
  },
  { key: 'footprintKind', header: '线索类型', width: 12, example: '银行卡' },
  { key: 'footprintValue', header: '线索内容', width: 26, example: '6222021234567890128' },
  { key: 'footprintAmount', header: '涉案金额（元）', width: 14, example: '52000' },
  { key: 'footprintTime', header: '发生时间', width: 18, example: '2026-11-20 15:02' },
  { key: 'footprintNote', header: '线索备注', width: 24, example: '受害人第一笔转账' },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];

export const CASE_COLUMNS = [
  'unitCode',
  'fraudType',
  'victimName',
  'victimPhone',
  'victimIdNumber',
  'amountLost',
  'occurredAt',
  'reportedAt',
  'narrative',
] as const satisfies readonly ColumnKey[];

/** How the footprint kind column may be written: the Chinese label or the API's name. */
export const FOOTPRINT_KIND_NAMES: Record<string, { kind: FootprintKind; accountKind?: string }> = {
  号码: { kind: 'number' },
  电话: { kind: 'number' },
  短信: { kind: 'sms' },
  短信发送号码: { kind: 'sms' },
  域名: { kind: 'domain' },
  网址: { kind: 'url' },
  银行卡: { kind: 'account', accountKind: 'bank_card' },
  对公账户: { kind: 'account', accountKind: 'corporate_account' },
  支付宝: { kind: 'account', accountKind: 'alipay' },
  微信支付: { kind: 'account', accountKind: 'wechat_pay' },
  qq: { kind: 'qq' },
  微信: { kind: 'wechat' },
  app: { kind: 'app' },
  imei: { kind: 'imei' },
  number: { kind: 'number' },
  sms: { kind: 'sms' },
  domain: { kind: 'domain' },
  url: { kind: 'url' },
  bank_card: { kind: 'account', accountKind: 'bank_card' },
  corporate_account: { kind: 'account', accountKind: 'corporate_account' },
  alipay: { kind: 'account', accountKind: 'alipay' },
  wechat_pay: { kind: 'account', accountKind: 'wechat_pay' },
  wechat: { kind: 'wechat' },
};
export const FOOTPRINT_KIND_LABELS = [
  '号码',
  '短信',
  '域名',
  '网址',
  '银行卡',
  '对公账户',
  '支付宝',
  '微信支付',
  'QQ',
  '微信',
  'APP',
  'IMEI',
];

export const FRAUD_TYPE_BY_NAME = new Map<string, CaseFraudType>([
  ...CASE_FRAUD_TYPES.map((type) => [type, type] as const),
  ...Object.entries(FRAUD_TYPE_LABELS).map(([type, label]) => [label, type as CaseFraudType] as const),
  ['其他', 'other'],
]);

export const headerKey = new Map<string, ColumnKey>(
  COLUMNS.flatMap((column) => [
    [normalizeHeader(column.header), column.key],
    [normalizeHeader(column.key), column.key],
  ]),
);

export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s*]/g, '')
    .replace(/\(.*\)$/, '')
    .toLowerCase();
}

/** Where an error is: `/rows/5/线索内容`, read by people and by the console's error report. */
export const cellField = (row: number, key?: ColumnKey) =>
  `/rows/${row}${key ? `/${COLUMNS.find((c) => c.key === key)!.header}` : ''}`;
