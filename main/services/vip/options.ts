/**
 * What the segment builder offers: the provinces and cities the customers' paid orders went to,
 * the products they paid for, the tags in use and the currencies spent in — each with how many
 * customers it has, most first — read from the data, so every choice finds someone.
 */
import type { HuikeDb } from '../../../db/index.js';
import { divisions } from '../../domain/identity/divisions.js';
import type { SegmentOptions } from '../../domain/vip/views.js';
import { PAID_SQL } from '../figures.js';

const MAX_PRODUCTS = 300;

export function segmentOptions(huikeDb: HuikeDb): SegmentOptions {
  const db = huikeDb.readSqlite;
  const byCode = divisions().byCode;
  const nameOf = (code: string) => byCode.get(code)?.name ?? code;
  const regions = db
    .prepare(
      `SELECT o.identity_prov_code AS prov, o.identity_city_code AS city, count(DISTINCT a.customer_id) AS n
       FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id
       WHERE ${PAID_SQL} AND a.customer_id IS NOT NULL AND o.identity_prov_code IS NOT NULL
       GROUP BY o.identity_prov_code, o.identity_city_code`,
    )
    .all() as Array<{ prov: string; city: string | null; n: number }>;
  const provinceCustomers = db
    .prepare(
      `SELECT o.identity_prov_code AS prov, count(DISTINCT a.customer_id) AS n
       FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id
       WHERE ${PAID_SQL} AND a.customer_id IS NOT NULL AND o.identity_prov_code IS NOT NULL
       GROUP BY o.identity_prov_code ORDER BY n DESC, prov`,
    )
    .all() as Array<{ prov: string; n: number }>;
  const products = db
    .prepare(
      `SELECT coalesce(l.sku, l.title) AS key, max(l.title) AS title, count(DISTINCT a.customer_id) AS n
       FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN buyer_accounts a ON a.id = o.buyer_account_id
       WHERE ${PAID_SQL} AND a.customer_id IS NOT NULL AND coalesce(l.sku, l.title) IS NOT NULL
       GROUP BY coalesce(l.sku, l.title) ORDER BY n DESC, key LIMIT ${MAX_PRODUCTS}`,
    )
    .all() as Array<{ key: string; title: string | null; n: number }>;
  const tags = db
    .prepare(
      `SELECT t.value AS tag, count(*) AS n FROM customers c, json_each(c.tags_json) t
       GROUP BY t.value ORDER BY n DESC, tag`,
    )
    .all() as Array<{ tag: string; n: number }>;
  const currencies = db
    .prepare('SELECT currency FROM customer_spend GROUP BY currency ORDER BY count(*) DESC, currency')
    .pluck()
    .all() as string[];
  return {
    provinces: provinceCustomers.map((p) => ({ code: p.prov, name: nameOf(p.prov), customers: p.n })),
    cities: regions
      .filter((r) => r.city !== null)
      .sort((a, b) => b.n - a.n || a.city!.localeCompare(b.city!))
      .map((r) => ({ code: r.city!, name: nameOf(r.city!), provCode: r.prov, customers: r.n })),
    products: products.map((p) => ({ key: p.key, title: p.title ?? p.key, customers: p.n })),
    tags: tags.map((t) => ({ tag: t.tag, customers: t.n })),
    currencies,
  };
}
