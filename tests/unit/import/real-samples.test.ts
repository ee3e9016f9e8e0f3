/**
 * The real sample exports in ../shared/fixtures/real (not copied into the repository: their sources
 * carry no license). The literal figures were computed independently of this code, with a Python
 * Decimal one-off and an awk cross-check over the same files:
 *   Tmall: 28,010 rows; 3,923 empty 订单付款时间; Σ买家实际支付金额 = 1,902,487.15 元;
 *          Σ退款金额 = 572,335.92 元; Σ总金额 = 2,995,760.61 元.
 *   Shopify: 121 rows, 51 orders (Name), all `paid`, Σ Total of first rows = 590,683.29 INR,
 *          Σ Lineitem quantity = 258.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lineCount, readFile, sum } from './read-helpers.js';

const REAL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures/real');
const TMALL = path.join(REAL, 'tmall_order_report_tianchi_2020-02.csv');
const SHOPIFY = path.join(REAL, 'shopify_orders_export_1_devstore.csv');

if (!existsSync(TMALL) || !existsSync(SHOPIFY)) {
  console.warn(`real sample exports not found under ${REAL}: the real-sample tests are skipped`);
}

describe.skipIf(!existsSync(TMALL))('real Tmall 订单报表 (Tianchi extract)', () => {
  it('reads all 28,010 orders with exact totals', async () => {
    const file = await readFile(TMALL);
    expect(file.encoding).toBe('utf-8');
    const [sheet] = file.sheets;
    expect(sheet!.detection.accepted).toMatchObject({
      format: 'tmall',
      variant: '订单报表（部分列）',
      confidence: 1,
    });
    expect(sheet!.problems).toEqual([]);
    const orders = sheet!.orders;
    expect(orders).toHaveLength(28010);
    expect(orders.filter((o) => o.paidAt === null)).toHaveLength(3923);
    expect(sum(orders, (o) => o.paidFen)).toBe(190248715);
    expect(sum(orders, (o) => o.refundFen)).toBe(57233592);
    expect(sum(orders, (o) => o.totalFen)).toBe(299576061);
    // Every 收货地址 (a province in this extract) is recognised.
    expect(orders.filter((o) => !o.receiver?.province)).toHaveLength(0);
    expect(orders[0]).toMatchObject({
      platformOrderId: '1',
      orderedAt: '2020-02-20T16:00:00.000Z',
      paidAt: null,
      totalFen: 17880,
      paidFen: 0,
    });
    expect(file.progress).toEqual({ done: 1907495, total: 1907495 });
  }, 60_000);
});

describe.skipIf(!existsSync(SHOPIFY))('real Shopify orders_export_1', () => {
  it('reads 121 line rows into 51 orders', async () => {
    const file = await readFile(SHOPIFY);
    const [sheet] = file.sheets;
    expect(sheet!.detection.accepted).toMatchObject({
      format: 'shopify',
      variant: 'orders_export',
      confidence: 1,
    });
    expect(sheet!.rows).toBe(121);
    expect(sheet!.problems).toEqual([]);
    const orders = sheet!.orders;
    expect(orders).toHaveLength(51);
    expect(lineCount(orders)).toBe(121);
    expect(orders.flatMap((o) => o.lines!).reduce((n, l) => n + (l.quantity ?? 0), 0)).toBe(258);
    expect(sum(orders, (o) => o.totalFen)).toBe(59068329);
    expect(sum(orders, (o) => o.paidFen)).toBe(59068329);
    expect(new Set(orders.map((o) => o.currency))).toEqual(new Set(['INR']));
    const o1050 = orders.find((o) => o.platformOrderId === '#1050')!;
    expect(o1050).toMatchObject({
      totalFen: 1159400,
      status: 'paid',
      paidAt: null,
      orderedAt: '2025-12-06T15:37:30.000Z',
      buyer: { kind: 'email', key: 'shivagtx@gmail.com' },
    });
    expect(o1050.lines!.map((l) => l.sku)).toEqual(['LW-MIN-BRN', 'YM-ECO-001', 'SC-LAV-VAN', 'CB-ETH-500']);
  });
});
