/**
 * Which export is this? Decided by the header alone — never by file name (users rename files) or
 * by column position (every platform grows its header over time).
 *
 * Every format is scored against the header: a format fits when its required columns are there and
 * no column of a look-alike format is; its score is the share of the header's columns it knows. A
 * file is accepted as the best fitting format only when no other format fits about as well and it
 * knows at least half of the columns. Otherwise the file is unrecognised, and the candidates say
 * which formats came closest and what each lacks — a wrong guess would file orders under the wrong
 * platform with their money unread (抖店's 主订单编号/子订单编号 look like a Tmall 销售明细).
 */
import type { ImportFormat } from '../orders/types.js';
import { ColumnIndex } from './header-names.js';
import * as H from './known-headers.js';
import type { DetectedFormat } from './reader-types.js';

interface Variant {
  label: string;
  /** Every group must have at least one of its names present. */
  required: readonly (readonly string[])[];
  /** None of these may be present (they belong to a look-alike format). */
  excluded?: readonly string[];
  /** The variant's full header: the label names the variant only when most of it is present. */
  fingerprint: readonly string[];
  /** Label when only part of the fingerprint is present (a store type with fewer columns). */
  partialLabel?: string;
}

interface FormatSpec {
  format: ImportFormat;
  /** Every column name the format's exports are known to carry (for the score). */
  vocabulary: readonly string[];
  variants: readonly Variant[];
  /**
   * Money columns, one of which a file read as this format must have: forcing a format onto a
   * file without them would import every order as ¥0.
   */
  money: readonly string[];
}

export interface FormatCandidate {
  format: ImportFormat;
  variant: string;
  /** Share (0..1) of the header's distinct columns that this format knows. */
  score: number;
  /** Required column groups the header lacks; each group means "one of these". */
  missing: string[][];
  /** Columns present that belong to a look-alike format. */
  conflicts: string[];
  /** Required columns present and no look-alike's column: the format could read the file. */
  fits: boolean;
}

export interface Detection {
  /** The format that reads the file, or null when none fits clearly. */
  accepted: DetectedFormat | null;
  /** Every format, fitting ones first, each group best first. */
  candidates: FormatCandidate[];
  /** Several formats fit about equally well, so none was accepted. */
  ambiguous: boolean;
}

/** A runner-up within this score of the best fitting format makes the file ambiguous. */
const AMBIGUITY_MARGIN = 0.1;
/** The accepted format must know at least this share of the header's columns. */
const MIN_SCORE = 0.5;
/** Below this share of a variant's fingerprint the label names the family only. */
const FULL_MATCH = 0.9;

const names = (...lists: (readonly string[])[]): readonly string[] => [...new Set(lists.flat())];

/** Order-level paid columns of Tmall/Taobao files, old and new names, and ERP spellings. */
const TMALL_PAID = ['买家实际支付金额', '买家实付金额', '买家应付货款', '总金额'];
const TMALL_PAID_ERP = [...TMALL_PAID, '支付金额', '实付金额'];
/** Columns only 抖店 writes: a line file with them is not a Tmall 销售明细. */
const DOUYIN_ONLY = [
  '选购商品',
  '订单提交时间',
  '订单应付金额',
  '支付完成时间',
  '达人ID',
  '达人昵称',
  '达人实际承担优惠金额',
  '流量来源',
];

const TMALL_VOCABULARY = names(
  H.TMALL_ORDER_61,
  H.TMALL_ORDER_54,
  H.QIANNIU_ORDER,
  H.QIANNIU_SHIPPING,
  H.TMALL_ORDER_TIANCHI,
  [
    '支付金额',
    '实付金额',
    '买家实付金额',
    '买家会员ID',
    '收货人',
    '收件人姓名',
    '发货时间',
    '商家备忘',
    '卖家备注',
    '商家备注',
    '退款状态',
    '直播返现状态',
    '返现金额',
    '延迟发货自动赔付金额',
    '预售订单',
  ],
);

