/**
 * Table-driven: every generated export through openSource → detectFormat → createOrderReader, with
 * counts and money to the fen. The generator's expectations are checked, and the key totals are
 * ALSO written here as literal numbers worked out by hand, so a generator bug cannot hide.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFixtures, type Fixture, type FixtureSet } from '../../fixtures/generate.js';
import { byId, lineCount, readFile, sum, type ReadFile } from './read-helpers.js';
import { suggestMapping } from '../../../main/domain/import/index.js';
import { formatMessage } from '../../../main/shared/messages/index.js';

let dir: string;
let fx: FixtureSet;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'huike-import-'));
  fx = await generateFixtures(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Case = {
  name: keyof FixtureSet;
  container: 'csv' | 'xlsx';
  encoding: string;
  formats: string[];
  variants: string[];
  hand: {
    /** Data rows: each is imported or refused. */
    rows?: number;
    orders: number;
    lines: number;
    paidFen?: number;
    refundFen?: number;
    settlementFen?: number;
    totalFen?: number;
  };
};

const CASES: Case[] = [
  {
    name: 'tmallOrdersGbk',
    container: 'csv',
    encoding: 'gb18030',
    formats: ['tmall'],
    variants: ['订单报表 54 列'],
    hand: { orders: 6, lines: 0, paidFen: 162050, refundFen: 8800, settlementFen: 23000 },
  },
  {
    name: 'tmallItemsGbk',
    container: 'csv',
    encoding: 'gb18030',
    formats: ['tmall-items'],
    variants: ['宝贝报表'],
    hand: { orders: 3, lines: 4 },
  },
  {
    name: 'tmallOrders61Bom',
    container: 'csv',
    encoding: 'utf-8-bom',
    formats: ['tmall'],
    variants: ['订单报表 61 列'],
    hand: { orders: 2, lines: 0, paidFen: 3000 },
  },
  {
    name: 'tmallTianchiUtf16TitleRows',
    container: 'csv',
    encoding: 'utf-16le',
    formats: ['tmall'],
    variants: ['订单报表（部分列）'],
    hand: { orders: 2, lines: 0, paidFen: 2100 },
  },
  {
    name: 'qianniuWorkbook',
    container: 'xlsx',
    encoding: 'xlsx',
    formats: ['tmall', 'tmall-items', 'tmall'],
    variants: ['千牛 订单报表', '销售明细', '发货报表'],
    hand: { orders: 2, lines: 3 },
  },
  {
    name: 'jdCsvGbk',
    container: 'csv',
    encoding: 'gb18030',
    formats: ['jd'],
    variants: ['订单导出 30 列'],
    hand: { orders: 3, lines: 4, paidFen: 99145, totalFen: 101145 },
  },
  {
    name: 'jdXlsx',
    container: 'xlsx',
    encoding: 'xlsx',
    formats: ['jd'],
    variants: ['订单导出（新版）'],
    hand: { orders: 2, lines: 3, settlementFen: 22700 },
  },
  {
    name: 'shopifyCsv',
    container: 'csv',
    encoding: 'utf-8-bom',
    formats: ['shopify'],
    variants: ['orders_export'],
    hand: { orders: 4, lines: 6, paidFen: 16050, refundFen: 1000, totalFen: 18549 },
  },
  {
    name: 'youzanOrdersUtf16',
    container: 'csv',
    encoding: 'utf-16le',
    formats: ['youzan'],
    variants: ['订单导出'],
    hand: { orders: 2, lines: 0, paidFen: 15290, refundFen: 1000 },
  },
  {
    name: 'youzanLinesCsv',
    container: 'csv',
    encoding: 'utf-8',
    formats: ['youzan'],
    variants: ['商品维度'],
    hand: { orders: 1, lines: 2, paidFen: 6000 },
  },
  {
    name: 'wooCommerceCsv',
    container: 'csv',
    encoding: 'utf-8',
    formats: ['woocommerce'],
    variants: ['Analytics 订单'],
    hand: { rows: 4, orders: 4, lines: 5, paidFen: 127650 },
  },
  {
    name: 'pddOrders27Gbk',
    container: 'csv',
    encoding: 'gb18030',
    formats: ['pdd'],
    variants: ['订单导出 27 列'],
    hand: { rows: 8, orders: 5, lines: 7, paidFen: 34350, refundFen: 7500, settlementFen: 34650 },
  },
  {
    name: 'pddOrders2024Bom',
    container: 'csv',
    encoding: 'utf-8-bom',
    formats: ['pdd'],
    variants: ['订单导出（2024 新版）'],
    hand: { rows: 3, orders: 3, lines: 3, paidFen: 34690, refundFen: 1000, settlementFen: 34690 },
  },
  {
    name: 'douyinOrdersBom',
    container: 'csv',
    encoding: 'utf-8-bom',
    formats: ['douyin'],
    variants: ['订单导出'],
    hand: { rows: 8, orders: 5, lines: 7, paidFen: 24000, refundFen: 6600, totalFen: 27190 },
  },
  {
    name: 'tmallErpCsv',
    container: 'csv',
    encoding: 'utf-8',
    formats: ['tmall'],
    variants: ['订单报表'],
    hand: { rows: 3, orders: 3, lines: 0, paidFen: 18650 },
  },
  {
    name: 'qianniuSalesLinesGbk',
    container: 'csv',
    encoding: 'gb18030',
    formats: ['tmall-items'],
    variants: ['销售明细'],
    hand: { rows: 3, orders: 2, lines: 3, paidFen: 16500, refundFen: 3000 },
  },
  {
    name: 'jdCutDownCsv',
    container: 'csv',
    encoding: 'utf-8-bom',
    formats: ['jd'],
    variants: ['订单导出（精简列）'],
    hand: { rows: 3, orders: 2, lines: 3, paidFen: 21800 },
  },
  {
    name: 'tmallItemsRepeatedGbk',
    container: 'csv',
    encoding: 'gb18030',
    formats: ['tmall-items'],
    variants: ['宝贝报表'],
    hand: { rows: 4, orders: 2, lines: 4 },
  },
];

