/**
 * The rows of a VIP list (printed or exported): the customers a filter keeps, in the list's sort,
 * each with what a thank-you parcel or a campaign needs — name, phone, e-mail, the address of its
 * latest paid order, level, orders and spend — masked unless the owner asked otherwise.
 *
 * A marketing list leaves out the customers who refused marketing (consent-sql.ts) and says how
 * many it left out.
 */
import { sql } from 'kysely';
import type { HuikeDb } from '../../../db/index.js';
import { maskEmail, maskPersonName, maskPhone, maskStreet } from '../../domain/orders/privacy.js';
import {
  DEFAULT_CUSTOMERS_SORT,
  type CustomersFilter,
  type CustomersSort,
} from '../../shared/customers-query.js';
import type { VipListRow } from '../../domain/vip/views.js';
import type { VipConfig } from '../../shared/vip.js';

export type { VipListRow };
import {
  countCustomers,
  pageIdsQuery,
  resolveCustomersFilter,
  spendSortCurrency,
} from '../customers/list.js';
import { platformsOf, tagsOf } from '../customers/rows.js';
import { paidOrderSql } from '../import/order-columns.js';
import { ensureVipLevels, readVipConfig } from './levels.js';

export interface VipListRequest {
  filter: CustomersFilter;
  sort?: CustomersSort;
  masked: boolean;
  /** Leave out the customers who refused marketing (a marketing export). */
  marketing: boolean;
  limit?: number;
}

export interface VipListIds {
  ids: number[];
  /** Customers the filter keeps. */
  matched: number;
  /** Of them, left out because they refused marketing. */
  optedOut: number;
  config: VipConfig;
}

/** The ids of the list, in order, and what was left out. */
export async function vipListIds(huikeDb: HuikeDb, request: VipListRequest, now: Date): Promise<VipListIds> {
  await ensureVipLevels(huikeDb, now);
  const source = { reader: huikeDb.reader, readSqlite: huikeDb.readSqlite };
  const sort = request.sort ?? DEFAULT_CUSTOMERS_SORT;
  const all = await resolveCustomersFilter(source, request.filter);
  const matched = await countCustomers(huikeDb.reader, all);
  const kept = request.marketing
    ? await resolveCustomersFilter(source, { ...request.filter, marketing: 'allowed' })
    : all;
  const currency = await spendSortCurrency(huikeDb.reader, sort, request.filter);
  const page = request.limit === undefined ? undefined : { offset: 0, limit: request.limit };
  const compiled = pageIdsQuery(kept, sort, currency, page).compile(huikeDb.reader);
  const ids = huikeDb.readSqlite
    .prepare(compiled.sql)
    .pluck()
    .all(...compiled.parameters) as number[];
  const keptCount = page ? await countCustomers(huikeDb.reader, kept) : ids.length;
  return { ids, matched, optedOut: matched - keptCount, config: readVipConfig(huikeDb.readSqlite) };
}

interface RowRecord {
  id: number;
  name: string | null;
  phone: string | null;
  platforms: string;
  paid_orders: number;
  first_order_date: string | null;
  last_order_date: string | null;
  tags_json: string;
  note: string | null;
  level: number | null;
  net_fen: number | null;
  email: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  detail: string | null;
}

/** The rows of `ids`, in their order. */
export async function readVipRows(
  huikeDb: HuikeDb,
  ids: readonly number[],
  config: VipConfig,
  masked: boolean,
): Promise<VipListRow[]> {
  if (ids.length === 0) return [];
  const json = JSON.stringify(ids);
  // The latest paid order with a receiver address, per customer (its accounts' orders).
  const { rows } = await sql<RowRecord>`WITH wanted(id) AS (SELECT value FROM json_each(${json}))
    SELECT s.customer_id AS id, s.name, s.phone, s.platforms, s.paid_orders, s.first_order_date,
      s.last_order_date, c.tags_json, c.note, v.level, m.net_fen,
      (SELECT coalesce(a.email, a.identity_email) FROM buyer_accounts a
        WHERE a.customer_id = s.customer_id AND coalesce(a.email, a.identity_email) IS NOT NULL
        ORDER BY a.id LIMIT 1) AS email,
      o.receiver_province AS province, o.receiver_city AS city, o.receiver_district AS district,
      o.receiver_detail AS detail
    FROM wanted w JOIN customer_stats s ON s.customer_id = w.id JOIN customers c ON c.id = s.customer_id
    LEFT JOIN customer_vip v ON v.customer_id = s.customer_id
    LEFT JOIN customer_spend m ON m.customer_id = s.customer_id AND m.currency = ${config.currency}
    LEFT JOIN orders o ON o.id = (SELECT o2.id FROM orders o2 JOIN buyer_accounts a2 ON a2.id = o2.buyer_account_id
      WHERE a2.customer_id = s.customer_id AND ${sql.raw(paidOrderSql('o2'))}
        AND coalesce(o2.receiver_province, o2.receiver_city, o2.receiver_detail) IS NOT NULL
      ORDER BY o2.ordered_at DESC, o2.id DESC LIMIT 1)`.execute(huikeDb.reader);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const level = r.level ?? 0;
    const street = masked ? maskStreet(r.detail) : r.detail;
    const place = [r.province, r.city === r.province ? null : r.city, r.district].filter(Boolean).join('');
    return [
      {
        id,
        name: masked ? maskPersonName(r.name) : r.name,
        phone: masked ? maskPhone(r.phone) : r.phone,
        email: masked ? maskEmail(r.email) : r.email,
        address: [place, street].filter(Boolean).join(' ') || null,
        level,
        levelName: config.levels[level]?.name ?? String(level),
        platforms: platformsOf(r.platforms),
        paidOrders: r.paid_orders,
        spendFen: r.net_fen ?? 0,
        currency: config.currency,
        firstOrder: r.first_order_date,
        lastOrder: r.last_order_date,
        tags: tagsOf(r.tags_json),
        note: r.note,
      },
    ];
  });
}
