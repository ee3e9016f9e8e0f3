/**
 * Imports staged files: each file becomes one batch, and all files of one call are written in one
 * transaction, so an error or a cancel anywhere leaves the database exactly as it was.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../../domain/errors.js';
import { headerSignature } from '../../domain/import/index.js';
import {
  platformOfFormat,
  type ImportFormat,
  type ParsedOrder,
  type Platform,
  type RowProblem,
} from '../../domain/orders/types.js';
import { ensureShop, resolveShopName } from '../shops.js';
import { inTransaction } from '../transaction.js';
import { finishBatch, insertBatch } from './batches.js';
import { createBatchWriter } from './batch-writer.js';
import { resolveCurrency } from './currency.js';
import { sha256File } from './file-hash.js';
import type { JobContext } from './import-types.js';
import type { BatchResult } from '../../domain/results.js';
import { scanFile, type FileRequest } from './scan-file.js';

export interface CommittedBatch extends BatchResult {
  /** All refused rows; `skipped` keeps at most MAX_PROBLEMS_IN_MEMORY of them. */
  skippedCount: number;
}

/** Problems kept in memory per file; beyond it only the count grows. */
const MAX_PROBLEMS_IN_MEMORY = 10_000;
const PROBLEMS_IN_ERROR = 20;

const PEEKED = Symbol('peeked');

interface Peek {
  format: ImportFormat;
  /** The file's first order (null when every row is refused). */
  first: ParsedOrder | null;
}

/** Reads a file only up to its first order: its format, and the shop and currency it names. */
async function peek(request: FileRequest, ctx: JobContext, timezone: string): Promise<Peek> {
  const found: Peek = { format: request.format ?? 'generic', first: null };
  try {
    await scanFile(
      request,
      { now: ctx.now, signal: ctx.signal },
      {
        onStart(info) {
          found.format = info.format;
        },
        onFragment(order) {
          found.first = order;
          throw PEEKED;
        },
        onProblem() {},
      },
      { timezone, currency: request.currency ?? null },
    );
  } catch (error) {
    if (error !== PEEKED) throw error;
  }
  return found;
}

export async function commitFiles(
  sqlite: BetterSqlite3.Database,
  requests: FileRequest[],
  settings: { skipInvalidRows: boolean; source?: 'file' | 'demo' },
  ctx: JobContext,
  options: { timezone: string },
): Promise<CommittedBatch[]> {
  const peeks: Peek[] = [];
  for (const request of requests) peeks.push(await peek(request, ctx, options.timezone));
  // A 宝贝报表 has no shop column: it joins the shop that the 订单报表 imported with it names.
  const shopHints = new Map<Platform, string>();
  for (const p of peeks) {
    const platform = platformOfFormat(p.format);
    const name = p.first?.shopNameInFile;
    if (name && !shopHints.has(platform)) shopHints.set(platform, name);
  }

  return inTransaction(sqlite, async () => {
    const results: CommittedBatch[] = [];
    for (const [i, request] of requests.entries()) {
      results.push(await commitOne(sqlite, request, peeks[i]!, settings, ctx, options, shopHints));
    }
    return results;
  });
}

async function commitOne(
  sqlite: BetterSqlite3.Database,
  request: FileRequest,
  peeked: Peek,
  settings: { skipInvalidRows: boolean; source?: 'file' | 'demo' },
  ctx: JobContext,
  options: { timezone: string },
  shopHints: Map<Platform, string>,
): Promise<CommittedBatch> {
  const now = ctx.now().toISOString();
  const sha256 = await sha256File(request.file.path);
  const format = peeked.format;
  const platform = platformOfFormat(format);
  const shop = resolveShopName(
    sqlite,
    platform,
    request.shopName,
    peeked.first?.shopNameInFile ?? shopHints.get(platform),
  );
  const currency = resolveCurrency(sqlite, {
    chosen: request.currency,
    inFile: peeked.first?.currency,
    platform,
    shop,
  });
  if (currency === null) {
    throw new UserError(
      `${request.file.name}: 文件中没有写明金额的币种，请在预览中选择币种（命令行用 --currency CNY 等）。` +
        ' (The file does not name its currency: choose it in the preview, or pass --currency.)',
      { file: request.file.name, needs: 'currency' },
    );
  }
  const shopId = ensureShop(sqlite, platform, shop, now, currency);
  const batchId = insertBatch(sqlite, {
    shopId,
    format,
    fileName: request.file.name,
    sha256,
    size: request.file.size,
    encoding: '',
    source: settings.source ?? 'file',
    now,
  });
  const writer = createBatchWriter(sqlite, { batchId, shopId, platform, now, currency });
  const problems: RowProblem[] = [];
  let problemCount = 0;
  let header: string[] = [];

  const scan = await scanFile(
    request,
    ctx,
    {
      onSheet(sheet) {
        if (header.length === 0) header = sheet.header.map((h) => h.trim());
      },
      onFragment(order) {
        writer.write(order);
      },
      onProblem(problem) {
        problemCount++;
        if (problems.length < MAX_PROBLEMS_IN_MEMORY) problems.push(problem);
      },
    },
    { timezone: options.timezone, currency },
  );
  if (scan.rowsRefused > 0 && !settings.skipInvalidRows) {
    const shown = problems
      .slice(0, PROBLEMS_IN_ERROR)
      .map((p) => `  第 ${p.row} 行${p.column ? `「${p.column}」` : ''}: ${p.reason}`)
      .join('\n');
    throw new UserError(
      `${request.file.name}: ${scan.rowsRefused} 行无法导入，未写入任何数据 (${scan.rowsRefused} rows cannot be imported; nothing was written):\n${shown}`,
      {
        file: request.file.name,
        problems: problems.slice(0, 200),
        problemCount,
        rowsRefused: scan.rowsRefused,
      },
    );
  }
  const stats = writer.summary();
  writer.dispose();
  finishBatch(sqlite, batchId, {
    format: scan.format,
    encoding: scan.encoding,
    rows: scan.rows,
    stats: {
      ...stats,
      currency,
      rowsImported: scan.rowsImported,
      rowsRefused: scan.rowsRefused,
      skippedCount: problemCount,
    },
    problems,
  });
  if (scan.format === 'generic' && request.mapping) {
    sqlite
      .prepare(
        `INSERT INTO column_mappings (header_signature, mapping_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
      )
      .run(headerSignature(header), JSON.stringify(request.mapping), now);
  }
  return {
    id: batchId,
    file: request.file.name,
    platform: scan.format,
    shop,
    encoding: scan.encoding,
    rows: scan.rows,
    rowsImported: scan.rowsImported,
    rowsRefused: scan.rowsRefused,
    orders: stats.orders,
    lines: stats.lines,
    currency,
    money: stats.money,
    skipped: problems,
    skippedCount: problemCount,
  };
}
