/**
 * Reads one staged file from start to end: sheets → chosen format → rows assembled into orders
 * (main/domain/import/assemble-orders.ts). Preview and commit share this walk, so what the preview
 * promises is what the import does.
 */
import { UserError } from '../../domain/errors.js';
import type { Message, PlacedMessage } from '../../shared/messages/index.js';
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
        {
          code: 'import.forcedFormatNoMoney',
          params: {
            file: request.file.name,
            format: formatName(request.format),
            columns: `「${lacking.join('」/「')}」`,
          },
          file: request.file.name,
        },
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
  return error instanceof UserError ? error.inFile(name) : error;
}

const formatName = (format: ImportFormat): Message => ({ code: `format.${format}` });

/** 拼多多（订单导出）：缺少「商家实收金额(元)」, for each of the closest formats of an unrecognised file. */
function describeCandidates(candidates: FormatCandidate[]): Message[] {
  return candidates
    .filter((c) => c.score > 0)
    .slice(0, 3)
    .map((c): Message => {
      const named = { format: formatName(c.format), variant: c.variant };
      if (c.fits) {
        return { code: 'import.candidateFits', params: { ...named, percent: Math.round(c.score * 100) } };
      }
      // Column names are the file's own words: quoted as they are, in any language.
      const lacks =
        c.missing
          .map((group) => `「${group.slice(0, 3).join('」/「')}」${group.length > 3 ? '…' : ''}`)
          .join(' ') || '—';
      if (c.conflicts.length === 0) return { code: 'import.candidateLacks', params: { ...named, lacks } };
      const conflicts = `「${c.conflicts.join('」「')}」`;
      return { code: 'import.candidateConflicts', params: { ...named, lacks, conflicts } };
    });
}

/** Why a file no format reads was refused: the closest formats and what each lacks. */
function unknownLayout(
  file: string,
  closest: { candidates: FormatCandidate[]; ambiguous: boolean } | null,
): PlacedMessage {
  const shown = closest ? describeCandidates(closest.candidates) : [];
  if (shown.length === 0) return { code: 'import.unknownLayout', params: { file }, file };
  const code = closest?.ambiguous ? 'import.ambiguousLayout' : 'import.unknownLayoutClosest';
  return { code, params: { file, closest: shown }, file };
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
    name: request.file.name,
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
        { code: 'import.mapOrderId', file: request.file.name },
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
    const assembler = new OrderAssembler(reader, keys, multiSheet ? sheet.sheetName : null, sheet.header);
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
  // No header in the details: the preview then offers no columns to map (there is nothing to map).
  const noDataRows = () =>
    new UserError({ code: 'file.noDataRows', params: { file: request.file.name }, file: request.file.name });
  if (!result) {
    // A header and nothing under it: mapping its columns would import nothing either.
    if (firstRows.length === 0) throw noDataRows();
    throw new UserError(unknownLayout(request.file.name, closest), {
      file: request.file.name,
      header: firstHeader ?? [],
      sampleRows: firstRows,
      candidates: closest?.candidates.slice(0, 3) ?? [],
      sheets: unreadable,
    });
  }
  // Never an empty batch: a header-only export (an empty date range) is said, not recorded.
  if (totals.rows === 0) throw noDataRows();
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
