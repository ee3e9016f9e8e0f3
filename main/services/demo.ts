/**
 * Loads the sample shop: generated in the parse worker and handed over as staged rows, then
 * committed like an import — one batch per shop, shops marked as sample data — so every screen
 * (history and undo included) works on it, and the window never waits on the generator.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openSqlite } from '../../db/open-sqlite.js';
import type { WriteTx } from '../../db/index.js';
import { UserError } from '../domain/errors.js';
import { platformOfFormat } from '../domain/orders/types.js';
import type { DemoResult } from '../domain/results.js';
import { StagingApplier } from './import/apply-staging.js';
import { createBatch, finishBatch } from './import/batches.js';
import type { DemoShopStart } from './import/demo-rows.js';
import type { ImportDeps } from './import/import-files.js';
import type { JobContext } from './import/import-types.js';
import { createStagingTables, StagingTables } from './import/staging.js';
import { demoRowsInWorker } from './import/worker-jobs.js';
import { buyerCountsSql } from './figures.js';
import { ensureShop } from './shops.js';
import { yieldToEventLoop } from './long-work.js';

/** The demo's last day is yesterday in China time, so "recent" screens have recent data. */
function demoEndDate(now: Date): string {
  const yesterday = new Date(now.getTime() + 8 * 3600_000 - 24 * 3600_000);
  return yesterday.toISOString().slice(0, 10);
}

/** The sample shop's three platforms, one staging each. */
const SHOPS = 3;

/** Orders in the owner's own shops (not the sample's). */
export function countRealOrders(sqlite: WriteTx['sqlite']): number {
  const row = sqlite
    .prepare('SELECT count(*) AS n FROM orders o JOIN shops s ON s.id = o.shop_id WHERE s.is_sample = 0')
    .get() as { n: number };
  return row.n;
}

/**
 * The sample shop's name on a platform: the generator's, unless the owner has a shop of that name
 * (the sample never joins an owner's shop), then with 示例 after it.
 */
function sampleShopName(tx: WriteTx, platform: string, name: string): string {
  const owners = tx.sqlite.prepare('SELECT 1 FROM shops WHERE platform = ? AND name = ? AND is_sample = 0');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : n === 2 ? `${name}（示例）` : `${name}（示例 ${n - 1}）`;
    if (!owners.get(platform, candidate)) return candidate;
  }
}

export async function loadDemo(
  deps: ImportDeps,
  options: {
    seed: number;
    scale?: number;
    /** The owner has seen that the sample goes beside their own orders, kept apart. */
    confirmMixed?: boolean;
  },
  ctx: JobContext,
): Promise<DemoResult> {
  const nowDate = deps.now();
  const now = nowDate.toISOString();
  mkdirSync(deps.stagingDir, { recursive: true });
  const paths = Array.from({ length: SHOPS }, (_, i) =>
    path.join(deps.stagingDir, `demo-${options.seed}-${i}.db`),
  );
  for (const p of paths) {
    rmSync(p, { force: true });
    const sqlite = openSqlite(p);
    createStagingTables(sqlite, 'main');
    sqlite.close();
  }
  const attach = Object.fromEntries(paths.map((p, i) => [`demo${i}`, p]));
  try {
    return await deps.huikeDb.writer.transaction(
      async (tx) => {
        const realOrders = countRealOrders(tx.sqlite);
        if (realOrders > 0 && !options.confirmMixed)
          throw new UserError({ code: 'demo.confirmMixed', params: { orders: realOrders } });
        const result: DemoResult = {
          seed: options.seed,
          shops: 0,
          orders: 0,
          lines: 0,
          buyers: 0,
          products: 0,
          batches: [],
        };
        let current: {
          start: DemoShopStart;
          batchId: number;
          tables: StagingTables;
          applier: StagingApplier;
        } | null = null;
        const close = async () => {
          if (!current) return;
          const { start, batchId, tables, applier } = current;
          const applied = await applier.finish(tables.lastSeq());
          const summary = await tables.summarize(yieldToEventLoop);
          finishBatch(tx, batchId, {
            rows: start.orders,
            rowsImported: start.orders,
            rowsRefused: 0,
            ...applied,
            money: { paidFen: summary.paidFen, refundFen: summary.refundFen },
          });
          result.orders += applied.orders.inserted + applied.orders.updated + applied.orders.unchanged;
          result.lines += applied.lines.inserted + applied.lines.updated + applied.lines.unchanged;
          current = null;
        };
        await demoRowsInWorker(
          { seed: options.seed, endDate: demoEndDate(nowDate), scale: options.scale },
          ctx,
          {
            async start(start) {
              await close();
              const platform = platformOfFormat(start.format);
              const name = sampleShopName(tx, platform, start.name);
              const shopId = ensureShop(tx, {
                platform,
                name,
                currency: 'CNY',
                timezone: 'Asia/Shanghai',
                now,
                isSample: true,
              });
              const batchId = createBatch(tx, {
                shopId,
                format: start.format,
                source: 'demo',
                fileName: `示例店铺 · ${name}`,
                sha256: `demo:${options.seed}:${start.name}`,
                size: 0,
                encoding: 'utf-8',
                variants: [],
                currency: 'CNY',
                now,
              });
              if (start.index === 0) {
                // The sample's catalogue never overwrites a product (and its cost) of the owner's;
                // it carries the first batch's id, so removing the sample removes it too.
                const insertProduct = tx.sqlite.prepare(
                  `INSERT INTO products (sku, title, unit_cost_fen, first_op_id, created_at) VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (sku) DO NOTHING`,
                );
                for (const p of start.products)
                  insertProduct.run(p.sku, p.title, p.unitCostFen, batchId, now);
                result.products = start.products.length;
              }
              const alias = `demo${start.index}`;
              const applier = new StagingApplier(
                tx,
                { staging: alias, opId: batchId, shopId, platform, currency: 'CNY', now },
                ctx,
              );
              current = { start, batchId, tables: new StagingTables(tx.sqlite, alias), applier };
              result.shops++;
              result.batches.push(batchId);
            },
            async batch(rows) {
              current!.tables.write(rows, current!.applier.applied);
              await current!.applier.applyThrough(current!.tables.lastSeq());
            },
          },
        );
        await close();
        // Counted as the dashboard counts 买家, over the sample shops just written.
        const buyers = tx.sqlite
          .prepare(buyerCountsSql(`o.shop_id IN (SELECT id FROM shops WHERE is_sample = 1)`))
          .get() as { buyers: number };
        result.buyers = buyers.buyers;
        return result;
      },
      { attach },
    );
  } finally {
    for (const p of paths) rmSync(p, { force: true });
  }
}
