import type BetterSqlite3 from 'better-sqlite3';
import type { Platform } from '../domain/orders/types.js';

/** The name a shop gets when its file does not say and the user did not type one. */
export const DEFAULT_SHOP_NAMES: Record<Platform, string> = {
  tmall: '天猫/淘宝店铺',
  jd: '京东店铺',
  pdd: '拼多多店铺',
  douyin: '抖音小店',
  shopify: 'Shopify 店铺',
  youzan: '有赞店铺',
  woocommerce: 'WooCommerce 店铺',
  other: '其他渠道',
};

/**
 * Which shop a file belongs to: what the user typed, else the name written in the file, else the
 * platform's busiest existing shop (a bookkeeper importing this month's 宝贝报表 means the shop
 * last month's 订单报表 created), else the platform's default name.
 */
export function resolveShopName(
  sqlite: BetterSqlite3.Database,
  platform: Platform,
  typed: string | undefined,
  inFile: string | null | undefined,
): string {
  if (typed?.trim()) return typed.trim();
  if (inFile?.trim()) return inFile.trim();
  const busiest = sqlite
    .prepare(
      `SELECT s.name FROM shops s LEFT JOIN orders o ON o.shop_id = s.id WHERE s.platform = ?
       GROUP BY s.id ORDER BY count(o.id) DESC, s.id LIMIT 1`,
    )
    .get(platform) as { name: string } | undefined;
  return busiest?.name ?? DEFAULT_SHOP_NAMES[platform];
}

export function ensureShop(
  sqlite: BetterSqlite3.Database,
  platform: Platform,
  name: string,
  now: string,
  currency = 'CNY',
): number {
  sqlite
    .prepare(
      `INSERT INTO shops (platform, name, currency, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (platform, name) DO NOTHING`,
    )
    .run(platform, name, currency, now);
  const row = sqlite.prepare('SELECT id FROM shops WHERE platform = ? AND name = ?').get(platform, name) as {
    id: number;
  };
  return row.id;
}
