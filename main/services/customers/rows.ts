/** The rows of a page of the Customers list, read by id, masked, in the page's order. */
import { sql } from 'kysely';
import type { Db } from '../../../db/index.js';
import type {
  CustomerAccountKey,
  CustomerListRow,
  CustomerShop,
  CustomerSpend,
} from '../../domain/customers/views.js';
import { maskBuyerKey, maskPersonName, maskPhone } from '../../domain/orders/privacy.js';
import { PLATFORMS } from '../../domain/orders/types.js';
import type { ShopRow } from '../orders/list-rows.js';
import { openSuggestionCounts } from './suggestions.js';

/** Account keys a row names (the rest are counted). */
const KEYS_PER_ROW = 3;

interface StatsRecord {
  customer_id: number;
  name: string | null;
  phone: string | null;
  accounts: number;
  platforms: string;
  shop_ids: string;
  orders: number;
  paid_orders: number;
  first_order_at: string | null;
  last_order_at: string | null;
  first_order_date: string | null;
  last_order_date: string | null;
  locked: number;
  tags_json: string;
  has_note: number;
}

/** ',a,b,' → ['a', 'b'] */
export function listOf(stored: string): string[] {
  return stored.split(',').filter(Boolean);
}

/** The stored platforms in the vocabulary's order (tmall, jd, pdd …). */
export function platformsOf(stored: string): string[] {
  const rank = (p: string) => {
    const i = (PLATFORMS as readonly string[]).indexOf(p);
    return i < 0 ? PLATFORMS.length : i;
  };
  return listOf(stored).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function tagsOf(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

export function shopsOf(stored: string, shops: ReadonlyMap<number, ShopRow>): CustomerShop[] {
  const ids = listOf(stored).sort((a, b) => Number(a) - Number(b));
  return ids.flatMap((id) => {
    const shop = shops.get(Number(id));
    return shop ? [{ id: shop.id, name: shop.name, isSample: shop.isSample }] : [];
  });
}

/** Spend rows in the order a screen lists them: most paid orders first, then by currency. */
export function bySpendRank(a: CustomerSpend, b: CustomerSpend): number {
  return b.paidOrders - a.paidOrders || a.currency.localeCompare(b.currency);
}

/** customer id → its spend per currency. */
export async function readSpend(db: Db, ids: readonly number[]): Promise<Map<number, CustomerSpend[]>> {
  const { rows } = await sql<CustomerSpend & { customerId: number }>`SELECT customer_id AS customerId,
      currency, paid_orders AS paidOrders, paid_fen AS paidFen, refund_fen AS refundFen, net_fen AS netFen
    FROM customer_spend WHERE customer_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(
    db,
  );
  const out = new Map<number, CustomerSpend[]>();
  for (const { customerId, ...spend } of rows) {
    const list = out.get(customerId) ?? [];
    list.push(spend);
    out.set(customerId, list);
  }
  for (const list of out.values()) list.sort(bySpendRank);
  return out;
}

async function readKeys(db: Db, ids: readonly number[]): Promise<Map<number, CustomerAccountKey[]>> {
  const { rows } = await sql<{
    customer_id: number;
    platform: string;
    key_kind: string;
    account_key: string;
  }>`
    SELECT customer_id, platform, key_kind, account_key FROM buyer_accounts
    WHERE customer_id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) ORDER BY customer_id, id`.execute(
    db,
  );
  const out = new Map<number, CustomerAccountKey[]>();
  for (const r of rows) {
    const list = out.get(r.customer_id) ?? [];
    if (list.length < KEYS_PER_ROW)
      list.push({ platform: r.platform, kind: r.key_kind, display: maskBuyerKey(r.key_kind, r.account_key) });
    out.set(r.customer_id, list);
  }
  return out;
}

export async function readCustomerRows(
  db: Db,
  ids: readonly number[],
  shops: ReadonlyMap<number, ShopRow>,
): Promise<CustomerListRow[]> {
  if (ids.length === 0) return [];
  const json = JSON.stringify(ids);
  const { rows } = await sql<StatsRecord>`SELECT s.*, c.locked, c.tags_json, c.note IS NOT NULL AS has_note
    FROM customer_stats s JOIN customers c ON c.id = s.customer_id
    WHERE s.customer_id IN (SELECT value FROM json_each(${json}))`.execute(db);
  const [spend, keys, suggestions] = await Promise.all([
    readSpend(db, ids),
    readKeys(db, ids),
    openSuggestionCounts(db, ids),
  ]);
  const byId = new Map(rows.map((r) => [r.customer_id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id,
        displayName: maskPersonName(r.name),
        phone: maskPhone(r.phone),
        platforms: platformsOf(r.platforms),
        shops: shopsOf(r.shop_ids, shops),
        accounts: r.accounts,
        accountKeys: keys.get(id) ?? [],
        orders: r.orders,
        paidOrders: r.paid_orders,
        spend: spend.get(id) ?? [],
        firstOrderAt: r.first_order_at,
        lastOrderAt: r.last_order_at,
        firstOrderDate: r.first_order_date,
        lastOrderDate: r.last_order_date,
        locked: r.locked === 1,
        openSuggestions: suggestions.get(id) ?? 0,
        tags: tagsOf(r.tags_json),
        hasNote: r.has_note === 1,
      },
    ];
  });
}
