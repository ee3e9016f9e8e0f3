/**
 * VIP exports on a real database: masked by default (张*明, 138****5678, the street cut), the
 * customers who refused marketing left out and counted, an unmasked export recorded in the
 * operation log; opt-out lists by phone and e-mail (applied to later imports too); deletion on
 * request keeps the amounts and leaves no personal value in any table.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeDb } from '../../../db/index.js';
import { updateCustomer } from '../../../main/services/customers/update.js';
import { parseOptOutList } from '../../../main/domain/vip/opt-out-list.js';
import { importOptOuts, isNoMarketing, setConsent } from '../../../main/services/vip/consent.js';
import { eraseCustomer } from '../../../main/services/vip/erase.js';
import { exportVipList, type VipExportRequest } from '../../../main/services/vip/export.js';
import { saveSegment, segmentByName } from '../../../main/services/vip/segments.js';
import { FIXED_NOW, fixedClock, freshDb } from '../../helpers/test-db.js';
import { writeFragments } from '../../helpers/write-fragments.js';
import { customerOf, seedVip, YOUZAN } from './vip-fixture.js';

let h: HuikeDb;
beforeEach(async () => {
  h = await freshDb();
  await seedVip(h);
});
afterEach(() => h.close());

const NOW = FIXED_NOW.toISOString();

const request = (over: Partial<VipExportRequest> = {}): VipExportRequest => ({
  filter: {},
  segmentName: null,
  format: 'csv',
  encoding: 'utf8',
  masked: true,
  marketing: true,
  lang: 'zh-CN',
  front: 'app',
  ...over,
});

function csvRecords(bytes: Buffer, encoding: 'utf8' | 'gbk' = 'utf8') {
  const text = encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : bytes.subarray(3).toString('utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

function operations(kind: string) {
  return h.readSqlite.prepare('SELECT kind, summary_json FROM operations WHERE kind = ?').all(kind) as Array<{
    summary_json: string;
  }>;
}

describe('exports', () => {
  it('CSV: BOM, masked names, phones and addresses, level and spend; nothing logged', async () => {
    const file = await exportVipList(h, request(), { now: fixedClock });
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.fileName).toBe('VIP-客户-20261120.csv');
    const rows = csvRecords(file.bytes);
    expect(file).toMatchObject({ rows: 5, matched: 5, optedOut: 0, masked: true });
    const sun = rows.find((r) => r['手机'] === '138****5678' && r['姓名'] === '孙*伟')!;
    expect(sun).toMatchObject({
      地址: '陕西省西安市雁塔区 解放****',
      'VIP 等级': '金卡',
      已付款订单: '1',
      '消费 CNY': '6000',
      平台: '有赞',
    });
    expect(rows.find((r) => r['电子邮箱'] === 'i***@example.com')).toMatchObject({
      姓名: 'I*',
      手机: '*******2188',
    });
    const text = file.bytes.toString('utf8');
    for (const secret of ['13812345678', '孙萍伟', '解放路163号', 'ivan@example.com', '王小明'])
      expect(text).not.toContain(secret);
    expect(operations('unmask')).toHaveLength(0);
  });

  it('leaves out who refused marketing, counts them, and neutralises a formula in a note', async () => {
    const sun = customerOf(h, '13812345678');
    const wang = customerOf(h, '13700002222');
    await setConsent(h, sun, false, NOW);
    await updateCustomer(h, wang, { note: '=HYPERLINK("http://x.example","领奖")' }, NOW);
    const file = await exportVipList(h, request({ columns: ['name', 'phone', 'note'] }), { now: fixedClock });
    expect(file).toMatchObject({ rows: 4, matched: 5, optedOut: 1 });
    const rows = csvRecords(file.bytes);
    expect(rows.map((r) => r['姓名'])).not.toContain('孙*伟');
    expect(rows.find((r) => r['姓名'] === '王*明')!['备注']).toBe(`'=HYPERLINK("http://x.example","领奖")`);
    // A print-style list (not for marketing) keeps them.
    const all = await exportVipList(h, request({ marketing: false }), { now: fixedClock });
    expect(all).toMatchObject({ rows: 5, optedOut: 0 });
  });

  it('a segment, GBK and xlsx, unmasked on request and recorded in the log', async () => {
    await saveSegment(h, { name: '银卡以上', filter: { vipLevels: [1, 2, 3] } }, NOW);
    const segment = segmentByName(h, '银卡以上');
    const gbk = await exportVipList(
      h,
      request({ filter: segment.filter, segmentName: segment.name, encoding: 'gbk', masked: false }),
      { now: fixedClock },
    );
    expect(gbk.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const rows = csvRecords(gbk.bytes, 'gbk');
    expect(rows.map((r) => [r['姓名'], r['手机']]).sort()).toEqual([
      ['孙萍伟', '13812345678'],
      ['李四', '13900001111'],
    ]);
    expect(rows.find((r) => r['姓名'] === '李四')!['地址']).toBe('浙江省杭州市西湖区 文三路100号5幢301');
    const logged = operations('unmask').map((o) => JSON.parse(o.summary_json) as Record<string, unknown>);
    expect(logged).toEqual([
      expect.objectContaining({
        what: 'export',
        segment: '银卡以上',
        rows: 2,
        format: 'csv',
        front: 'app',
        who: expect.any(String),
      }),
    ]);

    const xlsx = await exportVipList(
      h,
      request({ filter: segment.filter, segmentName: segment.name, format: 'xlsx', lang: 'en' }),
      {
        now: fixedClock,
      },
    );
    expect(xlsx.fileName).toBe('VIP-银卡以上-20261120.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(['Customer ID', 'Name', 'Phone', 'VIP level', 'Spend CNY']),
    );
    const names = [2, 3].map((r) => sheet.getRow(r).getCell(2).value).sort();
    expect(names).toEqual(['孙*伟', '李*']);
    expect(operations('unmask')).toHaveLength(1);
  });
});

describe('opt-outs', () => {
  it('reads phones and e-mails from any list, normalised, skipping words and masked numbers', () => {
    const list = parseOptOutList(
      '\uFEFF手机,邮箱\r\n+86 139-0000-1111,IVAN@Example.com\n138****5678；不要再发\n13900001111',
    );
    expect(list.entries).toEqual([
      { kind: 'phone', value: '13900001111' },
      { kind: 'email', value: 'ivan@example.com' },
    ]);
    expect(list.skipped).toBe(4);
  });

  it('an imported list (GBK) opts customers out, now and in later imports', async () => {
    const text = '退订名单\r\n13900001111\r\nivan@example.com\r\n13600009999\r\n';
    const result = await importOptOuts(h, { name: '退订.csv', bytes: iconv.encode(text, 'gbk') }, NOW);
    expect(result).toMatchObject({ read: 3, added: 3, skipped: 1, customersOptedOut: 2 });
    expect(isNoMarketing(h.readSqlite, customerOf(h, '13900001111'))).toBe(true);
    expect(isNoMarketing(h.readSqlite, customerOf(h, 'ivan@example.com'))).toBe(true);
    expect(isNoMarketing(h.readSqlite, customerOf(h, '13812345678'))).toBe(false);
    // The owner saying "accepts" does not override an opt-out received.
    await setConsent(h, customerOf(h, '13900001111'), true, NOW);
    expect(isNoMarketing(h.readSqlite, customerOf(h, '13900001111'))).toBe(true);
    // A buyer first seen later, with a listed number as the receiver's phone, is left out too.
    await writeFragments(
      h,
      [
        {
          platformOrderId: 'Y20',
          sourceRows: [2],
          orderedAt: '2026-11-12T02:00:00.000Z',
          paidAt: '2026-11-12T02:00:00.000Z',
          status: 'completed',
          paidFen: 100,
          buyer: { kind: 'phone', key: '13500005555', phone: '13500005555' },
          receiver: { name: '赵六', phone: '136 0000 9999' },
        },
      ],
      'later.csv',
      YOUZAN,
    );
    expect(isNoMarketing(h.readSqlite, customerOf(h, '13500005555'))).toBe(true);
    const file = await exportVipList(h, request(), { now: fixedClock });
    expect(file).toMatchObject({ matched: 6, optedOut: 3, rows: 3 });
    expect(operations('optout_import')).toHaveLength(1);
  });

  it('the owner’s mark by hand is logged and can be taken back', async () => {
    const sun = customerOf(h, '13812345678');
    const first = await setConsent(h, sun, false, NOW);
    expect(first).toMatchObject({ consent: false, noMarketing: true, operationId: expect.any(Number) });
    const again = await setConsent(h, sun, false, NOW);
    expect(again.operationId).toBeNull();
    expect(await setConsent(h, sun, null, NOW)).toMatchObject({ noMarketing: false });
    expect(operations('consent_edit')).toHaveLength(2);
    await expect(setConsent(h, 9999, false, NOW)).rejects.toMatchObject({ code: 'customers.notFound' });
  });
});

describe('deletion on request', () => {
  it('removes names, phones, addresses and keys from every table, keeps the amounts, logs it', async () => {
    const li = customerOf(h, '13900001111');
    await updateCustomer(h, li, { note: '李四的生日是 5 月', tags: ['老客'] }, NOW);
    // Rows an import refused keep the refused cell: some of them his (a phone written with dashes,
    // his name, his street inside a whole address), some someone else's.
    const batch = h.readSqlite.prepare('SELECT min(id) FROM import_batches').pluck().get() as number;
    const problem = h.readSqlite.prepare(
      `INSERT INTO batch_problems (batch_id, seq, row, column_name, code, params_json) VALUES (?, ?, ?, ?, 'row.badValue', ?)`,
    );
    const refused = [
      { column: '手机', value: '139-0000-1111' },
      { column: '收货人', value: '李四' },
      { column: '地址', value: '浙江省杭州市西湖区文三路100号5幢301' },
      { column: '买家', value: '+86 13900001111', reason: 'x' },
      { column: '手机', value: '13812345678' },
      { column: '收货人', value: '李思' },
      { column: '金额', value: 'abc' },
    ];
    refused.forEach((params, i) =>
      problem.run(batch, 1000 + i, i + 2, params.column, JSON.stringify(params)),
    );
    const spendBefore = h.readSqlite.prepare('SELECT * FROM customer_spend WHERE customer_id = ?').all(li);
    const totalBefore = h.readSqlite.prepare('SELECT sum(paid_fen) AS s FROM orders').get();
    const result = await eraseCustomer(h, li, { now: NOW, front: 'app' });
    expect(result).toMatchObject({ customerId: li, accounts: 1, orders: 2 });

    // No table holds the person any more: dump every text value of the database.
    const tables = h.readSqlite
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .pluck()
      .all() as string[];
    const dump = tables
      .map((t) => JSON.stringify(h.readSqlite.prepare(`SELECT * FROM "${t}"`).all()))
      .join('\n');
    for (const secret of ['13900001111', '139****1111', '李四', '文三路100号', '生日', '老客'])
      expect(dump, secret).not.toContain(secret);
    // 李* was only ever his: the other customers are untouched.
    expect(dump).toContain('13812345678');
    expect(dump).toContain('孙萍伟');
    // His refused cells are gone; the others', and the columns, stay.
    const problems = h.readSqlite
      .prepare('SELECT params_json FROM batch_problems WHERE batch_id = ? AND seq >= 1000 ORDER BY seq')
      .pluck()
      .all(batch) as string[];
    expect(problems.map((p) => JSON.parse(p) as unknown)).toEqual([
      { column: '手机', value: '***' },
      { column: '收货人', value: '***' },
      { column: '地址', value: '***' },
      { column: '买家', value: '***', reason: 'x' },
      { column: '手机', value: '13812345678' },
      { column: '收货人', value: '李思' },
      { column: '金额', value: 'abc' },
    ]);

    expect(h.readSqlite.prepare('SELECT * FROM customer_spend WHERE customer_id = ?').all(li)).toEqual(
      spendBefore,
    );
    expect(h.readSqlite.prepare('SELECT sum(paid_fen) AS s FROM orders').get()).toEqual(totalBefore);
    const account = h.readSqlite
      .prepare('SELECT account_key FROM buyer_accounts WHERE customer_id = ?')
      .get(li) as {
      account_key: string;
    };
    expect(account.account_key).toMatch(new RegExp(`^erased:${result.token}:\\d+$`));
    const [op] = operations('erasure');
    expect(JSON.parse(op!.summary_json)).toMatchObject({
      customerId: li,
      accounts: 1,
      orders: 2,
      front: 'app',
      refusedRows: 4,
    });
    await expect(eraseCustomer(h, 9999, { now: NOW, front: 'cli' })).rejects.toMatchObject({
      code: 'customers.notFound',
    });
  });
});
