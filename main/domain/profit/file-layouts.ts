/**
 * Reading the profit input files, recognised by their header (never their name):
 *
 * - fee / settlement files — JD 货款明细 (订单编号, 费用名称, 应结金额, 收支方向 or 费用分类) and
 *   钱包结算明细 (订单编号, 费用项, 金额, 收支方向); Douyin 动账明细 (订单号, 平台服务费, 佣金, 招商服务费,
 *   站外推广费); Taobao/Tmall 账单 and the fee-detail CSV (订单号, 业务大类, 扣费金额 or 订单实际金额);
 *   PDD 账务明细 (商户订单号, 账务类型, 收入金额, 支出金额) — one fee per order and kind;
 * - cost sheets (SKU and cost, optional effective date, title, category, aliases);
 * - ads reports (a day and a spend: PDD 推广's 总花费(元), or any 日期 + 花费 sheet);
 * - shipping bills (an order number and a cost, optional tracking number);
 * - currency rates (currency, month, yuan per unit).
 *
 * A fee is positive when the platform took money, negative when it gave some back. Rows that are
 * no fee (货款, withdrawals, deposits, totals) are skipped and named.
 */
import { ColumnIndex, cleanValue, parseMoney } from '../import/index.js';
import type { MessageCode, MessageParams } from '../../shared/messages/index.js';
import type { ProfitFileKind } from './types.js';

export type FeeKind =
  'commission' | 'service' | 'points' | 'payment' | 'insurance' | 'affiliate' | 'promotion' | 'other';

export interface FileRow {
  row: number;
  cells: string[];
}

export interface Skip {
  row: number;
  code: MessageCode;
  params: MessageParams;
}

export type ParsedProfitFile =
  | { kind: 'fees'; layout: string; rows: Array<{ orderId: string; kind: FeeKind; amountFen: number }> }
  | {
      kind: 'costs';
      layout: string;
      costs: Array<{
        sku: string;
        effectiveFrom?: string;
        unitCostFen: number;
        title?: string;
        category?: string;
      }>;
      aliases: Array<{ alias: string; sku: string }>;
    }
  | { kind: 'ads'; layout: string; rows: Array<{ day: string; channel: string; amountFen: number }> }
  | {
      kind: 'shipping';
      layout: string;
      rows: Array<{ orderId: string; trackingNo: string | null; costFen: number }>;
    }
  | { kind: 'rates'; layout: string; rates: Array<{ currency: string; month: string; cnyPpm: number }> };

/** Which fee a platform's fee name is; null for money that is no fee (货款, 提现, 保证金 …). */
export function feeKindOf(name: string): FeeKind | null {
  const n = name.normalize('NFKC').trim();
  if (
    !n ||
    /^(货款|交易收入|交易货款|订单收入|提现|充值|转账|退款)$/.test(n) ||
    /保证金|提现|充值|转账/.test(n)
  )
    return null;
  if (/京豆|积分/.test(n)) return 'points';
  if (/保险|运费险/.test(n)) return 'insurance';
  if (/进宝|达人|分销|淘宝客/.test(n)) return 'affiliate';
  if (/手续费|支付|花呗|信用卡/.test(n)) return 'payment';
  if (/佣金|扣点/.test(n)) return 'commission';
  if (/服务费|使用费|年费/.test(n)) return 'service';
  if (/推广|礼金|淘金币|营销|广告/.test(n)) return 'promotion';
  return 'other';
}

const DAY = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/;
const MONTH = /^(\d{4})[-/.年](\d{1,2})月?$/;

