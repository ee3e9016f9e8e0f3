/**
 * The one-line readings under each chart, computed from the report's numbers (never written by
 * hand): which figure to say and its parameters; the texts put them into words in either language.
 */
import type { ValueReport } from '../../../../main/domain/value/report-types';

const pct = (share: number) => Math.round(share * 100);

/** The Pareto point that says the most: the smallest top share holding at least half the revenue, else 20%. */
export function paretoReading(report: ValueReport): { customers: number; revenue: number } | null {
  const points = report.pareto.filter((p) => p.customerShare < 100);
  if (points.length === 0 || report.customers === 0) return null;
  const point =
    points.find((p) => p.customerShare >= 5 && p.revenueShare >= 0.5) ??
    points.find((p) => p.customerShare === 20);
  return point ? { customers: point.customerShare, revenue: pct(point.revenueShare) } : null;
}

export function segmentsReading(report: ValueReport) {
  const segments = report.rfm.segments;
  if (segments.length === 0 || report.customers === 0) return null;
  const largest = [...segments].sort((a, b) => b.customers - a.customers)[0]!;
  const top = segments.find((s) => s.key === 'important_value')!;
  const total = report.valueToDate.revenueFen;
  return {
    largest: largest.key,
    customers: largest.customers,
    top: top.key,
    share: total > 0 ? pct(top.revenueFen / total) : 0,
  };
}

export function tiersReading(report: ValueReport) {
  const valuable = report.tiers.find((t) => t.name === 'most_valuable');
  const negative = report.tiers.find((t) => t.name === 'negative');
  const total = report.valueToDate.contributionFen;
  if (!valuable || total <= 0) return null;
  return { share: pct(valuable.contributionFen / total), negative: negative?.customers ?? 0 };
}

/** Average month-1 retention over the cohorts that have a month 1 (all platforms). */
export function cohortsReading(report: ValueReport): { rate: number } | null {
  const cohorts = report.cohorts.filter(
    (c) => c.platform === 'all' && c.active.length > 1 && c.customers > 0,
  );
  const customers = cohorts.reduce((s, c) => s + c.customers, 0);
  if (customers === 0) return null;
  const back = cohorts.reduce((s, c) => s + (c.active[1] ?? 0), 0);
  return { rate: Math.round((back / customers) * 1000) / 10 };
}

/** The platform whose customers bring the most per head at the longest horizon any platform reaches. */
export function cumulativeReading(
  report: ValueReport,
): { platform: string; months: number; valueFen: number } | null {
  const platforms = report.cumulative.filter((c) => c.platform !== 'all');
  for (const h of [2, 1, 0]) {
    const rows = platforms
      .map((p) => ({ platform: p.platform, horizon: p.horizons[h]! }))
      .filter((r) => r.horizon && r.horizon.customers >= 5);
    if (rows.length === 0) continue;
    const best = rows.sort((a, b) => b.horizon.revenueFen - a.horizon.revenueFen)[0]!;
    return { platform: best.platform, months: best.horizon.months, valueFen: best.horizon.revenueFen };
  }
  return null;
}