describe.each(CASES)('$name', (c) => {
  let file: ReadFile;
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = fx[c.name] as Fixture;
    file = await readFile(fixture.path);
  });

  it('is sniffed and detected by its header', () => {
    expect(file.container).toBe(c.container);
    expect(file.encoding).toBe(c.encoding);
    expect(file.sheets.map((s) => s.detection.accepted?.format)).toEqual(c.formats);
    expect(file.sheets.map((s) => s.detection.accepted?.variant)).toEqual(c.variants);
  });

  it('yields the expected orders, lines, money and problems (generator figures)', () => {
    const orders = file.sheets.flatMap((s) => s.orders);
    const e = fixture.expected;
    expect(new Set(orders.map((o) => o.platformOrderId)).size).toBe(e.orders);
    expect(lineCount(orders)).toBe(e.lines);
    if (e.paidFen !== undefined) expect(sum(orders, (o) => o.paidFen)).toBe(e.paidFen);
    if (e.refundFen !== undefined) expect(sum(orders, (o) => o.refundFen)).toBe(e.refundFen);
    if (e.settlementFen !== undefined) expect(sum(orders, (o) => o.settlementFen)).toBe(e.settlementFen);
    expect(file.sheets.flatMap((s) => s.problems).map((p) => ({ row: p.row, column: p.column }))).toEqual(
      e.problems,
    );
  });

  it('reads every data row: rows read = rows imported + rows refused', () => {
    const read = file.sheets.reduce((n, s) => n + s.rows, 0);
    const imported = file.sheets.reduce((n, s) => n + s.rowsImported, 0);
    const refused = file.sheets.reduce((n, s) => n + s.rowsRefused, 0);
    expect(read).toBe(fixture.expected.rows);
    if (c.hand.rows !== undefined) expect(read).toBe(c.hand.rows);
    expect(imported + refused).toBe(read);
    expect(refused).toBe(new Set(fixture.expected.problems.map((p) => p.row)).size);
  });

  it('matches the hand-computed literal figures', () => {
    const orders = file.sheets.flatMap((s) => s.orders);
    expect(new Set(orders.map((o) => o.platformOrderId)).size).toBe(c.hand.orders);
    expect(lineCount(orders)).toBe(c.hand.lines);
    if (c.hand.paidFen !== undefined) expect(sum(orders, (o) => o.paidFen)).toBe(c.hand.paidFen);
    if (c.hand.refundFen !== undefined) expect(sum(orders, (o) => o.refundFen)).toBe(c.hand.refundFen);
    if (c.hand.settlementFen !== undefined)
      expect(sum(orders, (o) => o.settlementFen)).toBe(c.hand.settlementFen);
    if (c.hand.totalFen !== undefined) expect(sum(orders, (o) => o.totalFen)).toBe(c.hand.totalFen);
  });

  it('reports progress to the end of the file', () => {
    expect(file.progress.total).toBeGreaterThan(0);
    expect(file.progress.done).toBe(file.progress.total);
  });
});