export function dayOf(raw: string): string | null {
  const m = DAY.exec(cleanValue(raw));
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

function monthOf(raw: string): string | null {
  const v = cleanValue(raw);
  const m = MONTH.exec(v) ?? DAY.exec(v);
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}`;
}

/** "7.1234" yuan per unit → 7 123 400 ppm (six decimals at most, exact). */
export function ratePpm(raw: string): number | null {
  const m = /^(\d{1,6})(?:\.(\d{1,6}))?$/.exec(cleanValue(raw));
  if (!m) return null;
  const ppm = Number(m[1]) * 1_000_000 + Number((m[2] ?? '').padEnd(6, '0'));
  return ppm > 0 ? ppm : null;
}

class Reader {
  readonly skipped: Skip[] = [];
  constructor(readonly c: ColumnIndex) {}
  text(r: FileRow, i: number | undefined): string {
    return i === undefined ? '' : cleanValue(r.cells[i]).replace(/^'/, '').trim();
  }
  money(r: FileRow, i: number | undefined): number | null | 'bad' {
    if (i === undefined) return null;
    const m = parseMoney(r.cells[i]);
    if (!m.ok) {
      this.skipped.push({ row: r.row, code: 'profit.badAmount', params: { value: r.cells[i] ?? '' } });
      return 'bad';
    }
    return m.value;
  }
  skip(r: FileRow, code: MessageCode, params: MessageParams) {
    this.skipped.push({ row: r.row, code, params });
  }
}

type Layout = (c: ColumnIndex) => ((rows: FileRow[], reader: Reader) => ParsedProfitFile) | null;

const jdLedger: Layout = (c) => {
  const order = c.find('订单编号', '订单号');
  const name = c.find('费用名称', '费用项');
  const amount = c.find('应结金额', '金额');
  if (order === undefined || name === undefined || amount === undefined) return null;
  const direction = c.find('收支方向', '费用分类', '商家应收/应付');
  const layout = c.has('费用项') ? 'jd-wallet' : 'jd-ledger';
  return (rows, rd) => ({
    kind: 'fees',
    layout,
    rows: rows.flatMap((r) => {
      const kind = feeKindOf(rd.text(r, name));
      const orderId = rd.text(r, order);
      const value = rd.money(r, amount);
      if (!kind || !orderId || value === null || value === 'bad') return [];
      // 支出 (or 应付) is money the platform took: a fee; 收入 gives it back. Without a direction
      // column the ledger's sign says it: a deduction is negative.
      const dir = rd.text(r, direction);
      const fee = /支出|应付/.test(dir) ? Math.abs(value) : /收入|应收/.test(dir) ? -Math.abs(value) : -value;
      return [{ orderId, kind, amountFen: fee }];
    }),
  });
};

const DOUYIN_FEES: Array<[string, FeeKind]> = [
  ['平台服务费', 'service'],
  ['佣金', 'affiliate'],
  ['招商服务费', 'service'],
  ['站外推广费', 'promotion'],
];

const douyinSettlement: Layout = (c) => {
  const order = c.find('订单号', '主订单编号');
  if (order === undefined || !c.has('平台服务费') || !(c.has('动账金额') || c.has('订单实付应结')))
    return null;
  return (rows, rd) => ({
    kind: 'fees',
    layout: 'douyin-settlement',
    rows: rows.flatMap((r) => {
      const orderId = rd.text(r, order);
      if (!orderId) return [];
      return DOUYIN_FEES.flatMap(([column, kind]) => {
        const value = rd.money(r, c.find(column));
        // The file states fees as amounts deducted; a refund row carries them back negative.
        return value === null || value === 'bad' || value === 0 ? [] : [{ orderId, kind, amountFen: value }];
      });
    }),
  });
};

const tmallBill: Layout = (c) => {
  const order = c.find('订单号', '订单编号', '淘宝订单号');
  const category = c.find('业务大类', '费用类型');
  const amount = c.find('扣费金额', '订单实际金额(元)', '金额(元)', '金额');
  if (order === undefined || category === undefined || amount === undefined) return null;
  const sub = c.find('业务小类');
  const deduction = c.has('扣费金额');
  return (rows, rd) => ({
    kind: 'fees',
    layout: deduction ? 'tmall-fee-detail' : 'tmall-bill',
    rows: rows.flatMap((r) => {
      const orderId = rd.text(r, order);
      // 业务大类 decides (货款 is no fee); 业务小类 only when the former is empty.
      const main = rd.text(r, category);
      const kind = main ? feeKindOf(main) : sub !== undefined ? feeKindOf(rd.text(r, sub)) : null;
      const value = rd.money(r, amount);
      if (!orderId || !kind || value === null || value === 'bad') return [];
      // 扣费金额 is a deduction stated positive; a bill line's amount is negative when paid out.
      return [{ orderId, kind, amountFen: deduction ? value : Math.abs(value) * (value < 0 ? 1 : -1) }];
    }),
  });
};

const pddLedger: Layout = (c) => {
  const order = c.find('商户订单号', '订单号', '订单编号');
  const type = c.find('账务类型', '业务类型');
  const income = c.find('收入金额(+元)', '收入金额(元)', '收入金额');
  const expense = c.find('支出金额(-元)', '支出金额(元)', '支出金额');
  if (order === undefined || type === undefined || (income === undefined && expense === undefined))
    return null;
  return (rows, rd) => ({
    kind: 'fees',
    layout: 'pdd-ledger',
    rows: rows.flatMap((r) => {
      const orderId = rd.text(r, order);
      const kind = feeKindOf(rd.text(r, type));
      const inc = rd.money(r, income);
      const exp = rd.money(r, expense);
      if (!orderId || !kind || inc === 'bad' || exp === 'bad') return [];
      const fee = Math.abs(exp ?? 0) - Math.abs(inc ?? 0);
      return fee === 0 ? [] : [{ orderId, kind, amountFen: fee }];
    }),
  });
};

const costSheet: Layout = (c) => {
  const sku = c.find(
    'SKU',
    '商家编码',
    '商品编码',
    '货号',
    '外部系统编号',
    '商家SKUID',
    'Lineitem sku',
    '编码',
  );
  const cost = c.find(
    '单位成本',
    '成本价',
    '成本',
    '进价',
    '采购价',
    'Unit cost',
    'Cost',
    '成本(元)',
    '单位成本(元)',
  );
  if (sku === undefined || cost === undefined) return null;
  const from = c.find('生效日期', '起始日期', '开始日期', 'Effective from', 'From');
  const title = c.find('商品名称', '名称', '标题', 'Title', 'Name');
  const category = c.find('类目', '分类', '品类', 'Category');
  const aliases = c.find('别名', '其他编码', '别名编码', 'Aliases', 'Alias');
  return (rows, rd) => {
    const costs: Extract<ParsedProfitFile, { kind: 'costs' }>['costs'] = [];
    const links: Array<{ alias: string; sku: string }> = [];
    for (const r of rows) {
      const code = rd.text(r, sku);
      const value = rd.money(r, cost);
      if (!code || value === 'bad') continue;
      if (value === null || value < 0) {
        rd.skip(r, 'profit.badAmount', { value: r.cells[cost] ?? '' });
        continue;
      }
      let effectiveFrom: string | undefined;
      if (from !== undefined && rd.text(r, from)) {
        const d = dayOf(rd.text(r, from));
        if (!d) {
          rd.skip(r, 'profit.badDay', { value: rd.text(r, from) });
          continue;
        }
        effectiveFrom = d;
      }
      costs.push({
        sku: code,
        effectiveFrom,
        unitCostFen: value,
        title: rd.text(r, title) || undefined,
        category: rd.text(r, category) || undefined,
      });
      for (const alias of rd.text(r, aliases).split(/[,;，；、|]/)) {
        if (alias.trim() && alias.trim() !== code) links.push({ alias: alias.trim(), sku: code });
      }
    }
    return { kind: 'costs', layout: 'costs', costs, aliases: links };
  };
};

const adsReport: Layout = (c) => {
  const day = c.find('日期', '时间', 'Date', 'Day');
  const spend = c.find(
    '总花费(元)',
    '花费(元)',
    '花费',
    '消耗(元)',
    '消耗',
    '广告花费',
    'Spend',
    'Amount spent',
    'Cost',
  );
  if (day === undefined || spend === undefined || c.has('订单号') || c.has('SKU')) return null;
  const channelColumn = c.find('推广渠道', '渠道', '推广工具', 'Channel');
  const layout = c.has('成交花费(元)') ? 'pdd-ads' : 'ads';
  const fixedChannel = layout === 'pdd-ads' ? '多多推广' : '';
  return (rows, rd) => ({
    kind: 'ads',
    layout,
    rows: rows.flatMap((r) => {
      const d = dayOf(rd.text(r, day));
      // The report's last row is its 合计 (total): no day, skipped.
      if (!d) {
        if (rd.text(r, day)) rd.skip(r, 'profit.badDay', { value: rd.text(r, day) });
        return [];
      }
      const value = rd.money(r, spend);
      if (value === null || value === 'bad') return [];
      return [{ day: d, channel: rd.text(r, channelColumn) || fixedChannel, amountFen: value }];
    }),
  });
};

const shippingBill: Layout = (c) => {
  const order = c.find('订单号', '订单编号', '平台订单号', 'Order', 'Order ID');
  const cost = c.find('运费(元)', '快递费(元)', '运费', '快递费', '物流费用', 'Shipping cost', 'Cost');
  if (order === undefined || cost === undefined) return null;
  const tracking = c.find('运单号', '物流单号', '快递单号', 'Tracking number');
  return (rows, rd) => ({
    kind: 'shipping',
    layout: 'shipping',
    rows: rows.flatMap((r) => {
      const orderId = rd.text(r, order);
      const value = rd.money(r, cost);
      if (!orderId || value === null || value === 'bad') return [];
      return [{ orderId, trackingNo: rd.text(r, tracking) || null, costFen: value }];
    }),
  });
};

const ratesSheet: Layout = (c) => {
  const currency = c.find('币种', '货币', 'Currency');
  const month = c.find('月份', 'Month');
  const rate = c.find('汇率', 'Rate', '人民币汇率');
  if (currency === undefined || month === undefined || rate === undefined) return null;
  return (rows, rd) => ({
    kind: 'rates',
    layout: 'rates',
    rates: rows.flatMap((r) => {
      const code = rd.text(r, currency).toUpperCase();
      const m = monthOf(rd.text(r, month));
      const ppm = ratePpm(rd.text(r, rate));
      if (!/^[A-Z]{3}$/.test(code)) return [];
      if (!m || ppm === null) {
        rd.skip(r, m ? 'profit.badRate' : 'profit.badDay', {
          value: m ? rd.text(r, rate) : rd.text(r, month),
        });
        return [];
      }
      return [{ currency: code, month: m, cnyPpm: ppm }];
    }),
  });
};

/** Layouts by kind, most specific first (a settlement file also has an order number). */
const LAYOUTS: Array<[ProfitFileKind, Layout]> = [
  ['fees', douyinSettlement],
  ['fees', jdLedger],
  ['fees', pddLedger],
  ['fees', tmallBill],
  ['rates', ratesSheet],
  ['costs', costSheet],
  ['ads', adsReport],
  ['shipping', shippingBill],
];

export const EXPECTED_COLUMNS =
  'SKU + 成本 / 订单编号 + 费用名称 + 应结金额 / 订单号 + 平台服务费 / 订单号 + 业务大类 + 扣费金额 / 商户订单号 + 账务类型 / 日期 + 花费 / 订单号 + 运费 / 币种 + 月份 + 汇率';

/** Reads a file's rows as the first layout of `kind` (or any kind) its header fits; null if none. */
export function parseProfitFile(
  header: readonly string[],
  rows: FileRow[],
  kind: ProfitFileKind | 'auto',
): { parsed: ParsedProfitFile; skipped: Skip[] } | null {
  const c = new ColumnIndex(header);
  for (const [k, layout] of LAYOUTS) {
    if (kind !== 'auto' && k !== kind) continue;
    const read = layout(c);
    if (!read) continue;
    const reader = new Reader(c);
    return { parsed: read(rows, reader), skipped: reader.skipped };
  }
  return null;
}
