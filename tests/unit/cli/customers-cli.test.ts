/** `huike customers --json / --csv / --limit / --segment / --search`, run in-process. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess as huike } from '../../helpers/run-cli-in-process.js';
import { sheetCsv, tmallCsv, writeTemp } from '../../helpers/shop-files.js';

interface Doc {
  customers: Array<{
    id: number;
    displayName: string | null;
    accounts: Array<{ platform: string; shop: string | null; buyerKey: string }>;
    orders: number;
    revenueFen: number;
    spend: Array<{ currency: string; netFen: number }>;
  }>;
  total: number;
  durationMs: number;
}

let db: string;
beforeAll(async () => {
  db = path.join(mkdtempSync(path.join(os.tmpdir(), 'huike-cli-customers-')), 'a.db');
  const tmall = tmallCsv(
    [
      { id: 'T1', buyer: 'tb_alice', paid: '88.00', orderedAt: '2024-05-01 10:00:00' },
      { id: 'T2', buyer: 'tb_alice', paid: '12.00', orderedAt: '2024-05-03 10:00:00' },
      { id: 'T3', buyer: 'tb_bob', paid: '30.00', orderedAt: '2024-05-02 10:00:00' },
    ],
    '汇客旗舰店',
  );
  expect((await huike(['--db', db, 'import', writeTemp('t.csv', tmall)])).code).toBe(0);
  // A home-made sheet keyed by phone: its shop's platform is "other", `--platform generic` to import.
  const sheet = sheetCsv([{ id: 'S1', phone: '13812345678', amount: '50.00', at: '2024-05-04 09:00:00' }]);
  const mapping = writeTemp(
    'm.json',
    JSON.stringify({ orderId: '单号', orderedAt: '下单时间', buyerPhone: '手机', paidAmount: '金额' }),
  );
  const imported = await huike([
    '--db',
    db,
    'import',
    writeTemp('s.csv', sheet),
    '--mapping',
    mapping,
    '--currency',
    'CNY',
    '--shop',
    '自建表',
  ]);
  expect(imported.code, imported.stderr).toBe(0);
});

async function json(...args: string[]): Promise<Doc> {
  const r = await huike(['--db', db, 'customers', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}

describe('huike customers', () => {
  it('--json lists every customer, single-account ones included, with accounts, orders and revenue in fen', async () => {
    const doc = await json();
    expect(doc.total).toBe(3);
    expect(doc.customers.map((c) => c.accounts)).toEqual([
      [{ platform: 'generic', shop: '自建表', shops: ['自建表'], buyerKey: '13812345678', keyKind: 'phone' }],
      [
        {
          platform: 'tmall',
          shop: '汇客旗舰店',
          shops: ['汇客旗舰店'],
          buyerKey: 'tb_alice',
          keyKind: 'member_name',
        },
      ],
      [
        {
          platform: 'tmall',
          shop: '汇客旗舰店',
          shops: ['汇客旗舰店'],
          buyerKey: 'tb_bob',
          keyKind: 'member_name',
        },
      ],
    ]);
    expect(doc.customers.map((c) => [c.orders, c.revenueFen])).toEqual([
      [1, 5000],
      [2, 10_000],
      [1, 3000],
    ]);
    expect(typeof doc.durationMs).toBe('number');
  });

  it('--limit keeps the most recent buyers; --search finds by phone digits, key or order id', async () => {
    expect((await json('--limit', '1')).customers.map((c) => c.accounts[0]!.buyerKey)).toEqual([
      '13812345678',
    ]);
    expect((await json('--search', '5678')).customers.map((c) => c.id)).toHaveLength(1);
    expect((await json('--search', 'TB_BOB')).customers[0]!.accounts[0]!.buyerKey).toBe('tb_bob');
    expect((await json('--search', 'T2')).customers).toEqual([]);
  });

  it('--csv writes the same customers as CSV, masked unless --unmasked', async () => {
    const r = await huike(['--db', db, '--lang', 'en', 'customers', '--csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = Papa.parse<string[]>(r.stdout.replace(/^\uFEFF/, '').trim()).data;
    expect(rows[0]!.slice(0, 6)).toEqual([
      'Customer ID',
      'Name',
      'Phone',
      'Platforms',
      'Shops',
      'Buyer accounts',
    ]);
    expect(rows.slice(1).map((row) => row[5])).toEqual([
      'Other:138****5678',
      'Tmall/Taobao:tb_alice',
      'Tmall/Taobao:tb_bob',
    ]);
    const whole = await huike(['--db', db, 'customers', '--csv', '--unmasked', '--limit', '1']);
    expect(whole.stdout).toContain('13812345678');
    expect(whole.stdout.trim().split('\r\n')).toHaveLength(2);
  });

  it('without --json prints one line per customer and the count, in the chosen language', async () => {
    const zh = await huike(['--db', db, 'customers', '--limit', '2']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('tmall:tb_alice');
    expect(zh.stdout).toContain('已付款订单 2');
    expect(zh.stdout).toContain('¥100.00');
    expect(zh.stdout.trim().split('\n').at(-1)).toBe('共 3 位客户，列出 2 位');
    const en = await huike(['--db', db, '--lang', 'en', 'customers']);
    expect(en.stdout.trim().split('\n').at(-1)).toBe('3 customers');
  });

  it('--segment takes a saved segment by name, all, and refuses an unknown one with every name', async () => {
    expect((await json('--segment', 'all')).total).toBe(3);
    // Segments are saved on the VIP page; here straight into the file, as the page would.
    const file = new Database(db);
    file
      .prepare(
        `INSERT INTO segments (name, filter_json, created_at, updated_at) VALUES (?, ?, 'x', 'x'), (?, ?, 'x', 'x')`,
      )
      .run(
        '天猫常客',
        JSON.stringify({ platforms: ['tmall'], ordersMin: 2 }),
        '天猫',
        '{"platforms":["tmall"]}',
      );
    file.close();
    const regulars = await json('--segment', '天猫常客');
    expect(regulars.total).toBe(1);
    expect(regulars.customers.map((c) => c.accounts[0]!.buyerKey)).toEqual(['tb_alice']);
    const tmall = await json('--segment', '天猫');
    expect(tmall.total).toBe(2);
    // --search narrows the segment.
    expect((await json('--segment', '天猫', '--search', 'tb_bob')).customers).toHaveLength(1);

    const r = await huike(['--db', db, '--lang', 'en', 'customers', '--segment', 'vip', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      error: {
        code: 'customers.unknownSegment',
        message: 'There is no customer segment called “vip”. The segments there are: all, 天猫, 天猫常客.',
      },
    });
    const zh = await huike(['--db', db, 'customers', '--segment', 'vip']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toBe('没有名为「vip」的客户分群。现有的分群：all、天猫、天猫常客。\n');
  });

  it('--limit must be a whole number of 1 or more', async () => {
    for (const value of ['0', 'ten', '1.5']) {
      const r = await huike(['--db', db, 'customers', '--limit', value, '--json']);
      expect(r.code, value).toBe(1);
      expect(JSON.parse(r.stdout).error.code).toBe('customers.badLimit');
    }
  });

  it('an empty database lists no customers', async () => {
    const empty = path.join(mkdtempSync(path.join(os.tmpdir(), 'huike-cli-customers-')), 'e.db');
    expect((await huike(['--db', empty, 'shops'])).code).toBe(0);
    const r = await huike(['--db', empty, 'customers', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ customers: [], total: 0 });
  });
});