describe('Tmall 订单报表 (GBK) quirks', () => {
  let orders: ReadFile['sheets'][number]['orders'];
  let file: ReadFile;
  beforeAll(async () => {
    file = await readFile(fx.tmallOrdersGbk.path);
    orders = file.sheets[0]!.orders;
  });

  it('strips ="…" from ids and keeps every digit', () => {
    expect(orders.map((o) => o.platformOrderId)).toEqual([
      '1001000000000000001',
      '1001000000000000002',
      '1001000000000000003',
      '1001000000000000004',
      '1001000000000000005',
      '1001000000000000006',
    ]);
  });

  it('counts a multi-line cell as one row and keeps empty-row numbering', () => {
    expect(orders.map((o) => o.sourceRows[0])).toEqual([2, 3, 4, 5, 6, 9]);
    expect(byId(orders, '1001000000000000002').buyerNote).toBe('请周末送货\r\n谢谢');
  });

  it('reads money with 元, ￥, thousands separators, trailing tabs and 无退款申请', () => {
    const a = byId(orders, '1001000000000000001');
    expect(a).toMatchObject({
      paidFen: 16800,
      totalFen: 16800,
      refundFen: 0,
      settlementFen: 16550,
      platformFeeFen: 250,
      currency: 'CNY',
    });
    expect(byId(orders, '1001000000000000002')).toMatchObject({
      paidFen: 129900,
      goodsFen: 128900,
      shippingFen: 1000,
      settlementFen: null,
    });
    expect(byId(orders, '1001000000000000005')).toMatchObject({ paidFen: 4550, settlementFen: 4500 });
  });

  it('reads both date styles in Asia/Shanghai and an empty pay time as null', () => {
    const a = byId(orders, '1001000000000000001');
    expect(a.orderedAt).toBe('2024-11-10T16:00:05.000Z');
    expect(a.completedAt).toBe('2024-11-15T02:00:00.000Z');
    const b = byId(orders, '1001000000000000002');
    expect(b.orderedAt).toBe('2024-11-11T01:01:30.000Z');
    expect(b.paidAt).toBe('2024-11-11T01:05:00.000Z');
    expect(byId(orders, '1001000000000000003').paidAt).toBeNull();
  });

  it('normalises statuses written with full-width and ASCII commas; keeps the raw text', () => {
    expect(orders.map((o) => o.status)).toEqual([
      'completed',
      'paid',
      'awaiting_payment',
      'closed',
      'shipped',
      'completed',
    ]);
    expect(byId(orders, '1001000000000000002').statusRaw).toBe('买家已付款，等待卖家发货');
    expect(byId(orders, '1001000000000000005').statusRaw).toBe('卖家已发货,等待买家确认');
  });

  it('keeps paid money and refund of an order closed after payment', () => {
    expect(byId(orders, '1001000000000000004')).toMatchObject({
      status: 'closed',
      paidFen: 8800,
      refundFen: 8800,
      paidAt: '2024-11-12T01:00:00.000Z',
    });
  });

  it('reads buyer, receiver (masked kept verbatim, leading apostrophe removed) and shop', () => {
    const a = byId(orders, '1001000000000000001');
    expect(a.buyer).toEqual({ kind: 'member_name', key: 'tb_alice' });
    expect(a.receiver).toMatchObject({
      name: '张**',
      phone: '138****5678',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路100号',
    });
    expect(a.shopNameInFile).toBe('汇客旗舰店');
    expect(byId(orders, '1001000000000000002').receiver).toMatchObject({
      phone: '13900000002',
      province: '上海市',
      city: '上海市',
      district: '浦东新区',
      detail: '世纪大道1号',
    });
    expect(byId(orders, '1001000000000000006').buyer).toEqual({ kind: 'member_name', key: 't**9' });
    expect(a.lines).toBeUndefined();
  });

  it('refuses the Excel-destroyed id with a message naming row and column', () => {
    const [p] = file.sheets[0]!.problems;
    expect(p).toEqual({
      row: 7,
      column: '订单编号',
      code: 'row.idScientific',
      params: { column: '订单编号', value: '1.00100E+18' },
    });
    expect(formatMessage(p!.code, p!.params)).toBe(
      '「订单编号」的值「1.00100E+18」是科学计数法：文件被 Excel 另存过，长编号已损坏，请导入平台导出的原始文件',
    );
  });

  it('header cells keep their trailing spaces as found', () => {
    expect(file.sheets[0]!.header).toContain('收货地址 ');
    expect(file.sheets[0]!.header).toContain('订单付款时间 ');
  });
});

