/**
 * An own shop's export names Chinese provinces in Latin letters (Shopify's Shipping Province Name:
 * Xinjiang). They are stored by their Chinese names, so a shipping rule by province (新疆 costs
 * more to send to) applies to those orders as it does to a marketplace's.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/run-cli-in-process.js';

async function huike(db: string, args: string[]): Promise<string> {
  const r = await runCliInProcess(['--db', db, ...args]);
  expect(r.code, `${args.join(' ')}\n${r.stderr}\n${r.stdout}`).toBe(0);
  return r.stdout;
}

function shopifyOrder(name: string, province: string, code: string, city: string): Record<string, string> {
  return {
    Name: name,
    Email: `${name.slice(1)}@example.com`,
    'Financial Status': 'paid',
    'Paid at': '2025-06-02 10:00:00 +0800',
    'Fulfillment Status': 'fulfilled',
    Currency: 'CNY',
    Subtotal: '100.00',
    Shipping: '0.00',
    Taxes: '0.00',
    Total: '100.00',
    'Discount Amount': '0.00',
    'Created at': '2025-06-02 09:58:00 +0800',
    'Lineitem quantity': '1',
    'Lineitem name': '茶杯',
    'Lineitem price': '100.00',
    'Lineitem sku': 'CUP-1',
    'Shipping Name': '李娜',
    'Shipping Address1': '解放路1号',
    'Shipping City': city,
    'Shipping Province': code,
    'Shipping Country': 'CN',
    'Shipping Province Name': province,
    'Outstanding Balance': '0.00',
    Id: `67984815${name.slice(1)}`,
  };
}

describe('a Shopify order to Xinjiang', () => {
  it('is stored under 新疆 and gets the 新疆 shipping rule', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'huike-province-'));
    const db = path.join(dir, 'shop.db');
    const file = path.join(dir, 'orders_export.csv');
    writeFileSync(
      file,
      Papa.unparse([
        shopifyOrder('#3001', 'Xinjiang', 'XJ', '乌鲁木齐市'),
        shopifyOrder('#3002', 'Zhejiang', 'ZJ', '杭州市'),
      ]),
    );
    await huike(db, ['import', file, '--json']);
    const sqlite = new Database(db, { readonly: true });
    const province = (id: string) =>
      (
        sqlite.prepare('SELECT receiver_province AS p FROM orders WHERE platform_order_id = ?').get(id) as {
          p: string | null;
        }
      ).p;
    expect(province('#3001')).toBe('新疆维吾尔自治区');
    expect(province('#3002')).toBe('浙江省');
    sqlite.close();

    const shops = JSON.parse(await huike(db, ['shops', '--json'])) as { shops: Array<{ id: number }> };
    await huike(db, [
      'profit',
      'shipping-rule',
      '--shop',
      String(shops.shops[0]!.id),
      '--from',
      '2025-01-01',
      '--per-order',
      '6',
      '--province',
      '新疆=20',
      '--json',
    ]);
    const report = JSON.parse(
      await huike(db, ['report', 'profit', '--from', '2025-06-01', '--to', '2025-06-30', '--json']),
    ) as { totals: { shippingFen: number } };
    expect(report.totals.shippingFen).toBe(2000 + 600);
  });
});
