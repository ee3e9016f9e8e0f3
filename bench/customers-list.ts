/**
 * How fast the Customers list answers on a big database: search, every filter and sort through the
 * real service (the app's read connection), timed in this process; the customer page too.
 *
 *   npx tsx bench/customers-list.ts --db FILE [--repeat 5] [--export]
 *
 * FILE is an imported database (e.g. `huike --db FILE import bench/.data/tmall-1000000-….csv`); the
 * search values are taken from its own rows. Prints a Markdown table: median and worst ms.
 */
import { parseArgs } from 'node:util';
import { createDb } from '../db/index.js';
import { customerDetail } from '../main/services/customers/detail.js';
import { exportCustomers } from '../main/services/customers/export.js';
import { listCustomers } from '../main/services/customers/list.js';
import { customerOrders } from '../main/services/customers/orders.js';
import {
  DEFAULT_CUSTOMERS_SORT,
  type CustomersFilter,
  type CustomersSort,
} from '../main/shared/customers-query.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    repeat: { type: 'string', default: '5' },
    export: { type: 'boolean', default: false },
  },
});
if (!values.db) {
  console.error('usage: npx tsx bench/customers-list.ts --db FILE [--repeat 5] [--export]');
  process.exit(2);
}
const repeat = Number(values.repeat);
const huikeDb = await createDb({ filename: values.db });
const raw = huikeDb.readSqlite;
const one = <T>(query: string) => raw.prepare(query).get() as T;

const customers = one<{ n: number }>('SELECT count(*) AS n FROM customers').n;
const orders = one<{ n: number }>('SELECT count(*) AS n FROM orders').n;
const masked = one<{ phone: string }>(
  "SELECT phone FROM customer_stats WHERE phone GLOB '1[0-9][0-9][*][*][*][*][0-9][0-9][0-9][0-9]' LIMIT 1 OFFSET 5000",
);
const fullOfMasked = masked ? masked.phone.replace(/\*+/, (m) => '0'.repeat(m.length)) : '13800000000';
const accounts = one<{ n: number }>(
  "SELECT count(*) AS n FROM buyer_accounts WHERE key_kind = 'member_name'",
).n;
const key = one<{ key: string }>(
  `SELECT account_key AS key FROM buyer_accounts WHERE key_kind = 'member_name' LIMIT 1 OFFSET ${Math.floor(accounts / 2)}`,
).key;
const orderId = one<{ id: string }>(
  `SELECT platform_order_id AS id FROM orders LIMIT 1 OFFSET ${Math.floor(orders / 3)}`,
).id;
const jdShop = one<{ id: number } | undefined>("SELECT id FROM shops WHERE platform = 'jd' LIMIT 1");
const lastMonth = one<{ d: string }>('SELECT max(last_order_date) AS d FROM customer_stats').d.slice(0, 7);

interface Case {
  name: string;
  filter?: CustomersFilter;
  sort?: CustomersSort;
  offset?: number;
  withTotal?: boolean;
}
const CASES: Case[] = [
  { name: 'first page, all customers (with the total)' },
  { name: 'next page (no total)', offset: 200, withTotal: false },
  { name: 'page at offset 50,000 (no total)', offset: 50_000, withTotal: false },
  { name: 'search 4 phone digits', filter: { q: '5678' } },
  { name: 'search a whole phone (finds masked)', filter: { q: fullOfMasked } },
  { name: 'search a buyer key', filter: { q: key } },
  { name: 'search a key prefix (tb)', filter: { q: 'tb' } },
  { name: 'search 张 (names)', filter: { q: '张' } },
  { name: 'search an order id', filter: { q: orderId } },
  { name: 'search an order id prefix (10)', filter: { q: orderId.slice(0, 10) } },
  { name: 'search 4 digits + platform jd', filter: { q: '5678', platforms: ['jd'] } },
  { name: 'platform jd', filter: { platforms: ['jd'] } },
  ...(jdShop ? [{ name: 'one shop (JD)', filter: { shopIds: [jdShop.id] } }] : []),
  { name: `last order in ${lastMonth}`, filter: { lastFrom: `${lastMonth}-01`, lastTo: `${lastMonth}-31` } },
  { name: 'spend ≥ ¥1,000', filter: { spendCurrency: 'CNY', spendMin: 100_000 } },
  { name: 'spend ≤ ¥50 (zero included)', filter: { spendCurrency: 'CNY', spendMax: 5_000 } },
  { name: '3 or more paid orders', filter: { ordersMin: 3 } },
  { name: 'sort by spend', sort: { key: 'spend', direction: 'desc', currency: 'CNY' } },
  { name: 'sort by orders', sort: { key: 'orders', direction: 'desc' } },
  { name: 'sort by name', sort: { key: 'name', direction: 'asc' } },
  { name: 'sort by first order', sort: { key: 'first_order', direction: 'asc' } },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; times: number[] }> {
  let result = await work();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    result = await work();
    times.push(performance.now() - t);
  }
  return { result, times };
}

console.log(`customers: ${customers.toLocaleString()}; orders: ${orders.toLocaleString()}`);
console.log(`\n| case | rows | total matched | median ms | worst ms |\n| --- | ---: | ---: | ---: | ---: |`);
for (const c of CASES) {
  const { result, times } = await timed(() =>
    listCustomers(huikeDb, {
      filter: c.filter ?? {},
      sort: c.sort ?? DEFAULT_CUSTOMERS_SORT,
      offset: c.offset ?? 0,
      limit: 200,
      withTotal: c.withTotal ?? true,
    }),
  );
  const total = result.total === null ? '' : result.total.toLocaleString();
  console.log(
    `| ${c.name} | ${result.rows.length} | ${total} | ${median(times).toFixed(0)} | ${Math.max(...times).toFixed(0)} |`,
  );
}

const rich = one<{ id: number; orders: number }>(
  'SELECT customer_id AS id, orders FROM customer_stats ORDER BY orders DESC LIMIT 1',
);
const page = await timed(() => customerDetail(huikeDb.reader, rich.id));
console.log(
  `| customer page (${rich.orders} orders) | ${page.result.accounts.length} accounts | | ${median(page.times).toFixed(0)} | ${Math.max(...page.times).toFixed(0)} |`,
);
const timeline = await timed(() => customerOrders(huikeDb.reader, { id: rich.id, offset: 0, limit: 20 }));
console.log(
  `| its orders, first 20 | ${timeline.result.rows.length} | ${timeline.result.total} | ${median(timeline.times).toFixed(0)} | ${Math.max(...timeline.times).toFixed(0)} |`,
);

if (values.export) {
  for (const format of ['csv', 'json'] as const) {
    const t = performance.now();
    const file = await exportCustomers(
      huikeDb,
      { filter: {}, sort: DEFAULT_CUSTOMERS_SORT, format, masked: true, lang: 'zh-CN' },
      { now: () => new Date() },
    );
    console.log(
      `\nexport ${format}: ${file.customers.toLocaleString()} customers, ${(file.size / 1e6).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
}
await huikeDb.close();
