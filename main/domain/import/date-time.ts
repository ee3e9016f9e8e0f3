/**
 * Timestamps → UTC ISO strings. Chinese exports write shop-local wall time without an offset
 * (`2020-02-21 00:00:02`), Excel round-trips turn that into `2020/2/21 0:00`, xlsx files may hold raw
 * Excel serials (45123.5), and Shopify writes an offset (`2025-12-06 10:36:17 -0500`).
 */
import { cleanValue } from './clean-value.js';

export type DateResult = { ok: true; value: string | null } | { ok: false };

const DATE_TIME =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:(?:\s+|T)(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.(\d{1,9}))?秒?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/i;

/** `20121005`, `20121005 143000`, `20121005143000`: ERP and bank exports write dates without separators. */
const COMPACT_DATE_TIME = /^(\d{4})(\d{2})(\d{2})(?:\s*(\d{2})(\d{2})(\d{2})?)?$/;

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug makes that the working epoch). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * Parse a timestamp. Without an offset it is wall time in `timezone` (the shop's zone). Numbers in
 * the Excel serial range are days since 1899-12-30 in that zone. Empty → null.
 */
export function parseDateTime(raw: string | undefined, timezone: string): DateResult {
  const clean = cleanValue(raw);
  if (clean === '') return { ok: true, value: null };
  const fast = parseIsoLikeAscii(clean, timezone);
  if (fast !== undefined) return fast;
  const v = clean.normalize('NFKC');

  if (/^\d{4,5}(\.\d+)?$/.test(v)) {
    const serial = Number(v);
    // 1..2958465 is Excel's valid range; below ~1000 a "date" number is almost surely not one.
    if (serial < 1000 || serial > 2958465) return { ok: false };
    const wallMs = EXCEL_EPOCH_MS + Math.round((serial * DAY_MS) / 1000) * 1000;
    return { ok: true, value: new Date(wallTimeToUtc(wallMs, timezone)).toISOString() };
  }

  const m = DATE_TIME.exec(v) ?? COMPACT_DATE_TIME.exec(v);
  if (!m) return { ok: false };
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) =>
    Number(x ?? 0),
  ) as [number, number, number, number, number, number];
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false };
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const offset = m[8];
  if (offset) {
    const upper = offset.toUpperCase();
    if (upper === 'Z' || upper === 'UTC' || upper === 'GMT')
      return { ok: true, value: new Date(wallMs).toISOString() };
    const om = /^([+-])(\d{2}):?(\d{2})$/.exec(offset)!;
    const minutes = (Number(om[2]) * 60 + Number(om[3])) * (om[1] === '-' ? -1 : 1);
    return { ok: true, value: new Date(wallMs - minutes * 60_000).toISOString() };
  }
  return { ok: true, value: new Date(wallTimeToUtc(wallMs, timezone)).toISOString() };
}

/**
 * Fast path for the layout nearly every Chinese export writes, `2024-11-11 00:00:05` (or a bare
 * date), read digit by digit: no NFKC, no regular expression. undefined = not this layout.
 */
function parseIsoLikeAscii(v: string, timezone: string): DateResult | undefined {
  const n = v.length;
  if (n !== 19 && n !== 10) return undefined;
  if (v.charCodeAt(4) !== 45 /* - */ || v.charCodeAt(7) !== 45) return undefined;
  if (n === 19 && (v.charCodeAt(10) !== 32 || v.charCodeAt(13) !== 58 /* : */ || v.charCodeAt(16) !== 58))
    return undefined;
  const year = digits4(v, 0);
  const month = digits2(v, 5);
  const day = digits2(v, 8);
  const hour = n === 19 ? digits2(v, 11) : 0;
  const minute = n === 19 ? digits2(v, 14) : 0;
  const second = n === 19 ? digits2(v, 17) : 0;
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false };
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second);
  return { ok: true, value: new Date(wallTimeToUtc(wallMs, timezone)).toISOString() };
}

/** Two ASCII digits at `at` as a number, or -1. */
function digits2(v: string, at: number): number {
  const a = v.charCodeAt(at) - 48;
  const b = v.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function digits4(v: string, at: number): number {
  const hi = digits2(v, at);
  const lo = digits2(v, at + 2);
  return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timezone, f);
  }
  return f;
}

/**
 * Offsets cached per zone and UTC day: Intl's formatToParts is the costliest step of a 1M-row
 * import without this. A day whose offset is the same at its first and last quarter hour has one
 * offset all day (zone transitions fall on quarter hours); the rare day with a transition (DST) is
 * looked up per quarter hour. The bound keeps memory flat.
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const DAY_OFFSET_CACHE_LIMIT = 100_000;
/** zone → UTC day number → that day's offset, or NaN for a day with a transition. */
const dayOffsets = new Map<string, Map<number, number>>();

/** The zone's offset from UTC (ms) at the given instant. */
export function zoneOffsetMs(utcMs: number, timezone: string): number {
  let days = dayOffsets.get(timezone);
  if (!days) {
    days = new Map();
    dayOffsets.set(timezone, days);
  }
  const day = Math.floor(utcMs / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    if (days.size >= DAY_OFFSET_CACHE_LIMIT) days.clear();
    const start = lookUpOffsetMs(day * DAY_MS, timezone);
    const end = lookUpOffsetMs((day + 1) * DAY_MS - QUARTER_HOUR_MS, timezone);
    offset = start === end ? start : Number.NaN;
    days.set(day, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  return lookUpOffsetMs(Math.floor(utcMs / QUARTER_HOUR_MS) * QUARTER_HOUR_MS, timezone);
}

function lookUpOffsetMs(utcMs: number, timezone: string): number {
  const parts = formatterFor(timezone).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * Wall time in a zone → UTC instant. Asia/Shanghai has no DST, but shops abroad do: the offset is
 * looked up at the first guess and again at the corrected instant, which settles both sides of a
 * transition (a wall time skipped by spring-forward lands one hour later, as most tools do).
 */
export function wallTimeToUtc(wallMs: number, timezone: string): number {
  const first = wallMs - zoneOffsetMs(wallMs, timezone);
  const second = wallMs - zoneOffsetMs(first, timezone);
  return second === first ? first : wallMs - zoneOffsetMs(second, timezone);
}

/** Day number → `YYYY-MM-DD`, memoised: an import's orders fall on a few hundred days. */
const dayTexts = new Map<number, string>();

/** The calendar day (YYYY-MM-DD) of a UTC instant in a time zone: an order's shop-local day. */
export function localDateOf(iso: string, timezone: string): string {
  const ms = Date.parse(iso);
  const day = Math.floor((ms + zoneOffsetMs(ms, timezone)) / DAY_MS);
  let text = dayTexts.get(day);
  if (text === undefined) {
    if (dayTexts.size > 100_000) dayTexts.clear();
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayTexts.set(day, text);
  }
  return text;
}
