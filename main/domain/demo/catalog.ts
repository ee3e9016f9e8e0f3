/** The demo brand 青禾 (tea and tea-table home goods): list prices and unit costs in fen. */

import type { Festival } from './calendar.js';

export interface DemoProduct {
  sku: string;
  title: string;
  /** Variant text as Tmall writes it (商品属性). */
  attributes: string;
  unitPriceFen: number;
  unitCostFen: number;
  /** Relative popularity on an ordinary day. */
  popularity: number;
  /** Consumables are what people come back for. */
  consumable: boolean;
  /** Gift boxes sell around 年货节 and get sent to others. */
  giftBox: boolean;
}

type Row = [
  sku: string,
  title: string,
  attributes: string,
  priceFen: number,
  costShare: number,
  popularity: number,
  kind: 'tea' | 'ware' | 'gift',
];

const ROWS: readonly Row[] = [
  ['QH-TEA-001', '青禾 西湖龙井 明前特级 绿茶 罐装', '净含量：250g', 26800, 0.42, 6, 'tea'],
  ['QH-TEA-002', '青禾 安吉白茶 雨前一级 绿茶', '净含量：100g', 12800, 0.4, 7, 'tea'],
  ['QH-TEA-003', '青禾 正山小种 红茶 桐木关', '净含量：200g', 9800, 0.38, 9, 'tea'],
  ['QH-TEA-004', '青禾 云南普洱熟茶 七子饼', '规格：357g/饼', 15900, 0.35, 5, 'tea'],
  ['QH-TEA-005', '青禾 福鼎白茶 寿眉 紧压茶', '净含量：300g', 13900, 0.36, 5, 'tea'],
  ['QH-TEA-006', '青禾 茉莉花茶 三角袋泡茶', '规格：30包/盒', 3990, 0.45, 14, 'tea'],
  ['QH-TEA-007', '青禾 冷泡乌龙茶 袋泡', '规格：20包/盒', 4900, 0.44, 12, 'tea'],
  ['QH-TEA-008', '青禾 桂花乌龙 花草茶 罐装', '净含量：120g', 6900, 0.4, 6, 'tea'],
  ['QH-CUP-001', '青禾 玻璃飘逸杯 一键过滤泡茶壶', '容量：500ml', 5900, 0.48, 8, 'ware'],
  ['QH-CUP-002', '青禾 汝窑功夫茶具套装 一壶六杯', '颜色分类：天青色', 29900, 0.55, 2, 'ware'],
  ['QH-CUP-003', '青禾 便携旅行茶具 快客杯', '颜色分类：米白色', 12900, 0.5, 4, 'ware'],
  ['QH-HOM-001', '青禾 竹制茶盘 储水式', '尺寸：60×40cm', 18900, 0.52, 2, 'ware'],
  ['QH-HOM-002', '青禾 纯棉吸水茶巾 3条装', '颜色分类：混色', 1990, 0.6, 7, 'ware'],
  ['QH-HOM-003', '青禾 白茶香 香薰蜡烛', '规格：200g', 7900, 0.34, 4, 'ware'],
  ['QH-HOM-004', '青禾 亚麻桌旗 禅意茶席', '尺寸：30×180cm', 6900, 0.46, 2, 'ware'],
  ['QH-GFT-001', '青禾 龙井白茶双拼礼盒 送长辈', '规格：礼盒装 2罐', 39900, 0.45, 3, 'gift'],
  ['QH-GFT-002', '青禾 四季名茶礼盒 年货送礼', '规格：礼盒装 4罐', 52800, 0.44, 2, 'gift'],
];

export const CATALOG: readonly DemoProduct[] = ROWS.map(
  ([sku, title, attributes, priceFen, costShare, popularity, kind]) => ({
    sku,
    title,
    attributes,
    unitPriceFen: priceFen,
    unitCostFen: Math.round((priceFen * costShare) / 10) * 10,
    popularity,
    consumable: kind === 'tea',
    giftBox: kind === 'gift',
  }),
);

/** Popularity on a given day: gift boxes boom before 春节, everything on sale sells on 双11. */
export function productWeight(p: DemoProduct, festival: Festival): number {
  if (p.giftBox && festival === 'nianhuo') return p.popularity * 6;
  if (p.giftBox && (festival === 'double11' || festival === 'double11-warmup')) return p.popularity * 2;
  if (!p.consumable && !p.giftBox && (festival === 'double11' || festival === '618'))
    return p.popularity * 1.8;
  return p.popularity;
}
