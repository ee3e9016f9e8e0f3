/** Headline figures of a generated demo shop (for `huike demo` output, tests and benchmarks). */

import { localDateOfIso } from './calendar.js';
import type { DemoPlatform } from './calendar.js';
import type { DemoShop } from './index.js';

export interface DemoShopSummary {
  persons: number;
  households: number;
  multiPlatformPersons: number;
  /** multiPlatformPersons / persons. */
  multiPlatformShare: number;
  shops: {
    platform: DemoPlatform;
    name: string;
    buyers: number;
    orders: number;
    lines: number;
    paidOrders: number;
    paidFen: number;
    refundedOrders: number;
    refundFen: number;
    giftOrders: number;
    statuses: Record<string, number>;
  }[];
  orders: number;
  paidFen: number;
  /** Refunded orders / paid orders. */
  refundShare: number;
  /** The local (Asia/Shanghai) date with the most orders, over all shops. */
  topDay: { date: string; orders: number };
  firstDay: string;
  lastDay: string;
}

export function summarizeDemoShop(shop: DemoShop): DemoShopSummary {
  const perDay = new Map<string, number>();
  let paidOrders = 0;
  let refunded = 0;
  const shops = shop.shops.map((s) => {
    const buyers = new Set<string>();
    const statuses: Record<string, number> = {};
    const summary = {
      platform: s.platform,
      name: s.name,
      buyers: 0,
      orders: s.orders.length,
      lines: 0,
      paidOrders: 0,
      paidFen: 0,
      refundedOrders: 0,
      refundFen: 0,
      giftOrders: s.giftOrderIds.length,
      statuses,
    };
    for (const o of s.orders) {
      if (o.buyer) buyers.add(o.buyer.key);
      const status = o.status ?? 'unknown';
      statuses[status] = (statuses[status] ?? 0) + 1;
      summary.lines += o.lines?.length ?? 0;
      if (o.paidAt) {
        summary.paidOrders++;
        summary.paidFen += o.paidFen ?? 0;
      }
      if ((o.refundFen ?? 0) > 0) {
        summary.refundedOrders++;
        summary.refundFen += o.refundFen ?? 0;
      }
      if (o.orderedAt) {
        const day = localDateOfIso(o.orderedAt);
        perDay.set(day, (perDay.get(day) ?? 0) + 1);
      }
    }
    summary.buyers = buyers.size;
    paidOrders += summary.paidOrders;
    refunded += summary.refundedOrders;
    return summary;
  });
  let topDay = { date: '', orders: 0 };
  for (const [date, orders] of perDay) if (orders > topDay.orders) topDay = { date, orders };
  const days = [...perDay.keys()].sort();
  const multi = shop.persons.filter((p) => new Set(p.accounts.map((a) => a.platform)).size > 1).length;
  return {
    persons: shop.persons.length,
    households: new Set(shop.persons.map((p) => p.householdId)).size,
    multiPlatformPersons: multi,
    multiPlatformShare: shop.persons.length === 0 ? 0 : multi / shop.persons.length,
    shops,
    orders: shops.reduce((n, s) => n + s.orders, 0),
    paidFen: shops.reduce((n, s) => n + s.paidFen, 0),
    refundShare: paidOrders === 0 ? 0 : refunded / paidOrders,
    topDay,
    firstDay: days[0] ?? '',
    lastDay: days[days.length - 1] ?? '',
  };
}
