/**
 * A time zone as a list of spans of constant UTC offset, so SQL (which knows no IANA zones) can
 * turn every order's UTC instant into its shop-local day in one set-based statement: look up the
 * span the instant falls in, add its offset, take the date. Asia/Shanghai is one span; a zone with
 * daylight saving time has two per year.
 *
 * The offsets are the ones `localDateOf` uses at import (zoneOffsetMs), so a day recomputed here is
 * exactly the day an import into a shop of that zone would have stored.
 */
import { zoneOffsetMs } from '../import/date-time.js';

export interface ZoneSpan {
  /** First instant of the span (inclusive), ISO text; '' for "since always". */
  fromIso: string;
  /** End of the span (exclusive), ISO text; '~' (after every ISO string) for "from then on". */
  toIso: string;
  /** Seconds to add to UTC for the local wall time. */
  offsetSeconds: number;
}

const DAY_MS = 86_400_000;

/** Spans covering all time, with the offsets that hold between `fromMs` and `toMs`. */
export function zoneSpans(fromMs: number, toMs: number, timezone: string): ZoneSpan[] {
  const spans: ZoneSpan[] = [];
  let start = '';
  let current = zoneOffsetMs(fromMs, timezone);
  // Offsets change at most a few times a year: a daily probe finds the days they change on, a
  // binary search finds the instant (then the rest of that day is probed again).
  const end = toMs + DAY_MS;
  let day = fromMs;
  while (day < end) {
    const probe = Math.min(day + DAY_MS, end);
    if (zoneOffsetMs(probe, timezone) === current) {
      day = probe;
      continue;
    }
    let lo = day;
    let hi = probe;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zoneOffsetMs(mid, timezone) === current) lo = mid;
      else hi = mid;
    }
    const changeIso = new Date(hi).toISOString();
    spans.push({ fromIso: start, toIso: changeIso, offsetSeconds: current / 1000 });
    start = changeIso;
    current = zoneOffsetMs(hi, timezone);
    day = hi;
  }
  spans.push({ fromIso: start, toIso: '~', offsetSeconds: current / 1000 });
  return spans;
}
