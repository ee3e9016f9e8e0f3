/**
 * Calendar arithmetic for reports. Days are shop-local calendar days as text (YYYY-MM-DD, what
 * orders.order_date holds); the arithmetic runs on UTC midnights so no machine time zone and no
 * daylight-saving change can shift a day.
 */

export type PeriodUnit = 'day' | 'month';

/** A closed range of calendar days, both ends included. */
export interface DayRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(day: string): number {
  const m = DAY_PATTERN.exec(day);
  if (!m) throw new Error(`not a calendar day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * DAY_MS);
}

/** Number of days in the range, both ends counted. */
export function daysIn(range: DayRange): number {
  return Math.round((toUtc(range.to) - toUtc(range.from)) / DAY_MS) + 1;
}

/** 环比: the range of the same length that ends the day before this one starts. */
export function previousPeriod(range: DayRange): DayRange {
  const length = daysIn(range);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** The same day a year earlier; 29 February becomes 28 February. */
export function sameDayLastYear(day: string): string {
  const m = DAY_PATTERN.exec(day)!;
  const year = Number(m[1]) - 1;
  const month = Number(m[2]);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${m[2]}-${String(Math.min(Number(m[3]), lastDay)).padStart(2, '0')}`;
}

/** 同比: the same calendar range one year earlier. */
export function sameRangeLastYear(range: DayRange): DayRange {
  return { from: sameDayLastYear(range.from), to: sameDayLastYear(range.to) };
}

/** Bars by day for up to about two months, by month beyond. */
export function unitFor(range: DayRange): PeriodUnit {
  return daysIn(range) <= 62 ? 'day' : 'month';
}

/** The key of the period a day falls in: the day itself, or YYYY-MM. */
export function periodKey(day: string, unit: PeriodUnit): string {
  return unit === 'day' ? day : day.slice(0, 7);
}

/** Every period key from the range's first to its last, empty ones included, in order. */
export function periodKeys(range: DayRange, unit: PeriodUnit): string[] {
  const keys: string[] = [];
  if (unit === 'day') {
    for (let t = toUtc(range.from), end = toUtc(range.to); t <= end; t += DAY_MS) keys.push(fromUtc(t));
    return keys;
  }
  let [year, month] = range.from.split('-').map(Number) as [number, number];
  const last = range.to.slice(0, 7);
  for (;;) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    keys.push(key);
    if (key >= last) return keys;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
}
