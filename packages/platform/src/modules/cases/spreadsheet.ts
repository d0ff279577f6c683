/**
 * Cases as officers keep them in spreadsheets: one row per footprint, rows of one case sharing a case
 * reference, the case's own columns filled on its first row (later rows may repeat them or leave them
 * blank). Reads xlsx with exceljs and CSV with csv-parse (exceljs's CSV reader turns long digit strings
 * such as bank cards into floating-point numbers and loses their last digits). Writes the template.
 * Pure parsing: no store; every problem is reported with its row number and column, never thrown.
 */
import { FRAUD_TYPE_LABELS } from '@fanzha/engine';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FieldError } from '../../errors.js';
import type { FootprintKind } from './footprint-kinds.js';
import { CASE_FRAUD_TYPES, type CaseFraudType } from './schemas.js';

/** The columns of the sheet: key, Chinese header (what the template shows), whether a row needs it. */
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

const CASE_COLUMNS = [
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
const FOOTPRINT_KIND_NAMES: Record<string, { kind: FootprintKind; accountKind?: string }> = {
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

const FRAUD_TYPE_BY_NAME = new Map<string, CaseFraudType>([
  ...CASE_FRAUD_TYPES.map((type) => [type, type] as const),
  ...Object.entries(FRAUD_TYPE_LABELS).map(([type, label]) => [label, type as CaseFraudType] as const),
  ['其他', 'other'],
]);

export interface SheetRow {
  /** 1-based row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  cells: Partial<Record<ColumnKey, string>>;
}

export interface ParsedFootprint {
  row: number;
  kind: FootprintKind;
  accountKind?: string;
  value: string;
  amount?: number;
  occurredAt?: string;
  note?: string;
}

export interface ParsedCase {
  ref: string;
  /** Row of the case's first line. */
  row: number;
  unitCode?: string;
  fraudType: CaseFraudType;
  victim: { name: string; phone?: string; idNumber?: string };
  amountLost: number;
  occurredAt?: string;
  reportedAt?: string;
  narrative?: string;
  footprints: ParsedFootprint[];
}

export type SheetError = FieldError;

const headerKey = new Map<string, ColumnKey>(
  COLUMNS.flatMap((column) => [
    [normalizeHeader(column.header), column.key],
    [normalizeHeader(column.key), column.key],
  ]),
);

function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s*]/g, '')
    .replace(/\(.*\)$/, '')
    .toLowerCase();
}

/** Where an error is: `/rows/5/线索内容`, read by people and by the console's error report. */
export const cellField = (row: number, key?: ColumnKey) =>
  `/rows/${row}${key ? `/${COLUMNS.find((c) => c.key === key)!.header}` : ''}`;

/** Maps the header row to column keys; unknown headers are reported, missing required ones too. */
function mapHeader(header: string[]): { keys: Array<ColumnKey | null>; errors: SheetError[] } {
  const keys = header.map((text) => (text.trim() ? (headerKey.get(normalizeHeader(text)) ?? null) : null));
  const errors: SheetError[] = [];
  header.forEach((text, index) => {
    if (text.trim() && keys[index] === null)
      errors.push({ field: '/rows/1', message: `unknown column ${text.trim()} (column ${index + 1})` });
  });
  for (const required of [
    'ref',
    'fraudType',
    'victimName',
    'amountLost',
    'footprintKind',
    'footprintValue',
  ] as const)
    if (!keys.includes(required))
      errors.push({
        field: '/rows/1',
        message: `missing column ${COLUMNS.find((c) => c.key === required)!.header}`,
      });
  return { keys, errors };
}

function toRows(records: Array<{ row: number; values: string[] }>): {
  rows: SheetRow[];
  errors: SheetError[];
} {
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [{ field: '/rows/1', message: 'the sheet is empty' }] };
  const { keys, errors } = mapHeader(header.values);
  const rows: SheetRow[] = [];
  for (const record of data) {
    if (record.values.every((value) => value.trim() === '')) continue;
    const cells: SheetRow['cells'] = {};
    record.values.forEach((value, index) => {
      const key = keys[index];
      if (key && value.trim() !== '') cells[key] = value.trim();
    });
    rows.push({ row: record.row, cells });
  }
  return { rows, errors };
}

export function readCsv(data: Buffer): { rows: SheetRow[]; errors: SheetError[] } {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parseCsv(data, {
      bom: true,
      relax_column_count: true,
      info: true,
      skip_empty_lines: false,
    }) as unknown as typeof records;
  } catch (error) {
    return {
      rows: [],
      errors: [{ field: 'body', message: `not a readable CSV file: ${(error as Error).message}` }],
    };
  }
  return toRows(records.map(({ record, info }) => ({ row: info.lines, values: record })));
}