const SPECS: readonly FormatSpec[] = [
  {
    format: 'tmall',
    vocabulary: TMALL_VOCABULARY,
    money: [...TMALL_PAID_ERP, '打款商家金额', '买家应付邮费'],
    variants: [
      {
        label: '订单报表 61 列',
        required: [['订单编号'], ['买家会员名', '买家会员ID'], ['支付详情', '支付单号']],
        excluded: ['子订单编号'],
        fingerprint: H.TMALL_ORDER_61,
        partialLabel: '订单报表',
      },
      {
        label: '订单报表 54 列',
        required: [['订单编号'], ['买家会员名', '买家会员ID'], TMALL_PAID_ERP],
        excluded: ['子订单编号'],
        fingerprint: H.TMALL_ORDER_54,
        partialLabel: '订单报表',
      },
      {
        label: '订单报表（部分列）',
        required: [['订单编号'], ['总金额'], ['买家实际支付金额'], ['订单创建时间']],
        // This cut-down layout has no buyer columns; a header with them is a (partial) full export.
        excluded: ['子订单编号', '买家会员名', '买家会员ID'],
        fingerprint: H.TMALL_ORDER_TIANCHI,
      },
      {
        label: '千牛 订单报表',
        required: [['订单编号'], TMALL_PAID, ['订单创建时间', '订单状态']],
        excluded: ['子订单编号', '标题', '价格', '买家会员名', '买家会员ID'],
        fingerprint: H.QIANNIU_ORDER,
      },
      {
        label: '发货报表',
        required: [
          ['订单编号'],
          ['收货人姓名', '收件人姓名', '收货人'],
          ['联系手机', '联系电话'],
          ['收货地址'],
        ],
        excluded: ['子订单编号', ...TMALL_PAID_ERP],
        fingerprint: H.QIANNIU_SHIPPING,
      },
    ],
  },
  {
    format: 'tmall-items',
    vocabulary: names(TMALL_VOCABULARY, H.TMALL_ITEMS, H.QIANNIU_LINES, [
      '商品价格',
      '单价',
      '宝贝数量',
      '数量',
      '规格名称',
      '颜色/尺码',
      '销售属性',
      '商品ID',
      '商品编码',
      '子单实际支付金额',
      '主订单买家留言',
      '联系方式备注',
      '备注标签',
      '分阶段信息',
      '供应商ID',
      '供应商名称',
      '仓发类型',
      '店铺ID',
      'skuId',
      'SKU ID',
    ]),
    money: ['价格', '商品价格', '单价', '子单实际支付金额', ...TMALL_PAID_ERP],
    variants: [
      {
        label: '宝贝报表',
        required: [
          ['订单编号'],
          ['标题', '商品标题', '宝贝标题'],
          ['价格', '商品价格'],
          ['购买数量', '宝贝数量', '数量'],
        ],
        excluded: DOUYIN_ONLY,
        fingerprint: H.TMALL_ITEMS,
      },
      {
        label: '销售明细',
        required: [
          ['子订单编号'],
          ['主订单编号'],
          [
            '商品标题',
            '宝贝标题',
            '标题',
            '商品属性',
            '购买数量',
            '宝贝数量',
            '买家会员名',
            '买家会员ID',
            '子单实际支付金额',
            ...TMALL_PAID,
            '退款状态',
            '订单创建时间',
            '订单付款时间',
          ],
        ],
        excluded: DOUYIN_ONLY,
        fingerprint: H.QIANNIU_LINES,
      },
    ],
  },
  {
    format: 'jd',
    vocabulary: names(H.JD_ORDER_30, H.JD_ORDER_CURRENT, H.JD_ORDER_CUT_DOWN, [
      '送装服务',
      '服务费',
      '是否为品牌商订单',
      '是否为toplife订单',
      '仓库id',
      '仓库名称',
      '邮政编码',
      '邮箱地址',
      '普通发票纳税编号',
      '快递单号',
      '订单出库时间',
      '出库时间',
      '运单号',
      '商品编号',
      '商品数量',
      '下单账号',
      '收货人姓名',
      '收货人',
      '手机号',
      '收货人电话',
      '收货地址',
      '付款时间',
    ]),
    money: ['应付金额', '订单金额', '结算金额', '京东价', '商家应收'],
    variants: [
      {
        label: '订单导出 30 列',
        required: [['订单号'], ['商品ID', '商品编号'], ['京东价', '应付金额', '订单金额', '结算金额']],
        fingerprint: H.JD_ORDER_30,
      },
      {
        label: '订单导出（新版）',
        required: [['订单号'], ['商品ID'], ['商家应收', '商家SKUID']],
        fingerprint: H.JD_ORDER_CURRENT,
      },
      {
        label: '订单导出（精简列）',
        required: [
          ['订单号'],
          ['应付金额', '订单金额', '结算金额', '商家应收', '京东价'],
          ['下单帐号', '下单账号', '订购数量', '客户姓名', '客户地址'],
        ],
        fingerprint: H.JD_ORDER_CUT_DOWN,
      },
    ],
  },
  {
    format: 'pdd',
    vocabulary: names(H.PDD_ORDERS_27, H.PDD_ORDERS_2024_EXTRA),
    money: ['用户实付金额(元)', '商家实收金额(元)', '商品总价(元)'],
    variants: [
      {
        label: '订单导出（2024 新版）',
        required: [
          ['订单号'],
          ['用户实付金额(元)', '商家实收金额(元)'],
          ['支付时间', '是否审核中', '承诺发货时间', '用户购买手机号', '街道/镇'],
        ],
        fingerprint: names(H.PDD_ORDERS_27, H.PDD_ORDERS_2024_EXTRA),
        partialLabel: '订单导出（新版）',
      },
      {
        label: '订单导出 27 列',
        required: [
          ['订单号'],
          ['用户实付金额(元)', '商家实收金额(元)', '商品总价(元)'],
          ['商品数量(件)', '商家编码-规格维度', '商家编码-商品维度', '多多支付立减金额(元)', '订单成交时间'],
        ],
        fingerprint: H.PDD_ORDERS_27,
        partialLabel: '订单导出',
      },
    ],
  },
  {
    format: 'douyin',
    vocabulary: names(H.DOUYIN_ORDERS, H.DOUYIN_ORDERS_21),
    money: ['订单应付金额', '商品金额', '商品单价'],
    variants: [
      {
        label: '订单导出',
        required: [
          ['主订单编号'],
          ['订单应付金额', '商品金额', '商品单价'],
          ['选购商品', '订单提交时间', '达人ID', '达人昵称', '支付完成时间', '订单应付金额'],
        ],
        fingerprint: H.DOUYIN_ORDERS_21,
      },
    ],
  },
  {
    format: 'shopify',
    vocabulary: H.SHOPIFY_ORDERS,
    money: ['Total', 'Subtotal', 'Lineitem price'],
    variants: [
      {
        label: 'orders_export',
        required: [['Name'], ['Financial Status', 'Lineitem name', 'Lineitem quantity', 'Lineitem sku']],
        fingerprint: H.SHOPIFY_ORDERS,
      },
    ],
  },
  {
    format: 'youzan',
    vocabulary: names(H.YOUZAN_ORDERS, H.YOUZAN_LINES),
    money: ['订单实付金额', '应收订单金额', '订单实收金额', '商品金额合计', '商品单价'],
    variants: [
      {
        label: '订单导出',
        required: [['订单号'], ['收货人手机号/提货人手机号', '买家手机号'], ['订单实付金额']],
        excluded: ['商品单价', '商品ID'],
        fingerprint: H.YOUZAN_ORDERS,
      },
      {
        label: '商品维度',
        required: [
          ['订单号'],
          ['商品名称'],
          ['商品单价', '商品数量'],
          ['收货人手机号/提货人手机号', '订单商品状态', '商品已退款金额'],
        ],
        excluded: ['商品ID'],
        fingerprint: H.YOUZAN_LINES,
      },
    ],
  },
  {
    format: 'woocommerce',
    vocabulary: names(H.WOOCOMMERCE_ANALYTICS, [
      'Order',
      'Order ID',
      'Date created',
      'Products',
      'Net Sales',
      'Attribution',
      'Origin',
    ]),
    money: ['Net sales'],
    variants: [
      {
        label: 'Analytics 订单',
        required: [['Order #', 'Order ID'], ['Net sales']],
        fingerprint: H.WOOCOMMERCE_ANALYTICS,
      },
    ],
  },
];

