/**
 * Reads one staged file from start to end: sheets → chosen format → rows assembled into orders
 * (main/domain/import/assemble-orders.ts). Preview and commit share this walk, so what the preview
 * promises is what the import does.
 */
import { UserError } from '../../domain/errors.js';
import {
  createOrderReader,
  detectFormat,
  formatLabel,
  LineKeyRegistry,
  missingMoneyColumns,
  OrderAssembler,
  variantOf,
} from '../../domain/import/index.js';
import type {
  ColumnMapping,
  DetectedFormat,
  FormatCandidate,
  OpenedSource,
  SheetRecords,
  TextEncoding,
} from '../../domain/import/index.js';
import {
  platformOfFormat,
  type ImportFormat,
  type ParsedOrder,
  type RowProblem,
} from '../../domain/orders/types.js';
import { createSlicer, throwIfCancelled } from '../long-work.js';
import type { JobContext } from './import-types.js';
import { openSource } from './read-source.js';

export interface StagedSource {
  fileId: string;
  name: string;
  path: string;
  size: number;
}

/** What to read and how: the user's overrides of what would be detected. */
export interface ScanRequest {
  file: StagedSource;
  format?: ImportFormat;
  encoding?: TextEncoding;
  mapping?: ColumnMapping;
  /** The mapping remembered for a header, so a known home-made layout imports without asking. */
  rememberedMapping?: (header: string[]) => ColumnMapping | null;
}

export interface ScanOptions {
  timezone: string;
  /** null: the file must name its currency (or its rows carry none and the caller asks). */
  currency: string | null;
}

export interface ScanVisitor {
  /** Sees every byte of the file as it is read (hashing in the same pass). */
  onBytes?(chunk: Uint8Array): void;
  /** Called once, before the first fragment, with the format that reads the file. */
  onStart?(info: { format: ImportFormat; encoding: string }): void;
  onFragment(order: ParsedOrder, format: ImportFormat): void;
  onProblem(problem: RowProblem): void;
  onRecord?(sheet: SheetRecords, cells: string[]): void;
  onSheet?(sheet: SheetRecords, detected: DetectedFormat): void;
  /** Asked now and then; a promise holds the reading back (the writer is behind). */
  pace?(): void | Promise<void>;
}

export interface ScanResult {
  /** The file's main format: that of its first readable sheet. */
  format: ImportFormat;
  encoding: string;
  /** Data rows read; every one was imported or refused. */
  rows: number;
  rowsImported: number;
  rowsRefused: number;
  variants: string[];
  /** The column mapping that read a generic file (typed by the user or remembered). */
  mapping: ColumnMapping | null;
}

const PROGRESS_INTERVAL_MS = 100;
/** How many first rows a preview shows. */
export const SAMPLE_ROWS = 8;

const GENERIC: DetectedFormat = { format: 'generic', confidence: 1, variant: '手动对应列' };

/** Picks the reader for one sheet: a user override wins, but keeps a workbook's sibling sheets. */
function chooseFormat(
  sheet: SheetRecords,
  request: ScanRequest,
  mapping: ColumnMapping | null,
): { chosen: DetectedFormat | null; candidates: FormatCandidate[]; ambiguous: boolean } {
  if (request.format === 'generic') return { chosen: GENERIC, candidates: [], ambiguous: false };
  const detection = detectFormat(sheet.header);
  const { accepted, candidates, ambiguous } = detection;
  if (request.format) {
    const platform = platformOfFormat(request.format);
    if (accepted && platformOfFormat(accepted.format) === platform) {
      return { chosen: accepted, candidates, ambiguous };
    }
    const lacking = missingMoneyColumns(request.format, sheet.header);
    if (lacking) {
      throw new UserError(
        `按「${formatLabel(request.format)}」读取时，表头中没有任何金额列（需要「${lacking.join('」或「')}」之一），` +
          '导入会让所有订单金额为 0，因此没有导入。请确认文件类型，或选择「其他表格」手动对应列。' +
          ` (Read as ${request.format}, the file has none of its money columns: ${lacking.join(', ')}.)`,
        { sheet: sheet.sheetName, missingColumns: lacking, format: request.format },
      );
    }
    const variant = variantOf(request.format, sheet.header) ?? formatLabel(request.format);
    return { chosen: { format: request.format, confidence: 0, variant }, candidates, ambiguous };
  }
  if (accepted) return { chosen: accepted, candidates, ambiguous };
  if (mapping?.orderId) return { chosen: GENERIC, candidates, ambiguous };
  return { chosen: null, candidates, ambiguous };
}

/** Names the file in every message about it: a user importing five files must know which one. */
function aboutFile(name: string, error: unknown): unknown {
  if (error instanceof UserError && !error.message.includes(name)) {
    return new UserError(`${name}: ${error.message}`, error.details);
  }
  return error;
}

/** "拼多多 订单导出（缺少「商家实收金额(元)」）" for the closest formats of an unrecognised file. */
function describeCandidates(candidates: FormatCandidate[], ambiguous: boolean): string {
  const shown = candidates.filter((c) => c.score > 0).slice(0, 3);
  if (shown.length === 0) return '';
  const parts = shown.map((c) => {
    const label = `${formatLabel(c.format)}（${c.variant}）`;
    if (c.fits) return `${label}：与表头的吻合度 ${Math.round(c.score * 100)}%`;
    const lacks = c.missing
      .map((group) => `「${group.slice(0, 3).join('」或「')}」${group.length > 3 ? '等' : ''}`)
      .join('、');
    const extra = c.conflicts.length > 0 ? `，且有其他平台的列「${c.conflicts.join('」「')}」` : '';
    return `${label}：缺少 ${lacks || '—'}${extra}`;
  });
  const lead = ambiguous ? '表头同时符合多种格式，无法确定是哪一种' : '最接近的格式';
  return `${lead}——${parts.join('；')}。`;
}

