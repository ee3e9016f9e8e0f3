/**
 * The value report from the database: the customers' facts in one grouped read (value-facts.ts),
 * the stored predictions of the last fit (fit-refresh.ts), and the pure analyses
 * (domain/value/analysis.ts). The last analysis is kept per database and reused while the data,
 * the fit, the as-of day and the settings are the same (the dashboard, the customer page and the
 * list's value filters ask for the same one in turn).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { maskPersonName } from '../../domain/orders/privacy.js';
import {
  analyseValueColumns,
  factsAt,
  factsToColumns,
  type FactsColumns,
  EIGHT_SEGMENT_NAMES_ZH,
  BEHAVIOUR_SEGMENTS,
  CLV_DEFAULTS,
  EIGHT_SEGMENTS,
  NAMED_SEGMENTS,
  RECENT_WINDOWS,
  recentContribution,
  recentRevenue,
  rowAt,
  VALUE_TIERS,
  type BehaviourSegment,
  predictionColumns,
  type PredictionColumns,
  type CustomerValue,
  type StoredPrediction,
  type EightSegment,
  type NamedSegment,
  type ValueAnalysis,
  type ValueTier,
  type ValueReport,
  type ValueReportRequest,
  type ValueSettings,
} from '../../domain/value/index.js';
import type { ReadSource } from '../customers/search.js';
import {
  dataStamp,
  readPrediction,
  readPredictions,
  readStoredFit,
  type FitState,
  type StoredFit,
} from './fit-refresh.js';
import { contributionMode, type ContributionMode } from './order-contribution.js';
import { readValueSnapshotColumns } from './value-snapshot.js';
import { PLATFORMS } from '../../shared/vocabulary.js';
import { DEFAULT_VALUE_SETTINGS, readValueSettings, VALUE_SETTINGS_KEY } from './value-settings.js';
import { latestOrderDay, mainCurrency, otherCurrencyOrders, readCustomerFacts } from './value-facts.js';

export { VALUE_SETTINGS_KEY, DEFAULT_VALUE_SETTINGS, readValueSettings };

export interface ComputedValue {
  currency: string | null;
  asOf: string | null;
  mode: ContributionMode;
  settings: ValueSettings;
  otherCurrencyOrders: number;
  fit: StoredFit | null;
  analysis: ValueAnalysis | null;
  /** Where the customers' facts came from: the last fit's table, or the orders themselves. */
  source: 'stored' | 'orders';
}

const lastComputed = new WeakMap<BetterSqlite3.Database, { key: string; value: ComputedValue }>();

/** Forgets the kept analysis (the bench times the report from the database each time). */
export function forgetComputedValue(readSqlite: BetterSqlite3.Database): void {
  lastComputed.delete(readSqlite);
}

/** The analysis for an as-of day (default: the latest order day) and the saved settings. */
export function computeValue(
  source: Pick<ReadSource, 'readSqlite'>,
  request: ValueReportRequest = {},
): ComputedValue {
  const stored = readValueSettings(source);
  const settings: ValueSettings = {
    basis: request.basis ?? stored.basis,
    split: request.split ?? stored.split,
    holidays: stored.holidays,
  };
  const fit = readStoredFit(source);
  const stamp = dataStamp(source);
  // A fit of the data as it is knows the currency, the data's end and the other currencies' orders
  // (each a scan of the orders at 1M); otherwise they are read.
  const fresh = fit !== null && fit.dataStamp === stamp;
  const currency = fresh ? fit.currency : mainCurrency(source);
  const asOf = request.asOf ?? (fresh ? fit.asOf : latestOrderDay(source));
  const mode = contributionMode(source);
  const key = JSON.stringify([stamp, fit?.fittedAt ?? null, currency, asOf, mode, settings]);
  const cached = lastComputed.get(source.readSqlite);
  if (cached?.key === key) return cached.value;
  let value: ComputedValue;
  if (!currency || !asOf) {
    value = { currency, asOf, mode, settings, otherCurrencyOrders: 0, fit, analysis: null, source: 'orders' };
  } else {
    // The last fit's facts answer the default day when they are of the data as it is (same
    // operations, currency and holiday calendar); another day reads the orders.
    const stored =
      fresh &&
      fit.currency === currency &&
      fit.asOf === asOf &&
      JSON.stringify(fit.holidays) === JSON.stringify(settings.holidays);
    // The report's path is columnar (analysis-columnar.ts): no object per customer.
    let facts: FactsColumns;
    let predictions: PredictionColumns;
    const snapshot = stored ? readValueSnapshotColumns(source) : null;
    if (snapshot) ({ facts, predictions } = snapshot);
    else {
      const records = readCustomerFacts(source, { currency, asOf, holidays: settings.holidays, mode });
      // Predictions in another currency than the report's (the main currency changed) do not apply.
      const byId: Map<number, StoredPrediction> =
        fit && fit.currency === currency ? readPredictions(source) : new Map();
      predictions = predictionColumns(records, (id) => byId.get(id));
      facts = factsToColumns(records, [...PLATFORMS]);
    }
    const analysis = analyseValueColumns(
      facts,
      { asOf, basis: settings.basis, split: settings.split },
      predictions,
    );
    value = {
      currency,
      asOf,
      mode,
      settings,
      otherCurrencyOrders:
        snapshot && fit ? fit.otherCurrencyOrders : otherCurrencyOrders(source, currency, asOf),
      fit,
      analysis,
      source: snapshot ? 'stored' : 'orders',
    };
  }
  lastComputed.set(source.readSqlite, { key, value });
  return value;
}

