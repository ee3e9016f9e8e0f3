/**
 * The Customers channels through createApp (what the window, the browser build and the CLI call):
 * input validation in the user's words, the list and the page on an imported Tmall export, an edit,
 * and exports (CSV masked by default, unmasked on request, JSON for the terminal) fetched back in
 * chunks the way the screen does.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import { UserError } from '../../../main/domain/errors.js';
import { formatMessage } from '../../../main/shared/messages/index.js';
import { tmallOrdersGbk, type Fixture } from '../../fixtures/generate.js';
import { testApp } from '../../helpers/test-app.js';

let tmall: Fixture;
let app: HuikeApp;
beforeAll(async () => {
  tmall = await tmallOrdersGbk(mkdtempSync(path.join(os.tmpdir(), 'huike-customers-')));
});
beforeEach(async () => {
  app = await testApp();
  const { fileId } = await app.stagePath(tmall.path);
  await app.invoke('import.commit', { files: [{ fileId }], skipInvalidRows: true });
});
afterEach(() => app.close());

async function refused(channel: Parameters<HuikeApp['invoke']>[0], input: unknown): Promise<UserError> {
  const error = await app.invoke(channel, input).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

async function fetchExport(exportId: string): Promise<string> {
  const parts: Buffer[] = [];
  for (let offset = 0, done = false; !done;) {
    const chunk = await app.invoke('customers.exportChunk', { exportId, offset });
    const bytes = Buffer.from(chunk.base64, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    done = chunk.done;
  }
  return Buffer.concat(parts).toString('utf8');
}

describe('customers channels', () => {
  it('list and page with defaults, masked', async () => {
    const page = await app.invoke('customers.list', {});
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows.length).toBe(page.total);
    expect(JSON.stringify(page.rows)).not.toMatch(/李四|13900000002/);
    const bob = page.rows.find((r) => r.accountKeys[0]?.display === 'tb_bob')!;
    expect(bob).toMatchObject({ displayName: '李*', phone: '139****0002' });
    const detail = await app.invoke('customers.get', { id: bob.id });
    expect(detail.accounts).toEqual([
      expect.objectContaining({ platform: 'tmall', key: 'tb_bob', via: 'single' }),
    ]);
    const orders = await app.invoke('customers.orders', { id: bob.id });
    expect(orders.rows.map((r) => r.platformOrderId)).toContain('1001000000000000002');
  });

  it('refuses inputs in the user’s words', async () => {
    const noCurrency = await refused('customers.list', { filter: { spendMin: 100 } });
    expect(noCurrency.code).toBe('input.invalid');
    expect(formatMessage(noCurrency.code, noCurrency.params, 'en')).toBe(
      'The currency of the spend range is not valid: expected a three-letter currency code such as CNY or USD.',
    );
    const badDay = await refused('customers.list', { filter: { lastFrom: '2024-13' } });
    expect(formatMessage(badDay.code, badDay.params, 'zh-CN')).toContain('最近下单的开始日期');
    expect(formatMessage(badDay.code, badDay.params, 'en')).toContain('a date as YYYY-MM-DD');
    expect((await refused('customers.list', { filter: { segment: 'vip' } })).code).toBe('input.unknownKeys');
    expect((await refused('customers.list', { sort: { key: 'profit', direction: 'desc' } })).code).toBe(
      'input.invalid',
    );
    expect((await refused('customers.list', { filter: { ordersMin: -1 } })).code).toBe('input.invalid');
    const tooMany = await refused('customers.update', {
      id: 1,
      tags: Array.from({ length: 21 }, (_, i) => `t${i}`),
    });
    expect(formatMessage(tooMany.code, tooMany.params, 'en')).toBe(
      'The tag list is not valid: expected at most 20 items.',
    );
    const notFound = await refused('customers.get', { id: 99_999 });
    expect(notFound.code).toBe('customers.notFound');
    expect((await refused('customers.update', { id: 99_999, note: 'x' })).code).toBe('customers.notFound');
  });

  it('saves a note and tags', async () => {
    const [first] = (await app.invoke('customers.list', {})).rows;
    const saved = await app.invoke('customers.update', { id: first!.id, note: '回头客', tags: ['VIP'] });
    expect(saved).toMatchObject({ id: first!.id, note: '回头客', tags: ['VIP'] });
    expect(await app.invoke('customers.get', { id: first!.id })).toMatchObject({
      note: '回头客',
      tags: ['VIP'],
    });
  });
});

describe('customers export', () => {
  it('CSV is masked by default and whole only when asked; the filter and sort are the list’s', async () => {
    const file = await app.invoke('customers.export', { lang: 'zh-CN' });
    expect(file).toMatchObject({ format: 'csv', masked: true, mimeType: 'text/csv;charset=utf-8' });
    expect(file.fileName).toMatch(/^客户-\d{8}\.csv$/);
    const masked = await fetchExport(file.exportId);
    expect(masked.startsWith('\uFEFF')).toBe(true);
    const table = Papa.parse<string[]>(masked.slice(1).trim()).data;
    expect(table[0]).toEqual([
      '客户编号',
      '名称',
      '手机',
      '平台',
      '店铺',
      '买家账号',
      '账号数',
      '已付款订单',
      '全部订单',
      '首次下单',
      '最近下单',
      '净消费 CNY',
      '标签',
      '备注',
    ]);
    expect(table.length - 1).toBe(file.customers);
    const bob = table.find((r) => r[5] === '天猫/淘宝:tb_bob')!;
    expect(bob.slice(1, 4)).toEqual(['李*', '139****0002', '天猫/淘宝']);
    expect(masked).not.toMatch(/李四|13900000002/);

    const whole = await app.invoke('customers.export', {
      masked: false,
      lang: 'en',
      filter: { q: 'tb_bob' },
    });
    expect(whole).toMatchObject({ customers: 1, masked: false });
    const text = await fetchExport(whole.exportId);
    const [header, row] = Papa.parse<string[]>(text.slice(1).trim()).data;
    expect(header!.slice(0, 3)).toEqual(['Customer ID', 'Name', 'Phone']);
    expect(row!.slice(1, 6)).toEqual([
      '李四',
      '13900000002',
      'Tmall/Taobao',
      '汇客旗舰店',
      'Tmall/Taobao:tb_bob',
    ]);
  });

  it('JSON for the terminal: every customer with its accounts, orders and revenue in fen', async () => {
    const file = await app.invoke('customers.export', { format: 'json', limit: 2 });
    const doc = JSON.parse(await fetchExport(file.exportId)) as {
      customers: Array<{
        id: number;
        displayName: string | null;
        accounts: Array<{ platform: string; shop: string | null; buyerKey: string }>;
        orders: number;
        revenueFen: number;
      }>;
      total: number;
      durationMs: number;
    };
    expect(doc.customers).toHaveLength(2);
    // The customers the filter keeps, the limit aside.
    expect(doc.total).toBe((await app.invoke('customers.list', {})).total);
    expect(doc.durationMs).toBeGreaterThanOrEqual(0);
    const all = await app.invoke('customers.export', { format: 'json', filter: { q: 'tb_bob' } });
    const bob = (JSON.parse(await fetchExport(all.exportId)) as typeof doc).customers[0]!;
    expect(bob).toMatchObject({
      displayName: '李*',
      accounts: [{ platform: 'tmall', shop: '汇客旗舰店', buyerKey: 'tb_bob' }],
      orders: 1,
      revenueFen: 129_900,
    });
  });
});
