/**
 * Writes order fragments as one batch the way a file import does: encoded into staged rows, stored
 * in a staging attached to the write connection, applied to the real tables by the set-based
 * commit, in one writer transaction.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HuikeDb } from '../../db/index.js';
import { openSqlite } from '../../db/open-sqlite.js';
import { localDateOf } from '../../main/domain/import/index.js';
import type { ParsedOrder, Platform } from '../../main/domain/orders/types.js';
import { StagingApplier } from '../../main/services/import/apply-staging.js';
import { createBatch, finishBatch } from '../../main/services/import/batches.js';
import { encodeOrder } from '../../main/services/import/encode-order.js';
import { createStagingTables, StagingTables } from '../../main/services/import/staging.js';
import { ensureShop } from '../../main/services/shops.js';
import { yieldToEventLoop } from '../../main/services/long-work.js';
import { FIXED_NOW, fixedClock } from './test-db.js';

/** The shop a batch goes into (by default the Tmall shop 测试店, in CNY). */
export interface FragmentShop {
  platform: Platform;
  name: string;
  currency: string;
  timezone?: string;
  isSample?: boolean;
}

const DEFAULT_SHOP: FragmentShop = { platform: 'tmall', name: '测试店', currency: 'CNY' };

export async function writeFragments(
  h: HuikeDb,
  fragments: ParsedOrder[],
  fileName = 'test.csv',
  shop: FragmentShop = DEFAULT_SHOP,
) {
  const timezone = shop.timezone ?? 'Asia/Shanghai';
  const stagingPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'huike-frag-')), 'staging.db');
  const created = openSqlite(stagingPath);
  createStagingTables(created, 'main');
  created.close();
  const encoded = fragments.map((f) => encodeOrder(f, (iso) => localDateOf(iso, timezone)));
  return h.writer.transaction(
    async (tx) => {
      const now = FIXED_NOW.toISOString();
      const shopId = ensureShop(tx, {
        platform: shop.platform,
        name: shop.name,
        currency: shop.currency,
        timezone,
        now,
        isSample: shop.isSample,
      });
      const batchId = createBatch(tx, {
        shopId,
        format: shop.platform === 'other' ? 'generic' : shop.platform,
        source: 'file',
        fileName,
        sha256: fileName,
        size: 0,
        encoding: 'utf-8',
        variants: [],
        currency: shop.currency,
        now,
      });
      const tables = new StagingTables(tx.sqlite, 'st');
      tables.write({
        orders: encoded.map((e) => e.order),
        lines: encoded.flatMap((e) => e.lines),
        problems: [],
        samples: [],
      });
      const applier = new StagingApplier(
        tx,
        { staging: 'st', opId: batchId, shopId, platform: shop.platform, currency: shop.currency, now },
        { now: fixedClock },
      );
      const applied = await applier.finish(tables.lastSeq());
      const summary = await tables.summarize(yieldToEventLoop);
      const money = { paidFen: summary.paidFen, refundFen: summary.refundFen };
      const rows = fragments.length;
      finishBatch(tx, batchId, { rows, rowsImported: rows, rowsRefused: 0, ...applied, money });
      return { batchId, ...applied, money };
    },
    { attach: { st: stagingPath } },
  );
}
