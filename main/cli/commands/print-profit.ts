/** Human-readable output of `huike report profit` and `huike profit …`, in both languages. */
import type {
  ProfitFileResult,
  ProfitHistoryEntry,
  ProfitReport,
  ProfitRow,
  ProfitWriteResult,
} from '../../domain/profit/types.js';
import { formatCount, formatMessage, type MessageLanguage } from '../../shared/messages/index.js';
import { formatMoney } from '../../shared/money.js';

const TEXTS = {
  'zh-CN': {
    columns: [
      '期间',
      '平台/店铺',
      '订单',
      'GMV',
      '折扣',
      '退款',
      '净销售额',
      '商品成本',
      '平台费',
      '支付费',
      '运费',
      '推广',
      '固定费用',
      '利润',
      '利润率',
      '买家',
      '新买家',
    ],
    total: '合计',
    none: '这个范围内没有已付款订单。',
    warning: '注意：',
    loaded: (file: string, r: ProfitFileResult) =>
      `已载入 ${file}（${r.layout}，操作 #${r.operationId}）：读取 ${r.rowsRead} 行，使用 ${r.rowsUsed} 行；新增 ${r.inserted}、更新 ${r.updated}、不变 ${r.unchanged}`,
    skipped: (row: number, why: string) => `  第 ${row} 行未使用：${why}`,
    written: (r: ProfitWriteResult) =>
      `已保存（操作 #${r.operationId}）：新增 ${r.inserted}、更新 ${r.updated}、不变 ${r.unchanged}`,
    undone: (id: number) => `已撤销操作 #${id}。`,
    rebuilt: (days: string) => `已重新计算 ${days} 个店铺日的利润数据。`,
    noHistory: '还没有成本或费用操作。',
    undoneMark: '（已撤销）',
  },
  en: {
    columns: [
      'Period',
      'Platform/shop',
      'Orders',
      'GMV',
      'Discounts',
      'Refunds',
      'Net sales',
      'Goods cost',
      'Platform fees',
      'Payment fees',
      'Shipping',
      'Ads',
      'Fixed',
      'Profit',
      'Margin',
      'Buyers',
      'New',
    ],
    total: 'Total',
    none: 'No paid orders in this range.',
    warning: 'Note: ',
    loaded: (file: string, r: ProfitFileResult) =>
      `Loaded ${file} (${r.layout}, operation #${r.operationId}): ${r.rowsRead} rows read, ${r.rowsUsed} used; ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged`,
    skipped: (row: number, why: string) => `  row ${row} not used: ${why}`,
    written: (r: ProfitWriteResult) =>
      `Saved (operation #${r.operationId}): ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged`,
    undone: (id: number) => `Operation #${id} undone.`,
    rebuilt: (days: string) => `Profit facts recomputed for ${days} shop-days.`,
    noHistory: 'No cost or fee operations yet.',
    undoneMark: ' (undone)',
  },
} as const;

export function createProfitPrinter(lang: MessageLanguage, out: (line: string) => void = console.log) {
  const t = TEXTS[lang];
  const money = (fen: number) => formatMoney(fen, 'CNY');
  const cells = (
    label: string,
    period: string,
    r: Omit<ProfitRow, 'platform' | 'shop' | 'shopId' | 'period'>,
  ) => [
    period,
    label,
    formatCount(r.orders, lang),
    money(r.gmvFen),
    money(r.discountFen),
    money(r.refundFen),
    money(r.netSalesFen),
    money(r.cogsFen),
    money(r.platformFeeFen),
    money(r.paymentFeeFen),
    money(r.shippingFen),
    money(r.adsFen),
    money(r.fixedFen),
    money(r.profitFen),
    r.marginPct === null ? '—' : `${r.marginPct.toFixed(2)}%`,
    formatCount(r.buyers, lang),
    formatCount(r.newBuyers, lang),
  ];
  return {
    report(report: ProfitReport): void {
      if (report.rows.length === 0) {
        out(t.none);
        return;
      }
      const table = [
        [...t.columns],
        ...report.rows.map((r) => cells(r.shop ?? r.platform ?? '', r.period, r)),
        cells(t.total, '', report.totals),
      ];
      const widths = t.columns.map((_, i) => Math.max(...table.map((row) => displayWidth(row[i]!))));
      for (const row of table)
        out(row.map((c, i) => (i < 2 ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join('  '));
      for (const w of report.warnings) out(t.warning + formatMessage(w.code, w.params, lang));
    },
    loaded(file: string, r: ProfitFileResult): void {
      out(t.loaded(file, r));
      for (const s of r.skipped.slice(0, 20)) out(t.skipped(s.row, formatMessage(s.code, s.params, lang)));
    },
    written(r: ProfitWriteResult): void {
      out(t.written(r));
    },
    undone(id: number): void {
      out(t.undone(id));
    },
    rebuilt(days: number): void {
      out(t.rebuilt(formatCount(days, lang)));
    },
    history(history: ProfitHistoryEntry[]): void {
      if (history.length === 0) out(t.noHistory);
      for (const h of history) {
        const what = [h.summary.what, h.summary.fileName].filter(Boolean).join(' ');
        out(
          `#${h.operationId}  ${h.createdAt}  ${h.kind}  ${what}${h.state === 'undone' ? t.undoneMark : ''}`,
        );
      }
    },
  };
}

/** Columns line up in a terminal: CJK characters take two cells. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return width;
}
const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
