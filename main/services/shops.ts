/** Shops: the snapshot the importer chooses from, and creating a shop at import. */
import type BetterSqlite3 from 'better-sqlite3';
import type { WriteTx } from '../../db/index.js';
import type { Platform } from '../domain/orders/types.js';
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

/** The shop's id, creating it (with the file's currency and the zone its dates were read in). */
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
    .prepare('SELECT id FROM shops WHERE platform = ? AND name = ?')
    .get(shop.platform, shop.name) as { id: number };
  return row.id;
}
