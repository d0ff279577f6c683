/** The downloadable template of the case import: the header row, drop-down lists and instructions. */
import { FRAUD_TYPE_LABELS } from '@fanzha/engine';
import ExcelJS from 'exceljs';
import { COLUMNS, FOOTPRINT_KIND_LABELS, SHEET_NAME, type ColumnKey } from './sheet-columns.js';

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
