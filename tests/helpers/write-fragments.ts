/** Writes order fragments as one batch through the real batch writer (what a file import does). */
import type { HuikeDb } from '../../db/index.js';
import type { ParsedOrder } from '../../main/domain/orders/types.js';
import { finishBatch, insertBatch } from '../../main/services/import/batches.js';
import { createBatchWriter } from '../../main/services/import/batch-writer.js';
import { ensureShop } from '../../main/services/shops.js';
import { inTransaction } from '../../main/services/transaction.js';
import { FIXED_NOW } from './test-db.js';

export async function writeFragments(h: HuikeDb, fragments: ParsedOrder[], fileName = 'test.csv') {
  return inTransaction(h.sqlite, async () => {
    const now = FIXED_NOW.toISOString();
    const shopId = ensureShop(h.sqlite, 'tmall', '测试店', now);
    const batchId = insertBatch(h.sqlite, {
      shopId,
      format: 'tmall',
      fileName,
      sha256: fileName,
      size: 0,
      encoding: 'utf-8',
      source: 'file',
      now,
    });
    const writer = createBatchWriter(h.sqlite, { batchId, shopId, platform: 'tmall', now, currency: 'CNY' });
    for (const f of fragments) writer.write(f);
    const stats = writer.summary();
    writer.dispose();
    const rows = fragments.length;
    finishBatch(h.sqlite, batchId, {
      format: 'tmall',
      encoding: 'utf-8',
      rows,
      stats: { ...stats, currency: 'CNY', rowsImported: rows, rowsRefused: 0, skippedCount: 0 },
      problems: [],
    });
    return { batchId, ...stats };
  });
}
