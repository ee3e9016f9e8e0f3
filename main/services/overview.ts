/** Small reads the app shell needs. */
import type { Db } from '../../db/index.js';
import type { ShopSummary } from '../domain/results.js';

/** True once any order is in the database: the UI shows the first-run screen until then. */
export async function hasOrders(db: Db): Promise<boolean> {
  return Boolean(await db.selectFrom('orders').select('id').limit(1).executeTakeFirst());
}

export async function listShops(db: Db): Promise<ShopSummary[]> {
  const rows = await db
    .selectFrom('shops as s')
    .leftJoin('orders as o', 'o.shop_id', 's.id')
    .select(({ fn }) => [
      's.id',
      's.platform',
      's.name',
      's.timezone',
      's.currency',
      's.is_sample',
      fn.count<number>('o.id').as('orders'),
    ])
    .groupBy('s.id')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    platform: r.platform,
    name: r.name,
    timezone: r.timezone,
    currency: r.currency,
    isSample: r.is_sample === 1,
    orders: Number(r.orders),
  }));
}
