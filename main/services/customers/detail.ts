/**
 * 客户 360: one customer's accounts across platforms and shops (how each joined, its orders and
 * money), its totals per platform, how its accounts were joined and on what evidence (the merge's
 * links between them and the owner's decisions), its note and tags. Its orders are paged apart
 * (orders.ts): a wholesale buyer may have thousands.
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/index.js';
import { UserError } from '../../domain/errors.js';
import { readEvidence } from '../../domain/customers/evidence.js';
import type {
  CustomerAccountView,
  CustomerDetail,
  CustomerLinkView,
  CustomerPlatformTotals,
  CustomerSpend,
} from '../../domain/customers/views.js';
import { maskBuyerKey, maskPersonName, maskPhone } from '../../domain/orders/privacy.js';
import { paidOrderSql } from '../import/order-columns.js';
import { readShops, type ShopRow } from '../orders/list-rows.js';
import { bySpendRank, listOf, readSpend, shopsOf, tagsOf } from './rows.js';
import { openSuggestionCounts } from './suggestions.js';

const PAID = `coalesce(${paidOrderSql('o')}, 0)`;

interface AccountRecord {
  id: number;
  platform: string;
  key_kind: string;
  account_key: string;
  nickname: string | null;
  customer_via: string | null;
}

interface AccountMoney {
  account_id: number;
  currency: string;
  orders: number;
  paid_orders: number;
  paid_fen: number;
  refund_fen: number;
  first_at: string | null;
  last_at: string | null;
  shop_ids: string;
}

/** Per account and currency: its orders, paid money, first and last order, shops. */
async function accountFigures(db: Db, customerId: number): Promise<AccountMoney[]> {
  const { rows } = await sql<AccountMoney>`SELECT o.buyer_account_id AS account_id, o.currency,
      count(*) AS orders, sum(${sql.raw(PAID)}) AS paid_orders,
      coalesce(sum(CASE WHEN ${sql.raw(PAID)} THEN o.paid_fen END), 0) AS paid_fen,
      coalesce(sum(CASE WHEN ${sql.raw(PAID)} THEN o.refund_fen END), 0) AS refund_fen,
      min(o.ordered_at) AS first_at, max(o.ordered_at) AS last_at,
      ',' || group_concat(DISTINCT o.shop_id) || ',' AS shop_ids
    FROM orders o WHERE o.buyer_account_id IN (SELECT id FROM buyer_accounts WHERE customer_id = ${customerId})
    GROUP BY o.buyer_account_id, o.currency`.execute(db);
  return rows;
}

function accountView(
  a: AccountRecord,
  figures: AccountMoney[],
  shops: ReadonlyMap<number, ShopRow>,
): CustomerAccountView {
  const mine = figures.filter((f) => f.account_id === a.id);
  const shopIds = [...new Set(mine.flatMap((f) => listOf(f.shop_ids)))].sort((x, y) => Number(x) - Number(y));
  const spend: CustomerSpend[] = mine
    .filter((f) => f.paid_orders > 0)
    .map((f) => ({
      currency: f.currency,
      paidOrders: f.paid_orders,
      paidFen: f.paid_fen,
      refundFen: f.refund_fen,
      netFen: f.paid_fen - f.refund_fen,
    }))
    .sort(bySpendRank);
  const times = (pick: (f: AccountMoney) => string | null) =>
    mine
      .map(pick)
      .filter((t): t is string => t !== null)
      .sort();
  return {
    id: a.id,
    platform: a.platform,
    keyKind: a.key_kind,
    key: maskBuyerKey(a.key_kind, a.account_key),
    nickname: a.nickname,
    via: a.customer_via,
    shops: shopsOf(`,${shopIds.join(',')},`, shops),
    orders: mine.reduce((n, f) => n + f.orders, 0),
    paidOrders: mine.reduce((n, f) => n + f.paid_orders, 0),
    firstOrderAt: times((f) => f.first_at)[0] ?? null,
    lastOrderAt: times((f) => f.last_at).at(-1) ?? null,
    spend,
  };
}

