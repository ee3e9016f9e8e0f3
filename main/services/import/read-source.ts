/**
 * Opening an export file (Node side): sniff the container by magic bytes — users rename files, and
 * Tmall's "CSV" may be an xlsx and vice versa — then stream it as sheets of records with bounded
 * memory. CSV goes through the pure decoder in main/domain/import; xlsx through exceljs's streaming
 * WorkbookReader, every sheet in workbook order (千牛 workbooks carry 订单报表/销售明细/发货报表).
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { UserError } from '../../domain/errors.js';
import { locateHeader, readCsvRecords } from '../../domain/import/index.js';
import type {
  OpenedSource,
  SheetRecords,
  SourceRecord,
  TextEncoding,
} from '../../domain/import/reader-types.js';

const CHUNK_BYTES = 1024 * 1024;

export interface OpenOptions {
  encoding?: TextEncoding;
  /** Sees every byte of the file as it is read (the import hashes the file in the same pass). */
  onBytes?: (chunk: Uint8Array) => void;
}

export async function openSource(path: string, options: OpenOptions = {}): Promise<OpenedSource> {
  const size = (await stat(path)).size;
  if (size === 0) throw new UserError('文件是空的：没有任何内容可导入');
  const magic = await readMagic(path);
  if (magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 0x03 && magic[3] === 0x04)
    return openXlsx(path, size, options.onBytes);
  if (magic[0] === 0xd0 && magic[1] === 0xcf && magic[2] === 0x11 && magic[3] === 0xe0) {
    // OLE2: a legacy .xls, or an OOXML workbook encrypted by Taobao's 已卖出的宝贝 export.
    throw new UserError('旧版 .xls 或加密的 Excel 文件：请在 Excel 中另存为 .xlsx 或 CSV');
  }
  return openCsv(path, size, options.encoding, options.onBytes);
}

/** A read stream whose every chunk is also shown to `onBytes`. */
function readBytes(path: string, onBytes?: (chunk: Uint8Array) => void) {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  if (onBytes) stream.on('data', (chunk) => onBytes(chunk as Uint8Array));
  return stream;
}

async function readMagic(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(8);
    await handle.read(buffer, 0, 8, 0);
    return buffer;
  } finally {
    await handle.close();
  }
}

async function openCsv(
  path: string,
  size: number,
  encoding: TextEncoding | undefined,
  onBytes?: (chunk: Uint8Array) => void,
): Promise<OpenedSource> {
  const stream = readBytes(path, onBytes);
  const { encoding: detected, records } = await readCsvRecords(stream as AsyncIterable<Uint8Array>, {
    encoding,
  });
  let consumed = false;
  async function* sheets(): AsyncIterable<SheetRecords> {
    if (consumed) throw new Error('openSource: a CSV source can be read once');
    consumed = true;
    const sheet = await locateHeader(records, null);
    if (!sheet) throw new UserError('文件中没有任何数据行');
    yield sheet;
  }
  return {
    container: 'csv',
    encoding: detected,
    sheets: sheets(),
    progress: () => ({ done: Math.min(stream.bytesRead, size), total: size }),
    close: () => stream.destroy(),
  };
}

function openXlsx(path: string, size: number, onBytes?: (chunk: Uint8Array) => void): OpenedSource {
  const stream = readBytes(path, onBytes);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    // Styles are needed to tell a date-formatted number (a real Excel date) from a plain number.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // exceljs reads a worksheet that comes before xl/workbook.xml in the zip (entries may come in any
  // order: archiver under load and other writers do it) against a model and workbook properties it
  // has not read yet, and throws a TypeError. Empty ones let such a sheet be read, nameless and in
  // the 1900 date system; workbook.xml replaces them when it arrives.
  const reader = workbook as unknown as { model?: { sheets: unknown[] }; properties?: object };
  reader.model ??= { sheets: [] };
  reader.properties ??= {};
  async function* sheets(): AsyncIterable<SheetRecords> {
    let any = false;
    for await (const worksheet of workbook) {
      const name = (worksheet as unknown as { name?: string }).name ?? null;
      const sheet = await locateHeader(sheetRows(worksheet), name);
      if (!sheet) continue;
      any = true;
      yield sheet;
      // Drain what the caller did not read: exceljs parses sheets strictly in sequence.
      for await (const _ of sheet.records) void _;
    }
    if (!any) throw new UserError('工作簿中没有任何数据行');
  }
  return {
    container: 'xlsx',
    encoding: 'xlsx',
    sheets: sheets(),
    progress: () => ({ done: Math.min(stream.bytesRead, size), total: size }),
    close: () => stream.destroy(),
  };
}

async function* sheetRows(worksheet: AsyncIterable<ExcelJS.Row>): AsyncIterable<SourceRecord> {
  for await (const row of worksheet) {
    const values = row.values as unknown[];
    const cells: string[] = [];
    // row.values is 1-based with holes for empty cells.
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
    if (cells.every((c) => c.trim() === '')) continue;
    yield { row: row.number, cells };
  }
}

/** Excel cell value → the text a CSV export of the same data would hold. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return wallClockText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in v || 'formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text; // hyperlink cell
    if ('error' in v) return '';
  }
  return String(value);
}

/**
 * An integer beyond 2^53 in an xlsx cell is an id Excel already rounded to 15 digits: render it the
 * way Excel shows it (1.23457E+18 style) so the id check refuses it instead of importing a wrong id.
 */
function numberText(n: number): string {
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) return n.toExponential().toUpperCase();
  return String(n);
}

/**
 * exceljs turns a date-formatted serial into a Date whose UTC fields are the wall clock shown in
 * Excel (serials carry no zone). Written back as wall-clock text, the date parser then applies the
 * shop's time zone like it does for CSV text. Rounded to the second: serials are binary fractions.
 */
function wallClockText(date: Date): string {
  const d = new Date(Math.round(date.getTime() / 1000) * 1000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
