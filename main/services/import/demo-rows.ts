/**
 * The sample shop, generated in the parse worker (the generator is pure) and handed on as staged
 * rows like an imported file, one shop after another, so it goes through the same set-based commit
 * and lands in the history as batches that can be undone.
 */
import { generateDemoShop, type DemoProductInfo } from '../../domain/demo/index.js';
import { localDateOf } from '../../domain/import/index.js';
import type { ImportFormat } from '../../domain/orders/types.js';
import type { JobContext } from './import-types.js';
import type { RowBatch } from './parse-file.js';
import { encodeOrder } from './encode-order.js';

export interface DemoRowsJob {
  seed: number;
  endDate: string;
  scale?: number;
}

export interface DemoShopStart {
  index: number;
  format: ImportFormat;
  name: string;
  orders: number;
  /** The catalog (with goods costs), the same for every shop. */
  products: DemoProductInfo[];
}

const DEMO_ZONE = 'Asia/Shanghai';
const BATCH_ORDERS = 2000;

export async function generateDemoRows(
  job: DemoRowsJob,
  ctx: JobContext,
  sink: { start(info: DemoShopStart): void; batch(rows: RowBatch): void | Promise<void> },
): Promise<void> {
  ctx.progress?.('generating', 0, 1);
  const demo = generateDemoShop({ seed: job.seed, endDate: job.endDate, scale: job.scale });
  const total = demo.shops.reduce((n, s) => n + s.orders.length, 0);
  const localDate = (iso: string) => localDateOf(iso, DEMO_ZONE);
  let done = 0;
  for (const [index, shop] of demo.shops.entries()) {
    sink.start({
      index,
      format: shop.format,
      name: shop.name,
      orders: shop.orders.length,
      products: demo.products,
    });
    for (let i = 0; i < shop.orders.length; i += BATCH_ORDERS) {
      const batch: RowBatch = { orders: [], lines: [], problems: [], samples: [] };
      for (const order of shop.orders.slice(i, i + BATCH_ORDERS)) {
        const encoded = encodeOrder(order, localDate);
        batch.orders.push(encoded.order);
        batch.lines.push(...encoded.lines);
      }
      await sink.batch(batch);
      done += batch.orders.length;
      ctx.progress?.('generating', done, total);
    }
  }
}