export async function readXlsx(data: Buffer): Promise<{ rows: SheetRow[]; errors: SheetError[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { rows: [], errors: [{ field: 'body', message: 'not a readable xlsx file' }] };
  }
  const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet) return { rows: [], errors: [{ field: 'body', message: 'the workbook has no sheet' }] };
  const records: Array<{ row: number; values: string[] }> = [];
  const errors: SheetError[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    for (let column = 1; column <= Math.max(row.cellCount, COLUMNS.length); column++) {
      const text = cellText(row.getCell(column).value);
      if (text.ok) values.push(text.value);
      else {
        values.push('');
        errors.push({ field: `/rows/${rowNumber}`, message: `column ${column}: ${text.reason}` });
      }
    }
    records.push({ row: rowNumber, values });
  });
  const result = toRows(records);
  return { rows: result.rows, errors: [...errors, ...result.errors] };
}

/** A cell as the text the officer sees; dates in China time; numbers that lost digits are refused. */
function cellText(value: ExcelJS.CellValue): { ok: true; value: string } | { ok: false; reason: string } {
  if (value === null || value === undefined) return { ok: true, value: '' };
  if (typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !Number.isSafeInteger(value))
      return {
        ok: false,
        reason: 'a long number was stored as a number and lost its last digits; format the column as text',
      };
    return { ok: true, value: String(value) };
  }
  if (typeof value === 'boolean') return { ok: true, value: String(value) };
  if (value instanceof Date) return { ok: true, value: wallTimeOf(value) };
  if ('richText' in value) return { ok: true, value: value.richText.map((part) => part.text).join('') };
  if ('text' in value && typeof value.text === 'string') return { ok: true, value: value.text };
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  return { ok: true, value: '' };
}

/** exceljs reads a date cell as UTC; the officer typed China time, so the UTC fields are the wall time. */
function wallTimeOf(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * `2026-11-20 14:30`, `2026/11/20 14:30:05`, `2026-11-20` (China time), ISO 8601 with a zone, or an
 * Excel date serial (a date typed into a cell formatted as text or number: 46346.6 is 2026-11-20 14:24)
 * → ISO.
 */
export function parseTime(text: string): string | null {
  if (/^\d{5}(\.\d+)?$/.test(text.trim())) {
    // Days since 1899-12-30 in wall time (China time); 25569 is 1970-01-01.
    const wall = Math.round((Number(text) - 25_569) * 86_400_000);
    return new Date(wall - 8 * 3_600_000).toISOString();
  }
  const local = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(
    text.trim(),
  );
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = local;
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 8, Number(mi), Number(s));
    const check = new Date(utc + 8 * 3_600_000);
    if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23)
      return null;
    return new Date(utc).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text.trim())) {
    const date = new Date(text.trim());
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  return null;
}

function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[,，\s元¥￥]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const amount = Number(cleaned);
  return amount <= 1e13 ? amount : null;
}

/** Groups rows into cases by reference and checks every cell; errors name row and column. */
export function groupCases(rows: SheetRow[]): { cases: ParsedCase[]; errors: SheetError[] } {
  const errors: SheetError[] = [];
  const fail = (row: number, key: ColumnKey | undefined, message: string) =>
    errors.push({ field: cellField(row, key), message });
  const groups = new Map<string, SheetRow[]>();
  for (const row of rows) {
    const ref = row.cells.ref;
    if (!ref) {
      fail(row.row, 'ref', 'the case reference is empty');
      continue;
    }
    if (ref.length > 100) {
      fail(row.row, 'ref', 'the case reference is longer than 100 characters');
      continue;
    }
    groups.set(ref, [...(groups.get(ref) ?? []), row]);
  }
  const cases: ParsedCase[] = [];
  for (const [ref, group] of groups) {
    const first = group[0]!;
    // The case's columns: the first non-empty value of each; a different one later is a conflict.
    const caseCells: Partial<Record<ColumnKey, { value: string; row: number }>> = {};
    for (const row of group)
      for (const key of CASE_COLUMNS) {
        const value = row.cells[key];
        if (value === undefined) continue;
        const held = caseCells[key];
        if (!held) caseCells[key] = { value, row: row.row };
        else if (held.value !== value)
          fail(row.row, key, `differs from row ${held.row} of the same case (${held.value})`);
      }
    const cell = (key: (typeof CASE_COLUMNS)[number]) => caseCells[key]?.value;
    const at = (key: (typeof CASE_COLUMNS)[number]) => caseCells[key]?.row ?? first.row;
    const fraudText = cell('fraudType');
    const fraudType = fraudText ? FRAUD_TYPE_BY_NAME.get(fraudText.toLowerCase()) : undefined;
    if (!fraudText) fail(first.row, 'fraudType', 'the fraud type is empty');
    else if (!fraudType)
      fail(
        at('fraudType'),
        'fraudType',
        `unknown fraud type ${fraudText}; use one of ${Object.values(FRAUD_TYPE_LABELS).join('、')}、其他`,
      );
    const victimName = cell('victimName');
    if (!victimName) fail(first.row, 'victimName', 'the victim’s name is empty');
    else if (victimName.length > 100) fail(at('victimName'), 'victimName', 'longer than 100 characters');
    const amountText = cell('amountLost');
    const amountLost = amountText === undefined ? null : parseAmount(amountText);
    if (amountText === undefined)
      fail(first.row, 'amountLost', 'the amount lost is empty (write 0 for none)');
    else if (amountLost === null)
      fail(at('amountLost'), 'amountLost', `not an amount in yuan: ${amountText}`);
    const unitCode = cell('unitCode');
    if (unitCode && !/^\d{6,12}$/.test(unitCode))
      fail(at('unitCode'), 'unitCode', `not a unit code: ${unitCode}`);
    const times: Partial<Record<'occurredAt' | 'reportedAt', string>> = {};
    for (const key of ['occurredAt', 'reportedAt'] as const) {
      const text = cell(key);
      if (text === undefined) continue;
      const parsed = parseTime(text);
      if (parsed) times[key] = parsed;
      else fail(at(key), key, `not a time: ${text} (write 2026-11-20 14:30)`);
    }
    for (const [key, limit] of [
      ['victimPhone', 40],
      ['victimIdNumber', 30],
      ['narrative', 20_000],
    ] as const) {
      const text = cell(key);
      if (text && text.length > limit) fail(at(key), key, `longer than ${limit} characters`);
    }
    const footprints: ParsedFootprint[] = [];
    for (const row of group) {
      const footprint = footprintOf(row, fail);
      if (footprint) footprints.push(footprint);
    }
    if (fraudType && victimName && amountLost !== null)
      cases.push({
        ref,
        row: first.row,
        unitCode,
        fraudType,
        victim: { name: victimName, phone: cell('victimPhone'), idNumber: cell('victimIdNumber') },
        amountLost,
        occurredAt: times.occurredAt,
        reportedAt: times.reportedAt,
        narrative: cell('narrative'),
        footprints,
      });
  }
  return { cases, errors };
}