/** How many win-back customers the report lists (the list filter has them all). */
export const WIN_BACK_LIMIT = 50;

export function valueReport(
  source: Pick<ReadSource, 'readSqlite'>,
  request: ValueReportRequest,
  fitState: FitState,
): ValueReport {
  const computed = computeValue(source, request);
  const { analysis: a, fit } = computed;
  const names = a
    ? customerNames(
        source,
        a.winBack.slice(0, WIN_BACK_LIMIT).map((w) => w.id),
      )
    : new Map();
  return {
    asOf: computed.asOf,
    currency: computed.currency,
    customers: a?.customers ?? 0,
    orders: a?.orders ?? 0,
    otherCurrencyOrders: computed.otherCurrencyOrders,
    monetary: computed.settings.basis,
    contributionMode: computed.mode,
    settings: computed.settings,
    factsFrom: computed.source,
    valueToDate: {
      revenueFen: a?.revenueFen ?? 0,
      contributionFen: a?.contributionFen ?? 0,
      recent: a?.recent ?? [],
    },
    rfm: {
      thresholds: a?.thresholds ?? null,
      segments: (a?.segments ?? []).map((s) => ({
        ...s,
        key: s.name,
        name: EIGHT_SEGMENT_NAMES_ZH[s.name].replace(/客户$/, ''),
      })),
      named: a?.named ?? [],
    },
    clv: {
      state: fitState,
      model: modelSummary(fit),
      totalPredictedFen: Math.round(a?.totalPredictedFen ?? 0),
      customersWithPrediction: a?.customersWithPrediction ?? 0,
    },
    tiers: a?.tiers ?? [],
    behaviour: a?.behaviour ?? [],
    cohorts: a?.retention ?? [],
    cumulative: a?.cumulative ?? [],
    repurchase: a?.repurchase ?? [],
    pareto: a?.pareto ?? [],
    winBack: {
      customers: a?.winBack.length ?? 0,
      valueLostFen: a?.winBack.reduce((s, w) => s + w.valueLostFen, 0) ?? 0,
      list: (a?.winBack.slice(0, WIN_BACK_LIMIT) ?? []).map((w) => ({ ...w, name: names.get(w.id) ?? null })),
    },
  };
}

