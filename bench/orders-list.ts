/**
 * How fast the Orders list answers on a big database: every filter, search and sort of the page
 * through the real service (the app's read connection), timed in this process.
 *
 *   npx tsx bench/orders-list.ts --db FILE [--repeat 5] [--export]
 *
 * FILE is an imported database (e.g. `huike --db FILE import bench/.data/tmall-1000000-….csv`);
 * the search values are taken from its own rows. Prints a Markdown table: median and worst ms.
 */
import { parseArgs } from 'node:util';
import { createDb } from '../db/index.js';
import { exportOrders } from '../main/services/orders/export.js';
import { listOrders, type OrdersListRequest } from '../main/services/orders/list.js';
import { createWalkPlanner } from '../main/services/orders/walk-plan.js';
import { DEFAULT_ORDERS_SORT, type OrdersFilter, type OrdersSort } from '../main/shared/orders-query.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    repeat: { type: 'string', default: '5' },
    export: { type: 'boolean', default: false },
  },
});
if (!values.db) {
  console.error('usage: npx tsx bench/orders-list.ts --db FILE [--repeat 5] [--export]');
  process.exit(2);
}
const repeat = Number(values.repeat);
const huikeDb = await createDb({ filename: values.db });
const raw = huikeDb.readSqlite;
const one = <T>(query: string) => raw.prepare(query).get() as T;

const total = one<{ n: number }>('SELECT count(*) AS n FROM orders').n;
const indexes = (
  raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders'").all() as {
    name: string;
  }[]
).map((r) => r.name);
const bigShop = one<{ id: number; platform: string; n: number }>(
  'SELECT s.id, s.platform, count(*) AS n FROM orders o JOIN shops s ON s.id = o.shop_id GROUP BY s.id ORDER BY n DESC LIMIT 1',
);
const smallShop = one<{ id: number; n: number }>(
  'SELECT shop_id AS id, count(*) AS n FROM orders GROUP BY shop_id ORDER BY n LIMIT 1',
);
const masked = one<{ phone: string }>(
  "SELECT receiver_phone AS phone FROM orders WHERE receiver_phone LIKE '1__*%' LIMIT 1 OFFSET 5000",
);
const fullOfMasked = masked ? masked.phone.replace(/\*+/, (m) => '0'.repeat(m.length)) : null;
const lastMonth = one<{ d: string }>('SELECT max(order_date) AS d FROM orders').d.slice(0, 7);
const buyer = one<{ key: string }>(
  'SELECT b.account_key AS key FROM buyer_accounts b JOIN orders o ON o.buyer_account_id = b.id LIMIT 1 OFFSET 10000',
);
const orderId = one<{ id: string }>('SELECT platform_order_id AS id FROM orders LIMIT 1 OFFSET 123456').id;

interface Case {
  name: string;
  filter?: OrdersFilter;
  sort?: OrdersSort;
  offset?: number;
  withTotals?: boolean;
}
const CASES: Case[] = [
  { name: 'first page, all orders' },
  { name: 'next page (no totals)', offset: 100, withTotals: false },
  { name: 'page at offset 50,000 (no totals)', offset: 50_000, withTotals: false },
  {
    name: `platform ${bigShop.platform} (${bigShop.n.toLocaleString()} orders)`,
    filter: { platforms: [bigShop.platform] },
  },
  { name: `smallest shop (${smallShop.n.toLocaleString()} orders)`, filter: { shopIds: [smallShop.id] } },
  { name: 'status paid', filter: { statuses: ['paid'] } },
  { name: 'status shipped + has refund', filter: { statuses: ['shipped'], hasRefund: true } },
  { name: `one month (${lastMonth})`, filter: { from: `${lastMonth}-01`, to: `${lastMonth}-31` } },
  { name: 'currency USD', filter: { currency: 'USD' } },
  { name: "a buyer's orders (exact key)", filter: { buyer: buyer.key } },
  { name: 'search 4 phone digits', filter: { q: '5678' } },
  { name: 'search a whole phone (finds masked)', filter: { q: fullOfMasked ?? '13800000000' } },
  { name: 'search an order id prefix', filter: { q: orderId.slice(0, 10) } },
  { name: 'search 张 (names)', filter: { q: '张' } },
  {
    name: 'search 4 digits + month + platform',
    filter: { q: '5678', from: `${lastMonth}-01`, to: `${lastMonth}-31`, platforms: [bigShop.platform] },
  },
  { name: 'sort by paid, all orders', sort: { key: 'paid', direction: 'desc' } },
  { name: 'sort by shop, all orders', sort: { key: 'shop', direction: 'asc' } },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

console.log(`orders: ${total.toLocaleString()}; indexes on orders: ${indexes.join(', ')}`);
console.log(`\n| case | rows | total matched | median ms | worst ms |\n| --- | ---: | ---: | ---: | ---: |`);
for (const c of CASES) {
  const request: OrdersListRequest = {
    filter: c.filter ?? {},
    sort: c.sort ?? DEFAULT_ORDERS_SORT,
    offset: c.offset ?? 0,
    limit: 100,
    withTotals: c.withTotals ?? true,
  };
  // As in the app: one planner, and the filter's first page (with totals) seen before its others.
  const planner = createWalkPlanner();
  await listOrders(huikeDb.reader, { ...request, offset: 0, withTotals: true }, planner);
  const times: number[] = [];
  let page = await listOrders(huikeDb.reader, request, planner);
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    page = await listOrders(huikeDb.reader, request, planner);
    times.push(performance.now() - t);
  }
  const matched = page.totals ? page.totals.orders.toLocaleString() : '';
  console.log(
    `| ${c.name} | ${page.rows.length} | ${matched} | ${median(times).toFixed(0)} | ${Math.max(...times).toFixed(0)} |`,
  );
}

if (values.export) {
  const exports: [string, OrdersFilter, ('csv' | 'xlsx')[]][] = [
    [`export one month (${lastMonth})`, { from: `${lastMonth}-01`, to: `${lastMonth}-31` }, ['csv', 'xlsx']],
    [`export the smallest shop`, { shopIds: [smallShop.id] }, ['csv', 'xlsx']],
    ['export all orders', {}, ['csv']],
  ];
  for (const [name, filter, formats] of exports) {
    for (const format of formats) {
      let longestGap = 0;
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        longestGap = Math.max(longestGap, now - last);
        last = now;
      }, 5);
      const t = performance.now();
      const file = await exportOrders(
        huikeDb,
        { filter, sort: DEFAULT_ORDERS_SORT, format, masked: true, lang: 'zh-CN' },
        { now: () => new Date() },
      );
      clearInterval(timer);
      console.log(
        `${name} as ${format}: ${file.orders.toLocaleString()} orders, ${(file.size / 1e6).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s; longest event-loop gap ${longestGap.toFixed(0)} ms`,
      );
    }
  }
}
await huikeDb.close();
