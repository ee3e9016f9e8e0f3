/**
 * Which export is this? Decided by the header alone — never by file name (users rename files) or
 * by column position (every platform grows its header over time).
 */
import type { ImportFormat } from '../orders/types.js';
import { ColumnIndex } from './header-names.js';
import * as H from './known-headers.js';
import type { DetectedFormat } from './reader-types.js';

interface Rule {
  format: ImportFormat;
  variant: string;
  /** Every group must have at least one of its names present. */
  required: readonly (readonly string[])[];
  /** None of these may be present (they belong to a look-alike format). */
  excluded?: readonly string[];
  /** The variant's full header: confidence is the share of it present. */
  fingerprint: readonly string[];
  /** Label when only part of the fingerprint is present (a store type with fewer columns). */
  partialVariant?: string;
}

/** Below this share a full-export variant is reported by its family name only. */
const FULL_MATCH = 0.9;

const PAID_COLUMNS = ['买家实际支付金额', '买家实付金额', '买家应付货款', '总金额'];

const RULES: readonly Rule[] = [
  {
    format: 'tmall',
    variant: '订单报表 61 列',
    required: [['订单编号'], ['买家会员名', '买家会员ID'], ['支付详情', '支付单号']],
    excluded: ['子订单编号'],
    fingerprint: H.TMALL_ORDER_61,
    partialVariant: '订单报表',
  },
  {
    format: 'tmall',
    variant: '订单报表 54 列',
    required: [['订单编号'], ['买家会员名', '买家会员ID'], PAID_COLUMNS],
    excluded: ['子订单编号'],
    fingerprint: H.TMALL_ORDER_54,
    partialVariant: '订单报表',
  },
  {
    format: 'tmall',
    variant: '订单报表（天池 7 列摘录）',
    required: [['订单编号'], ['总金额'], ['买家实际支付金额'], ['订单创建时间']],
    // The extract has no buyer columns; a header with them is a (partial) full export.
    excluded: ['子订单编号', '买家会员名', '买家会员ID'],
    fingerprint: H.TMALL_ORDER_TIANCHI,
  },
  {
    format: 'tmall',
    variant: '千牛 订单报表',
    required: [['订单编号'], PAID_COLUMNS, ['订单创建时间', '订单状态']],
    excluded: ['子订单编号', '标题', '价格', '买家会员名', '买家会员ID'],
    fingerprint: H.QIANNIU_ORDER,
  },
  {
    format: 'tmall',
    variant: '发货报表',
    required: [['订单编号'], ['收货人姓名', '收件人姓名'], ['联系手机', '联系电话'], ['收货地址']],
    excluded: ['子订单编号', ...PAID_COLUMNS],
    fingerprint: H.QIANNIU_SHIPPING,
  },
  {
    format: 'tmall-items',
    variant: '宝贝报表',
    required: [['订单编号'], ['标题'], ['价格'], ['购买数量']],
    fingerprint: H.TMALL_ITEMS,
  },
  {
    format: 'tmall-items',
    variant: '销售明细',
    required: [['子订单编号'], ['主订单编号']],
    fingerprint: H.QIANNIU_LINES,
  },
  {
    format: 'jd',
    variant: '订单导出 30 列',
    required: [['订单号'], ['商品ID'], ['京东价', '应付金额']],
    fingerprint: H.JD_ORDER_30,
  },
  {
    format: 'jd',
    variant: '订单导出（新版）',
    required: [['订单号'], ['商品ID'], ['商家应收', '商家SKUID']],
    fingerprint: H.JD_ORDER_CURRENT,
  },
  {
    format: 'shopify',
    variant: 'orders_export',
    required: [['Name'], ['Email'], ['Financial Status']],
    fingerprint: H.SHOPIFY_ORDERS,
  },
  {
    format: 'youzan',
    variant: '订单导出',
    required: [['订单号'], ['收货人手机号/提货人手机号', '买家手机号'], ['订单实付金额']],
    excluded: ['商品单价', '商品ID'],
    fingerprint: H.YOUZAN_ORDERS,
  },
  {
    format: 'youzan',
    variant: '商品维度',
    required: [
      ['订单号'],
      ['商品名称'],
      ['商品单价', '商品数量'],
      ['收货人手机号/提货人手机号', '订单商品状态', '商品已退款金额'],
    ],
    excluded: ['商品ID'],
    fingerprint: H.YOUZAN_LINES,
  },
  {
    format: 'woocommerce',
    variant: 'Analytics 订单',
    required: [['Order #'], ['Net sales']],
    fingerprint: H.WOOCOMMERCE_ANALYTICS,
  },
];

/**
 * Formats whose fingerprint the header carries, best first, one entry per format (its best
 * variant). An empty list means "unknown": the caller offers the generic column mapping.
 */
export function detectFormat(header: readonly string[]): DetectedFormat[] {
  const columns = new ColumnIndex(header);
  const best = new Map<ImportFormat, DetectedFormat & { order: number }>();
  RULES.forEach((rule, order) => {
    if (!rule.required.every((group) => group.some((name) => columns.has(name)))) return;
    if (rule.excluded?.some((name) => columns.has(name))) return;
    const confidence = columns.countPresent(rule.fingerprint) / rule.fingerprint.length;
    const current = best.get(rule.format);
    if (!current || confidence > current.confidence) {
      const variant = confidence < FULL_MATCH && rule.partialVariant ? rule.partialVariant : rule.variant;
      best.set(rule.format, { format: rule.format, variant, confidence, order });
    }
  });
  return [...best.values()]
    .sort((a, b) => b.confidence - a.confidence || a.order - b.order)
    .map(({ format, variant, confidence }) => ({
      format,
      variant,
      confidence: Math.round(confidence * 1000) / 1000,
    }));
}
