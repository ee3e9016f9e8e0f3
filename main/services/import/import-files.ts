/**
 * Preview and commit of staged files. Both start by staging each file (parsed once, in the parse
 * worker) — or by finding the staging an earlier preview left, so a commit after a preview does not
 * parse again. Preview reads what the staging says; commit applies the stagings to the database in
 * one write transaction (one batch per file), so an error or a cancel leaves it exactly as it was.
 */
import path from 'node:path';
import type { HuikeDb, WriteTx } from '../../../db/index.js';
import { UserError } from '../../domain/errors.js';
import { headerSignature, suggestMapping } from '../../domain/import/index.js';
import type { ColumnMapping, TextEncoding } from '../../domain/import/index.js';
import { platformOfFormat, type ImportFormat, type Platform } from '../../domain/orders/types.js';
import type { CommittedBatch, FilePreview } from '../../domain/results.js';
import { ensureShop, listShopInfo } from '../shops.js';
import { applyStaging } from './apply-staging.js';
import { createBatch, finishBatch, storeProblems } from './batches.js';
import type { JobContext } from './import-types.js';
import { chooseCurrency, chooseShop } from './shop-choice.js';
import type { StagedFileMeta } from './stage-file.js';
import {
  readStagedFile,
  readStagedProblems,
  removeStaging,
  stagingPathFor,
  type StagingOptions,
} from './staging-store.js';
import { stageFileInWorker } from './worker-jobs.js';

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

interface Staged {
  request: FileRequest;
  stagingPath: string;
  meta: StagedFileMeta;
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

/**
 * Stages a file, or reuses the staging of the same file read with the same options — when the
 * shop, zone and currency it chose are still the ones the shops as they are now would give.
 */
async function stage(
  deps: ImportDeps,
  request: FileRequest,
  ctx: JobContext,
  shopHint?: string,
): Promise<Staged> {
  const options: StagingOptions = {
    format: request.format,
    encoding: request.encoding,
    mapping: request.mapping,
    currency: request.currency,
    shopName: request.shopName,
    shopHint,
  };
  const stagingPath = stagingPathFor(deps.stagingDir, request.file.path, options);
  const shops = listShopInfo(deps.huikeDb.readSqlite);
  const reusable = readStagedFile(stagingPath);
  if (reusable) {
    const platform = platformOfFormat(reusable.format);
    const shop = chooseShop(shops, platform, request.shopName ?? shopHint, reusable.shopNameInFile);
    const currency = chooseCurrency({
      chosen: request.currency,
      inFile: reusable.currencyInFile,
      platform,
      shopCurrency: shop.currency,
    });
    if (
      shop.name === reusable.shopName &&
      shop.timezone === reusable.timezone &&
      currency === reusable.currency
    )
      return { request, stagingPath, meta: reusable };
  }
  const meta = await stageFileInWorker(
    {
      file: request.file,
      format: request.format,
      encoding: request.encoding,
      mapping: request.mapping,
      currency: request.currency,
      shopName: request.shopName,
      shopHint,
      rememberedMappings: rememberedMappings(deps.huikeDb),
      shops,
      stagingPath,
    },
    ctx,
  );
  return { request, stagingPath, meta };
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
    const { meta, stagingPath } = await stage(deps, request, ctx);
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
    preview.error = error.message;
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

/**
 * A 宝贝报表 or a line export has no shop column: it joins the shop that another file of the same
 * platform in the same import names (its 订单报表), when the user typed none.
 */
async function joinNamedShops(deps: ImportDeps, staged: Staged[], ctx: JobContext): Promise<Staged[]> {
  const named = new Map<Platform, string>();
  for (const s of staged) {
    const platform = platformOfFormat(s.meta.format);
    if (s.meta.shopNameInFile && !named.has(platform)) named.set(platform, s.meta.shopName);
  }
  const out: Staged[] = [];
  for (const s of staged) {
    const hint = named.get(platformOfFormat(s.meta.format));
    const unnamed = !s.request.shopName && !s.meta.shopNameInFile;
    out.push(unnamed && hint && hint !== s.meta.shopName ? await stage(deps, s.request, ctx, hint) : s);
  }
  return out;
}

function refuseUnlessImportable(staged: Staged[], skipInvalidRows: boolean): void {
  for (const { meta, request, stagingPath } of staged) {
    if (meta.currency === null) {
      throw new UserError(
        `${request.file.name}: 文件中没有写明金额的币种，请在预览中选择币种（命令行用 --currency CNY 等）。` +
          ' (The file does not name its currency: choose it in the preview, or pass --currency.)',
        { file: request.file.name, needs: 'currency' },
      );
    }
    if (meta.rowsRefused > 0 && !skipInvalidRows) {
      const problems = readStagedProblems(stagingPath, MAX_RESULT_PROBLEMS);
      const shown = problems
        .slice(0, PROBLEMS_IN_ERROR)
        .map((p) => `  第 ${p.row} 行${p.column ? `「${p.column}」` : ''}: ${p.reason}`)
        .join('\n');
      throw new UserError(
        `${request.file.name}: ${meta.rowsRefused} 行无法导入，未写入任何数据 (${meta.rowsRefused} rows cannot be imported; nothing was written):\n${shown}`,
        { file: request.file.name, problems, rowsRefused: meta.rowsRefused },
      );
    }
  }
}

export async function commitFiles(
  deps: ImportDeps,
  requests: FileRequest[],
  settings: { skipInvalidRows: boolean },
  ctx: JobContext,
): Promise<CommittedBatch[]> {
  const first: Staged[] = [];
  for (const request of requests) first.push(await stage(deps, request, ctx));
  const staged = await joinNamedShops(deps, first, ctx);
  refuseUnlessImportable(staged, settings.skipInvalidRows);

  const attach = Object.fromEntries(staged.map((s, i) => [`st${i}`, s.stagingPath]));
  const batches = await deps.huikeDb.writer.transaction(
    async (tx) => {
      const results: CommittedBatch[] = [];
      for (const [i, s] of staged.entries()) results.push(await commitOne(deps, tx, s, `st${i}`, ctx));
      return results;
    },
    { attach },
  );
  for (const s of staged) removeStaging(s.stagingPath);
  return batches;
}

async function commitOne(
  deps: ImportDeps,
  tx: WriteTx,
  { meta, request, stagingPath }: Staged,
  alias: string,
  ctx: JobContext,
): Promise<CommittedBatch> {
  const now = deps.now().toISOString();
  const platform = platformOfFormat(meta.format);
  const currency = meta.currency!;
  const shopId = ensureShop(tx, { platform, name: meta.shopName, currency, timezone: meta.timezone, now });
  const batchId = createBatch(tx, {
    shopId,
    format: meta.format,
    source: 'file',
    fileName: request.file.name,
    sha256: meta.sha256,
    size: meta.fileSize,
    encoding: meta.encoding,
    variants: meta.variants,
    currency,
    now,
  });
  const applied = await applyStaging(
    tx,
    { staging: alias, opId: batchId, shopId, platform, currency, now },
    ctx,
  );
  storeProblems(tx, batchId, alias);
  const money = { paidFen: meta.summary.paidFen, refundFen: meta.summary.refundFen };
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
      .run(headerSignature(meta.header), JSON.stringify(request.mapping), now);
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
    problems: readStagedProblems(stagingPath, MAX_RESULT_PROBLEMS),
  };
}

export function stagingDirFor(stageDir: string): string {
  return path.join(stageDir, 'staging');
}
