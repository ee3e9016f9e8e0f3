/**
 * merge.review.list: a page of the review queue (review-queue.ts), each pair with both accounts
 * side by side — platform, shops, buyer key, the masked receiver of the account's latest order that
 * names one, its orders and money, its latest few orders — and the link's evidence, masked as on
 * the customer page, with the characters the two shown values agree on.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { HuikeDb } from '../../../db/index.js';
import { readEvidence } from '../../domain/customers/evidence.js';
import type { CustomerSpend } from '../../domain/customers/views.js';
import { maskBuyerKey, maskPersonName, maskPhone, maskStreet } from '../../domain/orders/privacy.js';
import { agreeingCharacters } from '../../domain/review/agreement.js';
import type { ReviewOrder, ReviewPair, ReviewQueuePage, ReviewSide } from '../../domain/review/views.js';
import { paidOrderSql } from '../import/order-columns.js';
import { bySpendRank, shopsOf } from '../customers/rows.js';
import type { ShopRow } from '../orders/list-rows.js';
import { queuePage, queuePosition, queueSize, type QueueRow } from './review-queue.js';

/** Orders shown per side: enough to recognise a buyer, few enough to fit beside the other. */
export const LATEST_ORDERS = 5;

type Sqlite = BetterSqlite3.Database;
const PAID = `coalesce(${paidOrderSql('o')}, 0)`;

export interface ReviewListInput {
  offset: number;
  limit: number;
  /** Only pairs touching this customer (the customer page's link). */
  customerId?: number;
  /** Say where this pair stands in the queue (the screen returns to a pair after undo). */
  focus?: { accountA: number; accountB: number };
}

interface AccountRecord {
  id: number;
  platform: string;
  key_kind: string;
  account_key: string;
  nickname: string | null;
  phone: string | null;
  customer_id: number;
  locked: number;
  customer_accounts: number;
}

interface ReceiverRecord {
  receiver_name: string | null;
  receiver_phone: string | null;
  receiver_province: string | null;
  receiver_city: string | null;
  receiver_district: string | null;
  receiver_detail: string | null;
  receiver_address_raw: string | null;
}

interface MoneyRecord {
  currency: string;
  orders: number;
  paid_orders: number;
  paid_fen: number;
  refund_fen: number;
  first_at: string | null;
  last_at: string | null;
  shop_ids: string;
}

interface OrderRecord {
  id: number;
  platform_order_id: string;
  ordered_at: string | null;
  order_date: string | null;
  shop_name: string;
  status: string | null;
  currency: string;
  paid_fen: number | null;
}

function statements(sqlite: Sqlite) {
  return {
    account: sqlite.prepare(`SELECT a.id, a.platform, a.key_kind, a.account_key, a.nickname, a.phone,
        a.customer_id, c.locked,
        (SELECT count(*) FROM buyer_accounts x WHERE x.customer_id = a.customer_id) AS customer_accounts
      FROM buyer_accounts a JOIN customers c ON c.id = a.customer_id WHERE a.id = ?`),
    // The latest order naming a receiver: an own shop's whole value would be masked the same way.
    receiver: sqlite.prepare(`SELECT receiver_name, receiver_phone, receiver_province, receiver_city,
        receiver_district, receiver_detail, receiver_address_raw
      FROM orders WHERE buyer_account_id = ?
        AND (receiver_name IS NOT NULL OR receiver_phone IS NOT NULL OR receiver_province IS NOT NULL
          OR receiver_address_raw IS NOT NULL)
      ORDER BY ordered_at DESC, id DESC LIMIT 1`),
    money: sqlite.prepare(`SELECT o.currency, count(*) AS orders, sum(${PAID}) AS paid_orders,
        coalesce(sum(CASE WHEN ${PAID} THEN o.paid_fen END), 0) AS paid_fen,
        coalesce(sum(CASE WHEN ${PAID} THEN o.refund_fen END), 0) AS refund_fen,
        min(o.ordered_at) AS first_at, max(o.ordered_at) AS last_at,
        ',' || group_concat(DISTINCT o.shop_id) || ',' AS shop_ids
      FROM orders o WHERE o.buyer_account_id = ? GROUP BY o.currency`),
    latest: sqlite.prepare(`SELECT o.id, o.platform_order_id, o.ordered_at, o.order_date, s.name AS shop_name,
        o.status, o.currency, o.paid_fen
      FROM orders o JOIN shops s ON s.id = o.shop_id WHERE o.buyer_account_id = ?
      ORDER BY o.ordered_at DESC, o.id DESC LIMIT ${LATEST_ORDERS}`),
    shops: sqlite.prepare('SELECT id, platform, name, timezone, currency, is_sample FROM shops ORDER BY id'),
  };
}