describe('Tmall 宝贝报表 and 千牛 workbook', () => {
  it('makes lines (no order money), keyed deterministically, sku from 商家编码 else 外部系统编号', async () => {
    const file = await readFile(fx.tmallItemsGbk.path);
    const orders = file.sheets[0]!.orders;
    const first = byId(orders, '1001000000000000001');
    // The order's status is its lines' (订单状态 is per line); a 宝贝报表 states no order money.
    expect(Object.keys(first).sort()).toEqual([
      'derived',
      'lines',
      'platformOrderId',
      'sourceRows',
      'status',
      'statusRaw',
    ]);
    expect(first).toMatchObject({
      status: 'completed',
      statusRaw: '交易成功',
      derived: ['status', 'statusRaw'],
    });
    expect(first.lines).toEqual([
      {
        lineKey: 'CUP-W|汇客保温杯|颜色分类：白色[GT20白骑士]',
        title: '汇客保温杯',
        sku: 'CUP-W',
        attributes: '颜色分类：白色[GT20白骑士]',
        quantity: 2,
        unitPriceFen: 8400,
        statusRaw: '交易成功',
        status: 'completed',
      },
    ]);
    expect(byId(orders, '1001000000000000002').lines![0]).toMatchObject({
      sku: 'KET-01',
      unitPriceFen: 128900,
    });
    expect(byId(orders, '1001000000000000005').lines!.map((l) => l.sku)).toEqual(['MAT-1', 'BRUSH']);
    expect(byId(orders, '1001000000000000005').sourceRows).toEqual([4, 5]);
    // Σ 价格 × 购买数量 = 168 + 1289 + 15.5 + 30 = 1502.50
    expect(orders.flatMap((o) => o.lines!).reduce((s, l) => s + l.unitPriceFen! * l.quantity!, 0)).toBe(
      150250,
    );
    expect(orders.flatMap((o) => o.lines!).reduce((s, l) => s + l.unitPriceFen! * l.quantity!, 0)).toBe(
      fx.tmallItemsGbk.expected.totalFen,
    );
  });

  it('reads the three sheets in order: orders, lines with sub-order keys, receivers', async () => {
    const file = await readFile(fx.qianniuWorkbook.path);
    expect(file.sheets.map((s) => s.sheetName)).toEqual(['订单报表', '销售明细', '发货报表']);
    const [orderSheet, lineSheet, shipSheet] = file.sheets;
    expect(byId(orderSheet!.orders, '2001000000000000001').totalFen).toBeUndefined();
    expect(byId(orderSheet!.orders, '2001000000000000001')).toMatchObject({
      goodsFen: 19900,
      status: 'completed',
      orderedAt: '2024-11-11T02:00:00.000Z',
    });
    // 45607.5 is the Excel serial of 2024-11-11 12:00 shop time.
    expect(byId(orderSheet!.orders, '2001000000000000002')).toMatchObject({
      goodsFen: 5800,
      status: 'paid',
      orderedAt: '2024-11-11T04:00:00.000Z',
    });
    const lines = byId(lineSheet!.orders, '2001000000000000001').lines!;
    expect(lines.map((l) => l.lineKey)).toEqual(['3001', '3002']);
    expect(lines[1]).toMatchObject({ quantity: 2, refundFen: 5000, refundStatus: '退款成功' });
    expect(byId(lineSheet!.orders, '2001000000000000002').lines![0]).toMatchObject({ refundFen: 0 });
    const ship = byId(shipSheet!.orders, '2001000000000000001');
    expect(ship.receiver).toMatchObject({
      name: '钱七',
      phone: '13900000004',
      province: '江苏省',
      city: '扬州市',
      district: '广陵区',
      detail: '文昌中路1号',
    });
    expect(ship.currency).toBeUndefined();
    expect(ship.paidFen).toBeUndefined();
    expect(byId(shipSheet!.orders, '2001000000000000002').receiver).toMatchObject({
      phone: '139****0005',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
    });
  });

  it('61-column BOM file: invisible characters in header names do not hide columns', async () => {
    const file = await readFile(fx.tmallOrders61Bom.path);
    const orders = file.sheets[0]!.orders;
    expect(orders.map((o) => o.status)).toEqual(['completed', 'completed']);
    expect(orders[0]!.orderedAt).toBe('2024-12-01T02:00:00.000Z');
  });

  it('UTF-16LE without BOM and title rows above the header', async () => {
    const file = await readFile(fx.tmallTianchiUtf16TitleRows.path);
    const sheet = file.sheets[0]!;
    expect(sheet.headerRow).toBe(3);
    expect(sheet.orders.map((o) => o.sourceRows[0])).toEqual([4, 5]);
    expect(sheet.orders[1]).toMatchObject({
      paidFen: 2100,
      totalFen: 2100,
      paidAt: '2020-02-20T16:00:02.000Z',
      receiver: { province: '内蒙古自治区' },
    });
    expect(sheet.orders[0]!.buyer).toBeUndefined();
    expect(sheet.orders[0]).toMatchObject({
      paidAt: null,
      receiver: { province: '上海市', city: '上海市', raw: '上海' },
    });
  });
});

