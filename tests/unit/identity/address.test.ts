import { describe, expect, it } from 'vitest';
import { receiverAddress } from '../../../main/domain/import/address.js';
import {
  detailTokens,
  isPickupPoint,
  normalizeAddress,
  normalizeDetail,
  type AddressIdentity,
  type AddressInput,
} from '../../../main/domain/identity/index.js';

/** [province, city, district codes, normalised detail, fingerprint, pickup] */
type Expected = [string | null, string | null, string | null, string | null, string | null, boolean];

function codes(a: AddressIdentity | null): Expected | null {
  return a && [a.provCode, a.cityCode, a.distCode, a.detail, a.fp, a.pickup];
}

describe('addresses', () => {
  const table: [string, AddressInput, Expected][] = [
    // Split columns: 拼多多 / 抖店 省 市 区 (+ 街道 in the detail), Youzan 收货人省份 / 城市 / 地区.
    [
      '拼多多 split columns with a sub-district office',
      { province: '广东省', city: '深圳市', district: '南山区', detail: '粤海街道科技园路10号' },
      ['440000', '440300', '440305', '科技园路10号', '440305|科技园路|10', false],
    ],
    [
      'Youzan, municipality written short',
      { province: '上海', city: '上海市', district: '徐汇区', detail: '漕溪北路1号' },
      ['310000', '310000', '310104', '漕溪北路1号', '310104|漕溪北路|1', false],
    ],
    [
      'columns without 省/市/区',
      { province: '浙江', city: '杭州', district: '余杭', detail: '文一西路969号' },
      ['330000', '330100', '330110', '文一西路969号', '330110|文一西路|969', false],
    ],
    [
      'the detail repeats the whole address (a 抖店 habit)',
      { province: '浙江省', city: '杭州市', district: '西湖区', detail: '浙江省杭州市西湖区文三路100号' },
      ['330000', '330100', '330106', '文三路100号', '330106|文三路|100', false],
    ],
    [
      'autonomous region and its short form',
      { province: '广西', city: '南宁市', district: '青秀区', detail: '民族大道100号' },
      ['450000', '450100', '450103', '民族大道100号', '450103|民族大道|100', false],
    ],
    [
      'a district under a former city (莱芜市 became part of 济南市 in 2019) is still found',
      { province: '山东省', city: '莱芜市', district: '莱芜区', detail: '鲁中大街1号' },
      ['370000', '370100', '370116', '鲁中大街1号', '370116|鲁中大街|1', false],
    ],
    [
      'a city without districts is its own district (东莞)',
      { province: '广东省', city: '东莞市', district: null, detail: '长安镇锦厦路22号' },
      ['440000', '441900', '441900', '长安镇锦厦路22号', '441900|锦厦路|22', false],
    ],
    [
      'a county-level city under the province is its own city and district (济源)',
      { province: '河南省', city: '济源市', district: '济源市', detail: '济源大道100号' },
      ['410000', '419001', '419001', '济源大道100号', '419001|济源大道|100', false],
    ],
    [
      'a former district name finds no district; the city still holds',
      { province: '上海市', city: '上海市', district: '闸北区', detail: '共和新路100号' },
      ['310000', '310000', null, '共和新路100号', null, false],
    ],
    [
      'province only (the Tianchi Tmall sample)',
      { province: '内蒙古自治区', city: null, district: null, detail: null },
      ['150000', null, null, null, null, false],
    ],
    // One-line addresses (own shops, mapped files, anything the reader could not split).
    [
      'own shop, one line, traditional and full-width',
      { detail: '廣東省廣州市天河區華夏路１０號富力盈凱1801室' },
      ['440000', '440100', '440106', '华夏路10号富力盈凯1801', '440106|华夏路|10', false],
    ],
    [
      'no province',
      { detail: '广州市天河区华夏路10号富力盈凯1801' },
      ['440000', '440100', '440106', '华夏路10号富力盈凯1801', '440106|华夏路|10', false],
    ],
    [
      'short province and city forms followed by a district',
      { detail: '广东广州天河区华夏路10号' },
      ['440000', '440100', '440106', '华夏路10号', '440106|华夏路|10', false],
    ],
    [
      'Tmall municipality written twice',
      { detail: '上海 上海市 黄浦区 西藏中路100号' },
      ['310000', '310000', '310101', '西藏中路100号', '310101|西藏中路|100', false],
    ],
    [
      'a road that starts like a province is a road (西藏中路)',
      { province: '上海市', detail: '西藏中路100号' },
      ['310000', '310000', null, '西藏中路100号', null, false],
    ],
    [
      'a road that starts like a district is a road (朝阳门内大街)',
      { province: '北京市', detail: '朝阳门内大街100号' },
      ['110000', '110000', null, '朝阳门内大街100号', null, false],
    ],
    [
      'autonomous prefecture',
      { detail: '湖北省恩施土家族苗族自治州恩施市舞阳大道1号' },
      ['420000', '422800', '422801', '舞阳大道1号', '422801|舞阳大道|1', false],
    ],
    [
      'building, unit and room words',
      { detail: '浙江省杭州市西湖区文三路100号3幢二单元301室' },
      ['330000', '330100', '330106', '文三路100号3栋2单元301', '330106|文三路|100', false],
    ],
    [
      'Beijing 号院 and 号楼',
      { detail: '北京市朝阳区建国路88号院3号楼2单元501' },
      ['110000', '110000', '110105', '建国路88号院3栋2单元501', '110105|建国路|88', false],
    ],
    [
      'Shanghai lane (弄) keeps its unit',
      { province: '上海', city: '上海市', district: '静安区', detail: '新闸路100弄5号' },
      ['310000', '310000', '310106', '新闸路100弄5号', '310106|新闸路|100弄', false],
    ],
    // Pickup points.
    [
      '菜鸟驿站',
      { province: '江苏省', city: '南京市', district: '鼓楼区', detail: '北京西路1号菜鸟驿站' },
      ['320000', '320100', '320106', '北京西路1号菜鸟驿站', '320106|北京西路|1', true],
    ],
    [
      '丰巢 parcel locker',
      { detail: '四川省成都市武侯区人民南路4段1号丰巢快递柜' },
      ['510000', '510100', '510107', '人民南路4段1号丰巢快递柜', null, true],
    ],
    // Abroad (Shopify): no codes, the detail is kept for exact comparison.
    [
      'Shopify US address',
      { province: 'IL', city: 'Springfield', detail: '589 Main St' },
      [null, null, null, '589mainst', null, false],
    ],
  ];

  it.each(table)('%s', (_case, input, expected) => {
    expect(codes(normalizeAddress(input))).toEqual(expected);
  });

  it('reads what the import readers split off a Tmall or JD one-line address', () => {
    const parts = receiverAddress('浙江省 杭州市 西湖区 文三路100号');
    expect(codes(normalizeAddress(parts))).toEqual([
      '330000',
      '330100',
      '330106',
      '文三路100号',
      '330106|文三路|100',
      false,
    ]);
    expect(codes(normalizeAddress(receiverAddress('北京 北京市 朝阳区 建国路88号')))).toEqual([
      '110000',
      '110000',
      '110105',
      '建国路88号',
      '110105|建国路|88',
      false,
    ]);
  });

  it('says nothing for an empty address', () => {
    expect(normalizeAddress({})).toBeNull();
    expect(normalizeAddress({ province: null, city: null, district: null, detail: '  ' })).toBeNull();
  });

  it('takes the road, number and building tokens of a detail', () => {
    expect(detailTokens(normalizeDetail('华夏路10号阳光花园3栋2单元1801室'))).toEqual({
      road: '华夏路',
      number: '10',
      estate: '阳光花园',
      building: '3',
      unit: '2',
      room: '1801',
    });
    expect(detailTokens('幸福小区3-2-501')).toMatchObject({
      road: null,
      estate: '幸福小区',
      building: '3',
      unit: '2',
      room: '501',
    });
    expect(normalizeDetail('10#楼 3-2-501')).toBe('10栋3-2-501');
  });

  it.each(['菜鸟驿站', '中通快递超市', '小区门卫代收', '兔喜生活', '近邻宝', '丰巢柜', '收发室', '自提点'])(
    '%s is a pickup point',
    (detail) => {
      expect(isPickupPoint(detail)).toBe(true);
    },
  );
  it('a home is not', () => {
    expect(isPickupPoint('文三路100号3栋2单元301')).toBe(false);
  });
});
