/**
 * Reads one staged file from start to end: sheets → detected format → order fragments, with
 * consecutive fragments of one order coalesced (JD and Shopify write one row per line). Preview
 * and commit share this walk, so what the preview promises is what the import does.
 */
import { UserError } from '../../domain/errors.js';
import { createOrderReader, detectFormat, mergeFragments } from '../../domain/import/index.js';
import type {
  ColumnMapping,
  DetectedFormat,
  OpenedSource,
  SheetRecords,
  TextEncoding,
} from '../../domain/import/reader-types.js';
import { withLineRefunds } from '../../domain/orders/derive.js';
import {
  platformOfFormat,
  type ImportFormat,
  type ParsedOrder,
  type RowProblem,
} from '../../domain/orders/types.js';
import { createSlicer, throwIfCancelled } from '../transaction.js';
import type { JobContext } from './import-types.js';
import { openSource } from './read-source.js';

export interface StagedSource {
  fileId: string;
  name: string;
  path: string;
  size: number;
}

export interface FileRequest {
  file: StagedSource;
  format?: ImportFormat;
  encoding?: TextEncoding;
  shopName?: string;
  mapping?: ColumnMapping;
  /** The mapping remembered for a header, so a known home-made layout imports without asking. */
  rememberedMapping?: (header: string[]) => ColumnMapping | null;
}

export interface ScanVisitor {
  /** Called once, before the first fragment, with the format that reads the file. */
  onStart?(info: { format: ImportFormat; encoding: string }): void;
  onFragment(order: ParsedOrder, format: ImportFormat): void;
  onProblem(problem: RowProblem): void;
  onRecord?(sheet: SheetRecords, cells: string[]): void;
  onSheet?(sheet: SheetRecords, detected: DetectedFormat): void;
}

export interface ScanResult {
  /** The file's main format: that of its first readable sheet. */
  format: ImportFormat;
  encoding: string;
  rows: number;
  variants: string[];
  /** The column mapping that read a generic file (typed by the user or remembered). */
  mapping: ColumnMapping | null;
}

const PROGRESS_INTERVAL_MS = 100;
/** How many first rows a preview shows. */
export const SAMPLE_ROWS = 8;

const GENERIC: DetectedFormat = { format: 'generic', confidence: 1, variant: 'generic' };

/** Picks the reader for one sheet: a user override wins, but keeps a workbook's sibling sheets. */
function chooseFormat(
  sheet: SheetRecords,
  request: FileRequest,
  mapping: ColumnMapping | null,
): DetectedFormat | null {
  if (request.format === 'generic') return GENERIC;
  const detected = detectFormat(sheet.header);
  if (request.format) {
    const platform = platformOfFormat(request.format);
    const samePlatform = detected.find((d) => platformOfFormat(d.format) === platform);
    return samePlatform ?? { format: request.format, confidence: 0, variant: request.format };
  }
  if (detected[0]) return detected[0];
  if (mapping?.orderId) return GENERIC;
  return null;
}

/** Names the file in every message about it: a user importing five files must know which one. */
function aboutFile(name: string, error: unknown): unknown {
  if (error instanceof UserError && !error.message.includes(name)) {
    return new UserError(`${name}: ${error.message}`, error.details);
  }
  return error;
}

export async function scanFile(
  request: FileRequest,
  ctx: JobContext,
  visitor: ScanVisitor,
  options: { timezone: string; currency: string },
): Promise<ScanResult> {
  try {
    return await scanSheets(request, ctx, visitor, options);
  } catch (error) {
    throw aboutFile(request.file.name, error);
  }
}

async function scanSheets(
  request: FileRequest,
  ctx: JobContext,
  visitor: ScanVisitor,
  options: { timezone: string; currency: string },
): Promise<ScanResult> {
  const source = await openSource(request.file.path, { encoding: request.encoding });
  try {
    return await readSheets(source, request, ctx, visitor, options);
  } finally {
    source.close();
  }
}

async function readSheets(
  source: OpenedSource,
  request: FileRequest,
  ctx: JobContext,
  visitor: ScanVisitor,
  options: { timezone: string; currency: string },
): Promise<ScanResult> {
  let result: ScanResult | null = null;
  let rows = 0;
  let lastProgress = 0;
  const slicer = createSlicer();
  const unreadable: string[] = [];
  let firstHeader: string[] | null = null;
  // An unknown layout still shows its first rows, so the user can see what to map each column to.
  const firstRows: string[][] = [];

  for await (const sheet of source.sheets) {
    firstHeader ??= sheet.header;
    const mapping = request.mapping ?? request.rememberedMapping?.(sheet.header) ?? null;
    const detected = chooseFormat(sheet, request, mapping);
    if (!detected) {
      unreadable.push(sheet.sheetName ?? request.file.name);
      if (firstRows.length === 0 && firstHeader === sheet.header) {
        for await (const record of sheet.records) {
          firstRows.push(record.cells);
          if (firstRows.length >= SAMPLE_ROWS) break;
        }
      }
      continue;
    }
    if (detected.format === 'generic' && !mapping?.orderId) {
      throw new UserError(
        `${request.file.name}: 请先为「订单号」选择一列 (map a column to the order id first)`,
        {
          file: request.file.name,
          header: sheet.header,
        },
      );
    }
    if (!result) {
      result = { format: detected.format, encoding: source.encoding, rows: 0, variants: [], mapping };
      visitor.onStart?.({ format: detected.format, encoding: source.encoding });
    }
    result.variants.push(sheet.sheetName ? `${sheet.sheetName}: ${detected.variant}` : detected.variant);
    visitor.onSheet?.(sheet, detected);
    const reader = createOrderReader(detected.format, sheet.header, {
      ...options,
      mapping: mapping ?? undefined,
    });
    let pending: ParsedOrder | null = null;
    for await (const record of sheet.records) {
      rows++;
      visitor.onRecord?.(sheet, record.cells);
      const { fragment, problems } = reader.readRow(record);
      for (const p of problems) visitor.onProblem(p);
      if (fragment) {
        if (pending && pending.platformOrderId === fragment.platformOrderId) {
          pending = mergeFragments(pending, fragment);
        } else {
          if (pending) visitor.onFragment(withLineRefunds(pending), detected.format);
          pending = fragment;
        }
      }
      if ((rows & 63) === 0) {
        throwIfCancelled(ctx.signal);
        const now = performance.now();
        if (now - lastProgress > PROGRESS_INTERVAL_MS) {
          lastProgress = now;
          const p = source.progress();
          ctx.progress?.('reading', p.done, p.total);
        }
        await slicer.maybeYield();
      }
    }
    if (pending) visitor.onFragment(withLineRefunds(pending), detected.format);
  }
  throwIfCancelled(ctx.signal);
  if (!result) {
    throw new UserError(
      `${request.file.name}: 无法识别的文件格式${unreadable.length > 1 ? `（工作表 ${unreadable.join('、')}）` : ''}。` +
        '请选择平台，或选择「其他表格」并手动对应列。' +
        ' (Unrecognised layout: choose the platform, or "generic" and map the columns.)',
      { file: request.file.name, header: firstHeader ?? [], sampleRows: firstRows },
    );
  }
  result.rows = rows;
  const p = source.progress();
  ctx.progress?.('reading', p.total, p.total);
  return result;
}
