/**
 * The profit report: the daily facts (facts.ts) added up per platform, shop or in total, per month,
 * week (Monday to Sunday, named by its Monday) or day, with ads, fixed costs, currency conversion and
 * the refund policy applied as it is read. Buyers are distinct counts, read from a partial index that
 * holds only paid orders' (day, shop, buyer); new buyers come from each account's first paid day.
 *
 * profit = net sales − goods cost − platform fees − payment fees − shipping − ads − fixed costs,
 * net sales = GMV − discounts − refunds; margin = profit / net sales.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Platform } from '../../domain/orders/types.js';
import { addDays } from '../../domain/reports/periods.js';
import { dailyShare, daysInMonth, marginPct, roundHalfUpDiv, toCnyFen } from '../../shared/profit-math.js';
import { minorUnitDigits } from '../../shared/money.js';
import type {
  MissingCostSku,
  ProfitFigures,
  ProfitPeriod,
  ProfitPolicy,
  ProfitQuery,
  ProfitReport,
  ProfitRow,
  ProfitWarning,
} from '../../domain/profit/types.js';
import { PAID_SQL } from '../figures.js';
import { countBuyersLive, countNewBuyersLive, periodDays, scopeKey, type BuyerScope } from './buyers.js';

interface FactRow {
  shopId: number;
  day: string;
  orders: number;
  gmv: number;
  discount: number;
  refund: number;
  refundOnDay: number;
  cogs: number;
  returned: number;
  returnedOnDay: number;
  platformFee: number;
  paymentFee: number;
  shipping: number;
  missing: number;
  noFee: number;
  actualOrders: number;
}

interface ShopInfo {
  id: number;
  name: string;
  platform: Platform;
  currency: string;
}

type Sums = Omit<ProfitFigures, 'profitFen' | 'marginPct' | 'returningBuyers' | 'aovFen' | 'netSalesFen'>;

const emptySums = (): Sums => ({
  orders: 0,
  gmvFen: 0,
  discountFen: 0,
  refundFen: 0,
  cogsFen: 0,
  platformFeeFen: 0,
  paymentFeeFen: 0,
  shippingFen: 0,
  adsFen: 0,
  fixedFen: 0,
  buyers: 0,
  newBuyers: 0,
  missingCostLines: 0,
  actualFeeOrders: 0,
  grossCogsFen: 0,
  returnedCogsFen: 0,
});

function finish(s: Sums): ProfitFigures {
  const netSalesFen = s.gmvFen - s.discountFen - s.refundFen;
  const profitFen =
    netSalesFen - s.cogsFen - s.platformFeeFen - s.paymentFeeFen - s.shippingFen - s.adsFen - s.fixedFen;
  return {
    ...s,
    netSalesFen,
    profitFen,
    marginPct: marginPct(profitFen, netSalesFen),
    returningBuyers: s.buyers - s.newBuyers,
    aovFen: s.orders > 0 ? roundHalfUpDiv(s.gmvFen - s.discountFen, s.orders) : null,
  };
}

/** The Monday of a day's week (weeks run Monday to Sunday). */
export function weekOf(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((dow + 6) % 7));
}

export function periodOf(day: string, period: ProfitPeriod): string {
  if (period === 'all') return 'all';
  if (period === 'month') return day.slice(0, 7);
  if (period === 'week') return weekOf(day);
  return day;
}

export function readPolicy(sqlite: BetterSqlite3.Database): ProfitPolicy {
  const row = sqlite.prepare('SELECT refund_day, returned_goods FROM profit_policy WHERE id = 1').get() as
    { refund_day: 'order' | 'refund'; returned_goods: 'restock' | 'lost' } | undefined;
  return { refundDay: row?.refund_day ?? 'order', returnedGoods: row?.returned_goods ?? 'restock' };
}

interface Scope {
  sql: string;
  params: Array<string | number>;
}

