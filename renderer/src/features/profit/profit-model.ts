/**
 * What the profit screen derives from a report, as pure functions: each chart's one-line reading
 * (a template sentence and its numbers, never free text), the waterfall's steps, the orders behind
 * a figure, and the table as CSV cells.
 */
import type { ProfitFigures, ProfitReport, ProfitRow } from '../../../../main/api/contract';
import type { OrdersFilter } from '../../../../main/shared/orders-query';
import dayjs from 'dayjs';

/** A percentage with one decimal for a sentence: 31.2. */
export function pct(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Math.round((part * 1000) / whole) / 10;
}

export type ReadingCause = 'fees' | 'refunds' | 'cogs' | 'shipping' | 'ads' | 'fixed';

export type Reading =
  | { key: 'profitTop'; params: { top: string; profitFen: number; share: number; margin: number } }
  | { key: 'profitLoss'; params: { lossFen: number; margin: number; worst: string; worstProfitFen: number } }
  | { key: 'shareGap'; params: { platform: string; sales: number; profit: number; cause: ReadingCause } }
  | { key: 'shareEven'; params: { platform: string; sales: number; profit: number } }
  | { key: 'shareNone'; params: Record<string, never> };

/** Groups over the whole range, by the report's grouping (platform or shop). */
function groupName(row: ProfitRow): string {
  return row.shop ?? row.platform ?? '';
}

/** The profit chart's reading: who brought the most profit, or where the loss came from. */
export function profitReading(report: ProfitReport): Reading | null {
  const groups = report.groups;
  if (groups.length === 0) return null;
  const margin = report.totals.marginPct ?? 0;
  if (report.totals.profitFen > 0) {
    const top = [...groups].sort((a, b) => b.profitFen - a.profitFen)[0]!;
    return {
      key: 'profitTop',
      params: {
        top: groupName(top),
        profitFen: top.profitFen,
        share: pct(top.profitFen, report.totals.profitFen),
        margin,
      },
    };
  }
  const worst = [...groups].sort((a, b) => a.profitFen - b.profitFen)[0]!;
  return {
    key: 'profitLoss',
    params: {
      lossFen: -report.totals.profitFen,
      margin,
      worst: groupName(worst),
      worstProfitFen: worst.profitFen,
    },
  };
}

/** Each cost as a share of net sales (refunds as a share of GMV): what makes a group earn less. */
function costRatios(f: ProfitFigures): Record<ReadingCause, number> {
  const base = f.netSalesFen > 0 ? f.netSalesFen : 1;
  return {
    fees: (f.platformFeeFen + f.paymentFeeFen) / base,
    refunds: f.gmvFen > 0 ? f.refundFen / f.gmvFen : 0,
    cogs: f.cogsFen / base,
    shipping: f.shippingFen / base,
    ads: f.adsFen / base,
    fixed: f.fixedFen / base,
  };
}

/**
 * The share chart's reading: the group whose share of profit falls furthest below its share of
 * sales, and the cost whose share of its sales is furthest above the others'.
 */
export function shareReading(report: ProfitReport): Reading | null {
  const groups = report.groups.filter((g) => g.netSalesFen > 0);
  if (groups.length === 0) return null;
  const sales = groups.reduce((n, g) => n + g.netSalesFen, 0);
  const profit = report.totals.profitFen;
  if (profit <= 0) return { key: 'shareNone', params: {} };
  const shares = groups.map((g) => ({
    g,
    sales: pct(g.netSalesFen, sales),
    profit: pct(g.profitFen, profit),
  }));
  const worst = [...shares].sort((a, b) => b.sales - b.profit - (a.sales - a.profit))[0]!;
  if (worst.sales - worst.profit < 5)
    return {
      key: 'shareEven',
      params: { platform: groupName(worst.g), sales: worst.sales, profit: worst.profit },
    };
  const mine = costRatios(worst.g);
  const others = groups.filter((g) => g !== worst.g);
  const causes = Object.keys(mine) as ReadingCause[];
  const average = (cause: ReadingCause) =>
    others.length === 0 ? 0 : others.reduce((n, g) => n + costRatios(g)[cause], 0) / others.length;
  const cause = causes.sort((a, b) => mine[b] - average(b) - (mine[a] - average(a)))[0]!;
  return {
    key: 'shareGap',
    params: { platform: groupName(worst.g), sales: worst.sales, profit: worst.profit, cause },
  };
}

export type WaterfallStep =
  | 'gmv'
  | 'discount'
  | 'refund'
  | 'netSales'
  | 'cogs'
  | 'platformFee'
  | 'paymentFee'
  | 'shipping'
  | 'ads'
  | 'fixed'
  | 'profit';

