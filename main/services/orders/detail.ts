/**
 * One order's detail for the drawer: lines, money, statuses, times, the receiver (masked), its
 * buyer account, and the operations that wrote or changed it — the import that created it
 * (orders.first_op_id), later imports that updated it (their before-images in
 * operation_changes), and imports that added or changed its lines.
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/index.js';
import { UserError } from '../../domain/errors.js';
import { maskBuyerKey, maskPersonName, maskPhone, maskStreet } from '../../domain/orders/privacy.js';
import type { OrderStatus } from '../../domain/orders/types.js';
import type { OrderBuyer, OrderDetail, OrderHistoryEntry, OrderLineView } from '../../domain/orders/views.js';

export async function orderDetail(db: Db, orderId: number): Promise<OrderDetail> {
  const o = await db
    .selectFrom('orders as o')
    .innerJoin('shops as s', 's.id', 'o.shop_id')
    .selectAll('o')
    .select(['s.platform', 's.name as shop_name', 's.timezone', 's.currency as shop_currency', 's.is_sample'])
    .where('o.id', '=', orderId)
    .executeTakeFirst();
  if (!o) throw new UserError({ code: 'orders.notFound', params: { id: orderId } });

  const lines = await db
    .selectFrom('order_lines')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();

  return {
    id: o.id,
    platform: o.platform,
    shop: {
      id: o.shop_id,
      name: o.shop_name,
      timezone: o.timezone,
      currency: o.shop_currency,
      isSample: o.is_sample === 1,
    },
    platformOrderId: o.platform_order_id,
    status: o.status as OrderStatus | null,
    statusRaw: o.status_raw,
    refundStatus: o.refund_status,
    currency: o.currency,
    money: {
      goodsFen: o.goods_fen,
      payableFen: o.total_fen,
      paidFen: o.paid_fen,
      shippingFen: o.shipping_fen,
      discountFen: o.discount_fen,
      refundFen: o.refund_fen,
      settlementFen: o.settlement_fen,
      platformFeeFen: o.platform_fee_fen,
    },
    times: {
      orderedAt: o.ordered_at,
      orderDate: o.order_date,
      paidAt: o.paid_at,
      shippedAt: o.shipped_at,
      completedAt: o.completed_at,
      closedAt: o.closed_at,
    },
    receiver: {
      name: maskPersonName(o.receiver_name),
      phone: maskPhone(o.receiver_phone),
      province: o.receiver_province,
      city: o.receiver_city,
      district: o.receiver_district,
      // An address the importer could not split keeps its whole text in receiver_address_raw.
      street: maskStreet(o.receiver_detail ?? (o.receiver_province ? null : o.receiver_address_raw)),
    },
    buyer: o.buyer_account_id === null ? null : await buyerOf(db, o.buyer_account_id),
    buyerNote: o.buyer_note,
    sellerNote: o.seller_note,
    lines: lines.map((l): OrderLineView => ({
      id: l.id,
      title: l.title,
      sku: l.sku,
      productId: l.product_id,
      attributes: l.attributes,
      quantity: l.quantity,
      unitPriceFen: l.unit_price_fen,
      paidFen: l.paid_fen,
      discountFen: l.discount_fen,
      shippingFen: l.shipping_fen,
      refundFen: l.refund_fen,
      refundStatus: l.refund_status,
      status: l.status as OrderStatus | null,
      statusRaw: l.status_raw,
    })),
    history: await historyOf(db, orderId, o.first_op_id),
  };
}

async function buyerOf(db: Db, accountId: number): Promise<OrderBuyer | null> {
  const b = await db
    .selectFrom('buyer_accounts')
    .select(['platform', 'key_kind', 'account_key', 'nickname', 'customer_id'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!b) return null;
  const count = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('buyer_account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return {
    platform: b.platform,
    kind: b.key_kind,
    key: b.account_key,
    display: maskBuyerKey(b.key_kind, b.account_key),
    nickname: b.nickname,
    orders: Number(count.n),
    link: { buyer: b.account_key, platforms: [b.platform] },
    customerId: b.customer_id,
  };
}

interface HistoryRecord {
  op_id: number;
  role: OrderHistoryEntry['role'];
  kind: string;
  state: string;
  created_at: string;
  undone_at: string | null;
  file_name: string | null;
  format: string | null;
  source: string | null;
}

/** Operations touching the order or its lines, oldest first; one entry per operation and role. */
async function historyOf(db: Db, orderId: number, firstOpId: number): Promise<OrderHistoryEntry[]> {
  const { rows } = await sql<HistoryRecord>`WITH touched (op_id, role, rank) AS (
      SELECT ${firstOpId}, 'created', 0
      UNION SELECT o.last_op_id, 'changed', 1 FROM orders o WHERE o.id = ${orderId}
      UNION SELECT c.op_id, 'changed', 1 FROM operation_changes c
        WHERE c.table_name = 'orders' AND c.row_id = ${orderId}
      UNION SELECT l.first_op_id, 'lines', 2 FROM order_lines l WHERE l.order_id = ${orderId}
      UNION SELECT l.last_op_id, 'lines', 2 FROM order_lines l WHERE l.order_id = ${orderId}
      UNION SELECT c.op_id, 'lines', 2 FROM operation_changes c
        JOIN order_lines l ON c.table_name = 'order_lines' AND c.row_id = l.id
        WHERE l.order_id = ${orderId}
    ), firsts AS (
      -- An operation that created the order also wrote its first lines: say it once, as 'created'.
      SELECT op_id, role FROM touched t
      WHERE t.rank = (SELECT min(rank) FROM touched u WHERE u.op_id = t.op_id)
    )
    SELECT f.op_id, f.role, op.kind, op.state, op.created_at, op.undone_at,
      b.file_name, b.format, b.source
    FROM firsts f JOIN operations op ON op.id = f.op_id
    LEFT JOIN import_batches b ON b.id = f.op_id
    ORDER BY f.op_id`.execute(db);
  return rows.map((r) => ({
    opId: r.op_id,
    kind: r.kind,
    role: r.role,
    state: r.state as OrderHistoryEntry['state'],
    createdAt: r.created_at,
    undoneAt: r.undone_at,
    fileName: r.file_name,
    format: r.format,
    source: r.source as OrderHistoryEntry['source'],
  }));
}
