/**
 * The Orders channels through createApp (what the window, the browser build and the CLI call):
 * input validation, a search on an imported Tmall export, the detail, and an export fetched back
 * in chunks the way the screen does.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import type { ProgressEvent } from '../../../main/api/contract.js';
import { UserError } from '../../../main/domain/errors.js';
import { EXPORT_CHUNK_BYTES } from '../../../main/services/orders/export-store.js';
import { tmallOrdersGbk, type Fixture } from '../../fixtures/generate.js';
import { testApp } from '../../helpers/test-app.js';

let tmall: Fixture;
let app: HuikeApp;
beforeAll(async () => {
  tmall = await tmallOrdersGbk(mkdtempSync(path.join(os.tmpdir(), 'huike-orders-')));
});
beforeEach(async () => {
  app = await testApp();
  const { fileId } = await app.stagePath(tmall.path);
  await app.invoke('import.commit', { files: [{ fileId }], skipInvalidRows: true });
});
afterEach(() => app.close());

async function fetchExport(exportId: string, size: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset = 0, done = false; !done;) {
    const chunk = await app.invoke('orders.exportChunk', { exportId, offset });
    expect(chunk.offset).toBe(offset);
    const bytes = Buffer.from(chunk.base64, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    done = chunk.done;
  }
  const whole = Buffer.concat(parts);
  expect(whole.length).toBe(size);
  return whole;
}

describe('orders channels', () => {
  it('list with defaults: newest first, totals, masked rows', async () => {
    const page = await app.invoke('orders.list', {});
    expect(page.offset).toBe(0);
    expect(page.totals!.orders).toBe(tmall.expected.orders);
    expect(page.totals!.byCurrency).toEqual([
      expect.objectContaining({
        currency: 'CNY',
        orders: tmall.expected.orders,
        refundFen: tmall.expected.refundFen,
      }),
    ]);
    const times = page.rows.map((r) => r.orderedAt ?? '');
    expect(times).toEqual([...times].sort().reverse());
    expect(JSON.stringify(page.rows)).not.toContain('李四');
  });

  it('find an order by phone digits and open it', async () => {
    const page = await app.invoke('orders.list', { filter: { q: '5678' } });
    expect(page.rows.map((r) => r.platformOrderId)).toEqual(['1001000000000000001']);
    const detail = await app.invoke('orders.get', { id: page.rows[0]!.id });
    expect(detail.receiver).toMatchObject({ name: '张*', phone: '138****5678', district: '西湖区' });
    expect(detail.buyer).toMatchObject({
      key: 'tb_alice',
      link: { buyer: 'tb_alice', platforms: ['tmall'] },
    });
    expect(detail.history).toEqual([
      expect.objectContaining({ role: 'created', fileName: path.basename(tmall.path), state: 'committed' }),
    ]);
  });

  it('refuse bad input and name the field', async () => {
    // Each refusal names the field in the user's words (zh-CN here), and carries its code.
    await expect(app.invoke('orders.list', { filter: { statuses: ['refunded'] } })).rejects.toThrow(
      /订单状态/,
    );
    await expect(app.invoke('orders.list', { filter: { from: '2026/1/1' } })).rejects.toThrow(/开始日期/);
    await expect(app.invoke('orders.list', { filter: { platforms: ['ebay'] } })).rejects.toThrow(/平台/);
    await expect(app.invoke('orders.list', { filter: { shop: 3 } })).rejects.toMatchObject({
      code: 'input.unknownKeys',
    });
    await expect(app.invoke('orders.list', { limit: 5000 })).rejects.toBeInstanceOf(UserError);
    await expect(app.invoke('orders.list', { sort: { key: 'buyer', direction: 'asc' } })).rejects.toThrow(
      /排序列/,
    );
    await expect(app.invoke('orders.export', { format: 'pdf' })).rejects.toThrow(/文件类型/);
    await expect(app.invoke('orders.get', { id: 123456 })).rejects.toMatchObject({ code: 'orders.notFound' });
  });

  it('export with progress, then hand the bytes over in chunks and let go of them', async () => {
    const events: ProgressEvent[] = [];
    app.onProgress((e) => events.push(e));
    const file = await app.invoke('orders.export', {
      filter: { hasRefund: false },
      format: 'csv',
      lang: 'en',
      jobId: 'export-1',
    });
    expect(file).toMatchObject({ format: 'csv', masked: true, fileName: 'orders-20261120.csv' });
    expect(file.size).toBeLessThan(EXPORT_CHUNK_BYTES);
    expect(events.filter((e) => e.jobId === 'export-1').at(-1)).toMatchObject({
      phase: 'exporting',
      done: file.orders,
      total: file.orders,
    });
    const text = (await fetchExport(file.exportId, file.size)).toString('utf8');
    const rows = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(file.orders);
    expect(rows.every((r) => r['Refund'] === '0.00' || r['Refund'] === '')).toBe(true);
    // Read once: the app no longer holds the file.
    await expect(
      app.invoke('orders.exportChunk', { exportId: file.exportId, offset: 0 }),
    ).rejects.toMatchObject({
      code: 'orders.exportGone',
    });
  });
});