export async function scanFile(
  request: ScanRequest,
  ctx: JobContext,
  visitor: ScanVisitor,
  options: ScanOptions,
): Promise<ScanResult> {
  try {
    return await scanSheets(request, ctx, visitor, options);
  } catch (error) {
    throw aboutFile(request.file.name, error);
  }
}

async function scanSheets(
  request: ScanRequest,
  ctx: JobContext,
  visitor: ScanVisitor,
  options: ScanOptions,
): Promise<ScanResult> {
  const source = await openSource(request.file.path, {
    encoding: request.encoding,
    onBytes: visitor.onBytes,
  });
  try {
    return await readSheets(source, request, ctx, visitor, options);
  } finally {
    source.close();
  }
}

async function readSheets(
  source: OpenedSource,
  request: ScanRequest,
  ctx: JobContext,
  visitor: ScanVisitor,
  options: ScanOptions,
): Promise<ScanResult> {
  let result: ScanResult | null = null;
  let lastProgress = 0;
  const slicer = createSlicer();
  const unreadable: string[] = [];
  let closest: { candidates: FormatCandidate[]; ambiguous: boolean } | null = null;
  let firstHeader: string[] | null = null;
  // An unknown layout still shows its first rows, so the user can see what to map each column to.
  const firstRows: string[][] = [];
  let keys: LineKeyRegistry | null = null;
  const sheetVariants: Array<{ sheet: string | null; variant: string }> = [];
  const totals = { rows: 0, imported: 0, refused: 0 };

  for await (const sheet of source.sheets) {
    firstHeader ??= sheet.header;
    const mapping = request.mapping ?? request.rememberedMapping?.(sheet.header) ?? null;
    const { chosen, candidates, ambiguous } = chooseFormat(sheet, request, mapping);
    if (!chosen) {
      unreadable.push(sheet.sheetName ?? request.file.name);
      closest ??= { candidates, ambiguous };
      if (firstRows.length === 0 && firstHeader === sheet.header) {
        for await (const record of sheet.records) {
          firstRows.push(record.cells);
          if (firstRows.length >= SAMPLE_ROWS) break;
        }
      }
      continue;
    }
    if (chosen.format === 'generic' && !mapping?.orderId) {
      throw new UserError(
        `${request.file.name}: 请先为「订单号」选择一列 (map a column to the order id first)`,
        { file: request.file.name, header: sheet.header },
      );
    }
    if (!result) {
      result = {
        format: chosen.format,
        encoding: source.encoding,
        rows: 0,
        rowsImported: 0,
        rowsRefused: 0,
        variants: [],
        mapping,
      };
      visitor.onStart?.({ format: chosen.format, encoding: source.encoding });
    }
    sheetVariants.push({ sheet: sheet.sheetName, variant: chosen.variant });
    visitor.onSheet?.(sheet, chosen);
    const reader = createOrderReader(chosen.format, sheet.header, {
      ...options,
      mapping: mapping ?? undefined,
    });
    // One numbering of repeated line keys per file: the same order's rows may sit in two sheets.
    keys ??= new LineKeyRegistry();
    const multiSheet = source.container === 'xlsx';
    const assembler = new OrderAssembler(reader, keys, multiSheet ? sheet.sheetName : null);
    let n = 0;
    for await (const record of sheet.records) {
      visitor.onRecord?.(sheet, record.cells);
      const { completed, problems } = assembler.push(record);
      for (const p of problems) visitor.onProblem(p);
      if (completed) visitor.onFragment(completed, chosen.format);
      if ((++n & 63) === 0) {
        const wait = visitor.pace?.();
        if (wait) await wait;
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
    const last = assembler.flush();
    if (last) visitor.onFragment(last, chosen.format);
    const counts = assembler.counts();
    totals.rows += counts.rowsRead;
    totals.imported += counts.rowsImported;
    totals.refused += counts.rowsRefused;
  }
  throwIfCancelled(ctx.signal);
  if (!result) {
    const hint = closest ? describeCandidates(closest.candidates, closest.ambiguous) : '';
    throw new UserError(
      `${request.file.name}: 无法识别的文件格式${unreadable.length > 1 ? `（工作表 ${unreadable.join('、')}）` : ''}。` +
        hint +
        '请选择平台，或选择「其他表格」并手动对应列。' +
        ' (Unrecognised layout: choose the platform, or "generic" and map the columns.)',
      {
        file: request.file.name,
        header: firstHeader ?? [],
        sampleRows: firstRows,
        candidates: closest?.candidates.slice(0, 3) ?? [],
      },
    );
  }
  // A sheet's name says something only beside other sheets (a single one is often just "Sheet1").
  result.variants = sheetVariants.map((v) =>
    v.sheet && sheetVariants.length > 1 ? `${v.sheet}: ${v.variant}` : v.variant,
  );
  result.rows = totals.rows;
  result.rowsImported = totals.imported;
  result.rowsRefused = totals.refused;
  const p = source.progress();
  ctx.progress?.('reading', p.total, p.total);
  return result;
}