const SPEC_BY_FORMAT = new Map(SPECS.map((s) => [s.format, s]));

interface Scored extends FormatCandidate {
  order: number;
}

function scoreVariant(columns: ColumnIndex, variant: Variant) {
  const missing = variant.required
    .filter((group) => !group.some((name) => columns.has(name)))
    .map((group) => [...group]);
  const conflicts = (variant.excluded ?? []).filter((name) => columns.has(name));
  const present = columns.countPresent(variant.fingerprint);
  const share = present / variant.fingerprint.length;
  const label = share < FULL_MATCH && variant.partialLabel ? variant.partialLabel : variant.label;
  return { missing, conflicts, present, share, label, fits: missing.length === 0 && conflicts.length === 0 };
}

function scoreFormat(columns: ColumnIndex, spec: FormatSpec, distinct: readonly string[]) {
  const known = new ColumnIndex(spec.vocabulary);
  const score = distinct.length === 0 ? 0 : distinct.filter((n) => known.has(n)).length / distinct.length;
  // The variant that fits with the most of its fingerprint; else the one closest to fitting.
  const variants = spec.variants.map((v) => scoreVariant(columns, v));
  const best = [...variants].sort(
    (a, b) =>
      Number(b.fits) - Number(a.fits) ||
      a.missing.length + a.conflicts.length - (b.missing.length + b.conflicts.length) ||
      b.present - a.present ||
      b.share - a.share,
  )[0]!;
  return { score, best };
}