function shopScope(query: ProfitQuery, alias: string): Scope {
  const parts: string[] = [];
  const params: Array<string | number> = [];
  if (query.shopIds?.length) {
    parts.push(`${alias}.shop_id IN (${query.shopIds.map(() => '?').join(', ')})`);
    params.push(...query.shopIds);
  }
  if (query.platforms?.length) {
    parts.push(
      `${alias}.shop_id IN (SELECT id FROM shops WHERE platform IN (${query.platforms.map(() => '?').join(', ')}))`,
    );
    params.push(...query.platforms);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1 = 1', params };
}

export function profitReport(sqlite: BetterSqlite3.Database, query: ProfitQuery): ProfitReport {
  const by = query.by ?? 'platform';
  const period = query.period ?? 'month';
  const policy = readPolicy(sqlite);
  const scope = shopScope(query, 'f');
  const range = rangeOf(sqlite, query, scope);
  const warnings: ProfitWarning[] = [];
  const shops = new Map(
    (sqlite.prepare('SELECT id, name, platform, currency FROM shops').all() as ShopInfo[]).map((s) => [
      s.id,
      s,
    ]),
  );
  const empty: ProfitReport = {
    currency: 'CNY',
    by,
    period,
    range,
    policy,
    rows: [],
    groups: [],
    totals: finish(emptySums()),
    warnings,
  };
  if (!range) return empty;

  const facts = sqlite
    .prepare(
      `SELECT shop_id AS shopId, day, orders, gmv_fen AS gmv, discount_fen AS discount, refund_fen AS refund,
         refund_on_day_fen AS refundOnDay, cogs_fen AS cogs, returned_cogs_fen AS returned,
         returned_cogs_on_day_fen AS returnedOnDay, platform_fee_fen AS platformFee, payment_fee_fen AS paymentFee,
         shipping_fen AS shipping, missing_cost_lines AS missing, no_fee_orders AS noFee,
         actual_fee_orders AS actualOrders
       FROM profit_daily f WHERE f.day >= ? AND f.day <= ? AND ${scope.sql}`,
    )
    .all(range.from, range.to, ...scope.params) as FactRow[];
  const ads = sqlite
    .prepare(
      `SELECT shop_id AS shopId, day, sum(amount_fen) AS amount FROM ad_spend f
       WHERE day >= ? AND day <= ? AND ${scope.sql} GROUP BY shop_id, day`,
    )
    .all(range.from, range.to, ...scope.params) as Array<{ shopId: number; day: string; amount: number }>;

  const fixedRules = sqlite
    .prepare(
      `SELECT shop_id AS shopId, effective_from AS effectiveFrom, monthly_fen AS monthly FROM fee_rules f
       WHERE ${scope.sql} AND effective_from <= ? ORDER BY shop_id, effective_from`,
    )
    .all(...scope.params, range.to) as Array<{ shopId: number; effectiveFrom: string; monthly: number }>;
  // Always yuan: goods costs are in yuan, and a shop in another currency converts at the month's rate.
  const currency = 'CNY';
  const convert = converterTo(sqlite, currency, warnings, shops);

  const groupOf = (shopId: number): { key: string; platform: Platform | null; shop: ShopInfo | null } => {
    const shop = shops.get(shopId)!;
    if (by === 'platform') return { key: shop.platform, platform: shop.platform, shop: null };
    if (by === 'shop') return { key: String(shopId), platform: shop.platform, shop };
    return { key: 'total', platform: null, shop: null };
  };
  const cells = new Map<string, { group: ReturnType<typeof groupOf>; period: string; sums: Sums }>();
  const groupTotals = new Map<string, { group: ReturnType<typeof groupOf>; sums: Sums }>();
  const total = emptySums();
  const add = (shopId: number, day: string, apply: (s: Sums, fen: (minor: number) => number) => void) => {
    const fen = convert(shopId, day);
    if (!fen) return;
    addConverted(shopId, day, (s) => apply(s, fen));
  };
  const addConverted = (shopId: number, day: string, apply: (s: Sums) => void) => {
    const group = groupOf(shopId);
    const p = periodOf(day, period);
    const cellKey = `${group.key}|${p}`;
    let cell = cells.get(cellKey);
    if (!cell) cells.set(cellKey, (cell = { group, period: p, sums: emptySums() }));
    let whole = groupTotals.get(group.key);
    if (!whole) groupTotals.set(group.key, (whole = { group, sums: emptySums() }));
    for (const s of [cell.sums, whole.sums, total]) apply(s);
  };

  const byRefundDay = policy.refundDay === 'refund';
  const restock = policy.returnedGoods === 'restock';
  const noFee = new Map<string, number>();
  for (const f of facts) {
    add(f.shopId, f.day, (s, fen) => {
      const returned = byRefundDay ? f.returnedOnDay : f.returned;
      s.orders += f.orders;
      s.gmvFen += fen(f.gmv);
      s.discountFen += fen(f.discount);
      s.refundFen += fen(byRefundDay ? f.refundOnDay : f.refund);
      s.grossCogsFen += f.cogs;
      s.returnedCogsFen += restock ? returned : 0;
      s.cogsFen += f.cogs - (restock ? returned : 0);
      s.platformFeeFen += fen(f.platformFee);
      s.paymentFeeFen += fen(f.paymentFee);
      s.shippingFen += fen(f.shipping);
      s.missingCostLines += f.missing;
      s.actualFeeOrders += f.actualOrders;
    });
    if (f.noFee > 0) {
      const key = `${f.shopId}|${f.day.slice(0, 7)}`;
      noFee.set(key, (noFee.get(key) ?? 0) + f.noFee);
    }
  }
  for (const a of ads) add(a.shopId, a.day, (s, fen) => (s.adsFen += fen(a.amount)));
  for (const [shopId, rules] of groupBy(fixedRules, (r) => r.shopId)) {
    for (const month of monthsOf(range)) {
      const days = daysInMonth(month);
      for (let d = 1; d <= days; d++) {
        const day = `${month}-${d < 10 ? '0' : ''}${d}`;
        if (day < range.from || day > range.to) continue;
        let rule: (typeof rules)[number] | undefined;
        for (const r of rules) if (r.effectiveFrom <= day) rule = r;
        if (!rule || rule.monthly === 0) continue;
        // The month's fee converted once, then spread over its days: the days add up to the month.
        const fen = convert(shopId, day);
        if (!fen) continue;
        const share = dailyShare(fen(rule.monthly), d, days);
        addConverted(shopId, day, (s) => (s.fixedFen += share));
      }
    }
  }

  const counter = buyerCounter(sqlite, range, query);
  const withBuyers = (sums: Sums, scope: BuyerScope | null, p: string): Sums => ({
    ...sums,
    ...counter(scope, p, period),
  });
  const scopeOf = (group: ReturnType<typeof groupOf>): BuyerScope | null =>
    by === 'platform'
      ? { kind: 'platform', platform: group.platform! }
      : by === 'shop'
        ? { kind: 'shop', shopId: group.shop!.id }
        : null;
  const rows: ProfitRow[] = [...cells.values()]
    .map((c) => rowOf(c.group, c.period, withBuyers(c.sums, scopeOf(c.group), c.period)))
    .sort((a, b) => a.period.localeCompare(b.period) || groupOrder(a, b));
  const groups = [...groupTotals.values()]
    .map((g) => rowOf(g.group, 'all', withBuyers(g.sums, scopeOf(g.group), 'all')))
    .sort((a, b) => b.netSalesFen - a.netSalesFen || groupOrder(a, b));
  Object.assign(total, counter(null, 'all', 'all'));

  warnMissingCosts(sqlite, total.missingCostLines, range, query, warnings);
  for (const [key, orders] of [...noFee.entries()].sort()) {
    const [shopId, month] = key.split('|') as [string, string];
    warnings.push({
      code: 'profit.warnNoFees',
      params: { shop: shops.get(Number(shopId))?.name ?? shopId, month, orders },
    });
  }
  return { ...empty, currency, rows, groups, totals: finish(total) };
}

/** 'YYYY-MM' of every month the range touches. */
function monthsOf(range: { from: string; to: string }): string[] {
  const months: string[] = [];
  let [y, m] = range.from.split('-').map(Number) as [number, number];
  const last = range.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}

function groupOrder(a: ProfitRow, b: ProfitRow): number {
  return (a.platform ?? '').localeCompare(b.platform ?? '') || (a.shop ?? '').localeCompare(b.shop ?? '');
}

function rowOf(
  group: { platform: Platform | null; shop: ShopInfo | null },
  period: string,
  sums: Sums,
): ProfitRow {
  return {
    platform: group.platform,
    shop: group.shop?.name ?? null,
    shopId: group.shop?.id ?? null,
    period,
    ...finish(sums),
  };
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** The days the report covers: the range asked, its open ends closed by the data. */
function rangeOf(
  sqlite: BetterSqlite3.Database,
  query: ProfitQuery,
  scope: Scope,
): { from: string; to: string } | null {
  if (query.from && query.to) return { from: query.from, to: query.to };
  const span = sqlite
    .prepare(
      `SELECT min(lo) AS lo, max(hi) AS hi FROM (
         SELECT min(day) AS lo, max(day) AS hi FROM profit_daily f WHERE ${scope.sql}
         UNION ALL SELECT min(day), max(day) FROM ad_spend f WHERE ${scope.sql})`,
    )
    .get(...scope.params, ...scope.params) as { lo: string | null; hi: string | null };
  // An open end takes the whole month of the first or last data: monthly costs count in full.
  const from = query.from ?? (span.lo ? `${span.lo.slice(0, 7)}-01` : null);
  const to =
    query.to ??
    (span.hi ? `${span.hi.slice(0, 7)}-${String(daysInMonth(span.hi.slice(0, 7))).padStart(2, '0')}` : null);
  if (!from || !to || from > to) return null;
  return { from, to };
}

/**
 * A function giving, for a shop and day, the converter of its minor units into the report's
 * currency: identity for the same currency, else the month's rate (null when there is none: the
 * shop's figures of that month are left out, and a warning names them).
 */
function converterTo(
  sqlite: BetterSqlite3.Database,
  currency: string,
  warnings: ProfitWarning[],
  shops: Map<number, ShopInfo>,
): (shopId: number, day: string) => ((minor: number) => number) | null {
  const rates = new Map(
    (
      sqlite.prepare('SELECT currency, month, cny_ppm AS ppm FROM currency_rates').all() as Array<{
        currency: string;
        month: string;
        ppm: number;
      }>
    ).map((r) => [`${r.currency}|${r.month}`, r.ppm]),
  );
  const identity = (minor: number) => minor;
  const warned = new Set<string>();
  return (shopId, day) => {
    const from = shops.get(shopId)?.currency ?? 'CNY';
    if (from === currency) return identity;
    const month = day.slice(0, 7);
    const ppm = rates.get(`${from}|${month}`);
    if (ppm === undefined) {
      const key = `${from}|${month}`;
      if (!warned.has(key)) {
        warned.add(key);
        warnings.push({ code: 'profit.warnNoRate', params: { currency: from, month } });
      }
      return null;
    }
    const digits = minorUnitDigits(from);
    return (minor: number) => toCnyFen(minor, ppm, digits);
  };
}

/**
 * Buyers and new buyers of a group (its scope; null: every shop the query keeps) in a period of the
 * report: the kept counts when the period lies whole inside the range (buyers.ts), else counted
 * from the orders for the part inside.
 */
function buyerCounter(
  sqlite: BetterSqlite3.Database,
  range: { from: string; to: string },
  query: ProfitQuery,
): (scope: BuyerScope | null, period: string, kind: ProfitPeriod) => { buyers: number; newBuyers: number } {
  const filtered = Boolean(query.shopIds?.length || query.platforms?.length);
  // Two subqueries: SQLite reads min() and max() off the index only one per query.
  const span = sqlite
    .prepare('SELECT (SELECT min(order_date) FROM orders) AS lo, (SELECT max(order_date) FROM orders) AS hi')
    .get() as {
    lo: string | null;
    hi: string | null;
  };
  const coversAll = !span.lo || !span.hi || (range.from <= span.lo && range.to >= span.hi);
  const kept = sqlite.prepare(
    'SELECT buyers, new_buyers AS newBuyers FROM profit_buyers WHERE scope = ? AND period = ?',
  );
  return (scope, period, kind) => {
    if (scope === null && filtered) return filteredCounts(sqlite, range, query);
    const s: BuyerScope = scope ?? { kind: 'all' };
    const key =
      kind === 'all' || period === 'all'
        ? 'A'
        : `${kind === 'month' ? 'M' : kind === 'week' ? 'W' : 'D'}:${period}`;
    const days = periodDays(key) ?? range;
    const whole = key === 'A' ? coversAll : days.from >= range.from && days.to <= range.to;
    if (whole) {
      const row = kept.get(scopeKey(s), key) as { buyers: number; newBuyers: number } | undefined;
      return row ?? { buyers: 0, newBuyers: 0 };
    }
    const from = days.from > range.from ? days.from : range.from;
    const to = days.to < range.to ? days.to : range.to;
    return {
      buyers: countBuyersLive(sqlite, s, from, to),
      newBuyers: countNewBuyersLive(sqlite, s, from, to),
    };
  };
}

/** `a = ? AND b IN (?, ?)` → `a = @p0 AND b IN (@p1, @p2)`. */
function numbered(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `@p${i++}`);
}

/** Totals of a report narrowed to some shops or platforms: counted from the orders. */
function filteredCounts(
  sqlite: BetterSqlite3.Database,
  range: { from: string; to: string },
  query: ProfitQuery,
): { buyers: number; newBuyers: number } {
  const scope = shopScope(query, 'o');
  const row = sqlite
    .prepare(
      `SELECT count(*) AS buyers, coalesce(sum(first >= @from), 0) AS newBuyers FROM (
         SELECT min(o.order_date) AS first, max(o.order_date >= @from AND o.order_date <= @to) AS inRange
         FROM orders o WHERE o.buyer_account_id IS NOT NULL AND o.order_date IS NOT NULL AND ${PAID_SQL}
           AND o.order_date <= @to AND ${numbered(scope.sql)}
         GROUP BY o.buyer_account_id) WHERE inRange`,
    )
    .get({
      from: range.from,
      to: range.to,
      ...Object.fromEntries(scope.params.map((v, i) => [`p${i}`, v])),
    }) as {
    buyers: number;
    newBuyers: number;
  };
  return row;
}

function warnMissingCosts(
  sqlite: BetterSqlite3.Database,
  missingLines: number,
  range: { from: string; to: string },
  query: ProfitQuery,
  warnings: ProfitWarning[],
): void {
  if (missingLines === 0) return;
  const scope = shopScope(query, 'o');
  const skus = missingCostSkus(sqlite, range, scope, 10);
  warnings.push({
    code: 'profit.warnMissingCosts',
    params: {
      lines: missingLines,
      skus: skus.map((s) => `${s.sku ?? '—'} (${s.lines})`).join(', '),
    },
  });
}

/** The SKUs of paid lines in the range that have no cost on their order's day, most lines first. */
export function missingCostSkus(
  sqlite: BetterSqlite3.Database,
  range: { from?: string; to?: string },
  scope: Scope = { sql: '1 = 1', params: [] },
  limit = 500,
): MissingCostSku[] {
  const rows = sqlite
    .prepare(
      `SELECT o.sku AS sku, max(o.title) AS title, sum(o.lines) AS lines, sum(o.quantity) AS quantity
       FROM profit_missing_costs o WHERE o.day >= ? AND o.day <= ? AND ${scope.sql}
       GROUP BY o.sku ORDER BY lines DESC, o.sku LIMIT ?`,
    )
    .all(range.from ?? '0000-01-01', range.to ?? '9999-12-31', ...scope.params, limit) as MissingCostSku[];
  // A line with no SKU at all is kept under '' (a key cannot be NULL); it is shown as none.
  return rows.map((r) => ({ ...r, sku: r.sku === '' ? null : r.sku }));
}