describe('JD', () => {
  it('sets repeated order money once per order and one line per row', async () => {
    const file = await readFile(fx.jdCsvGbk.path);
    const orders = file.sheets[0]!.orders;
    const a = byId(orders, '11729384072');
    expect(a).toMatchObject({
      totalFen: 93245,
      paidFen: 93245,
      discountFen: 16455,
      shippingFen: 0,
      goodsFen: 109700,
      sourceRows: [2, 3],
    });
    expect(a.lines!.map((l) => [l.lineKey, l.unitPriceFen, l.quantity])).toEqual([
      ['1953814331', 75800, 1],
      ['1953814332', 33900, 1],
    ]);
    expect(a.status).toBe('paid');
    expect(a.statusRaw).toBe('(删除)等待出库');
    expect(a.buyer).toEqual({ kind: 'member_name', key: 'rds3199358' });
    expect(a.receiver).toMatchObject({
      name: '赵*',
      phone: '1******6198',
      province: '北京市',
      city: '北京市',
      district: '朝阳区',
    });
    expect(a.orderedAt).toBe('2015-12-31T15:19:56.000Z');
    expect(a.sellerNote).toBe('订单拆分为  11729439936    11749907506');
    const b = byId(orders, '11730000001');
    expect(b).toMatchObject({
      status: 'completed',
      paidFen: 5900,
      completedAt: '2016-01-05T02:00:00.000Z',
      receiver: { province: '江苏省', city: '南京市', district: '玄武区', detail: '中山路1号' },
    });
    expect(byId(orders, '11730000002')).toMatchObject({
      status: 'awaiting_payment',
      paidFen: 0,
      totalFen: 2000,
      paidAt: null,
    });
  });

  it('xlsx: 商家应收 note stripped, date cells and serials, numeric ids, destroyed ids refused', async () => {
    const file = await readFile(fx.jdXlsx.path);
    const sheet = file.sheets[0]!;
    const a = byId(sheet.orders, '300001');
    expect(a).toMatchObject({
      settlementFen: 16800,
      orderedAt: '2024-11-11T02:00:00.000Z',
      paidAt: '2024-11-11T02:00:30.000Z',
    });
    expect(a.lines!.map((l) => l.sku)).toEqual(['SKU-A', 'SKU-B']);
    expect(byId(sheet.orders, '300002')).toMatchObject({
      settlementFen: 5900,
      orderedAt: '2024-11-11T04:00:00.000Z',
      status: 'completed',
    });
    expect(sheet.problems[0]).toMatchObject({
      code: 'row.idScientific',
      params: { column: '订单号', value: expect.stringMatching(/^1\.\d+E\+18$/) },
    });
  });
});

