/**
 * The sample shop, staged like an imported file: generated in the parse worker (the generator is
 * pure), one staging database per shop, so it goes through the same set-based commit as a real
 * import and lands in the history as batches that can be undone.
 */
import { mkdir, rm } from 'node:fs/promises';
import { generateDemoShop, type DemoProductInfo } from '../../domain/demo/index.js';
import { localDateOf } from '../../domain/import/index.js';
import type { ImportFormat } from '../../domain/orders/types.js';
import type { JobContext } from './import-types.js';
import { StagingWriter, type StagedSummary } from './staging.js';

export interface StageDemoJob {
  seed: number;
  endDate: string;
  scale?: number;
  /** Folder for the shops' staging files. */
  stagingDir: string;
}

export interface StagedDemoShop {
  format: ImportFormat;
  name: string;
  stagingPath: string;
  rows: number;
  summary: StagedSummary;
  /** The catalog (with goods costs), the same on every shop. */
  products: DemoProductInfo[];
}

const DEMO_ZONE = 'Asia/Shanghai';

export async function stageDemo(job: StageDemoJob, ctx: JobContext): Promise<StagedDemoShop[]> {
  ctx.progress?.('generating', 0, 1);
  await mkdir(job.stagingDir, { recursive: true });
  const demo = generateDemoShop({ seed: job.seed, endDate: job.endDate, scale: job.scale });
  const total = demo.shops.reduce((n, s) => n + s.orders.length, 0);
  let done = 0;
  const staged: StagedDemoShop[] = [];
  for (const [i, shop] of demo.shops.entries()) {
    const stagingPath = `${job.stagingDir}/demo-${job.seed}-${i}.db`;
    await rm(stagingPath, { force: true });
    const writer = new StagingWriter(stagingPath, (iso) => localDateOf(iso, DEMO_ZONE));
    for (const order of shop.orders) {
      writer.writeOrder(order);
      if (++done % 2000 === 0) ctx.progress?.('generating', done, total);
    }
    const summary = writer.summarize();
    writer.finish({ demo: true });
    staged.push({
      format: shop.format,
      name: shop.name,
      stagingPath,
      rows: shop.orders.length,
      summary,
      products: demo.products,
    });
  }
  ctx.progress?.('generating', total, total);
  return staged;
}
