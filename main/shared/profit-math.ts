/**
 * The exact arithmetic of profit, in integers: rates are basis points (1 bp = 0.01 %), currency
 * rates parts per million, amounts minor units. Rounding is half-up to the fen (away from zero for
 * negative amounts), once per order per fee — the same rule services/profit/facts.ts applies in SQL.
 */

/** amount × bp / 10 000, rounded half-up to a whole minor unit. */
export function applyBasisPoints(amount: number, bp: number): number {
  return roundHalfUpDiv(amount * bp, 10_000);
}

/** numerator / denominator (denominator > 0) rounded half-up, away from zero for negatives. */
export function roundHalfUpDiv(numerator: number, denominator: number): number {
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  return sign * Math.floor((abs + Math.floor(denominator / 2)) / denominator);
}

/** Minor units of a currency → CNY fen at `cnyPpm` CNY per unit (ppm), for a currency of `digits`. */
export function toCnyFen(minor: number, cnyPpm: number, digits: number): number {
  // fen = minor / 10^digits × ppm / 10^6 × 100
  const scale = 10 ** digits * 10_000;
  return roundHalfUpDiv(minor * cnyPpm, scale);
}

/**
 * A monthly amount spread over its month's days, exactly: each day gets the whole part, and the
 * first (amount mod days) days one minor unit more, so the days add up to the month.
 */
export function dailyShare(monthly: number, dayOfMonth: number, daysInMonth: number): number {
  const base = Math.floor(monthly / daysInMonth);
  return base + (dayOfMonth <= monthly - base * daysInMonth ? 1 : 0);
}

export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Margin as a percentage with two decimals (half-up), or null when there are no net sales. */
export function marginPct(profit: number, netSales: number): number | null {
  if (netSales === 0) return null;
  return roundHalfUpDiv(profit * 10_000, netSales) / 100;
}

export const FEE_PRESETS = [
  'tmall',
  'jd',
  'pdd',
  'douyin',
  'shopify-basic',
  'shopify-grow',
  'shopify-advanced',
  'youzan',
] as const;
export type FeePreset = (typeof FEE_PRESETS)[number];

export interface FeeRuleValues {
  commissionBp: number;
  categoryBp: Record<string, number>;
  paymentBp: number;
  pointsBp: number;
  perOrderFen: number;
  monthlyFen: number;
}

/**
 * Starting values an owner edits to their contract. Only Shopify's are published rates (2.9 % /
 * 2.7 % / 2.5 % + 30¢ per online card payment; plan fees $29/$79/$299 a month); the Chinese
 * marketplaces' are typical values (export-formats.md §5: unverified) and are labelled so.
 */
export const FEE_PRESET_VALUES: Record<FeePreset, FeeRuleValues> = {
  tmall: { commissionBp: 500, categoryBp: {}, paymentBp: 60, pointsBp: 50, perOrderFen: 0, monthlyFen: 0 },
  jd: { commissionBp: 800, categoryBp: {}, paymentBp: 0, pointsBp: 0, perOrderFen: 0, monthlyFen: 100_000 },
  pdd: { commissionBp: 0, categoryBp: {}, paymentBp: 60, pointsBp: 0, perOrderFen: 0, monthlyFen: 0 },
  douyin: { commissionBp: 500, categoryBp: {}, paymentBp: 0, pointsBp: 0, perOrderFen: 0, monthlyFen: 0 },
  'shopify-basic': {
    commissionBp: 0,
    categoryBp: {},
    paymentBp: 290,
    pointsBp: 0,
    perOrderFen: 30,
    monthlyFen: 2_900,
  },
  'shopify-grow': {
    commissionBp: 0,
    categoryBp: {},
    paymentBp: 270,
    pointsBp: 0,
    perOrderFen: 30,
    monthlyFen: 7_900,
  },
  'shopify-advanced': {
    commissionBp: 0,
    categoryBp: {},
    paymentBp: 250,
    pointsBp: 0,
    perOrderFen: 30,
    monthlyFen: 29_900,
  },
  youzan: { commissionBp: 0, categoryBp: {}, paymentBp: 60, pointsBp: 0, perOrderFen: 0, monthlyFen: 0 },
};

/** Whether a preset's rates are published (Shopify) or typical values to check against a contract. */
export function presetIsPublished(preset: FeePreset): boolean {
  return preset.startsWith('shopify');
}

/** "5%" / "2.9%" / "0.25%": basis points as a percentage text, exact. */
export function bpToPercentText(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  return rest === 0 ? `${whole}%` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

/** "2.9" (a percentage as typed) → 290 bp; null when it is not a number with at most 2 decimals. */
export function percentTextToBp(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** "12.5" / "¥1,234.56" yuan (or another currency's units) → minor units; null unless exact. */
export function unitsTextToMinor(text: string, digits = 2): number | null {
  const m = /^\s*[¥$]?\s*(\d{1,12}(?:,\d{3})*|\d+)(?:\.(\d+))?\s*$/.exec(text.replace(/，/g, ','));
  if (!m) return null;
  const frac = m[2] ?? '';
  if (frac.length > digits) return null;
  return Number(m[1]!.replace(/,/g, '')) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
}

/** 7123400 ppm → "7.1234". */
export function ppmToText(ppm: number): string {
  const whole = Math.floor(ppm / 1_000_000);
  const rest = String(ppm % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}

/** "7.1234" → 7123400 ppm; null unless a positive number with at most six decimals. */
export function rateTextToPpm(text: string): number | null {
  const m = /^\s*(\d{1,6})(?:\.(\d{1,6}))?\s*$/.exec(text);
  if (!m) return null;
  const ppm = Number(m[1]) * 1_000_000 + Number((m[2] ?? '').padEnd(6, '0'));
  return ppm > 0 ? ppm : null;
}
