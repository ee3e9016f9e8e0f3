/** The rows of one page of the Orders list, read by id, masked, in the page's order. */
import { sql } from 'kysely';
import type { Db } from '../../../db/index.js';
import { maskPersonName, maskPhone } from '../../domain/orders/privacy.js';
import type { OrderStatus } from '../../domain/orders/types.js';
import type { OrderListRow } from '../../domain/orders/views.js';
import { paidOrderSql } from '../import/order-columns.js';

export interface ShopRow {
  id: number;
  platform: string;
  name: string;
  timezone: string;
  currency: string;
  isSample: boolean;
}

/** Every shop (a handful): the list names each order's shop and sorts by it without a join. */
export async function readShops(db: Db): Promise<ShopRow[]> {
  const rows = await db
    .selectFrom('shops')
    .select(['id', 'platform', 'name', 'timezone', 'currency', 'is_sample'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, isSample: r.is_sample === 1 }));
}

interface ListRowRecord {
  id: number;
  shop_id: number;
  platform_order_id: string;
  status: string | null;
  status_raw: string | null;
  ordered_at: string | null;
  currency: string;
  paid_fen: number | null;
  refund_fen: number | null;
  is_paid: number;
  receiver_name: string | null;
  receiver_phone: string | null;
  first_title: string | null;
  lines: number;
  quantity: number;
}

export async function readListRows(
  db: Db,
  ids: readonly number[],
  shops: ReadonlyMap<number, ShopRow>,
): Promise<OrderListRow[]> {
  if (ids.length === 0) return [];
  const { rows } =
    await sql<ListRowRecord>`SELECT o.id, o.shop_id, o.platform_order_id, o.status, o.status_raw,
      o.ordered_at, o.currency, o.paid_fen, o.refund_fen, ${sql.raw(paidOrderSql('o'))} AS is_paid,
      o.receiver_name, o.receiver_phone,
      (SELECT l.title FROM order_lines l WHERE l.order_id = o.id ORDER BY l.id LIMIT 1) AS first_title,
      (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS lines,
      (SELECT coalesce(sum(l.quantity), 0) FROM order_lines l WHERE l.order_id = o.id) AS quantity
    FROM orders o WHERE o.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const shop = shops.get(r.shop_id);
    return [
      {
        id: r.id,
        platform: shop?.platform ?? 'other',
        shopId: r.shop_id,
        shopName: shop?.name ?? '',
        timezone: shop?.timezone ?? 'Asia/Shanghai',
        isSample: shop?.isSample ?? false,
        platformOrderId: r.platform_order_id,
        status: r.status as OrderStatus | null,
        statusRaw: r.status_raw,
        orderedAt: r.ordered_at,
        currency: r.currency,
        paidFen: r.paid_fen,
        isPaid: r.is_paid === 1,
        refundFen: r.refund_fen,
        receiverName: maskPersonName(r.receiver_name),
        receiverPhone: maskPhone(r.receiver_phone),
        items: { firstTitle: r.first_title, lines: r.lines, quantity: r.quantity },
      },
    ];
  });
}
