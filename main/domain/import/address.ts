/**
 * Chinese addresses → province / city / district / detail. A compact rule set, not a division table:
 * the 34 provincial-level names (with the short forms exports use: 上海, 内蒙古, 广西) and the
 * suffixes that end a city (市/自治州/地区/盟) or a district (区/县/旗/市). Tmall writes the parts
 * space-separated (`江苏省 扬州市 广陵区 文昌中路1号`); other files run them together.
 */
import { pinyin } from 'pinyin-pro';
import type { ParsedReceiver } from '../orders/types.js';

/** [official name, short forms…]. Municipalities first so 北京 never matches a longer prefix wrongly. */
const PROVINCES: readonly (readonly string[])[] = [
  ['北京市', '北京'],
  ['天津市', '天津'],
  ['上海市', '上海'],
  ['重庆市', '重庆'],
  ['河北省', '河北'],
  ['山西省', '山西'],
  ['辽宁省', '辽宁'],
  ['吉林省', '吉林'],
  ['黑龙江省', '黑龙江'],
  ['江苏省', '江苏'],
  ['浙江省', '浙江'],
  ['安徽省', '安徽'],
  ['福建省', '福建'],
  ['江西省', '江西'],
  ['山东省', '山东'],
  ['河南省', '河南'],
  ['湖北省', '湖北'],
  ['湖南省', '湖南'],
  ['广东省', '广东'],
  ['海南省', '海南'],
  ['四川省', '四川'],
  ['贵州省', '贵州'],
  ['云南省', '云南'],
  ['陕西省', '陕西'],
  ['甘肃省', '甘肃'],
  ['青海省', '青海'],
  ['台湾省', '台湾'],
  ['内蒙古自治区', '内蒙古'],
  ['广西壮族自治区', '广西自治区', '广西'],
  ['西藏自治区', '西藏'],
  ['宁夏回族自治区', '宁夏自治区', '宁夏'],
  ['新疆维吾尔自治区', '新疆自治区', '新疆'],
  ['香港特别行政区', '香港特区', '香港'],
  ['澳门特别行政区', '澳门特区', '澳门'],
];

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

/** Every spelling → official name, longest spelling first so 广西壮族自治区 wins over 广西. */
const PROVINCE_SPELLINGS: readonly [string, string][] = PROVINCES.flatMap((names) =>
  names.map((n) => [n, names[0]!] as [string, string]),
).sort((a, b) => b[0].length - a[0].length);

/**
 * The official name of a province written in any of its forms, or null: a Chinese form (安徽,
 * 安徽省), or a Latin one as own shops write them (Shopify's Shipping Province Name: Anhui,
 * Inner Mongolia, Guangxi Zhuang Autonomous Region).
 */
export function canonicalProvince(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = text.trim();
  for (const [spelling, official] of PROVINCE_SPELLINGS) if (t === spelling) return official;
  return /[a-z]/i.test(t) ? (latinProvinces().get(latinKey(t)) ?? null) : null;
}

/**
 * English names that are not the pinyin of the short form (shop systems' province lists: Inner
 * Mongolia, Tibet, Macau; an autonomous region with its people, Guangxi Zhuang), and the official
 * romanisation that tells 陕西 (Shaanxi) from 山西 (Shanxi), whose pinyin is the same.
 */
const LATIN_EXCEPTIONS: Readonly<Record<string, string>> = {
  shanxi: '山西省',
  shaanxi: '陕西省',
  innermongolia: '内蒙古自治区',
  guangxizhuang: '广西壮族自治区',
  ningxiahui: '宁夏回族自治区',
  xinjianguygur: '新疆维吾尔自治区',
  xinjianguyghur: '新疆维吾尔自治区',
  xinjiangweiwuer: '新疆维吾尔自治区',
  tibet: '西藏自治区',
  xizang: '西藏自治区',
  hongkong: '香港特别行政区',
  macau: '澳门特别行政区',
  macao: '澳门特别行政区',
};

/** Letters only, lower case, without the words for a province's kind (Province, Autonomous Region, SAR). */
function latinKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/(autonomousregion|zizhiqu)$/, '')
    .replace(/(province|sheng|municipality|city|shi|specialadministrativeregion|sar)$/, '');
}

let latinMemo: Map<string, string> | null = null;

