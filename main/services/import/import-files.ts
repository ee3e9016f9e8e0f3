/**
 * Preview and commit of staged files.
 *
 * Preview: the parse worker reads the file and hands its rows, in batches, to this thread, which
 * stores them in the file's staging database; the preview is what the staging says. Commit: a file
 * with a staging from its preview is applied from it, without a second parse; any other file is
 * read by the worker while this thread stores its batches in a staging attached to the write
 * connection and applies them as they arrive — parse and write run on the two cores at once. All
 * files of one commit are one write transaction (one batch each): an error or a cancel leaves the
 * database exactly as it was.
 */
import { rmSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import type { HuikeDb, WriteTx } from '../../../db/index.js';
import { openSqlite } from '../../../db/open-sqlite.js';
import { UserError } from '../../domain/errors.js';
import type { Message } from '../../shared/messages/index.js';
import { headerSignature, suggestMapping } from '../../domain/import/index.js';
import type { ColumnMapping, TextEncoding } from '../../domain/import/index.js';
import { platformOfFormat, type ImportFormat, type Platform } from '../../domain/orders/types.js';
import type { CommittedBatch, FilePreview } from '../../domain/results.js';
import { ensureShop, listShopInfo } from '../shops.js';
import { StagingApplier } from './apply-staging.js';
import { createBatch, finishBatch, storeProblems } from './batches.js';
import type { JobContext } from './import-types.js';
import type { ParsedFileMeta, ParseFileJob, ParseStart } from './parse-file.js';
import { chooseCurrency, chooseShop, refuseSampleShop } from './shop-choice.js';
import {
  readStagedFile,
  readStagedProblems,
  keepStaging,
  removeStaging,
  stagingPathFor,
  type StagedFileMeta,
  type StagingOptions,
} from './staging-store.js';
import {
  createStagingTables,
  markComplete,
  PROBLEM_COLUMNS,
  StagingTables,
  toRowProblem,
  type StoredProblem,
} from './staging.js';
import { parseFileInWorker } from './worker-jobs.js';
import { yieldToEventLoop } from '../long-work.js';

export interface ImportDeps {
  huikeDb: HuikeDb;
  stagingDir: string;
  now: () => Date;
}

export interface FileRequest {
  file: { fileId: string; name: string; path: string; size: number };
  format?: ImportFormat;
  encoding?: TextEncoding;
  shopName?: string;
  currency?: string;
  mapping?: ColumnMapping;
}

/** Refused rows a preview lists (problemCount says how many there are in all). */
export const MAX_PREVIEW_PROBLEMS = 500;
/** Refused rows an import's answer carries; the history pages through all of them. */
const MAX_RESULT_PROBLEMS = 200;
const PROBLEMS_IN_ERROR = 20;

function rememberedMappings(huikeDb: HuikeDb): Record<string, ColumnMapping> {
  const rows = huikeDb.readSqlite
    .prepare('SELECT header_signature, mapping_json FROM column_mappings')
    .all() as Array<{
    header_signature: string;
    mapping_json: string;
  }>;
  return Object.fromEntries(
    rows.map((r) => [r.header_signature, JSON.parse(r.mapping_json) as ColumnMapping]),
  );
}

export function rememberedMapping(huikeDb: HuikeDb, header: string[]): ColumnMapping | null {
  return rememberedMappings(huikeDb)[headerSignature(header)] ?? null;
}

function parseJob(deps: ImportDeps, request: FileRequest, shopHint?: string): ParseFileJob {
  return {
    file: request.file,
    format: request.format,
    encoding: request.encoding,
    mapping: request.mapping,
    currency: request.currency,
    shopName: request.shopName,
    shopHint,
    rememberedMappings: rememberedMappings(deps.huikeDb),
    shops: listShopInfo(deps.huikeDb.readSqlite),
  };
}

function stagingOptions(request: FileRequest, shopHint?: string): StagingOptions {
  return {
    format: request.format,
    encoding: request.encoding,
    mapping: request.mapping,
    currency: request.currency,
    shopName: request.shopName,
    shopHint,
  };
}

/**
 * The staging an earlier preview left for this file and these options — when the shop, zone and
 * currency it chose are still what the shops as they are now would give.
 */
function reusableStaging(deps: ImportDeps, request: FileRequest, stagingPath: string): StagedFileMeta | null {
  const staged = readStagedFile(stagingPath);
  if (!staged) return null;
  const platform = platformOfFormat(staged.format);
  const shops = listShopInfo(deps.huikeDb.readSqlite);
  const shop = chooseShop(shops, platform, request.shopName, staged.shopNameInFile);
  const currency = chooseCurrency({
    chosen: request.currency,
    inFile: staged.currencyInFile,
    platform,
    shopCurrency: shop.currency,
  });
  const same =
    shop.name === staged.shopName && shop.timezone === staged.timezone && currency === staged.currency;
  return same ? staged : null;
}

/** A staging file of its own, with empty tables, ready to be written or attached. */
function newStagingFile(stagingPath: string): BetterSqlite3.Database {
  rmSync(stagingPath, { force: true });
  const sqlite = openSqlite(stagingPath);
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  createStagingTables(sqlite, 'main');
  return sqlite;
}

/** Reads a file into its staging (the preview's way): this thread stores what the worker parses. */
async function stageFile(deps: ImportDeps, request: FileRequest, ctx: JobContext): Promise<StagedFileMeta> {
  const stagingPath = stagingPathFor(deps.stagingDir, request.file.path, stagingOptions(request));
  const reused = reusableStaging(deps, request, stagingPath);
  if (reused) return reused;
  const sqlite = newStagingFile(stagingPath);
  try {
    const tables = new StagingTables(sqlite, 'main');
    sqlite.exec('BEGIN');
    const meta = await parseFileInWorker(parseJob(deps, request), ctx, {
      start() {},
      batch: (rows) => tables.write(rows),
    });
    const staged: StagedFileMeta = { ...meta, summary: await tables.summarize(yieldToEventLoop) };
    markComplete(tables, { file: staged });
    sqlite.exec('COMMIT');
    return staged;
  } catch (error) {
    sqlite.close();
    removeStaging(stagingPath);
    throw error;
  } finally {
    if (sqlite.open) sqlite.close();
  }
}

export async function previewFile(
  deps: ImportDeps,
  request: FileRequest,
  ctx: JobContext,
): Promise<FilePreview> {
  const preview: FilePreview = {
    fileId: request.file.fileId,
    file: request.file.name,
    format: null,
    variants: [],
    shop: request.shopName ?? '',
    encoding: '',
    rows: 0,
    rowsImported: 0,
    rowsRefused: 0,
    orders: 0,
    lines: 0,
    firstOrderAt: null,
    lastOrderAt: null,
    header: [],
    sampleRows: [],
    problems: [],
    problemCount: 0,
    error: null,
    mapping: request.mapping ?? null,
    alreadyImported: false,
    currency: request.currency ?? null,
    money: { paidFen: 0, refundFen: 0 },
    statusValues: [],
  };
  try {
    refuseSampleShop(listShopInfo(deps.huikeDb.readSqlite), request.shopName);
    const meta = await stageFile(deps, request, ctx);
    const stagingPath = stagingPathFor(deps.stagingDir, request.file.path, stagingOptions(request));
    const s = meta.summary;
    Object.assign(preview, {
      format: meta.format,
      variants: meta.variants,
      shop: meta.shopName,
      encoding: meta.encoding,
      rows: meta.rows,
      rowsImported: meta.rowsImported,
      rowsRefused: meta.rowsRefused,
      orders: s.orders,
      lines: s.lines,
      firstOrderAt: s.firstOrderAt,
      lastOrderAt: s.lastOrderAt,
      header: meta.header,
      sampleRows: meta.sampleRows,
      problems: readStagedProblems(stagingPath, MAX_PREVIEW_PROBLEMS),
      problemCount: s.problemCount,
      mapping: meta.format === 'generic' ? meta.mapping : null,
      currency: meta.currency,
      money: { paidFen: s.paidFen, refundFen: s.refundFen },
      statusValues: s.statusValues,
      alreadyImported: Boolean(
        deps.huikeDb.readSqlite
          .prepare(
            `SELECT 1 FROM import_batches b JOIN operations op ON op.id = b.id
             WHERE b.file_sha256 = ? AND op.state = 'committed'`,
          )
          .get(meta.sha256),
      ),
    });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    preview.error = error.toMessage();
    const details = error.details as { header?: string[]; sampleRows?: string[][] } | undefined;
    const header = details?.header;
    preview.sampleRows = details?.sampleRows ?? preview.sampleRows;
    if (header && header.length > 0) {
      preview.header = header.map((h) => h.trim());
      preview.mapping = rememberedMapping(deps.huikeDb, header) ?? suggestMapping(header);
    }
  }
  return preview;
}

function currencyMissing(file: string): UserError {
  return new UserError(
    { code: 'import.currencyMissing', params: { file }, file },
    { file, needs: 'currency' },
  );
}

type Problems = ReturnType<typeof readStagedProblems>;

/** All or nothing: a file with refused rows is not imported unless the user chose to skip them. */
function refusedRows(file: string, rowsRefused: number, problems: Problems): UserError {
  const first = problems[0];
  const example: Message | string = first
    ? {
        code: first.column === null ? 'row.problemAtRow' : 'row.problemAt',
        params: {
          row: first.row,
          column: first.column ?? '',
          reason: { code: first.code, params: first.params },
        },
      }
    : '';
  return new UserError(
    {
      code: 'import.rowsRefused',
      params: { file, count: rowsRefused, first: example },
      file,
      ...(first ? { row: first.row, ...(first.column === null ? {} : { column: first.column }) } : {}),
    },
    { file, problems: problems.slice(0, PROBLEMS_IN_ERROR), rowsRefused },
  );
}

interface Planned {
  request: FileRequest;
  stagingPath: string;
  /** A preview's complete staging: applied without parsing. */
  staged: StagedFileMeta | null;
  shopHint?: string;
}

/**
 * Which files have a staging to reuse, and which shop each unnamed file joins: a 宝贝报表 or a line
 * export has no shop column and joins the shop another file of the same platform in the same import
 * names (its 订单报表), when the user typed none. Files to parse are peeked at for the shop they name.
 */
async function plan(deps: ImportDeps, requests: FileRequest[], ctx: JobContext): Promise<Planned[]> {
  const first = requests.map((request) => {
    const stagingPath = stagingPathFor(deps.stagingDir, request.file.path, stagingOptions(request));
    return { request, stagingPath, staged: reusableStaging(deps, request, stagingPath) };
  });
  if (requests.length === 1) return first;
  const names = new Map<Platform, string>();
  const unnamed: Array<{ index: number; platform: Platform }> = [];
  for (const [index, p] of first.entries()) {
    const info: Pick<ParseStart, 'format' | 'shopNameInFile' | 'shopName'> =
      p.staged ?? (await parseFileInWorker({ ...parseJob(deps, p.request), peek: true }, ctx, noRows));
    const platform = platformOfFormat(info.format);
    if (info.shopNameInFile) {
      if (!names.has(platform)) names.set(platform, info.shopName);
    } else if (!p.request.shopName) unnamed.push({ index, platform });
  }
  const out: Planned[] = [...first];
  for (const { index, platform } of unnamed) {
    const hint = names.get(platform);
    const p = first[index]!;
    if (!hint || p.staged?.shopName === hint) continue;
    const stagingPath = stagingPathFor(deps.stagingDir, p.request.file.path, stagingOptions(p.request, hint));
    out[index] = { request: p.request, stagingPath, staged: null, shopHint: hint };
  }
  return out;
}

const noRows = { start() {}, batch() {} };

export async function commitFiles(
  deps: ImportDeps,
  requests: FileRequest[],
  settings: { skipInvalidRows: boolean },
  ctx: JobContext,
): Promise<CommittedBatch[]> {
  const shops = listShopInfo(deps.huikeDb.readSqlite);
  for (const request of requests) refuseSampleShop(shops, request.shopName);
  const planned = await plan(deps, requests, ctx);
  for (const p of planned) {
    if (!p.staged) {
      newStagingFile(p.stagingPath).close();
      continue;
    }
    if (p.staged.currency === null) throw currencyMissing(p.request.file.name);
    if (p.staged.rowsRefused > 0 && !settings.skipInvalidRows)
      throw refusedRows(p.request.file.name, p.staged.rowsRefused, readStagedProblems(p.stagingPath, 200));
  }
  const attach = Object.fromEntries(planned.map((p, i) => [`st${i}`, p.stagingPath]));
  try {
    const committed = await deps.huikeDb.writer.transaction(
      async (tx) => {
        const results: CommittedBatch[] = [];
        for (const [i, p] of planned.entries()) {
          const alias = `st${i}`;
          results.push(
            p.staged
              ? await commitStaged(deps, tx, p.request, p.staged, alias, ctx)
              : await commitParsing(deps, tx, p, alias, settings, ctx),
          );
        }
        return results;
      },
      { attach },
    );
    // Kept: importing the unchanged file again compares these rows with the stored ones in SQL
    // instead of reading the file again. The sweep bounds their age and their total size.
    for (const p of planned) keepStaging(p.stagingPath);
    return committed;
  } catch (error) {
    for (const p of planned) removeStaging(p.stagingPath);
    throw error;
  }
}

interface OpenBatch {
  batchId: number;
  applier: StagingApplier;
}

function openBatch(
  deps: ImportDeps,
  tx: WriteTx,
  file: FileRequest['file'],
  s: ParseStart & { sha256: string },
  alias: string,
  ctx: JobContext,
): OpenBatch {
  const now = deps.now().toISOString();
  const platform = platformOfFormat(s.format);
  const currency = s.currency!;
  const shopId = ensureShop(tx, { platform, name: s.shopName, currency, timezone: s.timezone, now });
  const batchId = createBatch(tx, {
    shopId,
    format: s.format,
    source: 'file',
    fileName: file.name,
    sha256: s.sha256,
    size: file.size,
    encoding: '',
    variants: [],
    currency,
    now,
  });
  const applier = new StagingApplier(
    tx,
    { staging: alias, opId: batchId, shopId, platform, currency, now },
    ctx,
  );
  return { batchId, applier };
}

/** Applies a preview's staging. */
async function commitStaged(
  deps: ImportDeps,
  tx: WriteTx,
  request: FileRequest,
  meta: StagedFileMeta,
  alias: string,
  ctx: JobContext,
): Promise<CommittedBatch> {
  const { batchId, applier } = openBatch(deps, tx, request.file, meta, alias, ctx);
  const tables = new StagingTables(tx.sqlite, alias);
  const staged = tables.lastSeq();
  applier.total = staged.orders + staged.lines;
  const applied = await applier.finish(staged);
  return closeBatch(deps, tx, request, batchId, meta, meta.summary, applied, alias);
}

/** Parses a file in the worker while its batches are staged and applied here. */
async function commitParsing(
  deps: ImportDeps,
  tx: WriteTx,
  p: Planned,
  alias: string,
  settings: { skipInvalidRows: boolean },
  ctx: JobContext,
): Promise<CommittedBatch> {
  const tables = new StagingTables(tx.sqlite, alias);
  let open: OpenBatch | null = null;
  const meta: ParsedFileMeta = await parseFileInWorker(parseJob(deps, p.request, p.shopHint), ctx, {
    start(info) {
      if (info.currency === null) throw currencyMissing(p.request.file.name);
      // The file's hash is known at the end; the batch row gets it then.
      open = openBatch(deps, tx, p.request.file, { ...info, sha256: '' }, alias, ctx);
    },
    async batch(rows) {
      tables.write(rows, open!.applier.applied);
      await yieldToEventLoop();
      await open!.applier.applyThrough(tables.lastSeq());
    },
  });
  const batch = open as OpenBatch | null;
  if (!batch) throw new Error(`import: ${p.request.file.name} was read without a start`);
  if (meta.rowsRefused > 0 && !settings.skipInvalidRows)
    throw refusedRows(p.request.file.name, meta.rowsRefused, readAttachedProblems(tx, alias));
  tx.sqlite.prepare('UPDATE import_batches SET file_sha256 = ? WHERE id = ?').run(meta.sha256, batch.batchId);
  const applied = await batch.applier.finish(tables.lastSeq());
  const staged: StagedFileMeta = { ...meta, summary: await tables.summarize(yieldToEventLoop) };
  markComplete(tables, { file: staged });
  return closeBatch(deps, tx, p.request, batch.batchId, meta, staged.summary, applied, alias);
}

function closeBatch(
  deps: ImportDeps,
  tx: WriteTx,
  request: FileRequest,
  batchId: number,
  meta: ParsedFileMeta,
  summary: StagedFileMeta['summary'],
  applied: Awaited<ReturnType<StagingApplier['finish']>>,
  alias: string,
): CommittedBatch {
  const currency = meta.currency!;
  storeProblems(tx, batchId, alias);
  const money = { paidFen: summary.paidFen, refundFen: summary.refundFen };
  tx.sqlite
    .prepare('UPDATE import_batches SET encoding = ?, variants_json = ? WHERE id = ?')
    .run(meta.encoding, JSON.stringify(meta.variants), batchId);
  finishBatch(tx, batchId, {
    rows: meta.rows,
    rowsImported: meta.rowsImported,
    rowsRefused: meta.rowsRefused,
    ...applied,
    money,
  });
  if (meta.format === 'generic' && request.mapping) {
    tx.sqlite
      .prepare(
        `INSERT INTO column_mappings (header_signature, mapping_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
      )
      .run(headerSignature(meta.header), JSON.stringify(request.mapping), deps.now().toISOString());
  }
  return {
    id: batchId,
    file: request.file.name,
    platform: meta.format,
    shop: meta.shopName,
    encoding: meta.encoding,
    rows: meta.rows,
    rowsImported: meta.rowsImported,
    rowsRefused: meta.rowsRefused,
    ...applied,
    currency,
    money,
    problems: readAttachedProblems(tx, alias),
  };
}

/** The first refused rows, read through the transaction (another connection does not see them yet). */
function readAttachedProblems(tx: WriteTx, alias: string): Problems {
  return (
    tx.sqlite
      .prepare(`SELECT ${PROBLEM_COLUMNS} FROM ${alias}.st_problems ORDER BY seq LIMIT ?`)
      .all(MAX_RESULT_PROBLEMS) as StoredProblem[]
  ).map(toRowProblem);
}