type Statements = ReturnType<typeof statements>;

/** 浙江省 杭州市 西湖区 文三**** : the places as they are, the street cut short (privacy.ts). */
function shownAddress(r: ReceiverRecord | undefined): string | null {
  if (!r) return null;
  const street = maskStreet(r.receiver_detail ?? (r.receiver_province ? null : r.receiver_address_raw));
  // 北京市 北京市: a municipality's city is its province, named once.
  const province = r.receiver_province?.replace(/[省市]$/, '');
  const city = province && r.receiver_city?.startsWith(province) ? null : r.receiver_city;
  const unique = [r.receiver_province, city, r.receiver_district, street].filter((p): p is string => !!p);
  return unique.length > 0 ? unique.join(' ') : null;
}

function side(st: Statements, accountId: number, shops: ReadonlyMap<number, ShopRow>): ReviewSide {
  const a = st.account.get(accountId) as AccountRecord;
  const receiver = st.receiver.get(accountId) as ReceiverRecord | undefined;
  const money = st.money.all(accountId) as MoneyRecord[];
  const latest = st.latest.all(accountId) as OrderRecord[];
  const shopIds = [...new Set(money.flatMap((m) => m.shop_ids.split(',').filter(Boolean)))];
  const spend: CustomerSpend[] = money
    .filter((m) => m.paid_orders > 0)
    .map((m) => ({
      currency: m.currency,
      paidOrders: m.paid_orders,
      paidFen: m.paid_fen,
      refundFen: m.refund_fen,
      netFen: m.paid_fen - m.refund_fen,
    }))
    .sort(bySpendRank);
  const times = (pick: (m: MoneyRecord) => string | null) =>
    money
      .map(pick)
      .filter((t): t is string => t !== null)
      .sort();
  return {
    accountId: a.id,
    platform: a.platform,
    keyKind: a.key_kind,
    key: maskBuyerKey(a.key_kind, a.account_key),
    nickname: a.nickname,
    name: maskPersonName(receiver?.receiver_name),
    phone: maskPhone(a.phone ?? receiver?.receiver_phone),
    address: shownAddress(receiver),
    shops: shopsOf(`,${shopIds.join(',')},`, shops),
    customerId: a.customer_id,
    customerAccounts: a.customer_accounts,
    customerLocked: a.locked === 1,
    orders: money.reduce((n, m) => n + m.orders, 0),
    paidOrders: money.reduce((n, m) => n + m.paid_orders, 0),
    spend,
    firstOrderAt: times((m) => m.first_at)[0] ?? null,
    lastOrderAt: times((m) => m.last_at).at(-1) ?? null,
    latestOrders: latest.map((o): ReviewOrder => ({
      id: o.id,
      platformOrderId: o.platform_order_id,
      orderedAt: o.ordered_at,
      orderDate: o.order_date,
      shopName: o.shop_name,
      status: o.status,
      currency: o.currency,
      paidFen: o.paid_fen,
    })),
  };
}

function pairOf(st: Statements, row: QueueRow, shops: Parameters<typeof side>[2]): ReviewPair {
  return {
    position: row.position,
    accountA: row.account_a,
    accountB: row.account_b,
    weight: row.weight,
    strong: row.strong === 1,
    rule: row.rule,
    blockedReason: row.blocked_reason,
    deferred: row.deferred === 1,
    evidence: readEvidence(row.evidence_json).map((e) => ({
      ...e,
      ...agreeingCharacters(e.field, e.a, e.b),
    })),
    a: side(st, row.account_a, shops),
    b: side(st, row.account_b, shops),
  };
}

export function listReviewQueue(huikeDb: HuikeDb, input: ReviewListInput): ReviewQueuePage {
  const sqlite = huikeDb.readSqlite;
  // One read transaction: the count, the page and its accounts agree with each other.
  return sqlite.transaction(() => {
    const customerId = input.customerId ?? null;
    const st = statements(sqlite);
    const shops = new Map(
      (st.shops.all() as Array<Omit<ShopRow, 'isSample'> & { is_sample: number }>).map((s) => [
        s.id,
        { ...s, isSample: s.is_sample === 1 },
      ]),
    );
    const size = queueSize(sqlite, customerId);
    const rows = queuePage(sqlite, { customerId, offset: input.offset, limit: input.limit });
    const focusPosition = input.focus
      ? queuePosition(sqlite, {
          customerId,
          accountA: Math.min(input.focus.accountA, input.focus.accountB),
          accountB: Math.max(input.focus.accountA, input.focus.accountB),
        })
      : null;
    return {
      total: size.total,
      deferred: size.deferred,
      offset: input.offset,
      pairs: rows.map((r) => pairOf(st, r, shops)),
      focusPosition,
    };
  })();
}
