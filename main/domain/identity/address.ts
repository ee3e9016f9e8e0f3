/**
 * A receiver's address, normalised for matching: GB/T 2260 codes for the province, city and
 * district, the detail after the district (address-detail.ts), its road and house number, an
 * address fingerprint and whether it is a pickup point.
 *
 * The codes come from the platform's split columns when the file has them (拼多多 and 抖店 省/市/区,
 * Youzan 收货人省份/城市/地区, and what the readers split off a Tmall or JD one-line address), else
 * from the start of the detail or of the one-line address. Free text is matched on official names
 * (a district also needs its 区/县/市, so 朝阳门内大街 is not 朝阳区); a short form (广东, 广州,
 * 内蒙) is taken in free text only when what follows it is a city or district of it. A column that
 * names a district of another city of the province (data from before a re-division) still finds it.
 *
 * `fp` = `<district code>|<road>|<number>` (`440106|华夏路|10`), null unless all three are known: a
 * blocking key for "same building" that survives different spellings of the rest of the address.
 */
import { canonicalProvince } from '../import/address.js';
import { isPickupPoint, normalizeDetail, roadAndNumber } from './address-detail.js';
import { divisions, type City, type District, type NameIndex, type Province } from './divisions.js';
import { halfWidth, stripSpaceAndPunctuation, toSimplified } from './text.js';

export interface AddressInput {
  province?: string | null;
  city?: string | null;
  district?: string | null;
  detail?: string | null;
  /** The one-line address as the file had it, when nothing else was split off it. */
  raw?: string | null;
}

export interface AddressIdentity {
  provCode: string | null;
  cityCode: string | null;
  distCode: string | null;
  /** The detail after the district, normalised; null when there is none. */
  detail: string | null;
  road: string | null;
  number: string | null;
  fp: string | null;
  pickup: boolean;
}

interface Place {
  prov: Province | null;
  city: City | null;
  /** A municipality's city level is the municipality itself. */
  cityCode: string | null;
  dist: District | null;
}

function clean(text: string | null | undefined): string {
  return text ? stripSpaceAndPunctuation(toSimplified(halfWidth(text))) : '';
}

/** The entries a column's text names: as written (platforms write official names), else cleaned. */
function named<T>(index: NameIndex<T>, text: string): T[] {
  const asWritten = index.exact(text);
  return asWritten.length > 0 ? asWritten : index.exact(clean(text));
}

/** Normalises an address; null when it says nothing at all. */
export function normalizeAddress(input: AddressInput): AddressIdentity | null {
  const place = fromColumns(input);
  const text = input.detail ?? (input.province || input.city || input.district ? null : input.raw) ?? null;
  const rest = text ? stripAdminPrefix(toSimplified(halfWidth(text)).replace(/\s+/g, ''), place) : null;
  complete(place);
  const detail = normalizeDetail(rest);
  if (!place.prov && !place.cityCode && !detail) return null;
  const { road, number } = roadAndNumber(detail);
  const distCode =
    place.dist?.code ?? (place.city && place.city.districts.length === 0 ? place.city.code : null);
  return {
    provCode: place.prov?.code ?? null,
    cityCode: place.cityCode,
    distCode,
    detail,
    road,
    number,
    fp: distCode && road && number ? `${distCode}|${road}|${number}` : null,
    pickup: isPickupPoint(detail),
  };
}

/** Column texts → codes, remembered: a shop's orders name a few thousand districts, again and again. */
const columnPlaces = new Map<string, Readonly<Place>>();
const COLUMN_PLACES_LIMIT = 20_000;
const NO_PLACE: Readonly<Place> = { prov: null, city: null, cityCode: null, dist: null };

/** The codes a platform's province / city / district columns name (a copy the caller may change). */
function fromColumns(input: AddressInput): Place {
  if (!input.province && !input.city && !input.district) return { ...NO_PLACE };
  const key = `${input.province ?? ''}\u0001${input.city ?? ''}\u0001${input.district ?? ''}`;
  let known = columnPlaces.get(key);
  if (!known) {
    if (columnPlaces.size >= COLUMN_PLACES_LIMIT) columnPlaces.clear();
    known = placeOfColumns(input);
    columnPlaces.set(key, known);
  }
  return { ...known };
}