describe('Shopify', () => {
  it('takes order fields from the first row only; continuation rows add lines', async () => {
    const file = await readFile(fx.shopifyCsv.path);
    const orders = file.sheets[0]!.orders;
    const a = byId(orders, '#1001');
    expect(a).toMatchObject({
      currency: 'USD',
      totalFen: 12050,
      goodsFen: 11050,
      shippingFen: 1000,
      paidFen: 12050,
      refundFen: 0,
      status: 'shipped',
      orderedAt: '2025-12-06T15:36:00.000Z',
      paidAt: '2025-12-06T15:36:17.000Z',
      shippedAt: '2025-12-07T14:00:00.000Z',
      buyer: { kind: 'email', key: 'alice@example.com', email: 'alice@example.com' },
      sourceRows: [2, 3, 4],
    });
    expect(a.lines!.map((l) => [l.lineKey, l.quantity, l.unitPriceFen])).toEqual([
      ['YM-1', 1, 5050],
      ['SC-1', 2, 2000],
      ['SC-1#2', 1, 2000],
    ]);
    expect(a.receiver).toMatchObject({
      name: 'Alice Smith',
      city: 'Springfield',
      province: 'IL',
      detail: '1 Main St',
    });
    expect(byId(orders, '#1002')).toMatchObject({
      status: 'paid',
      paidFen: 4000,
      refundFen: 1000,
      buyer: { kind: 'phone', key: '+8801700000000' },
      orderedAt: '2025-12-08T12:00:00.000Z',
    });
    expect(byId(orders, '#1003')).toMatchObject({ status: 'awaiting_payment', paidFen: 0, paidAt: null });
    expect(byId(orders, '#1004')).toMatchObject({
      status: 'closed',
      closedAt: '2025-12-10T14:00:00.000Z',
      statusRaw: 'cancelled / voided / unfulfilled',
    });
  });

  /** One Shopify row read on its own: the fixture's header (and `extra` columns), these cells. */
  async function readShopifyRow(row: number, values: Record<string, string>, extra: string[] = []) {
    const { createOrderReader } = await import('../../../main/domain/import/index.js');
    const file = await readFile(fx.shopifyCsv.path);
    const header = [...file.sheets[0]!.header, ...extra];
    const reader = createOrderReader('shopify', header, {});
    return reader.readRow({ row, cells: header.map((h) => values[h] ?? '') }).fragment!;
  }

  it('a continuation fragment alone leaves order fields undefined', async () => {
    const fragment = await readShopifyRow(3, {
      Name: '#1001',
      Email: 'alice@example.com',
      'Lineitem name': 'Candle',
      'Lineitem sku': 'SC-1',
      'Lineitem quantity': '2',
      'Lineitem price': '20.00',
    });
    expect(Object.keys(fragment).sort()).toEqual(['lines', 'platformOrderId', 'sourceRows']);
  });

  it('a Chinese province written in Latin letters is stored by its Chinese name', async () => {
    const fragment = await readShopifyRow(
      2,
      {
        Name: '#2001',
        Email: 'ayi@example.com',
        'Financial Status': 'paid',
        Currency: 'CNY',
        Total: '20.00',
        'Shipping Name': '阿依古丽',
        'Shipping Province': 'XJ',
        'Shipping Province Name': 'Xinjiang',
        'Shipping City': '乌鲁木齐市',
        'Shipping Address1': '天山区解放北路1号',
        'Lineitem name': 'Candle',
        'Lineitem quantity': '1',
        'Lineitem price': '20.00',
      },
      ['Shipping Province Name'],
    );
    expect(fragment.receiver).toMatchObject({ province: '新疆维吾尔自治区', city: '乌鲁木齐市' });
  });
});

