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
import { createBatchWriter, type BatchWriter } from './batch-writer.js';
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

/** Reads a file only up to its first order, for the shop name it carries. */
async function peekShopName(request: FileRequest, ctx: JobContext, options: ScanOptions) {
  let found: { platform: Platform; name: string | null } | null = null;
  try {
    await scanFile(
      request,
      { now: ctx.now, signal: ctx.signal },
      {
        onFragment(order, format) {
          found = { platform: platformOfFormat(format), name: order.shopNameInFile ?? null };
          throw PEEKED;
        },
        onProblem() {},
      },
      options,
    );
  } catch (error) {
    if (error !== PEEKED) throw error;
  }
  return found as { platform: Platform; name: string | null } | null;
}

interface ScanOptions {
  timezone: string;
  currency: string;
}

export async function commitFiles(
  sqlite: BetterSqlite3.Database,
  requests: FileRequest[],
  settings: { skipInvalidRows: boolean; source?: 'file' | 'demo' },
  ctx: JobContext,
  options: ScanOptions,
): Promise<CommittedBatch[]> {
  // A 宝贝报表 has no shop column: it joins the shop that the 订单报表 imported with it names.
  const shopHints = new Map<Platform, string>();
  for (const request of requests) {
    if (request.shopName) continue;
    const peek = await peekShopName(request, ctx, options);
    if (peek?.name && !shopHints.has(peek.platform)) shopHints.set(peek.platform, peek.name);
  }

  return inTransaction(sqlite, async () => {
    const results: CommittedBatch[] = [];
    for (const request of requests) {
      results.push(await commitOne(sqlite, request, settings, ctx, options, shopHints));
    }
    return results;
  });
}

async function commitOne(
  sqlite: BetterSqlite3.Database,
  request: FileRequest,
  settings: { skipInvalidRows: boolean; source?: 'file' | 'demo' },
  ctx: JobContext,
  options: ScanOptions,
  shopHints: Map<Platform, string>,
): Promise<CommittedBatch> {
  const now = ctx.now().toISOString();
  const sha256 = await sha256File(request.file.path);
  const problems: RowProblem[] = [];
  let problemCount = 0;
  let header: string[] = [];
  // Opened at the first order, when the shop name in the file is known. A holder object, because
  // TypeScript does not see assignments made inside the scan's callbacks.
  const open: { batch: { id: number; shop: string; writer: BatchWriter } | null } = { batch: null };
  let format: ImportFormat | null = null;
  let encoding = '';
  let currency = options.currency;

  const openBatch = (first: ParsedOrder | null) => {
    const platform = platformOfFormat(format ?? 'generic');
    const inFile = first?.shopNameInFile ?? shopHints.get(platform);
    const shop = resolveShopName(sqlite, platform, request.shopName, inFile);
    currency = first?.currency ?? options.currency;
    const shopId = ensureShop(sqlite, platform, shop, now, currency);
    const id = insertBatch(sqlite, {
      shopId,
      format: format ?? 'generic',
      fileName: request.file.name,
      sha256,
      size: request.file.size,
      encoding,
      source: settings.source ?? 'file',
      now,
    });
    return { id, shop, writer: createBatchWriter(sqlite, { batchId: id, shopId, platform, now }) };
  };

  const scan = await scanFile(
    request,
    ctx,
    {
      onStart(info) {
        format = info.format;
        encoding = info.encoding;
      },
      onSheet(sheet) {
        if (header.length === 0) header = sheet.header.map((h) => h.trim());
      },
      onFragment(order) {
        open.batch ??= openBatch(order);
        open.batch.writer.write(order);
      },
      onProblem(problem) {
        problemCount++;
        if (problems.length < MAX_PROBLEMS_IN_MEMORY) problems.push(problem);
      },
    },
    options,
  );
  if (problemCount > 0 && !settings.skipInvalidRows) {
    const shown = problems
      .slice(0, PROBLEMS_IN_ERROR)
      .map((p) => `  第 ${p.row} 行${p.column ? `「${p.column}」` : ''}: ${p.reason}`)
      .join('\n');
    throw new UserError(
      `${request.file.name}: ${problemCount} 行无法导入，未写入任何数据 (${problemCount} rows cannot be imported; nothing was written):\n${shown}`,
      { file: request.file.name, problems: problems.slice(0, 200), problemCount },
    );
  }
  const opened = open.batch ?? openBatch(null);
  const stats = opened.writer.summary();
  opened.writer.dispose();
  finishBatch(sqlite, opened.id, scan.rows, { ...stats, currency, skippedCount: problemCount }, problems);
  if (scan.format === 'generic' && request.mapping) {
    sqlite
      .prepare(
        `INSERT INTO column_mappings (header_signature, mapping_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
      )
      .run(headerSignature(header), JSON.stringify(request.mapping), now);
  }
  return {
    id: opened.id,
    file: request.file.name,
    platform: scan.format,
    shop: opened.shop,
    encoding: scan.encoding,
    rows: scan.rows,
    orders: stats.orders,
    lines: stats.lines,
    currency,
    money: stats.money,
    skipped: problems,
    skippedCount: problemCount,
  };
}