/** The waterfall: each step's bar from → to (fen); totals start at zero. */
export function waterfallSteps(
  f: ProfitFigures,
): Array<{ step: WaterfallStep; from: number; to: number; fen: number }> {
  const steps: Array<{ step: WaterfallStep; from: number; to: number; fen: number }> = [];
  let level = f.gmvFen;
  steps.push({ step: 'gmv', from: 0, to: level, fen: f.gmvFen });
  const minus = (step: WaterfallStep, fen: number) => {
    steps.push({ step, from: level, to: level - fen, fen });
    level -= fen;
  };
  minus('discount', f.discountFen);
  minus('refund', f.refundFen);
  steps.push({ step: 'netSales', from: 0, to: f.netSalesFen, fen: f.netSalesFen });
  minus('cogs', f.cogsFen);
  minus('platformFee', f.platformFeeFen);
  minus('paymentFee', f.paymentFeeFen);
  minus('shipping', f.shippingFen);
  minus('ads', f.adsFen);
  minus('fixed', f.fixedFen);
  steps.push({ step: 'profit', from: 0, to: f.profitFen, fen: f.profitFen });
  return steps;
}

/** The waterfall's reading: how much of 100 of GMV is left, and the largest cost. */
export function waterfallReading(
  f: ProfitFigures,
): { kept: number; cost: WaterfallStep; amountFen: number } | null {
  if (f.gmvFen <= 0) return null;
  const costs: Array<[WaterfallStep, number]> = [
    ['discount', f.discountFen],
    ['refund', f.refundFen],
    ['cogs', f.cogsFen],
    ['platformFee', f.platformFeeFen],
    ['paymentFee', f.paymentFeeFen],
    ['shipping', f.shippingFen],
    ['ads', f.adsFen],
    ['fixed', f.fixedFen],
  ];
  const [cost, amountFen] = costs.sort((a, b) => b[1] - a[1])[0]!;
  return { kept: Math.round((f.profitFen * 1000) / f.gmvFen) / 10, cost, amountFen };
}

function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The days of a report period ('2026-03', a week's Monday, a day, 'all'), within the range. */
export function periodRange(report: ProfitReport, period: string): { from: string; to: string } | null {
  const range = report.range;
  if (!range) return null;
  let days: { from: string; to: string };
  if (period === 'all') days = range;
  else if (report.period === 'month') days = { from: `${period}-01`, to: monthEnd(period) };
  else if (report.period === 'week')
    days = { from: period, to: dayjs(period).add(6, 'day').format('YYYY-MM-DD') };
  else days = { from: period, to: period };
  return {
    from: days.from > range.from ? days.from : range.from,
    to: days.to < range.to ? days.to : range.to,
  };
}

/** The Orders page's filter for a row of the report: its platform or shop, its days, paid orders. */
export function ordersOfRow(
  report: ProfitReport,
  row: Pick<ProfitRow, 'platform' | 'shopId' | 'period'>,
): OrdersFilter {
  const days = periodRange(report, row.period);
  return {
    ...(row.shopId !== null ? { shopIds: [row.shopId] } : row.platform ? { platforms: [row.platform] } : {}),
    ...(days ?? {}),
    paid: true,
  };
}

export const TABLE_FIELDS = [
  'orders',
  'gmvFen',
  'discountFen',
  'refundFen',
  'netSalesFen',
  'cogsFen',
  'platformFeeFen',
  'paymentFeeFen',
  'shippingFen',
  'adsFen',
  'fixedFen',
  'profitFen',
  'marginPct',
  'aovFen',
  'buyers',
  'newBuyers',
] as const satisfies ReadonlyArray<keyof ProfitFigures>;
export type TableField = (typeof TABLE_FIELDS)[number];

/** A money field's value in yuan text for a file (exact, a spreadsheet sums it). */
function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The table as cells (header first): money in yuan with two decimals, margin in percent. */
export function reportCells(
  report: ProfitReport,
  header: { period: string; group: string; total: string; fields: Record<TableField, string> },
  names: (row: ProfitRow) => string,
): string[][] {
  const value = (f: ProfitFigures, field: TableField): string => {
    const v = f[field];
    if (v === null) return '';
    return field.endsWith('Fen') ? yuan(v) : String(v);
  };
  return [
    [header.period, header.group, ...TABLE_FIELDS.map((f) => header.fields[f])],
    ...report.rows.map((r) => [r.period, names(r), ...TABLE_FIELDS.map((f) => value(r, f))]),
    ['', header.total, ...TABLE_FIELDS.map((f) => value(report.totals, f))],
  ];
}

export function csvText(cells: string[][]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  // A BOM first: without it Excel on Windows reads UTF-8 as GBK.
  return `\uFEFF${cells.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
