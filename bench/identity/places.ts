/**
 * Street addresses below the district: road + number + 小区 + 栋/单元/室 for homes, an office
 * tower for work, a parcel station for pickups. Each district has its own few roads, estates and
 * stations (derived from its code), so neighbours share roads and strangers share stations, as
 * they do. Road and estate names are made from common name parts; the divisions above them come
 * from the dataset (divisions.ts).
 */
import { Rng, hashSeed } from '../lib/prng.js';
import type { District } from './divisions.js';

const ROAD_STEMS = [
  ...'人民 解放 中山 建设 和平 新华 胜利 友谊 文化 青年 光明 朝阳 长江 黄河 环城 滨江 滨河 迎宾 工业 学府 科技 创业 金融 世纪 幸福 团结 振兴 建国 育才 花园 东风 红旗 延安 复兴 民主 健康 兴业 府前 南湖 东湖 西湖 翠柳 银杏 梧桐 桂花 丹桂 香樟 望江 锦绣 东方 龙华 凤凰 学院 体育 站前 商业 园林 春晖 文昌 永安'.split(
    ' ',
  ),
];
const ROAD_SUFFIXES: readonly (readonly [string, number])[] = [
  ['路', 55],
  ['街', 12],
  ['大道', 10],
  ['东路', 6],
  ['西路', 6],
  ['南路', 5],
  ['北路', 5],
  ['中路', 4],
];
const ESTATE_STEMS = [
  ...'阳光 幸福 金色 碧水 翠苑 锦绣 世纪 康桥 华府 御景 紫荆 海棠 丽景 盛世 万科 保利 碧桂园 绿城 龙湖 中海 金地 融创 招商 蓝湾 滨江 枫林 桃源 明珠 金桂 香榭 水岸 春天 凤凰 天鹅湖 书香 南山 东城 和园'.split(
    ' ',
  ),
];
const ESTATE_SUFFIXES = [
  '花园',
  '家园',
  '小区',
  '新村',
  '公寓',
  '苑',
  '城',
  '名苑',
  '雅苑',
  '华庭',
  '府',
  '一期',
  '二期',
];
const TOWER_SUFFIXES = ['大厦', '中心', '广场', '国际', '科技园', '商务楼'];
const STATIONS = ['菜鸟驿站', '丰巢快递柜', '妈妈驿站', '兔喜生活快递超市', '中通快递驿站', '京东快递自提点'];

export type PlaceKind = 'home' | 'office' | 'pickup';

export interface Place {
  kind: PlaceKind;
  district: District;
  /** 街道/镇, or '' */
  town: string;
  /** 文三路 */
  road: string;
  /** The door number on the road. */
  number: number;
  /** 翠苑花园, 富力盈凯大厦, or a station's name: 菜鸟驿站(翠苑花园店). */
  estate: string;
  /** 栋/幢/号楼 number; 0 for a station. */
  building: number;
  /** 单元; 0 when the building has none. */
  unit: number;
  /** 501, 1802; '' for a station. */
  room: string;
}

interface DistrictStreets {
  roads: string[];
  estates: string[];
  towers: string[];
}

const streetsCache = new Map<string, DistrictStreets>();

/** The roads, estates and office towers of a district: the same for every run and every person. */
function streetsOf(d: District): DistrictStreets {
  let s = streetsCache.get(d.code);
  if (s) return s;
  const r = new Rng(hashSeed(`streets:${d.code}`));
  const roads = new Set<string>();
  while (roads.size < 14) roads.add(r.pick(ROAD_STEMS) + r.weighted(ROAD_SUFFIXES));
  const estates = new Set<string>();
  while (estates.size < 24) estates.add(r.pick(ESTATE_STEMS) + r.pick(ESTATE_SUFFIXES));
  const towers = new Set<string>();
  while (towers.size < 6) towers.add(r.pick(ROAD_STEMS) + r.pick(TOWER_SUFFIXES));
  s = { roads: [...roads], estates: [...estates], towers: [...towers] };
  streetsCache.set(d.code, s);
  return s;
}

