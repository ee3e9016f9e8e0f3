/** Test driver: the same walk the import service does (open → detect → assemble rows into orders). */
import {
  createOrderReader,
  detectFormat,
  LineKeyRegistry,
  OrderAssembler,
} from '../../../main/domain/import/index.js';
import type { ColumnMapping, Detection, TextEncoding } from '../../../main/domain/import/index.js';
import type { ImportFormat, ParsedOrder, RowProblem } from '../../../main/domain/orders/types.js';
import { openSource } from '../../../main/services/import/read-source.js';

export interface ReadSheet {
  sheetName: string | null;
  header: string[];
  headerRow: number;
  detection: Detection;
  format: ImportFormat;
  orders: ParsedOrder[];
  problems: RowProblem[];
  rows: number;
  rowsImported: number;
  rowsRefused: number;
}

export interface ReadFile {
  container: 'csv' | 'xlsx';
  encoding: string;
  sheets: ReadSheet[];
  progress: { done: number; total: number };
}

export async function readFile(
  file: string,
  options: {
    encoding?: TextEncoding;
    format?: ImportFormat;
    mapping?: ColumnMapping;
    timezone?: string;
    currency?: string;
  } = {},
): Promise<ReadFile> {
  const source = await openSource(file, { encoding: options.encoding });
  const sheets: ReadSheet[] = [];
  const keys = new LineKeyRegistry();
  for await (const sheet of source.sheets) {
    const detection = detectFormat(sheet.header);
    const format = options.format ?? detection.accepted?.format;
    if (!format)
      throw new Error(`no format detected for ${sheet.sheetName ?? file}: ${sheet.header.join(',')}`);
    const reader = createOrderReader(format, sheet.header, {
      mapping: options.mapping,
      timezone: options.timezone,
      currency: options.currency,
    });
    const assembler = new OrderAssembler(reader, keys, source.container === 'xlsx' ? sheet.sheetName : null);
    const orders: ParsedOrder[] = [];
    const problems: RowProblem[] = [];
    for await (const record of sheet.records) {
      const { completed, problems: p } = assembler.push(record);
      problems.push(...p);
      if (completed) orders.push(completed);
    }
    const last = assembler.flush();
    if (last) orders.push(last);
    const counts = assembler.counts();
    sheets.push({
      sheetName: sheet.sheetName,
      header: sheet.header,
      headerRow: sheet.headerRow,
      detection,
      format,
      orders,
      problems,
      rows: counts.rowsRead,
      rowsImported: counts.rowsImported,
      rowsRefused: counts.rowsRefused,
    });
  }
  return { container: source.container, encoding: source.encoding, sheets, progress: source.progress() };
}

export const sum = (orders: ParsedOrder[], pick: (o: ParsedOrder) => number | null | undefined): number =>
  orders.reduce((s, o) => s + (pick(o) ?? 0), 0);

export const lineCount = (orders: ParsedOrder[]): number =>
  orders.reduce((n, o) => n + (o.lines?.length ?? 0), 0);

export function byId(orders: ParsedOrder[], id: string): ParsedOrder {
  const found = orders.find((o) => o.platformOrderId === id);
  if (!found)
    throw new Error(`order ${id} not found among ${orders.map((o) => o.platformOrderId).join(', ')}`);
  return found;
}
