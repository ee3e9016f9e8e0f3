/**
 * The currency a file's amounts are in. Never assumed: the user's choice, else what the file says,
 * else CNY for the Chinese marketplaces (their exports are always in yuan), else the currency of the
 * existing shop the file goes into. null means "ask the user".
 */
import type BetterSqlite3 from 'better-sqlite3';
import { CNY_PLATFORMS, type Platform } from '../../domain/orders/types.js';

export function resolveCurrency(
  sqlite: BetterSqlite3.Database,
  from: { chosen?: string; inFile?: string; platform: Platform; shop: string },
): string | null {
  if (from.chosen) return from.chosen.toUpperCase();
  if (from.inFile) return from.inFile;
  if (CNY_PLATFORMS.includes(from.platform)) return 'CNY';
  const shop = sqlite
    .prepare('SELECT currency FROM shops WHERE platform = ? AND name = ?')
    .get(from.platform, from.shop) as { currency: string } | undefined;
  return shop?.currency ?? null;
}