function footprintOf(
  row: SheetRow,
  fail: (row: number, key: ColumnKey | undefined, message: string) => void,
): ParsedFootprint | null {
  const { footprintKind: kindText, footprintValue: value } = row.cells;
  if (!kindText && !value) return null;
  if (!kindText) return (fail(row.row, 'footprintKind', 'the footprint kind is empty'), null);
  if (!value) return (fail(row.row, 'footprintValue', 'the footprint is empty'), null);
  const kind = FOOTPRINT_KIND_NAMES[kindText.toLowerCase()];
  if (!kind)
    return (
      fail(
        row.row,
        'footprintKind',
        `unknown footprint kind ${kindText}; use one of ${FOOTPRINT_KIND_LABELS.join('、')}`,
      ),
      null
    );
  let amount: number | undefined;
  if (row.cells.footprintAmount !== undefined) {
    const parsed = parseAmount(row.cells.footprintAmount);
    if (parsed === null)
      return (fail(row.row, 'footprintAmount', `not an amount in yuan: ${row.cells.footprintAmount}`), null);
    amount = parsed;
  }
  let occurredAt: string | undefined;
  if (row.cells.footprintTime !== undefined) {
    const parsed = parseTime(row.cells.footprintTime);
    if (!parsed) return (fail(row.row, 'footprintTime', `not a time: ${row.cells.footprintTime}`), null);
    occurredAt = parsed;
  }
  if (value.length > 4096) return (fail(row.row, 'footprintValue', 'longer than 4096 characters'), null);
  return { row: row.row, ...kind, value, amount, occurredAt, note: row.cells.footprintNote?.slice(0, 1000) };
}

export const SHEET_NAME = '案件线索';

interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/** The template: the header row with text-formatted columns and drop-down lists, and a sheet of instructions. */
export async function buildTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'fanzha';
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width,
    // Text, so Excel keeps every digit of card and ID numbers and the leading + of numbers.
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  const columnLetter = (key: ColumnKey) => sheet.getColumn(key).letter;
  // exceljs has range validations at run time but not in its type declarations.
  const validations = (sheet as unknown as { dataValidations: RangeValidations }).dataValidations;
  validations.add(`${columnLetter('fraudType')}2:${columnLetter('fraudType')}5000`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${[...Object.values(FRAUD_TYPE_LABELS), '其他'].join(',')}"`],
  });
  validations.add(`${columnLetter('footprintKind')}2:${columnLetter('footprintKind')}5000`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${FOOTPRINT_KIND_LABELS.join(',')}"`],
  });
  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'header', width: 18 },
    { header: '示例', key: 'example', width: 40 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of COLUMNS) help.addRow({ header: column.header, example: column.example });
  help.addRow({});
  for (const line of [
    '每行一条涉案线索；同一案件的多条线索填写相同的案件参考号，案件信息填在该案件的第一行即可。',
    '案件类别：' + [...Object.values(FRAUD_TYPE_LABELS), '其他'].join('、'),
    '线索类型：' + FOOTPRINT_KIND_LABELS.join('、'),
    '时间按北京时间填写，如 2026-11-20 14:30；金额以元为单位。',
    '导入时全部校验：任何一行有误则整份文件不导入，并按行号列出错误。',
  ])
    help.addRow({ header: line });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
