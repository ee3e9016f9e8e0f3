/**
 * The two file formats of an orders export, fed one chunk of rows at a time.
 *
 * CSV: UTF-8 with a BOM (without it Excel on Windows reads the UTF-8 as GBK and garbles 中文),
 * CRLF, money as exact decimal text. Long digit strings (19-digit Tmall ids) are written as
 * ="…", the way Tmall's own exports do, or Excel shows 3.12681E+18 and loses the last digits.
 * A text cell that starts like a formula (=, +, -, @) gets a leading ' so a buyer's note can never
 * run as a formula in the bookkeeper's spreadsheet.
 *
 * xlsx: exceljs's streaming writer (rows are committed as they come, so a large export does not
 * build the whole sheet in memory); money as numbers with the currency's decimals, ids as text.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { minorUnitDigits } from '../../shared/money.js';
import type { ExportCell } from './export-columns.js';

export interface ExportSheetWriter {
  header(names: string[], widths: number[]): void;
  /** Each row with the currency its money cells are in. */
  rows(rows: ReadonlyArray<{ cells: ExportCell[]; currency: string }>): Promise<void>;
  /**
   * The file, as the pieces it was written in: joining 300 MB into one Buffer would hold up the
   * event loop for half a second and need the memory twice.
   */
  finish(): Promise<Buffer[]>;
}

const LONG_DIGITS = /^\d{12,}$|^0\d{5,}$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvText(value: string): string {
  let text = value;
  if (LONG_DIGITS.test(text)) text = `="${text}"`;
  else if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvCell(cell: ExportCell): string {
  if ('money' in cell) return cell.money ?? '';
  if ('number' in cell) return cell.number === null ? '' : String(cell.number);
  return cell.text === null ? '' : csvText(cell.text);
}

export function csvWriter(): ExportSheetWriter {
  const parts: Buffer[] = [Buffer.from('\uFEFF', 'utf8')];
  return {
    header(names) {
      parts.push(Buffer.from(`${names.map(csvText).join(',')}\r\n`, 'utf8'));
    },
    async rows(rows) {
      let chunk = '';
      for (const row of rows) chunk += `${row.cells.map(csvCell).join(',')}\r\n`;
      parts.push(Buffer.from(chunk, 'utf8'));
    },
    async finish() {
      return parts;
    },
  };
}

export function xlsxWriter(sheetName: string): ExportSheetWriter {
  const stream = new PassThrough();
  const parts: Buffer[] = [];
  stream.on('data', (b: Buffer) => parts.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const formats = new Map<string, string>();
  const numFmt = (currency: string): string => {
    let f = formats.get(currency);
    if (!f) {
      const digits = minorUnitDigits(currency);
      f = digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
      formats.set(currency, f);
    }
    return f;
  };
  return {
    header(names, widths) {
      sheet.columns = names.map((header, i) => ({ header, width: widths[i] ?? 12 }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
    },
    async rows(rows) {
      for (const { cells, currency } of rows) {
        const row = sheet.addRow(
          cells.map((c) => {
            if ('money' in c) return c.money === null ? null : Number(c.money);
            return 'number' in c ? c.number : c.text;
          }),
        );
        cells.forEach((c, i) => {
          if ('money' in c && c.money !== null) row.getCell(i + 1).numFmt = numFmt(currency);
        });
        row.commit();
      }
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
      await ended;
      return parts;
    },
  };
}