function townOf(rng: Rng, d: District): string {
  return d.towns.length > 0 ? rng.pick(d.towns) : '';
}

/** A flat in an estate: 文三路100号翠苑花园3栋2单元501室. */
export function drawHome(rng: Rng, d: District): Place {
  const s = streetsOf(d);
  const floor = rng.int(1, 33);
  return {
    kind: 'home',
    district: d,
    town: townOf(rng, d),
    road: rng.pick(s.roads),
    number: rng.int(1, 999),
    estate: rng.pick(s.estates),
    building: rng.int(1, 36),
    unit: rng.chance(0.6) ? rng.int(1, 6) : 0,
    room: `${floor}${String(rng.int(1, 8)).padStart(2, '0')}`,
  };
}

/** An office in a tower of the district: 华夏路10号世纪中心1801室. */
export function drawOffice(rng: Rng, d: District): Place {
  const s = streetsOf(d);
  return {
    kind: 'office',
    district: d,
    town: townOf(rng, d),
    road: rng.pick(s.roads),
    number: rng.int(1, 500),
    estate: rng.pick(s.towers),
    building: rng.chance(0.3) ? rng.int(1, 5) : 0,
    unit: 0,
    room: `${rng.int(2, 40)}${String(rng.int(1, 20)).padStart(2, '0')}`,
  };
}

/**
 * One of the district's parcel stations: 6 per district, shared by everyone who picks up there.
 * `slot` picks which; the station's address is fixed by the district and the slot.
 */
export function pickupPoint(d: District, slot: number): Place {
  const s = streetsOf(d);
  const r = new Rng(hashSeed(`station:${d.code}:${slot % 6}`));
  const estate = r.pick(s.estates);
  return {
    kind: 'pickup',
    district: d,
    town: townOf(r, d),
    road: r.pick(s.roads),
    number: r.int(1, 999),
    estate: `${r.pick(STATIONS)}(${estate}店)`,
    building: 0,
    unit: 0,
    room: '',
  };
}

/** How a person writes their address: habits kept across orders, varied now and then. */
export interface AddressHabit {
  /** Writes the 街道/镇 before the road (4-level addresses). */
  town: boolean;
  /** Writes the estate's name. */
  estate: boolean;
  /** 栋, 幢 or 号楼 */
  buildingWord: '栋' | '幢' | '号楼';
  /** Ends the room with 室. */
  roomWord: boolean;
}

export function drawHabit(rng: Rng): AddressHabit {
  return {
    town: rng.chance(0.3),
    estate: rng.chance(0.85),
    buildingWord: rng.weighted([
      ['栋', 60],
      ['幢', 25],
      ['号楼', 15],
    ] as const),
    roomWord: rng.chance(0.7),
  };
}

/** One writing of a place's detail (after the district), before the platform's corruption. */
export interface DetailStyle extends AddressHabit {
  /** 3-2-501 instead of 3栋2单元501室 */
  shorthand: boolean;
}

/** The detail after the district: 文三路100号翠苑花园3栋2单元501室. */
export function renderDetail(p: Place, style: DetailStyle): string {
  const head = `${style.town && p.town ? p.town : ''}${p.road}${p.number}号`;
  if (p.kind === 'pickup') return `${head}${p.estate}`;
  const estate = style.estate || p.kind === 'office' ? p.estate : '';
  if (p.kind === 'office') {
    const tower = p.building > 0 ? `${p.building}${style.buildingWord === '号楼' ? '号楼' : '座'}` : '';
    return `${head}${estate}${tower}${p.room}${style.roomWord ? '室' : ''}`;
  }
  if (style.shorthand) {
    return `${head}${estate}${[p.building, p.unit || null, p.room].filter((x) => x !== null).join('-')}`;
  }
  const unit = p.unit > 0 ? `${p.unit}单元` : '';
  return `${head}${estate}${p.building}${style.buildingWord}${unit}${p.room}${style.roomWord ? '室' : ''}`;
}