async function platformTotals(db: Db, customerId: number): Promise<CustomerPlatformTotals[]> {
  const { rows } = await sql<Omit<CustomerPlatformTotals, 'netFen'>>`SELECT s.platform, o.currency,
      count(*) AS orders, sum(${sql.raw(PAID)}) AS paidOrders,
      coalesce(sum(CASE WHEN ${sql.raw(PAID)} THEN o.paid_fen END), 0) AS paidFen,
      coalesce(sum(CASE WHEN ${sql.raw(PAID)} THEN o.refund_fen END), 0) AS refundFen
    FROM orders o JOIN shops s ON s.id = o.shop_id
    WHERE o.buyer_account_id IN (SELECT id FROM buyer_accounts WHERE customer_id = ${customerId})
    GROUP BY s.platform, o.currency`.execute(db);
  return rows
    .map((r) => ({ ...r, netFen: r.paidFen - r.refundFen }))
    .sort(
      (a, b) => b.paidOrders - a.paidOrders || b.orders - a.orders || a.platform.localeCompare(b.platform),
    );
}

interface LinkRecord {
  account_a: number;
  account_b: number;
  weight: number;
  zone: 'auto' | 'review';
  strong: number;
  rule: string;
  blocked_reason: string | null;
  evidence_json: string;
  decision: 'must' | 'cannot' | null;
}

/** The merge's links between two accounts of this customer, strongest first. */
async function linksWithin(db: Db, customerId: number): Promise<CustomerLinkView[]> {
  const { rows } = await sql<LinkRecord>`SELECT l.account_a, l.account_b, l.weight, l.zone, l.strong, l.rule,
      l.blocked_reason, l.evidence_json,
      (SELECT d.kind FROM merge_assertions d WHERE d.revoked_op_id IS NULL AND (
        (d.a_platform = a.platform AND d.a_key_kind = a.key_kind AND d.a_key = a.account_key
          AND d.b_platform = b.platform AND d.b_key_kind = b.key_kind AND d.b_key = b.account_key)
        OR (d.a_platform = b.platform AND d.a_key_kind = b.key_kind AND d.a_key = b.account_key
          AND d.b_platform = a.platform AND d.b_key_kind = a.key_kind AND d.b_key = a.account_key))
        ORDER BY d.id DESC LIMIT 1) AS decision
    FROM buyer_accounts a JOIN merge_links l ON l.account_a = a.id
    JOIN buyer_accounts b ON b.id = l.account_b
    WHERE a.customer_id = ${customerId} AND b.customer_id = ${customerId}
    ORDER BY l.weight DESC, l.account_a, l.account_b`.execute(db);
  return rows.map((r) => ({
    accountA: r.account_a,
    accountB: r.account_b,
    weight: r.weight,
    zone: r.zone,
    strong: r.strong === 1,
    rule: r.rule,
    blockedReason: r.blocked_reason,
    evidence: readEvidence(r.evidence_json),
    decision: r.decision,
  }));
}

export async function customerDetail(db: Db, customerId: number): Promise<CustomerDetail> {
  const c = await db
    .selectFrom('customers as c')
    .leftJoin('customer_stats as s', 's.customer_id', 'c.id')
    .select([
      'c.id',
      'c.locked',
      'c.note',
      'c.tags_json',
      'c.created_at',
      's.name',
      's.phone',
      's.orders',
      's.paid_orders',
      's.first_order_at',
      's.last_order_at',
      's.shop_ids',
    ])
    .where('c.id', '=', customerId)
    .executeTakeFirst();
  if (!c) throw new UserError({ code: 'customers.notFound', params: { id: String(customerId) } });
  const shopList = await readShops(db);
  const shops = new Map(shopList.map((s) => [s.id, s]));
  const accounts = await db
    .selectFrom('buyer_accounts')
    .select(['id', 'platform', 'key_kind', 'account_key', 'nickname', 'customer_via'])
    .where('customer_id', '=', customerId)
    .orderBy('id')
    .execute();
  const [figures, byPlatform, links, spend, suggestions] = await Promise.all([
    accountFigures(db, customerId),
    platformTotals(db, customerId),
    linksWithin(db, customerId),
    readSpend(db, [customerId]),
    openSuggestionCounts(db, [customerId]),
  ]);
  const customerShops = shopsOf(c.shop_ids ?? ',', shops);
  return {
    id: c.id,
    displayName: maskPersonName(c.name),
    phone: maskPhone(c.phone),
    locked: c.locked === 1,
    note: c.note,
    tags: tagsOf(c.tags_json),
    createdAt: c.created_at,
    isSample: customerShops.length > 0 && customerShops.every((s) => s.isSample),
    totals: {
      orders: c.orders ?? 0,
      paidOrders: c.paid_orders ?? 0,
      firstOrderAt: c.first_order_at,
      lastOrderAt: c.last_order_at,
      spend: spend.get(customerId) ?? [],
    },
    byPlatform,
    accounts: accounts.map((a) => accountView(a, figures, shops)),
    links,
    openSuggestions: suggestions.get(customerId) ?? 0,
  };
}
