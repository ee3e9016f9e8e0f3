/** The formats' names in messages the importer writes (the renderer translates its own labels). */
import type { ImportFormat } from '../orders/types.js';

const FORMAT_LABELS: Record<ImportFormat, string> = {
  tmall: '天猫/淘宝 订单报表',
  'tmall-items': '天猫/淘宝 宝贝报表/销售明细',
  jd: '京东',
  pdd: '拼多多',
  douyin: '抖店',
  shopify: 'Shopify',
  youzan: '有赞',
  woocommerce: 'WooCommerce',
  generic: '其他表格',
};

export function formatLabel(format: ImportFormat): string {
  return FORMAT_LABELS[format];
}
