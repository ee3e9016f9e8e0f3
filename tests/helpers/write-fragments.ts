/**
 * Writes order fragments as one batch the way a file import does: staged into a staging database,
 * then applied to the real tables by the set-based commit, in one writer transaction.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HuikeDb } from '../../db/index.js';
import { localDateOf } from '../../main/domain/import/index.js';
import type { ParsedOrder } from '../../main/domain/orders/types.js';
import { applyStaging } from '../../main/services/import/apply-staging.js';
import { createBatch, finishBatch } from '../../main/services/import/batches.js';
import { StagingWriter } from '../../main/services/import/staging.js';
import { ensureShop } from '../../main/services/shops.js';
import { FIXED_NOW, fixedClock } from './test-db.js';

export async function writeFragments(h: HuikeDb, fragments: ParsedOrder[], fileName = 'test.csv') {
  const stagingPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'huike-frag-')), 'staging.db');
  const writer = new StagingWriter(stagingPath, (iso) => localDateOf(iso, 'Asia/Shanghai'));
  for (const f of fragments) writer.writeOrder(f);
  const summary = writer.summarize();
  writer.finish({});
  return h.writer.transaction(
    async (tx) => {
      const now = FIXED_NOW.toISOString();
      const shopId = ensureShop(tx, {
        platform: 'tmall',
        name: '测试店',
        currency: 'CNY',
        timezone: 'Asia/Shanghai',
        now,
      });
      const batchId = createBatch(tx, {
        shopId,
        format: 'tmall',
        source: 'file',
        fileName,
        sha256: fileName,
        size: 0,
        encoding: 'utf-8',
        variants: [],
        currency: 'CNY',
        now,
      });
      const applied = await applyStaging(
        tx,
        { staging: 'st', opId: batchId, shopId, platform: 'tmall', currency: 'CNY', now },
        { now: fixedClock },
      );
      const money = { paidFen: summary.paidFen, refundFen: summary.refundFen };
      const rows = fragments.length;
      finishBatch(tx, batchId, { rows, rowsImported: rows, rowsRefused: 0, ...applied, money });
      return { batchId, ...applied, money };
    },
    { attach: { st: stagingPath } },
  );
}
