/** Table-driven tests of the cell-level rules: cleaning, money, dates, ids, masks, statuses, addresses. */
import { describe, expect, it } from 'vitest';
import {
  canonicalProvince,
  cleanCell,
  cleanValue,
  displayHeaderName,
  isMaskedName,
  isMaskedPhone,
  isScientificNotation,
  normalizeHeaderName,
  normalizeStatus,
  parseChineseAddress,
  parseDateTime,
  parseMoney,
  parseTmallReceiverText,
  shopifyStatus,
  wallTimeToUtc,
} from '../../../main/domain/import/index.js';

describe('cleanCell / cleanValue', () => {
  it.each([
    ['="1234567890123456789"', '1234567890123456789'],
    ["'13800000000", '13800000000'],
    ['45.00\t', '45.00'],
    ['  文三路 \u3000', '文三路'],
    ['="" ', ''],
    ['plain', 'plain'],
  ])('cleanCell(%j) = %j', (raw, expected) => expect(cleanCell(raw)).toBe(expected));

  it.each([['——'], ['-'], ['无'], ['null'], ['  —— ']])('placeholder %j → empty', (raw) =>
    expect(cleanValue(raw)).toBe(''),
  );
});

describe('header names', () => {
  it.each([
    ['收货地址 ', '收货地址'],
    ['\uFEFF订单编号', '订单编号'],
    ['\u200B订单状态\u200D', '订单状态'],
    ['买家实际支付金额\u2060 ', '买家实际支付金额'],
  ])('%j displays as %j', (raw, expected) => expect(displayHeaderName(raw)).toBe(expected));

  it('NFKC folds full-width punctuation for matching', () => {
    expect(normalizeHeaderName('商家备注等级（等级1-5为由高到低）')).toBe(
      normalizeHeaderName('商家备注等级(等级1-5为由高到低)'),
    );
  });
});

describe('parseMoney (exact fen)', () => {
  it.each<[string, number | null]>([
    ['168.00', 16800],
    ['0.29', 29],
    ['1.005', 101],
    ['12.34元', 1234],
    ['¥1,234.50', 123450],
    ['￥45.50', 4550],
    ['1,299', 129900],
    ['12,345,678.90', 1234567890],
    ['168.00（系统计算中，该值仅供参考）', 16800],
    ['168.00(系统计算中,该值仅供参考)', 16800],
    ['-5.00', -500],
    ['−5.5', -550],
    ['(5.00)', -500],
    ['¥-3.20', -320],
    ['45.00\t', 4500],
    ['="12.00"', 1200],
    ['', null],
    ['——', null],
    ['178.8', 17880],
    ['.5', 50],
    ['100', 10000],
    ['０.５０', 50],
  ])('%j → %j', (raw, fen) => expect(parseMoney(raw)).toEqual({ ok: true, value: fen }));

  it.each([['无退款申请'], ['没有申请退款']])('refund text %j → 0 in refund columns only', (raw) => {
    expect(parseMoney(raw, { refund: true })).toEqual({ ok: true, value: 0 });
    expect(parseMoney(raw)).toEqual({ ok: false });
  });

  it.each([['abc'], ['1,5'], ['12.3.4'], ['12元5角']])('%j is not money', (raw) =>
    expect(parseMoney(raw)).toEqual({ ok: false }),
  );

  it('respects zero- and three-decimal currencies', () => {
    expect(parseMoney('1200', { digits: 0 })).toEqual({ ok: true, value: 1200 });
    expect(parseMoney('1.234', { digits: 3 })).toEqual({ ok: true, value: 1234 });
  });
});

