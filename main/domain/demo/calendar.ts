/**
 * Days, festivals and local time for the demo shop. A "day" is an integer count of days since
 * 1970-01-01 and always means a calendar date in Asia/Shanghai (UTC+8, no daylight saving).
 */

export type DemoPlatform = 'tmall' | 'jd' | 'youzan';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_S = 8 * 3600;

/** Chinese New Year (春节, first day of the lunar year), hard-coded for the years the demo needs. */
export const CNY_DATES: Readonly<Record<number, string>> = {
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
};

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` → day number; throws on anything else (including impossible dates). */
export function dayOf(ymd: string): number {
  const m = YMD.exec(ymd);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${ymd}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / DAY_MS;
  if (ymdOf(day) !== ymd) throw new Error(`not a calendar date: ${ymd}`);
  return day;
}

export function ymdOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export interface DateParts {
  year: number;
  month: number; // 1–12
  date: number; // 1–31
  weekday: number; // 0 = Sunday
}

export function partsOf(day: number): DateParts {
  const d = new Date(day * DAY_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    date: d.getUTCDate(),
    weekday: d.getUTCDay(),
  };
}

/** Local Shanghai wall-clock time on `day` → UTC ISO string (`…T…Z`). */
export function isoAt(day: number, secondOfDay: number): string {
  return new Date((day * 86_400 + secondOfDay - SHANGHAI_OFFSET_S) * 1000).toISOString();
}

/** Epoch seconds of a local Shanghai time; the generator reasons in these. */
export function epochAt(day: number, secondOfDay: number): number {
  return day * 86_400 + secondOfDay - SHANGHAI_OFFSET_S;
}

const isoDates = new Map<number, string>();
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Whole epoch seconds → `2024-11-11T00:00:05.000Z` (hot path: formatted by hand, dates cached). */
export function isoOfEpoch(epochSeconds: number): string {
  const day = Math.floor(epochSeconds / 86_400);
  let date = isoDates.get(day);
  if (date === undefined) {
    date = ymdOf(day);
    isoDates.set(day, date);
  }
  const s = epochSeconds - day * 86_400;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${date}T${pad2(h)}:${pad2(m)}:${pad2(s % 60)}.000Z`;
}

/** The Shanghai calendar date of a UTC ISO instant. */
export function localDateOfIso(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_S * 1000).toISOString().slice(0, 10);
}

/** Shanghai local time as `yyyyMMddHHmmss` (Youzan order numbers embed it). */
export function compactLocal(epochSeconds: number): string {
  return new Date((epochSeconds + SHANGHAI_OFFSET_S) * 1000).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

export type Festival =
  | 'double11' // 11-11 itself
  | 'double11-warmup' // Nov 1–10 (pre-sale and first wave)
  | 'double11-tail' // Nov 12–13 returns of the stragglers
  | '618' // Jun 18 itself
  | '618-warmup' // Jun 1–17
  | 'double12'
  | 'nianhuo' // 年货节: the ~3 weeks before CNY
  | 'cny-break' // couriers stop around 春节
  | null;

export function festivalOf(day: number): Festival {
  const { year, month, date } = partsOf(day);
  if (month === 11 && date === 11) return 'double11';
  if (month === 11 && date <= 10) return 'double11-warmup';
  if (month === 11 && date <= 13) return 'double11-tail';
  if (month === 6 && date === 18) return '618';
  if (month === 6 && date < 18) return '618-warmup';
  if (month === 12 && date === 12) return 'double12';
  if (month <= 2) {
    const cny = CNY_DATES[year];
    if (cny !== undefined) {
      const offset = day - dayOf(cny);
      if (offset >= -22 && offset <= -9) return 'nianhuo';
      if (offset >= -8 && offset <= 6) return 'cny-break';
    }
  }
  return null;
}

type Weights = Readonly<Record<Exclude<Festival, null>, number>>;

/** Daily demand multipliers per platform: Tmall lives on 双11, JD on 618, the own shop is calmer. */
const FESTIVAL_WEIGHT: Readonly<Record<DemoPlatform, Weights>> = {
  tmall: {
    double11: 30,
    'double11-warmup': 3.2,
    'double11-tail': 1.6,
    '618': 7,
    '618-warmup': 1.9,
    double12: 2.6,
    nianhuo: 2.0,
    'cny-break': 0.35,
  },
  jd: {
    double11: 16,
    'double11-warmup': 2.4,
    'double11-tail': 1.4,
    '618': 18,
    '618-warmup': 3.4,
    double12: 1.8,
    nianhuo: 1.9,
    'cny-break': 0.5,
  },
  youzan: {
    double11: 8,
    'double11-warmup': 1.8,
    'double11-tail': 1.2,
    '618': 3.5,
    '618-warmup': 1.4,
    double12: 1.5,
    nianhuo: 2.6,
    'cny-break': 0.4,
  },
};

const WEEKEND_WEIGHT = 1.18;

/** Relative order volume on `day` for a platform (1 = an ordinary weekday). */
export function seasonWeight(platform: DemoPlatform, day: number): number {
  const festival = festivalOf(day);
  const base = festival === null ? 1 : FESTIVAL_WEIGHT[platform][festival];
  const weekday = partsOf(day).weekday;
  return weekday === 0 || weekday === 6 ? base * WEEKEND_WEIGHT : base;
}

/** Local hour weights, 0..23: a lunch bump and a long evening peak. */
const HOUR_WEIGHTS = [
  2.2, 1.2, 0.6, 0.3, 0.2, 0.3, 0.6, 1.2, 2, 2.6, 3.2, 3.6, 4, 3.6, 3, 3, 3.2, 3.4, 3.8, 5, 6.6, 7.6, 7, 4.6,
];
/** On 11-11 the first hour after midnight is the biggest of the year. */
const DOUBLE11_HOUR_WEIGHTS = HOUR_WEIGHTS.map((w, h) => (h === 0 ? 40 : h === 1 ? 10 : w));

export function hourWeights(day: number): readonly number[] {
  return festivalOf(day) === 'double11' ? DOUBLE11_HOUR_WEIGHTS : HOUR_WEIGHTS;
}

/** How generous the coupons are: 0 on an ordinary day, up to 3 on 11-11. */
export function promoLevel(festival: Festival): number {
  switch (festival) {
    case 'double11':
      return 3;
    case 'double11-warmup':
    case '618':
      return 2;
    case '618-warmup':
    case 'double12':
    case 'nianhuo':
      return 1;
    default:
      return 0;
  }
}
