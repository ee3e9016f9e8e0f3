/** Encoding sniffing, streaming CSV across chunk boundaries, header location, detection, merging, mapping. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  headerSignature,
  isStrictUtf8,
  locateHeader,
  mergeFragments,
  readCsvRecords,
  sniffEncoding,
  suggestMapping,
  type SourceRecord,
} from '../../../main/domain/import/index.js';
import type { ParsedOrder } from '../../../main/domain/orders/types.js';

async function* chunksOf(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(records: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

describe('sniffEncoding', () => {
  const text = '订单编号,买家会员名\r\n1,张三\r\n';
  it.each([
    ['UTF-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8-bom'],
    ['UTF-8', Buffer.from(text), 'utf-8'],
    ['GBK', iconv.encode(text, 'gbk'), 'gb18030'],
    ['UTF-16LE BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
    ['UTF-16BE BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16-be')]), 'utf-16be'],
    ['UTF-16LE no BOM', Buffer.from(text, 'utf16le'), 'utf-16le'],
    ['UTF-16BE no BOM', iconv.encode(text, 'utf16-be'), 'utf-16be'],
    ['ASCII', Buffer.from('a,b\r\n1,2'), 'utf-8'],
  ] as const)('%s', (_name, bytes, expected) => expect(sniffEncoding(bytes)).toBe(expected));

  it('a user override wins', () => expect(sniffEncoding(Buffer.from(text), 'gb18030')).toBe('gb18030'));

  it('a multi-byte character cut by the sniff window is still UTF-8', () => {
    const bytes = Buffer.from('订单'); // 6 bytes
    for (let cut = 1; cut <= 6; cut++) expect(isStrictUtf8(bytes.subarray(0, cut))).toBe(true);
    expect(isStrictUtf8(iconv.encode('订单编号', 'gbk'))).toBe(false);
  });
});

describe('readCsvRecords', () => {
  const csv = 'Name,Note,Total\r\n#1,"line one\r\nline ""two""",1.00\r\n,,\r\n#2,"a,b",2.00\r\n#3,plain,3.00';

  it.each([1, 2, 3, 7, 64, 100000])('splits identically with %i-byte chunks (GBK)', async (size) => {
    const { encoding, records } = await readCsvRecords(
      chunksOf(iconv.encode(csv + '\r\n订单,中文,9', 'gbk'), size),
    );
    expect(encoding).toBe('gb18030');
    const rows = await collect(records);
    expect(rows).toEqual([
      { row: 1, cells: ['Name', 'Note', 'Total'] },
      { row: 2, cells: ['#1', 'line one\r\nline "two"', '1.00'] },
      { row: 4, cells: ['#2', 'a,b', '2.00'] },
      { row: 5, cells: ['#3', 'plain', '3.00'] },
      { row: 6, cells: ['订单', '中文', '9'], unterminated: true },
    ]);
  });

  it.each([1, 3, 5])('UTF-16LE in %i-byte chunks, LF endings, trailing newline', async (size) => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('订单号,金额\n"A\n1",12.00\n', 'utf16le'),
    ]);
    const { records } = await readCsvRecords(chunksOf(bytes, size));
    expect(await collect(records)).toEqual([
      { row: 1, cells: ['订单号', '金额'] },
      { row: 2, cells: ['A\n1', '12.00'] },
    ]);
  });

  it('tab-separated text (Excel "Unicode text")', async () => {
    const { records } = await readCsvRecords(chunksOf(Buffer.from('订单号\t金额\nA\t1\n'), 4));
    expect((await collect(records))[1]).toEqual({ row: 2, cells: ['A', '1'] });
  });

  it('an empty stream yields nothing', async () => {
    const { records } = await readCsvRecords(chunksOf(new Uint8Array(0), 10));
    expect(await collect(records)).toEqual([]);
  });
});

describe('locateHeader', () => {
  async function* rows(list: string[][]): AsyncIterable<SourceRecord> {
    let n = 0;
    for (const cells of list) yield { row: ++n, cells };
  }
  it('skips title rows above a recognised header (JD refund export has a group-title row)', async () => {
    const sheet = await locateHeader(
      rows([
        ['申请信息', '', '订单信息'],
        ['订单号', '商品ID', '京东价'],
        ['1', '2', '3.00'],
      ]),
      null,
    );
    expect(sheet!.headerRow).toBe(2);
    expect(await collect(sheet!.records)).toEqual([{ row: 3, cells: ['1', '2', '3.00'] }]);
  });
  it('falls back to the first row with two cells', async () => {
    const sheet = await locateHeader(rows([['# 导出'], ['a', 'b'], ['1', '2']]), 'S');
    expect(sheet).toMatchObject({ headerRow: 2, header: ['a', 'b'], sheetName: 'S' });
  });
  it('null for no rows', async () => expect(await locateHeader(rows([]), null)).toBeNull());
});

describe('detectFormat', () => {
  const split = (s: string): string[] => s.split(',');
  it.each([
    [
      '订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,总金额,买家实际支付金额,订单状态,收货地址 ,订单创建时间,订单付款时间 ',
      'tmall',
      '订单报表',
    ],
    [
      '订单编号,总金额,买家实际支付金额,收货地址 ,订单创建时间,订单付款时间 ,退款金额',
      'tmall',
      '订单报表（部分列）',
    ],
    ['订单编号,买家应付货款,订单状态,收货地址,物流单号,物流公司,订单创建时间', 'tmall', '千牛 订单报表'],
    ['订单编号,收货人姓名,联系手机,收货地址', 'tmall', '发货报表'],
    [
      '订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码',
      'tmall-items',
      '宝贝报表',
    ],
    [
      '子订单编号,主订单编号,商品标题,购买数量,商家编码,商品属性,买家应付货款,退款状态,退款金额,订单创建时间',
      'tmall-items',
      '销售明细',
    ],
    [
      '子订单编号,主订单编号,买家会员名,买家会员ID,支付单号,买家应付货款,买家应付邮费,总金额,买家实际支付金额,子单实际支付金额,订单状态',
      'tmall-items',
      '销售明细',
    ],
    [
      '订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,结算金额,余额支付,应付金额,订单状态',
      'jd',
      '订单导出 30 列',
    ],
    [
      '订单号,商品ID,商品名称,订购数量,商家应收,订单状态,商家SKUID,下单时间,付款确认时间',
      'jd',
      '订单导出（新版）',
    ],
    ['Name,Email,Financial Status,Paid at,Fulfillment Status', 'shopify', 'orders_export'],
    [
      '订单号,订单状态,订单创建时间,订单实付金额,收货人手机号/提货人手机号,分销员,分销员',
      'youzan',
      '订单导出',
    ],
    [
      '订单号,商品名称,订单创建时间,运费,订单实付金额,收货人手机号/提货人手机号,商品单价,商品数量',
      'youzan',
      '商品维度',
    ],
    [
      'Date,Order #,Status,Customer,Customer type,Product(s),Items sold,Coupon(s),Net sales',
      'woocommerce',
      'Analytics 订单',
    ],
    ['\uFEFF订单编号 ,买家会员名\u200B,买家实际支付金额', 'tmall', '订单报表'],
    [
      '店铺ID,店铺名称,订单号,商品名称,订购数量,下单时间,应付金额,下单帐号,客户姓名,客户地址,联系电话',
      'jd',
      '订单导出（精简列）',
    ],
    [
      '商品,订单号,订单状态,商品总价(元),邮费(元),店铺优惠折扣(元),平台优惠折扣(元),多多支付立减金额(元),用户实付金额(元),商家实收金额(元),商品数量(件),发货时间,确认收货时间,商品id,商品规格,样式ID,商家编码-规格维度,商家编码-商品维度,商家备注,售后状态,快递单号,快递公司,订单成交时间,是否分期,分期期数,手续费承担方,分期方式',
      'pdd',
      '订单导出 27 列',
    ],
    [
      '主订单编号,子订单编号,选购商品,商品规格,商品数量,商家编码,订单应付金额,运费,收件人,收件人手机号,详细地址,订单提交时间,商家备注,订单完成时间,订单状态,售后状态,取消原因,发货时间,平台实际承担优惠金额,商家实际承担优惠金额,达人实际承担优惠金额',
      'douyin',
      '订单导出',
    ],
    [
      '订单编号,买家会员名,支付金额,收货人,联系手机,收货地址,订单状态,订单创建时间,订单付款时间',
      'tmall',
      '订单报表',
    ],
  ])('%s → %s (%s)', (header, format, variant) => {
    expect(detectFormat(split(header)).accepted).toMatchObject({ format, variant });
  });

  it.each([['日期,摘要,收入,支出'], ['订单号,下单时间,金额'], [''], ['Name,Email,Phone,Total']])(
    '%j is unknown',
    (header) => expect(detectFormat(split(header)).accepted).toBeNull(),
  );

  it('a Douyin export is never read as a Tmall 销售明细, though it has 主订单编号 and 子订单编号', () => {
    const d = detectFormat(split('主订单编号,子订单编号,选购商品,商品数量,订单应付金额,订单状态'));
    expect(d.accepted?.format).toBe('douyin');
    const tmall = d.candidates.find((c) => c.format === 'tmall-items')!;
    expect(tmall.fits).toBe(false);
    expect(tmall.conflicts).toEqual(expect.arrayContaining(['选购商品', '订单应付金额']));
  });

  it('a header two formats fit about equally well is not accepted, and says which', () => {
    // JD's and Pinduoduo's columns side by side: neither may take the file.
    const d = detectFormat(split('订单号,商品,商品名称,订购数量,应付金额,用户实付金额(元),商品数量(件)'));
    expect(d.ambiguous).toBe(true);
    expect(d.accepted).toBeNull();
    expect(
      d.candidates
        .slice(0, 2)
        .map((c) => c.format)
        .sort(),
    ).toEqual(['jd', 'pdd']);
  });

  it('an unknown header lists the formats that came closest and what each lacks', () => {
    const d = detectFormat(split('订单号,商品,订单状态,商品数量(件),发货时间,商品id'));
    expect(d.accepted).toBeNull();
    const pdd = d.candidates.find((c) => c.format === 'pdd')!;
    expect(pdd.fits).toBe(false);
    expect(pdd.missing).toContainEqual(['用户实付金额(元)', '商家实收金额(元)', '商品总价(元)']);
    expect(d.candidates[0]!.format).toBe('pdd');
  });

  it('the score is the share of the header the format knows', () => {
    const d = detectFormat(split('Name,Email,Financial Status,My own column'));
    expect(d.accepted).toMatchObject({ format: 'shopify', confidence: 0.75 });
  });
});

describe('mergeFragments', () => {
  it('undefined never overwrites, later values win, lines merge by key, rows concatenate', () => {
    const a: ParsedOrder = {
      platformOrderId: '1',
      sourceRows: [2],
      paidFen: 100,
      statusRaw: 'x',
      receiver: { name: 'A' },
      lines: [{ lineKey: 'k1', title: 't', quantity: 1 }],
    };
    const b: ParsedOrder = {
      platformOrderId: '1',
      sourceRows: [3],
      paidFen: undefined,
      statusRaw: null,
      receiver: { phone: '1' },
      lines: [{ lineKey: 'k1', quantity: 2 }, { lineKey: 'k2' }],
    };
    expect(mergeFragments(a, b)).toEqual({
      platformOrderId: '1',
      sourceRows: [2, 3],
      paidFen: 100,
      statusRaw: null,
      receiver: { name: 'A', phone: '1' },
      lines: [{ lineKey: 'k1', title: 't', quantity: 2 }, { lineKey: 'k2' }],
    });
    expect(a.lines![0]!.quantity).toBe(1);
  });
  it('refuses to merge different orders', () => {
    expect(() =>
      mergeFragments({ platformOrderId: '1', sourceRows: [] }, { platformOrderId: '2', sourceRows: [] }),
    ).toThrow();
  });
});

describe('headerSignature and suggestMapping', () => {
  it('is stable across invisible characters and spacing, different for other columns', () => {
    const s = headerSignature(['订单号', '金额 ']);
    expect(s).toMatch(/^[0-9a-f]{16}$/);
    expect(headerSignature(['\uFEFF订单号', '金额\u200B'])).toBe(s);
    expect(headerSignature(['订单号', '金额', '备注'])).not.toBe(s);
    expect(headerSignature(['金额', '订单号'])).not.toBe(s);
  });
  it('guesses fields from Chinese and English names, one column per field', () => {
    expect(
      suggestMapping([
        '订单号',
        '下单时间',
        '买家',
        '手机',
        '商品名称',
        '数量',
        '单价',
        '实付金额',
        '运费',
        '收货地址 ',
      ]),
    ).toEqual({
      orderId: '订单号',
      orderedAt: '下单时间',
      buyer: '买家',
      buyerPhone: '手机',
      title: '商品名称',
      quantity: '数量',
      unitPrice: '单价',
      paidAmount: '实付金额',
      shippingAmount: '运费',
      address: '收货地址',
    });
    expect(suggestMapping(['Order ID', 'Order Date', 'Customer', 'Email', 'Total', 'Status'])).toEqual({
      orderId: 'Order ID',
      orderedAt: 'Order Date',
      buyer: 'Customer',
      buyerEmail: 'Email',
      totalAmount: 'Total',
      status: 'Status',
    });
  });
});
