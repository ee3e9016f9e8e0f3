/**
 * Loads the sample shop: the seeded generator's orders go through the same batch writer as a real
 * import, one batch per shop, so every screen (history and undo included) works on them.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { generateDemoShop } from '../domain/demo/index.js';
import type { DemoResult } from '../domain/results.js';
import { createSlicer, inTransaction, throwIfCancelled } from './transaction.js';
import { ensureShop } from './shops.js';
import { finishBatch, insertBatch } from './import/batches.js';
import { createBatchWriter } from './import/batch-writer.js';
import type { JobContext } from './import/import-types.js';
import { platformOfFormat } from '../domain/orders/types.js';

/** How often progress is reported (and cancel checked), in orders. */
const ORDERS_PER_REPORT = 200;

/** The demo's last day is yesterday in China time, so "recent" screens have recent data. */
function demoEndDate(now: Date): string {
  const yesterday = new Date(now.getTime() + 8 * 3600_000 - 24 * 3600_000);
  return yesterday.toISOString().slice(0, 10);
}

export async function loadDemo(
  sqlite: BetterSqlite3.Database,
  options: { seed: number; scale?: number },
  ctx: JobContext,
): Promise<DemoResult> {
  const nowDate = ctx.now();
  const now = nowDate.toISOString();
  ctx.progress?.('generating', 0, 1);
  const demo = generateDemoShop({ seed: options.seed, endDate: demoEndDate(nowDate), scale: options.scale });
  const total = demo.shops.reduce((n, s) => n + s.orders.length, 0);
  let done = 0;
  const slicer = createSlicer();

  return inTransaction(sqlite, async () => {
    const upsertProduct = sqlite.prepare(
      `INSERT INTO products (sku, title, unit_cost_fen, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (sku) DO UPDATE SET title = excluded.title, unit_cost_fen = excluded.unit_cost_fen`,
    );
    for (const p of demo.products) upsertProduct.run(p.sku, p.title, p.unitCostFen, now);

    const result: DemoResult = {
      seed: demo.seed,
      shops: demo.shops.length,
      orders: 0,
      lines: 0,
      buyers: 0,
      products: demo.products.length,
      batches: [],
    };
    for (const shop of demo.shops) {
      const platform = platformOfFormat(shop.format);
      const shopId = ensureShop(sqlite, platform, shop.name, now);
      const batchId = insertBatch(sqlite, {
        shopId,
        format: shop.format,
        fileName: `示例店铺 · ${shop.name}`,
        sha256: `demo:${demo.seed}:${shop.name}`,
        size: 0,
        encoding: 'utf-8',
        source: 'demo',
        now,
      });
      const writer = createBatchWriter(sqlite, { batchId, shopId, platform, now, currency: 'CNY' });
      for (let i = 0; i < shop.orders.length; i++) {
        writer.write(shop.orders[i]!);
        done++;
        if (i % ORDERS_PER_REPORT === 0) {
          ctx.progress?.('writing', done, total);
          await slicer.maybeYield();
          throwIfCancelled(ctx.signal);
        }
      }
      const stats = writer.summary();
      writer.dispose();
      finishBatch(sqlite, batchId, {
        format: shop.format,
        encoding: 'utf-8',
        rows: shop.orders.length,
        stats: {
          ...stats,
          currency: 'CNY',
          rowsImported: shop.orders.length,
          rowsRefused: 0,
          skippedCount: 0,
        },
        problems: [],
      });
      result.batches.push(batchId);
      result.orders += stats.orders.inserted + stats.orders.updated + stats.orders.unchanged;
      result.lines += stats.lines.inserted + stats.lines.updated + stats.lines.unchanged;
    }
    const buyers = sqlite.prepare('SELECT count(*) AS n FROM buyer_accounts').get() as { n: number };
    result.buyers = buyers.n;
    ctx.progress?.('writing', total, total);
    return result;
  });
}
