/**
 * Loads the sample shop: generated and staged in the parse worker, then committed like an import —
 * one batch per shop, shops marked as sample data — so every screen (history and undo included)
 * works on it, and the window never waits on the generator.
 */
import { platformOfFormat } from '../domain/orders/types.js';
import type { DemoResult } from '../domain/results.js';
import { applyStaging } from './import/apply-staging.js';
import { createBatch, finishBatch } from './import/batches.js';
import type { ImportDeps } from './import/import-files.js';
import type { JobContext } from './import/import-types.js';
import { removeStaging } from './import/staging-store.js';
import { stageDemoInWorker } from './import/worker-jobs.js';
import { ensureShop } from './shops.js';

/** The demo's last day is yesterday in China time, so "recent" screens have recent data. */
function demoEndDate(now: Date): string {
  const yesterday = new Date(now.getTime() + 8 * 3600_000 - 24 * 3600_000);
  return yesterday.toISOString().slice(0, 10);
}

export async function loadDemo(
  deps: ImportDeps,
  options: { seed: number; scale?: number },
  ctx: JobContext,
): Promise<DemoResult> {
  const nowDate = deps.now();
  const now = nowDate.toISOString();
  const shops = await stageDemoInWorker(
    { seed: options.seed, endDate: demoEndDate(nowDate), scale: options.scale, stagingDir: deps.stagingDir },
    ctx,
  );
  const attach = Object.fromEntries(shops.map((s, i) => [`demo${i}`, s.stagingPath]));
  try {
    return await deps.huikeDb.writer.transaction(
      async (tx) => {
        const upsertProduct = tx.sqlite.prepare(
          `INSERT INTO products (sku, title, unit_cost_fen, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (sku) DO UPDATE SET title = excluded.title, unit_cost_fen = excluded.unit_cost_fen`,
        );
        for (const p of shops[0]?.products ?? []) upsertProduct.run(p.sku, p.title, p.unitCostFen, now);
        const result: DemoResult = {
          seed: options.seed,
          shops: shops.length,
          orders: 0,
          lines: 0,
          buyers: 0,
          products: shops[0]?.products.length ?? 0,
          batches: [],
        };
        for (const [i, shop] of shops.entries()) {
          const platform = platformOfFormat(shop.format);
          const shopId = ensureShop(tx, {
            platform,
            name: shop.name,
            currency: 'CNY',
            timezone: 'Asia/Shanghai',
            now,
            isSample: true,
          });
          const batchId = createBatch(tx, {
            shopId,
            format: shop.format,
            source: 'demo',
            fileName: `示例店铺 · ${shop.name}`,
            sha256: `demo:${options.seed}:${shop.name}`,
            size: 0,
            encoding: 'utf-8',
            variants: [],
            currency: 'CNY',
            now,
          });
          const applied = await applyStaging(
            tx,
            { staging: `demo${i}`, opId: batchId, shopId, platform, currency: 'CNY', now },
            ctx,
          );
          finishBatch(tx, batchId, {
            rows: shop.rows,
            rowsImported: shop.rows,
            rowsRefused: 0,
            ...applied,
            money: { paidFen: shop.summary.paidFen, refundFen: shop.summary.refundFen },
          });
          result.batches.push(batchId);
          result.orders += applied.orders.inserted + applied.orders.updated + applied.orders.unchanged;
          result.lines += applied.lines.inserted + applied.lines.updated + applied.lines.unchanged;
        }
        const buyers = tx.sqlite.prepare('SELECT count(*) AS n FROM buyer_accounts').get() as { n: number };
        result.buyers = buyers.n;
        return result;
      },
      { attach },
    );
  } finally {
    for (const s of shops) removeStaging(s.stagingPath);
  }
}
