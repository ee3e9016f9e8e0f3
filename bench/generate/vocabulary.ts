/**
 * Word lists the generators draw from: names, places, products, couriers. Every string here must
 * be encodable in GBK (the Tmall and JD files are written in it), so no emoji and no rare marks.
 */

export const SURNAMES = [
  ...'张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦江',
];

export const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉鹏飞云海波宁欣怡子涵浩然雨轩',
];

/** Pinyin-ish syllables for 买家会员名 / 下单帐号 / e-mail local parts. */
export const SYLLABLES = [
  'xiao',
  'mei',
  'long',
  'tian',
  'yu',
  'chen',
  'lin',
  'hua',
  'jia',
  'ming',
  'xin',
  'yang',
  'feng',
  'qing',
  'le',
  'an',
  'bao',
  'zi',
  'hao',
  'wen',
];

export interface Place {
  province: string;
  city: string;
  districts: readonly string[];
  /** How Tmall writes the province in 收货地址 (municipalities drop 省/市 in some exports). */
  tmallProvince: string;
}

export const PLACES: readonly Place[] = [
  { province: '浙江省', tmallProvince: '浙江省', city: '杭州市', districts: ['西湖区', '余杭区', '滨江区'] },
  { province: '浙江省', tmallProvince: '浙江省', city: '宁波市', districts: ['鄞州区', '海曙区'] },
  { province: '上海市', tmallProvince: '上海', city: '上海市', districts: ['浦东新区', '徐汇区', '静安区'] },
  { province: '北京市', tmallProvince: '北京', city: '北京市', districts: ['朝阳区', '海淀区', '东城区'] },
  { province: '广东省', tmallProvince: '广东省', city: '深圳市', districts: ['南山区', '福田区', '宝安区'] },
  { province: '广东省', tmallProvince: '广东省', city: '广州市', districts: ['天河区', '越秀区', '番禺区'] },
  { province: '江苏省', tmallProvince: '江苏省', city: '南京市', districts: ['玄武区', '鼓楼区', '江宁区'] },
  {
    province: '江苏省',
    tmallProvince: '江苏省',
    city: '苏州市',
    districts: ['姑苏区', '吴中区', '工业园区'],
  },
  { province: '四川省', tmallProvince: '四川省', city: '成都市', districts: ['武侯区', '锦江区', '高新区'] },
  { province: '湖北省', tmallProvince: '湖北省', city: '武汉市', districts: ['武昌区', '洪山区', '江汉区'] },
  { province: '山东省', tmallProvince: '山东省', city: '青岛市', districts: ['市南区', '崂山区'] },
  { province: '福建省', tmallProvince: '福建省', city: '福州市', districts: ['鼓楼区', '仓山区'] },
  { province: '河南省', tmallProvince: '河南省', city: '郑州市', districts: ['金水区', '二七区'] },
  { province: '陕西省', tmallProvince: '陕西省', city: '西安市', districts: ['雁塔区', '碑林区'] },
];

export const STREETS = [
  '文三路',
  '人民路',
  '中山路',
  '解放路',
  '建国路',
  '世纪大道',
  '科技园路',
  '长江路',
  '黄河路',
  '东风路',
  '学院路',
  '南京西路',
];

export interface Product {
  /** 1-based position in PRODUCTS: makes per-variant ids (拼多多 样式ID) unique. */
  index: number;
  title: string;
  /** Seller SKU code (商家编码). */
  sku: string;
  /** Platform product id: 10 digits, like JD's 商品ID and 抖店's 商品ID. */
  productId: string;
  priceFen: number;
  /** 商品属性 / 商品规格 choices. */
  variants: readonly string[];
}

const COLORS = ['白色', '黑色', '樱花粉', '雾霾蓝', '抹茶绿'];
const SIZES = ['350ml', '500ml', '750ml'];

function product(i: number, title: string, sku: string, priceFen: number, variants: readonly string[]) {
  return { index: i, title, sku, productId: String(1953814331 + i * 7919), priceFen, variants };
}

