/**
 * Sizes, numbers and units as people write and read them. One convention everywhere: 1 MB is
 * 1,000,000 bytes, for files, throughput and memory alike, so a "< 600 MB" target means what it
 * says and no column mixes MB with MiB.
 */

const SIZE = /^(\d+(?:\.\d+)?)([km]?)$/i;

/** `10k` → 10000, `1m` → 1000000, `2000` → 2000, `1.5k` → 1500; null when not a positive count. */
export function parseSize(text: string): number | null {
  const m = SIZE.exec(text.trim());
  if (!m) return null;
  const unit = (m[2] ?? '').toLowerCase();
  const n = Math.round(Number(m[1]) * (unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : 1));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** 10000 → `10k`, 1000000 → `1m`, 2500 → `2500`. */
export function sizeLabel(n: number): string {
  if (n % 1e6 === 0) return `${n / 1e6}m`;
  if (n % 1e3 === 0) return `${n / 1e3}k`;
  return String(n);
}

export const MB = 1e6;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function maxOrNull(values: readonly (number | null)[]): number | null {
  let best: number | null = null;
  for (const v of values) if (v !== null) best = best === null ? v : Math.max(best, v);
  return best;
}

/** a / b, or null when either is missing or b is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  return a == null || b == null || b === 0 ? null : a / b;
}

const DASH = '–';

export function fmtSeconds(s: number | null | undefined): string {
  if (s == null) return DASH;
  return s < 10 ? s.toFixed(2) : s.toFixed(1);
}

export function fmtInt(n: number | null | undefined): string {
  return n == null ? DASH : Math.round(n).toLocaleString('en-US');
}

export function fmtMB(bytes: number | null | undefined, digits = 1): string {
  return bytes == null ? DASH : (bytes / MB).toFixed(digits);
}

export function fmtRatio(r: number | null | undefined): string {
  return r == null ? DASH : `${r.toFixed(2)}×`;
}

export function fmtMs(ms: number | null | undefined): string {
  return ms == null ? DASH : ms < 100 ? ms.toFixed(1) : ms.toFixed(0);
}

/** Rounds to `digits` decimals for the results file: microseconds of noise are not data. */
export function round(value: number, digits?: number): number;
export function round(value: number | null, digits?: number): number | null;
export function round(value: number | null, digits = 3): number | null {
  if (value === null) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
