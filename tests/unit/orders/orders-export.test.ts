/** Exporting the filtered Orders list: CSV and Excel, masked by default, in chunks with progress. */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeDb } from '../../../db/index.js';
import { CancelledError, UserError } from '../../../main/domain/errors.js';
import { exportOrders, type OrdersExportRequest } from '../../../main/services/orders/export.js';
import { DEFAULT_ORDERS_SORT } from '../../../main/shared/orders-query.js';
import { fixedClock, freshDb } from '../../helpers/test-db.js';
import { writeFragments } from '../../helpers/write-fragments.js';
import { seedOrders, TMALL } from './orders-fixture.js';

let h: HuikeDb;
beforeEach(async () => {
  h = await freshDb();
  await seedOrders(h);
});
afterEach(() => h.close());

const request = (extra: Partial<OrdersExportRequest> = {}): OrdersExportRequest => ({
  filter: {},
  sort: DEFAULT_ORDERS_SORT,
  format: 'csv',
  masked: true,
  lang: 'zh-CN',
  ...extra,
});

/** The file's bytes, joined from the pieces the export wrote. */
const bytesOf = (file: { parts: Buffer[]; size: number }): Buffer => {
  const bytes = Buffer.concat(file.parts);
  expect(bytes.length).toBe(file.size);
  return bytes;
};

function csvRows(bytes: Buffer): Record<string, string>[] {
  const text = bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
}

describe('CSV export', () => {
  it('writes the filtered list in its sort order, UTF-8 with a BOM, CRLF, masked', async () => {
    const file = await exportOrders(h, request({ filter: { platforms: ['tmall', 'youzan'] } }), {
      now: fixedClock,
    });
    expect(file).toMatchObject({
      fileName: '订单-20261120.csv',
      mimeType: 'text/csv;charset=utf-8',
      orders: 5,
    });
    expect(bytesOf(file).toString('utf8')).toContain('\r\n');
    const rows = csvRows(bytesOf(file));
    expect(rows.map((r) => r['订单号'])).toEqual([
      '="3126811560000000003"',
      '="3126811560000000004"',
      '="3126811560000000002"',
      'E20260112000001',
      '="3126811560000000001"',
    ]);
    const t1 = rows.at(-1)!;
    expect(t1).toMatchObject({
      平台: '天猫/淘宝',
      店铺: '测试天猫店',
      下单时间: '2026-01-05 10:00:00',
      付款时间: '2026-01-05 10:01:00',
      订单状态: '已完成',
      平台状态: '交易成功',
      商品: '汇客保温杯 500ml ×2；杯盖 ×1',
      件数: '3',
      币种: 'CNY',
      应付金额: '105.00',
      实付金额: '100.00',
      运费: '5.00',
      优惠: '10.00',
      退款金额: '0.00',
      买家账号: 'tb_alice',
      收货人: '张*',
      收货电话: '138****5678',
      省份: '浙江省',
      城市: '杭州市',
      区县: '西湖区',
      详细地址: '文三****',
      示例数据: '是',
    });
    // A note that looks like a formula is kept from running in a spreadsheet.
    expect(t1['买家留言']).toBe(`'=HYPERLINK("http://example.com")`);
    const youzan = rows.find((r) => r['订单号'] === 'E20260112000001')!;
    expect(youzan).toMatchObject({
      收货人: '孙*伟',
      收货电话: '138****5678',
      买家账号: '138****5678',
      示例数据: '否',
    });
    expect(bytesOf(file).toString('utf8')).not.toMatch(/13812345678|孙萍伟|解放路163号/);
  });

  it('writes full names, phones and addresses only when asked', async () => {
    const file = await exportOrders(h, request({ filter: { platforms: ['youzan'] }, masked: false }), {
      now: fixedClock,
    });
    expect(csvRows(bytesOf(file))[0]).toMatchObject({
      收货人: '孙萍伟',
      收货电话: '13812345678',
      详细地址: '解放路163号',
      买家账号: '13812345678',
    });
  });

  it('keeps each amount in its own currency and its own clock, with English headers', async () => {
    const file = await exportOrders(h, request({ filter: { currency: 'USD' }, lang: 'en' }), {
      now: fixedClock,
    });
    expect(file.fileName).toBe('orders-20261120.csv');
    const rows = csvRows(bytesOf(file));
    expect(rows.map((r) => [r['Order ID'], r['Currency'], r['Paid'], r['Refund'], r['Ordered at']])).toEqual([
      ['#1002', 'USD', '5.00', '5.00', '2026-01-16 10:00:00'],
      ['#1001', 'USD', '19.99', '0.00', '2026-01-15 10:00:00'],
    ]);
    expect(rows[1]).toMatchObject({
      Platform: 'Shopify',
      Status: 'Paid',
      Receiver: 'I*',
      Phone: '*******2188',
    });
  });

  it('reports progress in chunks and stops, writing nothing, when cancelled', async () => {
    const many = Array.from({ length: 1200 }, (_, i) => ({
      platformOrderId: `9${String(i).padStart(18, '0')}`,
      sourceRows: [i + 2],
      orderedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
      paidFen: 100,
    }));
    await writeFragments(h, many, 'many.csv', TMALL);
    const events: [string, number, number][] = [];
    const file = await exportOrders(h, request(), {
      now: fixedClock,
      progress: (phase, done, total) => events.push([phase, done, total]),
    });
    expect(file.orders).toBe(1209);
    expect(csvRows(bytesOf(file))).toHaveLength(1209);
    expect(events[0]).toEqual(['exporting', 0, 1209]);
    expect(events.at(-1)).toEqual(['exporting', 1209, 1209]);
    expect(events.length).toBeGreaterThanOrEqual(4);

    const controller = new AbortController();
    const cancelled = exportOrders(h, request(), {
      now: fixedClock,
      signal: controller.signal,
      progress: (_phase, done) => {
        if (done > 0) controller.abort();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(CancelledError);
  });

  it('refuses to export nothing', async () => {
    const empty = exportOrders(h, request({ filter: { q: 'no such order' } }), { now: fixedClock });
    await expect(empty).rejects.toBeInstanceOf(UserError);
    await expect(empty).rejects.toMatchObject({ code: 'orders.exportEmpty' });
  });
});

describe('Excel export', () => {
  it('writes a sheet with ids as text and money as numbers in the currency decimals', async () => {
    const file = await exportOrders(h, request({ format: 'xlsx', filter: { platforms: ['tmall'] } }), {
      now: fixedClock,
    });
    expect(file.fileName).toBe('订单-20261120.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('订单');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['平台', '店铺', '订单号', '下单时间']);
    expect(sheet.rowCount).toBe(5);
    const last = sheet.getRow(5);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(last.getCell(col('订单号')).value).toBe('3126811560000000001');
    expect(last.getCell(col('实付金额')).value).toBe(100);
    expect(last.getCell(col('实付金额')).numFmt).toBe('#,##0.00');
    expect(last.getCell(col('件数')).value).toBe(3);
    expect(last.getCell(col('收货电话')).value).toBe('138****5678');
    expect(last.getCell(col('买家留言')).value).toBe('=HYPERLINK("http://example.com")');
  });
});