describe('parseDateTime', () => {
  const SH = 'Asia/Shanghai';
  it.each<[string, string | null]>([
    ['2024-11-11 00:00:05', '2024-11-10T16:00:05.000Z'],
    ['2024/11/11 9:05', '2024-11-11T01:05:00.000Z'],
    ['2024/1/2 3:04:05', '2024-01-01T19:04:05.000Z'],
    ['2024-11-11', '2024-11-10T16:00:00.000Z'],
    ['2025-12-06 10:36:17 -0500', '2025-12-06T15:36:17.000Z'],
    ['2024-12-01T10:00:00+08:00', '2024-12-01T02:00:00.000Z'],
    ['2024-12-01T10:00:00Z', '2024-12-01T10:00:00.000Z'],
    ['2024-12-01T10:00:00.123Z', '2024-12-01T10:00:00.123Z'],
    ['2024年11月11日 10:00:00', '2024-11-11T02:00:00.000Z'],
    ['45607.5', '2024-11-11T04:00:00.000Z'],
    ['45607', '2024-11-10T16:00:00.000Z'],
    ['', null],
    ['——', null],
  ])('%j → %j', (raw, iso) => expect(parseDateTime(raw, SH)).toEqual({ ok: true, value: iso }));

  it.each([['2024-02-30 10:00:00'], ['2024-13-01'], ['yesterday'], ['12'], ['2024-11-11 25:00:00']])(
    '%j is refused',
    (raw) => expect(parseDateTime(raw, SH)).toEqual({ ok: false }),
  );

  it('converts wall time in zones with DST', () => {
    expect(parseDateTime('2025-07-01 12:00:00', 'America/New_York')).toEqual({
      ok: true,
      value: '2025-07-01T16:00:00.000Z',
    });
    expect(parseDateTime('2025-01-01 12:00:00', 'America/New_York')).toEqual({
      ok: true,
      value: '2025-01-01T17:00:00.000Z',
    });
    // 02:30 on 2025-03-09 does not exist in New York: it lands an hour later, like most tools.
    expect(new Date(wallTimeToUtc(Date.UTC(2025, 2, 9, 2, 30), 'America/New_York')).toISOString()).toBe(
      '2025-03-09T07:30:00.000Z',
    );
  });
});

describe('ids and masks', () => {
  it.each([
    ['1.23457E+18', true],
    ['1.00100e+18', true],
    ['1E+18', true],
    ['1234567890123456789', false],
    ['#1001', false],
    ['E20241111000001', false],
  ])('isScientificNotation(%j) = %j', (v, expected) =>
    expect(isScientificNotation(v as string)).toBe(expected),
  );

  it.each([
    ['138****5678', true, false],
    ['1******6198', true, false],
    ['139＊＊＊＊0005', true, false],
    ['13800000000', false, false],
    ['张**', false, true],
    ['*明', false, true],
    ['王××', false, true],
    ['张三', false, false],
  ])('%j: masked phone %j, masked name %j', (v, phone, name) => {
    expect(isMaskedPhone(v as string)).toBe(phone);
    expect(isMaskedName(v as string)).toBe(name);
  });
});

describe('status normalisation', () => {
  it.each([
    ['tmall', '等待买家付款', 'awaiting_payment'],
    ['tmall', '买家已付款，等待卖家发货', 'paid'],
    ['tmall', '买家已付款,等待卖家发货', 'paid'],
    ['tmall', '卖家已发货，等待买家确认', 'shipped'],
    ['tmall', '卖家已发货,等待买家确认', 'shipped'],
    ['tmall', '交易成功', 'completed'],
    ['tmall', '已签收', 'completed'],
    ['tmall', '交易关闭', 'closed'],
    ['jd', '(删除)等待出库', 'paid'],
    ['jd', '（删除）等待确认收货', 'shipped'],
    ['jd', '等待出库', 'paid'],
    ['jd', '完成', 'completed'],
    ['jd', '已取消', 'closed'],
    ['jd', '锁定', 'paid'],
    ['jd', '暂停', 'paid'],
    ['jd', '待付款', 'awaiting_payment'],
    ['youzan', '待发货', 'paid'],
    ['youzan', '交易成功', 'completed'],
    ['youzan', '已关闭', 'closed'],
    ['woocommerce', 'on-hold', 'paid'],
    ['woocommerce', 'wc-completed', 'completed'],
    ['woocommerce', 'Pending payment', 'awaiting_payment'],
    ['woocommerce', 'failed', 'closed'],
    ['woocommerce', 'Refunded', 'closed'],
    ['generic', '交易成功', 'completed'],
    ['tmall', '外星状态', undefined],
  ] as const)('%s %j → %s', (format, raw, status) => expect(normalizeStatus(format, raw)).toBe(status));

  it.each([
    ['paid', 'unfulfilled', '', 'paid'],
    ['paid', 'fulfilled', '', 'shipped'],
    ['pending', 'unfulfilled', '', 'awaiting_payment'],
    ['refunded', 'fulfilled', '', 'closed'],
    ['paid', 'unfulfilled', '2025-12-10 09:00:00 -0500', 'closed'],
  ])('shopify %s/%s cancelled=%j → %s', (fin, ful, cancelled, status) =>
    expect(shopifyStatus(fin, ful, cancelled)).toBe(status),
  );
});

