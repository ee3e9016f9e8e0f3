/** Test driver: the same walk the import service does (open → detect → read → group consecutive rows). */
import { createOrderReader, detectFormat, mergeFragments } from '../../../main/domain/import/index.js';
import type { ColumnMapping, DetectedFormat, TextEncoding } from '../../../main/domain/import/index.js';
import type { ImportFormat, ParsedOrder, RowProblem } from '../../../main/domain/orders/types.js';
import { openSource } from '../../../main/services/import/read-source.js';

export interface ReadSheet {
  sheetName: string | null;
  header: string[];
  headerRow: number;
  detected: DetectedFormat[];
  format: ImportFormat;
  orders: ParsedOrder[];
  problems: RowProblem[];
  rows: number;
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
  } = {},
): Promise<ReadFile> {
  const source = await openSource(file, { encoding: options.encoding });
  const sheets: ReadSheet[] = [];
  for await (const sheet of source.sheets) {
    const detected = detectFormat(sheet.header);
    const format = options.format ?? detected[0]?.format;
    if (!format)
      throw new Error(`no format detected for ${sheet.sheetName ?? file}: ${sheet.header.join(',')}`);
    const reader = createOrderReader(format, sheet.header, {
      mapping: options.mapping,
      timezone: options.timezone,
    });
    const orders: ParsedOrder[] = [];
    const problems: RowProblem[] = [];
    let rows = 0;
    for await (const record of sheet.records) {
      rows++;
      const { fragment, problems: p } = reader.readRow(record);
      problems.push(...p);
      if (!fragment) continue;
      const last = orders[orders.length - 1];
      if (last && last.platformOrderId === fragment.platformOrderId)
        orders[orders.length - 1] = mergeFragments(last, fragment);
      else orders.push(fragment);
    }
    sheets.push({
      sheetName: sheet.sheetName,
      header: sheet.header,
      headerRow: sheet.headerRow,
      detected,
      format,
      orders,
      problems,
      rows,
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