/** Toneless pinyin of each short form (安徽 → anhui) → official name, with LATIN_EXCEPTIONS. */
function latinProvinces(): Map<string, string> {
  if (latinMemo) return latinMemo;
  const map = new Map<string, string>();
  for (const names of PROVINCES) {
    const short = names[names.length - 1]!;
    const letters = (pinyin(short, { toneType: 'none', type: 'array' }) as string[]).join('');
    map.set(letters.toLowerCase().replace(/[^a-z]/g, ''), names[0]!);
  }
  for (const [key, official] of Object.entries(LATIN_EXCEPTIONS)) map.set(key, official);
  latinMemo = map;
  return map;
}

const CITY = /^[\u4e00-\u9fff]{1,15}?(?:自治州|地区|盟|市)/u;
const DISTRICT = /^[\u4e00-\u9fff]{1,12}?(?:自治县|自治旗|新区|区|县|旗|市)/u;

export interface AddressParts {
  province: string | null;
  city: string | null;
  district: string | null;
  detail: string | null;
}

/** Split an address; parts it cannot recognise are null and everything left is the detail. */
export function parseChineseAddress(raw: string | null | undefined): AddressParts {
  const text = (raw ?? '').trim();
  if (!text) return { province: null, city: null, district: null, detail: null };
  let rest = text;
  const take = (n: number): void => {
    rest = rest.slice(n).replace(/^[\s,，]+/, '');
  };

  let province: string | null = null;
  for (const [spelling, official] of PROVINCE_SPELLINGS) {
    if (rest.startsWith(spelling)) {
      province = official;
      take(spelling.length);
      break;
    }
  }
  if (!province) return { province: null, city: null, district: null, detail: text };

  let city: string | null = null;
  if (MUNICIPALITIES.has(province)) {
    // Tmall writes 上海 上海市 浦东新区 …; others 上海市浦东新区 …: the city is the municipality.
    city = province;
    for (const repeat of [province, province.slice(0, -1) + '辖区', '市辖区', '县']) {
      if (rest.startsWith(repeat)) {
        take(repeat.length);
        break;
      }
    }
  } else {
    const m = CITY.exec(firstToken(rest));
    if (m) {
      city = m[0];
      take(city.length);
    }
  }

  let district: string | null = null;
  const d = DISTRICT.exec(firstToken(rest));
  if (d) {
    district = d[0];
    take(district.length);
  }
  return { province, city, district, detail: rest || null };
}

/** When parts are space-separated, a suffix match must not run past the first part. */
function firstToken(rest: string): string {
  const space = rest.search(/\s/);
  return space < 0 ? rest : rest.slice(0, space);
}

/**
 * New Tmall receiver text `姓名，86-13900000004，江苏省 扬州市 广陵区 地址，` (full-width commas,
 * optional country code, trailing comma). Returns null when the text is a plain address.
 */
export function parseTmallReceiverText(
  raw: string | null | undefined,
): { name: string; phone: string; address: string } | null {
  if (!raw) return null;
  const parts = raw.split(/[，,]/).map((p) => p.trim());
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length < 3) return null;
  const phone = parts[1]!;
  if (!/^(\+?86-?)?[\d*＊]{7,}$/.test(phone.replace(/\s/g, ''))) return null;
  return {
    name: parts[0]!,
    // The 86- country code is formatting, not part of the number buyers are matched on.
    phone: phone.replace(/^\+?86-/, ''),
    address: parts.slice(2).join('，'),
  };
}

type ReceiverAddress = Readonly<Pick<ParsedReceiver, 'province' | 'city' | 'district' | 'detail' | 'raw'>>;

/** Recently split addresses: a shop's buyers live at a few thousand addresses, met again and again. */
const addressMemo = new Map<string, ReceiverAddress>();
const ADDRESS_MEMO_LIMIT = 20_000;
const NO_ADDRESS: ReceiverAddress = { province: null, city: null, district: null, detail: null, raw: null };

/** A receiver from a single address cell (province etc. parsed, raw kept). Shared: do not modify. */
export function receiverAddress(raw: string | null): ReceiverAddress {
  if (raw === null) return NO_ADDRESS;
  let parts = addressMemo.get(raw);
  if (!parts) {
    if (addressMemo.size >= ADDRESS_MEMO_LIMIT) addressMemo.clear();
    parts = { ...parseChineseAddress(raw), raw };
    addressMemo.set(raw, parts);
  }
  return parts;
}
