/** Chinese addresses for the demo persons: cities weighted by online-shopping population. */

import { Rng, WeightedTable } from './prng.js';

export interface Address {
  province: string;
  city: string;
  district: string;
  /** Road + number + 小区 + 栋/单元/室, or an office or pickup point. */
  detail: string;
}

interface City {
  province: string;
  city: string;
  districts: readonly string[];
  weight: number;
}

const CITIES: readonly City[] = [
  {
    province: '上海市',
    city: '上海市',
    districts: ['浦东新区', '徐汇区', '闵行区', '静安区', '杨浦区', '宝山区'],
    weight: 8,
  },
  {
    province: '北京市',
    city: '北京市',
    districts: ['朝阳区', '海淀区', '丰台区', '西城区', '东城区', '昌平区'],
    weight: 7,
  },
  {
    province: '浙江省',
    city: '杭州市',
    districts: ['西湖区', '上城区', '拱墅区', '滨江区', '余杭区', '萧山区'],
    weight: 6,
  },
  {
    province: '广东省',
    city: '广州市',
    districts: ['天河区', '越秀区', '海珠区', '番禺区', '白云区'],
    weight: 6,
  },
  {
    province: '广东省',
    city: '深圳市',
    districts: ['南山区', '福田区', '宝安区', '龙岗区', '罗湖区'],
    weight: 6,
  },
  { province: '江苏省', city: '南京市', districts: ['鼓楼区', '玄武区', '建邺区', '江宁区'], weight: 4 },
  { province: '江苏省', city: '苏州市', districts: ['姑苏区', '吴中区', '相城区', '虎丘区'], weight: 4 },
  {
    province: '四川省',
    city: '成都市',
    districts: ['锦江区', '武侯区', '青羊区', '成华区', '金牛区'],
    weight: 4,
  },
  { province: '湖北省', city: '武汉市', districts: ['武昌区', '江汉区', '洪山区', '江岸区'], weight: 4 },
  { province: '浙江省', city: '宁波市', districts: ['海曙区', '鄞州区', '江北区'], weight: 3 },
  { province: '湖南省', city: '长沙市', districts: ['岳麓区', '天心区', '芙蓉区', '雨花区'], weight: 3 },
  { province: '山东省', city: '青岛市', districts: ['市南区', '市北区', '崂山区', '黄岛区'], weight: 3 },
  { province: '重庆市', city: '重庆市', districts: ['渝中区', '江北区', '南岸区', '渝北区'], weight: 3 },
  { province: '陕西省', city: '西安市', districts: ['雁塔区', '碑林区', '未央区'], weight: 3 },
  { province: '河南省', city: '郑州市', districts: ['金水区', '二七区', '中原区'], weight: 3 },
  { province: '浙江省', city: '温州市', districts: ['鹿城区', '瓯海区', '龙湾区'], weight: 2 },
  { province: '江苏省', city: '无锡市', districts: ['梁溪区', '滨湖区', '新吴区'], weight: 2 },
  { province: '广东省', city: '佛山市', districts: ['禅城区', '南海区', '顺德区'], weight: 2 },
  { province: '福建省', city: '福州市', districts: ['鼓楼区', '台江区', '仓山区'], weight: 2 },
  { province: '福建省', city: '厦门市', districts: ['思明区', '湖里区', '集美区'], weight: 2 },
  { province: '山东省', city: '济南市', districts: ['历下区', '市中区', '槐荫区'], weight: 2 },
  { province: '天津市', city: '天津市', districts: ['和平区', '河西区', '南开区'], weight: 2 },
  { province: '安徽省', city: '合肥市', districts: ['蜀山区', '包河区', '庐阳区'], weight: 2 },
  { province: '河北省', city: '石家庄市', districts: ['长安区', '桥西区', '裕华区'], weight: 1.5 },
  { province: '辽宁省', city: '沈阳市', districts: ['和平区', '沈河区', '皇姑区'], weight: 1.5 },
  { province: '云南省', city: '昆明市', districts: ['五华区', '盘龙区', '官渡区'], weight: 1.5 },
  { province: '江西省', city: '南昌市', districts: ['东湖区', '西湖区', '红谷滩区'], weight: 1 },
  { province: '广西壮族自治区', city: '南宁市', districts: ['青秀区', '兴宁区', '西乡塘区'], weight: 1 },
  { province: '黑龙江省', city: '哈尔滨市', districts: ['南岗区', '道里区', '香坊区'], weight: 1 },
  { province: '山西省', city: '太原市', districts: ['小店区', '迎泽区'], weight: 1 },
  { province: '贵州省', city: '贵阳市', districts: ['云岩区', '南明区', '观山湖区'], weight: 1 },
  { province: '吉林省', city: '长春市', districts: ['朝阳区', '南关区'], weight: 0.8 },
  { province: '海南省', city: '海口市', districts: ['龙华区', '美兰区'], weight: 0.6 },
  { province: '内蒙古自治区', city: '呼和浩特市', districts: ['新城区', '赛罕区'], weight: 0.5 },
  { province: '甘肃省', city: '兰州市', districts: ['城关区', '七里河区'], weight: 0.5 },
  { province: '新疆维吾尔自治区', city: '乌鲁木齐市', districts: ['天山区', '沙依巴克区'], weight: 0.5 },
];

