import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';
import { COLUMNS, SHEET_NAME } from './sheet-columns.js';
import { parseTime } from './spreadsheet.js';
import { luhnCard } from './test-factories.js';

let sut: TestPlatform;
let officer: string;

beforeAll(async () => {
  sut = await createTestPlatform();
  officer = await sut.login('xuanwu-officer');
});
afterAll(() => sut.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const upload = (body: Buffer | string, contentType: string) =>
  sut.app.inject({
    method: 'POST',
    url: '/api/v1/cases/imports',
    payload: body,
    headers: { cookie: officer, 'content-type': contentType },
  });

async function template(): Promise<ExcelJS.Workbook> {
  const response = await sut.app.inject({
    method: 'GET',
    url: '/api/v1/cases/import-template.xlsx',
    headers: { cookie: officer },
  });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe(XLSX);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

type Row = Partial<Record<(typeof COLUMNS)[number]['key'], string | number | Date>>;

/** A workbook filled in as an officer would: the template's sheet, one row per footprint. */
async function workbookOf(rows: Row[]): Promise<Buffer> {
  const workbook = await template();
  const sheet = workbook.getWorksheet(SHEET_NAME)!;
  for (const row of rows) sheet.addRow(COLUMNS.map((column) => row[column.key] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvOf = (rows: Row[]) =>
  [
    COLUMNS.map((c) => c.header).join(','),
    ...rows.map((row) => COLUMNS.map((c) => row[c.key] ?? '').join(',')),
  ].join('\r\n');

const counts = async () =>
  Promise.all(
    (['cases', 'case_footprints', 'intel_entries', 'intel_changes', 'audit_log'] as const).map(
      async (table) =>
        Number(
          (
            await sut.ctx.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
    ),
  );

describe('GET /api/v1/cases/import-template.xlsx', () => {
  it('is a workbook whose first sheet has the import’s header row and an instructions sheet', async () => {
    const workbook = await template();
    const header = workbook.getWorksheet(SHEET_NAME)!.getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual(COLUMNS.map((column) => column.header));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([SHEET_NAME, '填写说明']);
    // Drop-down lists of fraud types and footprint kinds (exceljs types lack them).
    const validations = (
      workbook.getWorksheet(SHEET_NAME) as unknown as {
        dataValidations: { model: Record<string, { type: string; formulae: string[] }> };
      }
    ).dataValidations.model;
    expect(validations.C2).toMatchObject({ type: 'list', formulae: [expect.stringContaining('冒充公检法')] });
    expect(validations.K2).toMatchObject({ type: 'list', formulae: [expect.stringContaining('银行卡')] });
  });
});

describe('POST /api/v1/cases/imports', () => {
  const card = luhnCard('622848123456789');

  it('imports an xlsx file: rows grouped into cases by reference, footprints on the case lists', async () => {
    const body = await workbookOf([
      {
        ref: 'XW-001',
        fraudType: '冒充公检法',
        victimName: '李四',
        victimPhone: '13912340000',
        amountLost: 80000,
        occurredAt: new Date(Date.UTC(2026, 10, 20, 14, 30)),
        reportedAt: '2026-11-21 09:00',
        narrative: '自称公安局来电',
        footprintKind: '号码',
        footprintValue: '13800138111',
        footprintTime: '2026-11-20 14:30',
      },
      { ref: 'XW-001', footprintKind: '银行卡', footprintValue: card, footprintAmount: '80,000.00' },
      {
        ref: 'XW-002',
        fraudType: 'fake_investment',
        victimName: '王五',
        amountLost: 0,
        footprintKind: '网址',
        footprintValue: 'https://licai-vip.example.cn/app',
      },
    ]);
    const response = await upload(body, XLSX);
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({ created: 2, footprints: 3 });
    const first = result.cases.find((c: { ref: string }) => c.ref === 'XW-001');
    const detail = (
      await sut.app.inject({ method: 'GET', url: `/api/v1/cases/${first.id}`, headers: { cookie: officer } })
    ).json();
    expect(detail).toMatchObject({
      unitCode: '320102',
      externalRef: 'XW-001',
      fraudType: 'fake_police',
      amountLost: 80000,
      // The date cell and the text both mean China time.
      occurredAt: '2026-11-20T06:30:00.000Z',
      reportedAt: '2026-11-21T01:00:00.000Z',
    });
    expect(
      detail.footprints.map((f: { value: string; list: string; amount: number | null }) => [
        f.value,
        f.list,
        f.amount,
      ]),
    ).toEqual([
      ['+8613800138111', 'case-numbers', null],
      [card, 'case-accounts', 80000],
    ]);
    expect(detail.footprints[0].occurredAt).toBe('2026-11-20T06:30:00.000Z');
  });

  it('imports the same columns from CSV', async () => {
    const response = await upload(
      csvOf([
        {
          ref: 'XW-CSV-1',
          fraudType: '刷单返利',
          victimName: '赵六',
          amountLost: 1200,
          footprintKind: 'QQ',
          footprintValue: '20261126',
        },
        { ref: 'XW-CSV-1', footprintKind: '微信', footprintValue: 'shuadan_boss' },
      ]),
      'text/csv',
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ created: 1, footprints: 2 });
  });

  it('imports nothing from a file with errors and names each row and column', async () => {
    const before = await counts();
    const response = await upload(
      await workbookOf([
        {
          ref: 'ERR-1',
          fraudType: '冒充公检法',
          victimName: '甲',
          amountLost: 100,
          footprintKind: '号码',
          footprintValue: '13800138222',
        },
        { ref: 'ERR-1', footprintKind: '银行卡', footprintValue: '6228481234567890' },
        {
          ref: 'ERR-2',
          fraudType: '算命',
          victimName: '乙',
          amountLost: 'many',
          footprintKind: '域名',
          footprintValue: 'ok.example.cn',
        },
        {
          fraudType: '冒充公检法',
          victimName: '丙',
          amountLost: 1,
          footprintKind: '号码',
          footprintValue: '13800138333',
        },
        {
          ref: 'ERR-3',
          fraudType: '冒充公检法',
          victimName: '丁',
          amountLost: 1,
          unitCode: '320200',
          footprintKind: '飞鸽',
          footprintValue: 'x',
        },
        { ref: 'XW-001', fraudType: '冒充公检法', victimName: '戊', amountLost: 1 },
      ]),
      XLSX,
    );
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.detail).toContain('nothing was imported');
    // Each problem names the cell (row and the template's column), says it in English, and gives the
    // code and values the console writes the officer's Chinese from.
    expect(problem.errors).toEqual([
      {
        field: '/rows/3/线索内容',
        message: 'the footprint of row 3 (account) is not valid: bad_checksum',
        code: 'footprint_invalid',
        params: { kind: 'account', reason: 'bad_checksum' },
      },
      {
        field: '/rows/4/案件类别',
        message: expect.stringContaining('unknown fraud type 算命'),
        code: 'fraud_type_unknown',
        params: { value: '算命', allowed: expect.stringContaining('冒充公检法') },
      },
      {
        field: '/rows/4/损失金额（元）',
        message: 'not an amount in yuan: many',
        code: 'amount_invalid',
        params: { value: 'many' },
      },
      {
        field: '/rows/5/案件参考号',
        message: 'the case reference is empty',
        code: 'cell_empty',
        params: { what: 'the case reference' },
      },
      {
        field: '/rows/6/线索类型',
        message: expect.stringContaining('unknown footprint kind 飞鸽'),
        code: 'footprint_kind_unknown',
        params: { value: '飞鸽', allowed: expect.any(String) },
      },
      {
        field: '/rows/6/受理单位代码',
        message: 'no unit 320200 in your part of the org tree',
        code: 'unit_not_in_subtree',
        params: { value: '320200' },
      },
      {
        field: '/rows/7/案件参考号',
        message: expect.stringContaining('already has a case with the reference XW-001'),
        code: 'ref_taken',
        params: { unit: '320102', value: 'XW-001' },
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file that is not a spreadsheet and a header it does not know', async () => {
    const junk = await upload(Buffer.from('PK\u0003\u0004 not really a zip'), XLSX);
    expect(junk.statusCode).toBe(400);
    expect(junk.json().errors[0]).toEqual({
      field: 'body',
      message: 'not a readable xlsx file',
      code: 'file_unreadable',
      params: { format: 'xlsx' },
    });
    const header = await upload('编号,姓名\n1,张三\n', 'text/csv');
    expect(header.statusCode).toBe(400);
    expect(header.json().errors).toContainEqual({
      field: '/rows/1',
      message: 'unknown column 编号 (column 1)',
      code: 'column_unknown',
      params: { header: '编号', column: 1 },
    });
  });
});

describe('parseTime', () => {
  it.each([
    ['2026-11-20 14:30', '2026-11-20T06:30:00.000Z'],
    ['2026/11/20 14:30:05', '2026-11-20T06:30:05.000Z'],
    ['2026-11-20', '2026-11-19T16:00:00.000Z'],
    ['2026-11-20T14:30:00+08:00', '2026-11-20T06:30:00.000Z'],
    ['46346.6041666667', '2026-11-20T06:30:00.000Z'],
    ['2026-02-30 10:00', null],
    ['20 Nov', null],
  ])('%s → %s', (text, expected) => expect(parseTime(text)).toBe(expected));
});
