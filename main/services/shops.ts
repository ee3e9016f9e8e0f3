/** Shops: the snapshot the importer chooses from, creating a shop at import, one shop's summary. */
import type BetterSqlite3 from 'better-sqlite3';
import type { WriteTx } from '../../db/index.js';
import { UserError } from '../domain/errors.js';
import type { Platform } from '../domain/orders/types.js';
import type { ShopSummary } from '../domain/results.js';
import type { ShopInfo } from './import/shop-choice.js';

export function listShopInfo(sqlite: BetterSqlite3.Database): ShopInfo[] {
  const rows = sqlite
    .prepare(
      `SELECT s.platform, s.name, s.timezone, s.currency, s.is_sample AS isSample,
         (SELECT count(*) FROM orders o WHERE o.shop_id = s.id) AS orders
       FROM shops s ORDER BY s.id`,
    )
    .all() as Array<Omit<ShopInfo, 'isSample'> & { isSample: number }>;
  return rows.map((r) => ({ ...r, isSample: r.isSample === 1 }));
}

/** One shop as the shop list shows it, read on any connection (inside a write, through tx.sqlite). */
export function readShopSummary(sqlite: BetterSqlite3.Database, shopId: number): ShopSummary | null {
  const row = sqlite
    .prepare(
      `SELECT s.id, s.platform, s.name, s.timezone, s.currency, s.is_sample AS isSample,
         (SELECT count(*) FROM orders o WHERE o.shop_id = s.id) AS orders
       FROM shops s WHERE s.id = ?`,
    )
    .get(shopId) as (Omit<ShopSummary, 'isSample'> & { isSample: number }) | undefined;
  return row ? { ...row, isSample: row.isSample === 1 } : null;
}

/**
 * The shop's id, creating it (with the file's currency and the zone its dates were read in).
 * The owner's files never go into the sample shop, nor the sample into an owner's shop: the
 * importer's default never names a sample shop (shop-choice.ts), so reaching one here means the
 * user chose it.
 */
export function ensureShop(
  tx: WriteTx,
  shop: {
    platform: Platform;
    name: string;
    currency: string;
    timezone: string;
    now: string;
    isSample?: boolean;
  },
): number {
  tx.sqlite
    .prepare(
      `INSERT INTO shops (platform, name, currency, timezone, is_sample, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform, name) DO NOTHING`,
    )
    .run(shop.platform, shop.name, shop.currency, shop.timezone, shop.isSample ? 1 : 0, shop.now);
  const row = tx.sqlite
    .prepare('SELECT id, is_sample FROM shops WHERE platform = ? AND name = ?')
    .get(shop.platform, shop.name) as { id: number; is_sample: number };
  if (row.is_sample === 1 && !shop.isSample)
    throw new UserError({ code: 'shops.sampleNotForImport', params: { shop: shop.name } });
  if (row.is_sample === 0 && shop.isSample)
    throw new Error(`the sample shop may not load into the owner's shop ${shop.name}`);
  return row.id;
}