describe('Youzan and WooCommerce', () => {
  it('Youzan orders: duplicate 分销员 header, —— placeholders, phone vs nickname buyers', async () => {
    const file = await readFile(fx.youzanOrdersUtf16.path);
    const sheet = file.sheets[0]!;
    expect(sheet.header.filter((h) => h === '分销员')).toHaveLength(2);
    const a = byId(sheet.orders, 'E20241111000001');
    expect(a).toMatchObject({
      status: 'completed',
      goodsFen: 10000,
      shippingFen: 800,
      discountFen: 500,
      totalFen: 10300,
      paidFen: 10300,
      refundFen: 0,
      refundStatus: null,
      buyerNote: null,
      shopNameInFile: '汇客微商城',
      completedAt: '2024-11-18T02:00:00.000Z',
      buyer: { kind: 'phone', key: '13800000001', phone: '13800000001', nickname: '小明' },
      receiver: {
        name: '陈小明',
        phone: '13800000001',
        province: '浙江省',
        city: '杭州市',
        district: '余杭区',
        detail: '文一西路969号',
      },
    });
    const b = byId(sheet.orders, 'E20241111000002');
    expect(b).toMatchObject({
      status: 'paid',
      refundFen: 1000,
      refundStatus: '部分退款',
      buyer: { kind: 'nickname', key: '阿花' },
      receiver: { province: '上海市' },
    });
  });

  it('Youzan 商品维度: lines with repeated order fields', async () => {
    const file = await readFile(fx.youzanLinesCsv.path);
    const [order] = file.sheets[0]!.orders;
    expect(order).toMatchObject({
      paidFen: 6000,
      receiver: { name: '周*', phone: '138****0003', province: '江苏省', city: '南京市', district: '鼓楼区' },
      buyer: { kind: 'phone', key: '13800000003' },
    });
    expect(order!.lines!.map((l) => [l.lineKey, l.unitPriceFen, l.quantity, l.statusRaw])).toEqual([
      ['MASK-10|面膜|10片装', 4000, 1, '已发货'],
      ['EYE-1|眼霜|', 2000, 1, '已发货'],
    ]);
  });

  it('WooCommerce: one row per order, product list lines, `2× title` quantities', async () => {
    const file = await readFile(fx.wooCommerceCsv.path, { currency: 'USD' });
    const orders = file.sheets[0]!.orders;
    expect(orders.map((o) => o.status)).toEqual(['completed', 'paid', 'closed', 'completed']);
    expect(byId(orders, '1201')).toMatchObject({
      paidFen: 123450,
      currency: 'USD',
      buyer: { kind: 'customer', key: 'Jane Doe' },
    });
    // `2× Hoodie` is two hoodies, not a product called "2× Hoodie"; Beanie states no quantity.
    expect(byId(orders, '1201').lines).toEqual([
      { lineKey: 'Hoodie', title: 'Hoodie', quantity: 2 },
      { lineKey: 'Beanie', title: 'Beanie' },
    ]);
    expect(byId(orders, '1204').lines).toEqual([
      { lineKey: 'Ceramic Mug', title: 'Ceramic Mug', quantity: 2 },
    ]);
    // A lone product without its own count: Items sold is its quantity.
    expect(byId(orders, '1202').lines).toEqual([{ lineKey: 'Album', title: 'Album', quantity: 2 }]);
    expect(byId(orders, '1201').orderedAt).toBe('2024-11-11T02:00:00.000Z');
  });

  it('WooCommerce: a file that names no currency is never labelled CNY', async () => {
    const file = await readFile(fx.wooCommerceCsv.path);
    expect(file.sheets[0]!.orders.map((o) => o.currency)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('generic mapping', () => {
  it('groups rows of one order into lines, refuses rows without an order id', async () => {
    const probe = await readFile(fx.genericCsv.path, { format: 'generic', mapping: { orderId: '订单号' } });
    const mapping = suggestMapping(probe.sheets[0]!.header);
    expect(mapping).toMatchObject({
      orderId: '订单号',
      orderedAt: '下单时间',
      buyer: '客户',
      buyerPhone: '手机',
      title: '商品名称',
      quantity: '数量',
      paidAmount: '金额',
      address: '收货地址',
    });
    const file = await readFile(fx.genericCsv.path, { format: 'generic', mapping });
    const sheet = file.sheets[0]!;
    expect(sheet.orders).toHaveLength(2);
    expect(sum(sheet.orders, (o) => o.paidFen)).toBe(13000);
    expect(byId(sheet.orders, 'G-1')).toMatchObject({
      buyer: { kind: 'customer', key: '老王', phone: '13700000001' },
      receiver: { province: '福建省', city: '福州市', district: '鼓楼区' },
    });
    expect(byId(sheet.orders, 'G-1').lines).toHaveLength(2);
    expect(sheet.problems).toEqual([
      { row: 5, column: '订单号', code: 'row.idEmpty', params: { column: '订单号' } },
    ]);
  });
});

describe('files that are not exports', () => {
  it('an empty file is a clear error', async () => {
    await expect(readFile(fx.emptyFile)).rejects.toMatchObject({
      code: 'file.empty',
      message: expect.stringContaining('空文件'),
    });
  });
  it('a header-only file reads zero rows', async () => {
    const file = await readFile(fx.headerOnly);
    expect(file.sheets[0]!.detection.accepted?.format).toBe('tmall-items');
    expect(file.sheets[0]!.rows).toBe(0);
  });
  it('a legacy .xls / encrypted workbook is refused with advice', async () => {
    await expect(readFile(fx.legacyXls)).rejects.toMatchObject({
      name: 'UserError',
      code: 'file.legacyXls',
      message: expect.stringContaining('另存为 .xlsx 或 CSV'),
    });
  });
  it('a user encoding override wins over sniffing', async () => {
    const file = await readFile(fx.wooCommerceCsv.path, { encoding: 'gb18030' });
    expect(file.encoding).toBe('gb18030');
  });
});