/** Scores every known format against a header and accepts one only when it clearly fits. */
export function detectFormat(header: readonly string[]): Detection {
  const columns = new ColumnIndex(header);
  const distinct = [...new Set(columns.names.filter(Boolean))];
  const scored: Scored[] = SPECS.map((spec, order) => {
    const { score, best } = scoreFormat(columns, spec, distinct);
    return {
      format: spec.format,
      variant: best.label,
      score: Math.round(score * 1000) / 1000,
      missing: best.missing,
      conflicts: best.conflicts,
      fits: best.fits,
      order,
    };
  });
  scored.sort((a, b) => Number(b.fits) - Number(a.fits) || b.score - a.score || a.order - b.order);
  const fitting = scored.filter((s) => s.fits);
  const [top, second] = fitting;
  const ambiguous = !!top && !!second && top.score - second.score < AMBIGUITY_MARGIN;
  const accepted =
    top && !ambiguous && top.score >= MIN_SCORE
      ? { format: top.format, variant: top.variant, confidence: top.score }
      : null;
  return {
    accepted,
    ambiguous,
    candidates: scored.map(({ order: _order, ...c }) => c),
  };
}

/**
 * The money columns a format needs when the user forces it onto a file: null when the header has
 * one of them, else the list of names it lacks (so the refusal can name them).
 */
export function missingMoneyColumns(format: ImportFormat, header: readonly string[]): string[] | null {
  const spec = SPEC_BY_FORMAT.get(format);
  if (!spec) return null;
  const columns = new ColumnIndex(header);
  return spec.money.some((name) => columns.has(name)) ? null : [...spec.money];
}

/** The variant label of a format the user forced, when its own rules recognise the header. */
export function variantOf(format: ImportFormat, header: readonly string[]): string | null {
  const spec = SPEC_BY_FORMAT.get(format);
  if (!spec) return null;
  const columns = new ColumnIndex(header);
  const fitting = spec.variants.map((v) => scoreVariant(columns, v)).filter((v) => v.fits);
  fitting.sort((a, b) => b.present - a.present || b.share - a.share);
  return fitting[0]?.label ?? null;
}