export const PRODUCTS: readonly Product[] = [
  product(
    1,
    '汇客保温杯 316不锈钢',
    'CUP-316',
    16800,
    SIZES.map((s) => `容量：${s}`),
  ),
  product(
    2,
    '汇客电水壶 1.7L',
    'KET-17',
    12900,
    COLORS.slice(0, 3).map((c) => `颜色分类：${c}`),
  ),
  product(3, '汇客茶具套装 功夫茶', 'TEA-SET', 29900, ['款式：青瓷', '款式：白瓷']),
  product(4, '汇客杯垫 榉木', 'MAT-1', 1550, ['颜色分类：原木色']),
  product(5, '汇客杯刷 长柄', 'BRUSH', 990, ['规格：2支装', '规格：4支装']),
  product(
    6,
    '汇客玻璃杯 双层',
    'GLS-2',
    5900,
    COLORS.map((c) => `颜色分类：${c}`),
  ),
  product(
    7,
    '汇客便携茶杯 茶水分离',
    'TCUP-1',
    8900,
    COLORS.map((c) => `颜色分类：${c}`),
  ),
  product(8, '汇客西湖龙井 250g', 'TEA-LJ', 19800, ['等级：明前特级', '等级：雨前一级']),
  product(
    9,
    '汇客咖啡杯 陶瓷',
    'MUG-C',
    4500,
    COLORS.map((c) => `颜色分类：${c}`),
  ),
  product(
    10,
    '汇客焖烧罐 1L',
    'JAR-1L',
    13900,
    COLORS.slice(0, 2).map((c) => `颜色分类：${c}`),
  ),
  product(11, '汇客儿童水杯 吸管款', 'KID-1', 6900, ['图案：小熊', '图案：恐龙', '图案：兔子']),
  product(12, '汇客运动水壶 大容量', 'SPT-2L', 7900, ['容量：1.5L', '容量：2L']),
  product(13, '汇客茶盘 竹制', 'TRAY-B', 15900, ['尺寸：小号', '尺寸：大号']),
  product(14, '汇客公道杯', 'FAIR-1', 3900, ['材质：玻璃']),
  product(15, '汇客滤网 不锈钢', 'FLT-1', 1290, ['规格：单个', '规格：两个装']),
  product(16, '汇客旅行茶具 收纳包', 'TRV-1', 18800, ['颜色分类：灰色', '颜色分类：棕色']),
];

export interface Courier {
  name: string;
  prefix: string;
  digits: number;
}

export const COURIERS: readonly Courier[] = [
  { name: '圆通速递', prefix: 'YT', digits: 13 },
  { name: '中通快递', prefix: '75', digits: 12 },
  { name: '韵达快递', prefix: '43', digits: 13 },
  { name: '顺丰速运', prefix: 'SF', digits: 12 },
  { name: '申通快递', prefix: '77', digits: 13 },
];

export const BUYER_NOTES = [
  '请尽快发货',
  '周末送货, 谢谢',
  '不要放快递柜',
  '送人的，不要放价格单',
  '麻烦包装好一点',
];

/** English-speaking own-shop data for the Shopify export. */
export const FIRST_NAMES = [
  'Alice',
  'Bob',
  'Carol',
  'Dan',
  'Erin',
  'Frank',
  'Grace',
  'Heidi',
  'Ivan',
  'Judy',
];
export const LAST_NAMES = ['Smith', 'Lee', 'Brown', 'Wang', 'Garcia', 'Chen', 'Miller', 'Davis'];
export const US_PLACES = [
  { city: 'Springfield', province: 'IL', provinceName: 'Illinois', zip: '62701' },
  { city: 'Austin', province: 'TX', provinceName: 'Texas', zip: '73301' },
  { city: 'Portland', province: 'OR', provinceName: 'Oregon', zip: '97201' },
  { city: 'Boston', province: 'MA', provinceName: 'Massachusetts', zip: '02108' },
];