function customerNames(source: Pick<ReadSource, 'readSqlite'>, ids: number[]): Map<number, string | null> {
  if (ids.length === 0) return new Map();
  const rows = source.readSqlite
    .prepare(
      'SELECT customer_id AS id, name FROM customer_stats WHERE customer_id IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify(ids)) as { id: number; name: string | null }[];
  return new Map(rows.map((r) => [r.id, maskPersonName(r.name)]));
}

function modelSummary(fit: StoredFit | null): ValueReport['clv']['model'] {
  if (!fit) return null;
  const { models } = fit;
  return {
    fittedAt: fit.fittedAt,
    calibrationEnd: fit.calibrationEnd,
    currency: fit.currency,
    unit: models.unit,
    customers: models.customers,
    repeatCustomers: models.repeatCustomers,
    purchasesMethod: models.purchasesMethod,
    spendMethod: models.spendMethod,
    bgnbd: models.bgnbd.usable && models.bgnbd.fit ? models.bgnbd.fit.params : null,
    gammaGamma: models.gammaGamma.usable && models.gammaGamma.fit ? models.gammaGamma.fit.params : null,
    thinData: [...models.bgnbd.problems, ...models.gammaGamma.problems].filter(
      (m, i, all) => all.findIndex((x) => x.code === m.code) === i,
    ),
    margin: fit.margin,
    months: CLV_DEFAULTS.months,
    monthlyDiscountRate: CLV_DEFAULTS.monthlyDiscountRate,
    durationMs: fit.durationMs,
  };
}

/** The customer's position in the analysis (rows are in customer order), or -1. */
function indexOf(analysis: ValueAnalysis, id: number): number {
  const ids = analysis.columns.ids;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = ids[mid]!;
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** One customer's value for 客户 360; null when the customer has no paid order in the report. */
export function customerValue(
  source: Pick<ReadSource, 'readSqlite'>,
  id: number,
  fitState: FitState,
  request: ValueReportRequest = {},
): CustomerValue | null {
  const computed = computeValue(source, request);
  const a = computed.analysis;
  const at = a ? indexOf(a, id) : -1;
  if (!a || at < 0 || !computed.currency || !computed.asOf) return null;
  const row = rowAt(a.columns, at);
  const facts = factsAt(a.facts, at);
  const prediction =
    computed.fit && computed.fit.currency === computed.currency ? readPrediction(source, id) : null;
  return {
    asOf: computed.asOf,
    currency: computed.currency,
    monetary: computed.settings.basis,
    rfm: row.rfm,
    scores: row.scores,
    segment: row.segment,
    named: row.named,
    thresholds: a.thresholds,
    tier: row.tier,
    behaviour: row.behaviour,
    winBack: row.winBack,
    revenueFen: facts.revenueFen,
    contributionFen: facts.contributionFen,
    recent: RECENT_WINDOWS.map((months, k) => ({
      months,
      revenueFen: recentRevenue(facts, k),
      contributionFen: recentContribution(facts, k),
    })),
    prediction,
    model: modelSummary(computed.fit),
    fitState,
  };
}

/** The value filters of the Customers list (customers-query.ts). */
export interface ValueMembership {
  rfmSegment?: EightSegment;
  namedSegment?: NamedSegment;
  valueTier?: ValueTier;
  behaviour?: BehaviourSegment;
  winBack?: boolean;
  valueAsOf?: string;
}

export function hasValueFilter(f: ValueMembership): boolean {
  return Boolean(f.rfmSegment || f.namedSegment || f.valueTier || f.behaviour || f.winBack);
}

/** The ids of the customers in every value group the filter names, ascending. */
export function valueMemberIds(source: Pick<ReadSource, 'readSqlite'>, f: ValueMembership): number[] {
  const a = computeValue(source, f.valueAsOf ? { asOf: f.valueAsOf } : {}).analysis;
  if (!a) return [];
  const c = a.columns;
  const want = (list: readonly string[], value: string | undefined) => (value ? list.indexOf(value) : -1);
  const segment = want(EIGHT_SEGMENTS, f.rfmSegment);
  const named = want(NAMED_SEGMENTS, f.namedSegment);
  const tier = want(VALUE_TIERS, f.valueTier);
  const behaviour = want(BEHAVIOUR_SEGMENTS, f.behaviour);
  const ids: number[] = [];
  for (let i = 0; i < c.ids.length; i++) {
    if (segment >= 0 && c.segment[i] !== segment) continue;
    if (named >= 0 && c.named[i] !== named) continue;
    if (tier >= 0 && c.tier[i] !== tier) continue;
    if (behaviour >= 0 && !(c.behaviour[i]! & (1 << behaviour))) continue;
    if (f.winBack && c.winBack[i] !== 1) continue;
    ids.push(c.ids[i]!);
  }
  return ids;
}
