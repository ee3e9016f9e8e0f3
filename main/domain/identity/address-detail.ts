/**
 * The part of an address after the district, normalised so that two spellings of one place agree:
 * full-width digits and letters (`１０号`, `Ａ座`), traditional characters (`號`, `棟`, `單元`), the
 * several words for a building (`3幢`, `3座`, `3号楼`, `3#楼` → `3栋`), Chinese numerals before a
 * building, unit or floor (`三单元` → `3单元`), a room written with or without `室`, spaces and
 * punctuation (a `-` between two numbers stays: `3-2-1801` is building, unit and room). A leading
 * sub-district office (`粤海街道`) is dropped: one platform writes it, another does not.
 *
 * From it come the road and house number (`华夏路` + `10`), the tokens an approximate comparison
 * uses (estate, building, unit, room) and whether it is a pickup point (菜鸟驿站, a parcel locker)
 * rather than somebody's home: many people's parcels go there, so it says little about who they are.
 */
import { halfWidth, toSimplified } from './text.js';

export interface DetailTokens {
  road: string | null;
  number: string | null;
  /** 小区, 花园, 大厦 …: the estate or building name. */
  estate: string | null;
  building: string | null;
  unit: string | null;
  room: string | null;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 三 → 3, 十二 → 12, 二十 → 20, 二十三 → 23 (the numbers buildings, units and floors have). */
function chineseNumber(text: string): string {
  const ten = text.indexOf('十');
  if (ten < 0) return [...text].map((c) => CN_DIGITS[c] ?? '').join('');
  const tens = ten === 0 ? 1 : (CN_DIGITS[text[0]!] ?? 1);
  const ones = ten === text.length - 1 ? 0 : (CN_DIGITS[text[ten + 1]!] ?? 0);
  return String(tens * 10 + ones);
}

const DASH_BETWEEN = /(?<=[\p{L}\p{N}])\s*[-—–~_]\s*(?=[\p{L}\p{N}])/gu;
const KEPT_DASH = '\uE000';
const SPACE_OR_PUNCTUATION = /[\p{Z}\p{P}\s\p{Cc}\p{Cf}]+/gu;
/** Spaces, punctuation, dashes and `#`: what the first rules of normalizeDetail act on. */
const NEEDS_PUNCTUATION_RULES = /[\p{Z}\p{P}\s\p{Cc}\p{Cf}~]/u;
const CN_NUMERAL_BEFORE_UNIT = /[零一二两三四五六七八九十](?=栋|幢|座|号楼|单元|楼|层|期|区)/;
const CN_NUMERALS_BEFORE_UNIT = /([零一二两三四五六七八九十]{1,3})(?=栋|幢|座|号楼|单元|楼|层|期|区)/g;
const SUB_DISTRICT = /^[\p{Script=Han}]{1,8}?街道(?:办事处|办)?/u;

/** The normal form of an address detail; null when nothing is left. */
export function normalizeDetail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let text = toSimplified(halfWidth(raw)).toLowerCase();
  // Each rule runs only where its characters occur: most details need one or two of them.
  if (NEEDS_PUNCTUATION_RULES.test(text)) {
    text = text.replace(DASH_BETWEEN, KEPT_DASH);
    if (text.includes('#')) text = text.replace(/(\d+)\s*#/g, '$1号');
    text = text.replace(SPACE_OR_PUNCTUATION, '').replaceAll(KEPT_DASH, '-');
  }
  if (CN_NUMERAL_BEFORE_UNIT.test(text))
    text = text.replace(CN_NUMERALS_BEFORE_UNIT, (m) => chineseNumber(m));
  // 3幢, A座, 3号楼 → 3栋 — but 10号 after a road is a house number: 华夏路10号楼 stays a number.
  if (text.includes('幢') || text.includes('座')) text = text.replace(/([\da-z]+)(?:幢|座)/g, '$1栋');
  if (text.includes('号楼')) text = text.replace(/(^|[^路街道巷弄里\d])(\d+)号楼/g, '$1$2栋');
  text = text.replace(/(\d+)(?:室|房|户)$/, '$1');
  if (text.includes('街道')) text = text.replace(SUB_DISTRICT, '');
  return text.length > 0 ? text : null;
}

/** A road and the house number on it: 华夏路10号, 世纪大道1号, 漕溪北路100弄, 建国路88号院. */
const ROAD_NUMBER =
  /([\p{Script=Han}\da-z]{0,14}?(?:大道|大街|路|街|道|巷|胡同|弄|里))(\d+(?:-\d+)?)(号|弄)/u;
/** Places that come before a road in a detail and are not part of its name. */
const BEFORE_ROAD = /^.*(?:街道|镇|乡|开发区|新区|园区|工业园|社区|村)/u;

/** The road and house number of a normalised detail (`华夏路`, `10`); nulls when it has none. */
export function roadAndNumber(detail: string | null): { road: string | null; number: string | null } {
  const found = findRoad(detail);
  return { road: found?.road ?? null, number: found?.number ?? null };
}

function findRoad(detail: string | null): { road: string; number: string; end: number } | null {
  if (!detail) return null;
  const m = ROAD_NUMBER.exec(detail);
  if (!m) return null;
  const road = m[1]!.replace(BEFORE_ROAD, '');
  if (road.length < 2) return null;
  // 号 is the usual unit; a 弄 (Shanghai lane) number keeps its unit: 100弄 is not 100号.
  const number = m[3] === '号' ? m[2]! : m[2]! + m[3]!;
  return { road, number, end: m.index + m[0].length };
}

const ESTATE =
  /([\p{Script=Han}a-z\d]{2,12}?(?:小区|花园|公寓|大厦|家园|新村|苑|广场|中心|大楼|山庄|公馆|府|城|庭|湾|里))/u;

/** The parts of a normalised detail an approximate comparison looks at. */
export function detailTokens(detail: string | null): DetailTokens {
  const found = findRoad(detail);
  const road = found?.road ?? null;
  const number = found?.number ?? null;
  if (!detail) return { road, number, estate: null, building: null, unit: null, room: null };
  const estate = ESTATE.exec(found ? detail.slice(found.end) : detail)?.[1] ?? null;
  const building = /(\d+|[a-z])栋/.exec(detail)?.[1] ?? /(\d+)-\d+-\d+$/.exec(detail)?.[1] ?? null;
  const unit = /(\d+)单元/.exec(detail)?.[1] ?? /\d+-(\d+)-\d+$/.exec(detail)?.[1] ?? null;
  const room = /(\d{3,5})$/.exec(detail)?.[1] ?? null;
  return { road, number, estate, building, unit, room };
}

/**
 * Where parcels are collected rather than delivered: 菜鸟驿站 and other parcel stations, lockers
 * (丰巢, 快递柜), pickup points, a guard room or mail room. Many buyers share such an address.
 */
const PICKUP =
  /菜鸟驿站|驿站|快递柜|智能柜|丰巢|自提|代收|快递超市|快递点|快递站|兔喜|近邻宝|速递易|收发室|传达室|门卫/u;

export function isPickupPoint(detail: string | null): boolean {
  return !!detail && PICKUP.test(detail);
}