const CITY_TABLE = new WeightedTable(
  CITIES,
  CITIES.map((c) => c.weight),
);

const ROADS = [
  '人民路',
  '解放路',
  '中山路',
  '建设路',
  '文三路',
  '长江路',
  '黄河路',
  '和平路',
  '新华路',
  '胜利路',
  '青年路',
  '学院路',
  '科技路',
  '滨江路',
  '迎宾大道',
  '世纪大道',
  '光明路',
  '幸福路',
  '朝阳路',
  '南京路',
  '东风路',
  '体育路',
  '工农路',
  '振兴路',
  '花园路',
  '湖滨路',
  '教工路',
  '丰潭路',
  '金沙大道',
  '育才路',
];

const ESTATE_HEADS = [
  '金都',
  '阳光',
  '翠苑',
  '碧桂园',
  '万科',
  '绿城',
  '保利',
  '龙湖',
  '华润',
  '世纪',
  '锦绣',
  '东方',
  '香榭',
  '御景',
  '书香',
  '紫金',
  '江南',
  '丽都',
  '青枫',
  '海棠',
  '天阳',
  '融创',
  '星河',
  '南苑',
];
const ESTATE_TAILS = [
  '花园',
  '小区',
  '家园',
  '公寓',
  '名苑',
  '城',
  '府',
  '雅苑',
  '新村',
  '国际',
  '湾',
  '嘉园',
];
const OFFICES = ['国际大厦', '科技园', '金融中心', '创业大厦', '中心大厦', '广场', '软件园', '商务中心'];
const PICKUP = ['菜鸟驿站', '丰巢快递柜', '妈妈驿站', '兔喜生活'];

export function drawCity(rng: Rng): City {
  return CITY_TABLE.sample(rng);
}

function road(rng: Rng): string {
  return `${rng.pick(ROADS)}${rng.int(1, 999)}号`;
}

/** A home address: road + number + 小区 + 栋/单元/室. */
export function drawHome(rng: Rng, city: City = drawCity(rng)): Address {
  const estate = rng.pick(ESTATE_HEADS) + rng.pick(ESTATE_TAILS);
  const floor = rng.int(1, 33);
  const room = `${floor}0${rng.int(1, 4)}`;
  const detail = rng.chance(0.8)
    ? `${road(rng)}${estate}${rng.int(1, 30)}栋${rng.int(1, 4)}单元${room}室`
    : `${road(rng)}${estate}${rng.int(1, 30)}幢${room}室`;
  return { province: city.province, city: city.city, district: rng.pick(city.districts), detail };
}

/** An office address in the same city as `home`. */
export function drawOffice(rng: Rng, home: Address): Address {
  const city = CITIES.find((c) => c.city === home.city) ?? drawCity(rng);
  const detail = `${road(rng)}${rng.pick(ESTATE_HEADS)}${rng.pick(OFFICES)}${rng.int(2, 28)}楼`;
  return { province: city.province, city: city.city, district: rng.pick(city.districts), detail };
}

/** A parcel station near home: same road and number, the estate name replaced by the station. */
export function pickupNear(rng: Rng, home: Address): Address {
  const roadPart = /^.+?\d+号/.exec(home.detail)?.[0] ?? '';
  return { ...home, detail: `${roadPart}${rng.pick(PICKUP)}` };
}

/** A move: usually within the same city, sometimes to another city. */
export function drawMove(rng: Rng, from: Address): Address {
  if (rng.chance(0.25)) return drawHome(rng);
  const city = CITIES.find((c) => c.city === from.city);
  return drawHome(rng, city);
}

export function addressText(a: Address): string {
  return `${a.province} ${a.city} ${a.district} ${a.detail}`;
}

/** Mobile prefixes with carrier shares (China Mobile ≈ 58%, Unicom ≈ 22%, Telecom ≈ 20%). */
const MOBILE = [
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '178',
  '182',
  '183',
  '187',
  '188',
  '198',
];
const UNICOM = ['130', '131', '132', '155', '156', '166', '176', '185', '186'];
const TELECOM = ['133', '153', '173', '177', '180', '181', '189', '199'];

export function drawPhone(rng: Rng): string {
  const r = rng.next();
  const prefix = r < 0.58 ? rng.pick(MOBILE) : r < 0.8 ? rng.pick(UNICOM) : rng.pick(TELECOM);
  return prefix + rng.digits(8);
}
