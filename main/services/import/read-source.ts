/**
 * Opening an export file (Node side): tell what kind of file it is by its bytes (sniff-file.ts) —
 * users rename files, and Tmall's "CSV" may be an xlsx and vice versa — then stream it as sheets of
 * records with bounded memory. CSV goes through the pure decoder in main/domain/import; xlsx through
 * exceljs's streaming WorkbookReader, every sheet in workbook order (千牛 workbooks carry
 * 订单报表/销售明细/发货报表). Anything else is refused with what it is and what to do.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { UserError } from '../../domain/errors.js';
import type { MessageCode } from '../../shared/messages/index.js';
import { locateHeader, readCsvRecords } from '../../domain/import/index.js';
import type {
  OpenedSource,
  SheetRecords,
  SourceRecord,
  TextEncoding,
} from '../../domain/import/reader-types.js';
import { sniffFile, type ZipLayout } from './sniff-file.js';
import { workbookStream } from './workbook-stream.js';

const CHUNK_BYTES = 1024 * 1024;

export interface OpenOptions {
  encoding?: TextEncoding;
  /** The file's name as the user knows it, for messages (an upload's path is a random id). */
  name?: string;
  /** Sees every byte of the file as it is read (the import hashes the file in the same pass). */
  onBytes?: (chunk: Uint8Array) => void;
}

export async function openSource(filePath: string, options: OpenOptions = {}): Promise<OpenedSource> {
  const file = options.name ?? path.basename(filePath);
  const refuse = (code: MessageCode) => new UserError({ code, params: { file }, file });
  const sniffed = await sniffFile(filePath).catch((error: unknown) => {
    throw unreadable(error, file);
  });
  const size = sniffed.size;
  switch (sniffed.kind) {
    case 'empty':
      throw refuse('file.empty');
    case 'xlsx':
      return openXlsx(filePath, size, file, sniffed.zip, options.onBytes);
    case 'text':
      return openCsv(filePath, size, file, options.encoding, options.onBytes);
    case 'damaged-xlsx':
      throw refuse('file.damagedXlsx');
    case 'archive':
      throw refuse('file.archive');
    case 'legacy-xls':
      throw refuse('file.legacyXls');
    case 'encrypted-xlsx':
      throw refuse('file.encryptedXlsx');
    case 'binary':
      throw refuse('file.binary');
  }
}

/** The file went away or is locked between staging and reading (Excel holds it open on Windows). */
function unreadable(error: unknown, file: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new UserError({ code: 'file.notFound', params: { file }, file });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY')
    return new UserError({ code: 'file.unreadable', params: { file }, file });
  return error;
}

/** A read stream whose every chunk is also shown to `onBytes`. */
function readBytes(path: string, onBytes?: (chunk: Uint8Array) => void) {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  if (onBytes) stream.on('data', (chunk) => onBytes(chunk as Uint8Array));
  return stream;
}

async function openCsv(
  path: string,
  size: number,
  file: string,
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
    // Only blank lines: as empty as an empty file.
    if (!sheet) throw new UserError({ code: 'file.empty', params: { file }, file });
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

function openXlsx(
  path: string,
  size: number,
  file: string,
  layout: ZipLayout | undefined,
  onBytes?: (chunk: Uint8Array) => void,
): OpenedSource {
  // The parts in the order exceljs reads reliably (workbook-stream.ts); a ZIP64 workbook as it is.
  const ordered = layout ? workbookStream(path, size, layout) : null;
  const stream = ordered?.stream ?? readBytes(path, onBytes);
  const bytesRead = () =>
    ordered ? ordered.bytesRead() : (stream as ReturnType<typeof readBytes>).bytesRead;
  // exceljs fails on a damaged part (bad deflate data, broken XML) with its own words.
  const damaged = (cause: unknown) =>
    new UserError({ code: 'file.damagedXlsx', params: { file }, file }, { cause: String(cause) });
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
    // The hash is of the file as it is, in order (the reordered stream is not).
    if (ordered && onBytes) await hashFile(path, onBytes);
    let any = false;
    let read = 0;
    for await (const worksheet of guarded(workbook, damaged)) {
      const name = (worksheet as unknown as { name?: string }).name ?? null;
      const sheet = await locateHeader(sheetRows(guarded(worksheet, damaged)), name);
      if (sheet) {
        any = true;
        yield sheet;
        // Drain what the caller did not read: exceljs parses sheets strictly in sequence.
        for await (const _ of sheet.records) void _;
      }
      if (++read === ordered?.worksheets) ordered.allWorksheetsRead();
    }
    if (!any) throw new UserError({ code: 'file.emptyWorkbook', params: { file }, file });
  }
  return {
    container: 'xlsx',
    encoding: 'xlsx',
    sheets: sheets(),
    progress: () => ({ done: Math.min(bytesRead(), size), total: size }),
    close: () => stream.destroy(),
  };
}

async function hashFile(path: string, onBytes: (chunk: Uint8Array) => void): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }))
    onBytes(chunk as Uint8Array);
}

/** Iterates `source`, turning what its own reading throws (not its consumer's code) into `wrap(error)`. */
async function* guarded<T>(source: AsyncIterable<T>, wrap: (error: unknown) => Error): AsyncIterable<T> {
  const iterator = source[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<T>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw wrap(error);
    }
    if (next.done) return;
    yield next.value;
  }
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