describe('addresses', () => {
  it.each([
    ['江苏省 扬州市 广陵区 文昌中路1号', ['江苏省', '扬州市', '广陵区', '文昌中路1号']],
    ['上海 上海市 浦东新区 世纪大道1号', ['上海市', '上海市', '浦东新区', '世纪大道1号']],
    ['上海市浦东新区世纪大道1号', ['上海市', '上海市', '浦东新区', '世纪大道1号']],
    ['江苏省南京市玄武区中山路1号', ['江苏省', '南京市', '玄武区', '中山路1号']],
    ['内蒙古 呼和浩特市 回民区 中山西路1号', ['内蒙古自治区', '呼和浩特市', '回民区', '中山西路1号']],
    ['广西壮族自治区南宁市青秀区民族大道1号', ['广西壮族自治区', '南宁市', '青秀区', '民族大道1号']],
    [
      '新疆 伊犁哈萨克自治州 伊宁市 解放路1号',
      ['新疆维吾尔自治区', '伊犁哈萨克自治州', '伊宁市', '解放路1号'],
    ],
    ['内蒙古自治区 锡林郭勒盟 锡林浩特市 1号', ['内蒙古自治区', '锡林郭勒盟', '锡林浩特市', '1号']],
    ['浙江省', ['浙江省', null, null, null]],
    ['some street 1', [null, null, null, 'some street 1']],
  ] as const)('%j', (raw, [province, city, district, detail]) => {
    expect(parseChineseAddress(raw)).toEqual({ province, city, district, detail });
  });

  it('canonical province names', () => {
    expect(canonicalProvince('北京')).toBe('北京市');
    expect(canonicalProvince('宁夏')).toBe('宁夏回族自治区');
    expect(canonicalProvince('IL')).toBeNull();
  });

  it.each([
    ['Anhui', '安徽省'],
    ['XINJIANG', '新疆维吾尔自治区'],
    ['Xinjiang Uygur Autonomous Region', '新疆维吾尔自治区'],
    ['Guangxi Zhuang Autonomous Region', '广西壮族自治区'],
    ['Guangxi Zhuang', '广西壮族自治区'],
    ['Ningxia Hui', '宁夏回族自治区'],
    ['Anhui Province', '安徽省'],
    ['Inner Mongolia', '内蒙古自治区'],
    ['Tibet', '西藏自治区'],
    ['Hong Kong', '香港特别行政区'],
    ['Macao', '澳门特别行政区'],
    ['Chongqing', '重庆市'],
    ['Beijing Shi', '北京市'],
    ['Hebei Province', '河北省'],
    // One pinyin, two provinces: the official romanisation tells them apart.
    ['Shanxi', '山西省'],
    ['Shaanxi', '陕西省'],
  ])('the Latin province name %s (own shops, Shopify) is %s', (latin, official) => {
    expect(canonicalProvince(latin)).toBe(official);
  });

  it('a Latin name that is no Chinese province stays unknown', () => {
    for (const text of ['Bavaria', 'California', 'IL', 'Ontario']) expect(canonicalProvince(text)).toBeNull();
  });

  it('new Tmall receiver text', () => {
    expect(parseTmallReceiverText('姓名，86-13900000004，江苏省 扬州市 广陵区 地址，')).toEqual({
      name: '姓名',
      phone: '13900000004',
      address: '江苏省 扬州市 广陵区 地址',
    });
    expect(parseTmallReceiverText('张**，138****5678，上海 上海市 浦东新区 某路1号')).toMatchObject({
      name: '张**',
      phone: '138****5678',
    });
    expect(parseTmallReceiverText('江苏省 扬州市 广陵区 地址')).toBeNull();
  });
});
