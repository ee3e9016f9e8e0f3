/**
 * A VIP list as a file for SMS and e-mail tools and spreadsheets.
 *
 * CSV: UTF-8 with a BOM (Excel and WPS then read 中文 right), or GBK without one for older tools;
 * CRLF line ends, RFC 4180 quoting. xlsx: one sheet through exceljs, the header bold and frozen.
 *
 * Formula injection: a text cell a spreadsheet could run — one that begins with =, +, -, @, a tab or
 * a carriage return (a buyer's note "=HYPERLINK(…)", a name "+86…") — gets a leading ' in both
 * formats, so it is shown as the text it is. Numbers are written as numbers and never changed.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { CsvEncoding, VipExportFormat } from '../../shared/vip.js';

export type SheetCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** '=1+1' → "'=1+1"; other text as it is. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvField(cell: SheetCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = neutralise(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvBytes(
  header: readonly string[],
  rows: readonly SheetCell[][],
  encoding: CsvEncoding,
): Buffer {
  const text = [header, ...rows].map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

export async function xlsxBytes(
  sheetName: string,
  header: readonly string[],
  rows: readonly SheetCell[][],
  widths: readonly number[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h, i) => ({ header: h, width: widths[i] ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((c) => (typeof c === 'string' ? neutralise(c) : c)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function sheetBytes(
  format: VipExportFormat,
  encoding: CsvEncoding,
  sheetName: string,
  header: readonly string[],
  rows: readonly SheetCell[][],
  widths: readonly number[],
): Promise<Buffer> {
  return format === 'csv' ? csvBytes(header, rows, encoding) : xlsxBytes(sheetName, header, rows, widths);
}