function placeOfColumns(input: AddressInput): Place {
  const d = divisions();
  const place: Place = { prov: null, city: null, cityCode: null, dist: null };
  if (input.province) {
    place.prov =
      one(named(d.provinceIndex, input.province)) ??
      one(d.provinceIndex.exact(canonicalProvince(clean(input.province)) ?? ''));
  }
  if (place.prov?.direct) place.cityCode = place.prov.code;
  else if (input.city) place.city = one(named(place.prov?.cityIndex ?? d.cityIndex, input.city));
  if (input.district) {
    place.dist =
      (place.city && one(named(place.city.districtIndex, input.district))) ??
      (place.prov && one(named(place.prov.districtIndex, input.district))) ??
      (place.prov ? null : one(named(d.districtIndex, input.district)));
  }
  return place;
}

/** Province, city and district names at the start of `text` (a detail or one-line address), removed. */
function stripAdminPrefix(text: string, place: Place): string {
  const d = divisions();
  let rest = text;
  // Province: the one the columns named, or any.
  const p = d.provinceIndex.prefix(rest, true);
  if (p) {
    const prov = one(p.entries);
    const after = rest.slice(p.length);
    const official = d.provinceIndex.prefix(rest)?.length === p.length;
    // A short form must be followed by a place of it (上海西藏中路 is a road, not 西藏).
    if (prov && (!place.prov || prov === place.prov) && (official || startsWithPlaceOf(prov, after))) {
      place.prov = prov;
      rest = after;
    }
  }
  if (place.prov?.direct) {
    place.cityCode = place.prov.code;
    // Tmall writes 上海 上海市 浦东新区, others 上海市浦东新区 or 北京市市辖区: the repeat goes.
    rest = stripMunicipality(rest, place.prov);
  } else {
    const cities = place.prov?.cityIndex ?? d.cityIndex;
    const c = cities.prefix(rest, true);
    if (c) {
      const city = one(c.entries);
      const after = rest.slice(c.length);
      const official = cities.prefix(rest)?.length === c.length;
      // A short form must be followed by a district of it (济源大道 is a road in 济源市).
      if (city && (!place.city || city === place.city) && (official || startsWithDistrictOf(city, after))) {
        place.city = city;
        rest = after;
      }
    }
  }
  const districts: NameIndex<District> =
    place.city?.districtIndex ?? place.prov?.districtIndex ?? d.districtIndex;
  const m = districts.prefix(rest);
  if (m) {
    const dist = one(m.entries);
    if (dist && (!place.dist || dist === place.dist)) {
      place.dist = dist;
      rest = rest.slice(m.length);
    }
  }
  return rest;
}

/** Fills the levels above a known district or city (a district names its city and province). */
function complete(place: Place): void {
  const d = divisions();
  if (place.dist) {
    const city = d.byCode.get(place.dist.cityCode);
    if (!place.city && city && 'districts' in city) place.city = city;
    place.prov ??= (d.byCode.get(place.dist.provCode) as Province | undefined) ?? null;
    place.cityCode ??= place.dist.cityCode;
  }
  if (place.city) {
    place.cityCode = place.city.code;
    place.prov ??= (d.byCode.get(place.city.provCode) as Province | undefined) ?? null;
  }
  if (place.prov?.direct) place.cityCode = place.prov.code;
}

/** `上海市浦东新区…` after `上海`: the municipality written again, or 市辖区 / 县, goes. */
function stripMunicipality(text: string, prov: Province): string {
  const again = divisions().provinceIndex.prefix(text, true);
  const rest = again && one(again.entries) === prov ? text.slice(again.length) : text;
  return rest.replace(/^(市辖区|县)/, '');
}

function startsWithPlaceOf(prov: Province, text: string): boolean {
  if (prov.direct) return prov.districtIndex.prefix(stripMunicipality(text, prov)) !== null;
  return prov.cityIndex.prefix(text, true) !== null || prov.districtIndex.prefix(text) !== null;
}

function startsWithDistrictOf(city: City, text: string): boolean {
  return city.districts.length === 0 || city.districtIndex.prefix(text) !== null;
}

/** The single entry of a lookup; an ambiguous name (two 朝阳区) decides nothing. */
function one<T>(entries: readonly T[] | undefined): T | null {
  return entries?.length === 1 ? entries[0]! : null;
}
