/**
 * The value analyses of one as-of date in one pass over the customers' facts: each customer's
 * RFM, scores, segments, tier and behaviour (for the customer page and the list's filters), and
 * the report's totals, cohorts, Pareto curve and win-back list. Pure: the service reads the facts
 * and the stored predictions and hands them in.
 */
import {
  behaviourSegments,
  BEHAVIOUR_SEGMENTS,
  BRAND_DATA_AVAILABLE,
  type BehaviourSegment,
} from './behaviour.js';
import { winBackList, type ChurnCandidate } from './churn.js';
import {
  cumulativeValueByPlatform,
  paretoCurve,
  repurchaseRates,
  retentionCohorts,
  type CumulativeValue,
  type ParetoPoint,
  type RepurchaseRate,
  type RetentionCohort,
} from './cohorts.js';
import {
  monthsBefore,
  RECENT_WINDOWS,
  recentContribution,
  recentRevenue,
  type CustomerFacts,
} from './customer-facts.js';
import {
  EIGHT_SEGMENTS,
  eightSegmentOf,
  NAMED_SEGMENTS,
  namedSegmentOf,
  quintileScoresSorted,
  rfmOf,
  splitThresholdsSorted,
  type EightSegment,
  type MonetaryBasis,
  type NamedSegment,
  type Rfm,
  type RfmScores,
  type SplitRule,
  type SplitThresholds,
} from './rfm.js';
import { tierIndexes, VALUE_TIERS, type ValueTier } from './tiers.js';
import { factsToColumns, type FactsColumns } from './facts-columns.js';

/** One customer's stored prediction (the last fit), minor units for money. */
export interface StoredPrediction {
  pAlive: number | null;
  purchases90: number;
  purchases365: number;
  spendPerOrderFen: number;
  clvFen: number;
}

export interface AnalysisOptions {
  asOf: string;
  basis: MonetaryBasis;
  split: SplitRule;
}

export interface CustomerValueRow {
  id: number;
  rfm: Rfm;
  scores: RfmScores;
  segment: EightSegment;
  named: NamedSegment;
  tier: ValueTier;
  behaviour: BehaviourSegment[];
  winBack: boolean;
}

/**
 * Each customer's place in the analysis, column by column (indexed like the facts, in customer
 * order): a few typed arrays instead of objects per customer, which at 400k customers cost more
 * than the arithmetic. `rowAt` makes the object for one.
 */
export interface CustomerColumns {
  ids: Int32Array;
  recencyDays: Float64Array;
  frequency: Float64Array;
  monetaryFen: Float64Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Index into EIGHT_SEGMENTS, NAMED_SEGMENTS, VALUE_TIERS. */
  segment: Uint8Array;
  named: Uint8Array;
  tier: Uint8Array;
  /** Bit k: BEHAVIOUR_SEGMENTS[k]. */
  behaviour: Uint8Array;
  winBack: Uint8Array;
}

export function rowAt(c: CustomerColumns, i: number): CustomerValueRow {
  return {
    id: c.ids[i]!,
    rfm: { recencyDays: c.recencyDays[i]!, frequency: c.frequency[i]!, monetaryFen: c.monetaryFen[i]! },
    scores: { r: c.r[i]!, f: c.f[i]!, m: c.m[i]! },
    segment: EIGHT_SEGMENTS[c.segment[i]!]!,
    named: NAMED_SEGMENTS[c.named[i]!]!,
    tier: VALUE_TIERS[c.tier[i]!]!,
    behaviour: BEHAVIOUR_SEGMENTS.filter((_, k) => c.behaviour[i]! & (1 << k)),
    winBack: c.winBack[i] === 1,
  };
}

export interface GroupTotals {
  customers: number;
  revenueFen: number;
  contributionFen: number;
  predictedFen: number;
}

export interface ValueAnalysis {
  asOf: string;
  basis: MonetaryBasis;
  thresholds: SplitThresholds;
  customers: number;
  orders: number;
  revenueFen: number;
  contributionFen: number;
  /** Revenue and contribution of the last 6, 8 and 12 months, and the customers who bought in them. */
  recent: { months: number; customers: number; revenueFen: number; contributionFen: number }[];
  segments: (GroupTotals & { name: EightSegment })[];
  named: (GroupTotals & { name: NamedSegment })[];
  tiers: (GroupTotals & { name: ValueTier })[];
  behaviour: (GroupTotals & { name: BehaviourSegment; available: boolean })[];
  retention: RetentionCohort[];
  cumulative: CumulativeValue[];
  repurchase: RepurchaseRate[];
  pareto: ParetoPoint[];
  winBack: ChurnCandidate[];
  /** Sum of the stored predicted CLV over the customers that have one. */
  totalPredictedFen: number;
  customersWithPrediction: number;
  /** Each customer's RFM, scores and groups, in customer order. */
  columns: CustomerColumns;
  /** The facts the columns were computed from, indexed alike (`factsAt` makes one customer's record). */
  facts: FactsColumns;
}

function emptyTotals<N extends string>(names: readonly N[]): Map<N, GroupTotals & { name: N }> {
  return new Map(
    names.map((name) => [name, { name, customers: 0, revenueFen: 0, contributionFen: 0, predictedFen: 0 }]),
  );
}

const EIGHT_SEGMENT_INDEX = Object.fromEntries(EIGHT_SEGMENTS.map((s, i) => [s, i])) as Record<
  EightSegment,
  number
>;
const NAMED_SEGMENT_INDEX = Object.fromEntries(NAMED_SEGMENTS.map((s, i) => [s, i])) as Record<
  NamedSegment,
  number
>;

function addTo(t: GroupTotals | undefined, c: CustomerFacts, predicted: number): void {
  if (!t) return;
  t.customers += 1;
  t.revenueFen += c.revenueFen;
  t.contributionFen += c.contributionFen;
  t.predictedFen += predicted;
}

/**
 * The stored predictions the analyses use, indexed like the facts: CLV (NaN: no prediction) and
 * P(alive) (NaN: not estimated, the simple rules stood in).
 */
export interface PredictionColumns {
  clvFen: Float64Array;
  pAlive: Float64Array;
}

export function predictionColumns(
  facts: readonly CustomerFacts[],
  predictionOf: (id: number) => StoredPrediction | undefined,
): PredictionColumns {
  const clvFen = new Float64Array(facts.length).fill(Number.NaN);
  const pAlive = new Float64Array(facts.length).fill(Number.NaN);
  facts.forEach((c, i) => {
    const p = predictionOf(c.id);
    if (p) {
      clvFen[i] = p.clvFen;
      pAlive[i] = p.pAlive ?? Number.NaN;
    }
  });
  return { clvFen, pAlive };
}

/**
 * The analyses by their plain definition, customer record by customer record: the reference the
 * report's columnar path (analysis-columnar.ts, `analyseValueColumns`) is held to in tests.
 */
export function analyseValue(
  facts: readonly CustomerFacts[],
  options: AnalysisOptions,
  predictionsOrLookup: PredictionColumns | ((id: number) => StoredPrediction | undefined),
): ValueAnalysis {
  const stored =
    typeof predictionsOrLookup === 'function'
      ? predictionColumns(facts, predictionsOrLookup)
      : predictionsOrLookup;
  const n = facts.length;
  const columns: CustomerColumns = {
    ids: new Int32Array(n),
    recencyDays: new Float64Array(n),
    frequency: new Float64Array(n),
    monetaryFen: new Float64Array(n),
    r: new Uint8Array(n),
    f: new Uint8Array(n),
    m: new Uint8Array(n),
    segment: new Uint8Array(n),
    named: new Uint8Array(n),
    tier: new Uint8Array(n),
    behaviour: new Uint8Array(n),
    winBack: new Uint8Array(n),
  };
  const contribution = new Float64Array(n);
  const predicted = stored.clvFen;
  for (let i = 0; i < n; i++) {
    const c = facts[i]!;
    const x = rfmOf(c, options.asOf, options.basis);
    columns.ids[i] = c.id;
    columns.recencyDays[i] = x.recencyDays;
    columns.frequency[i] = x.frequency;
    columns.monetaryFen[i] = x.monetaryFen;
    contribution[i] = c.contributionFen;
  }
  // Each dimension sorted once: its quintile scores and its median both come from it.
  const sortedR = Float64Array.from(columns.recencyDays).sort();
  const sortedF = Float64Array.from(columns.frequency).sort();
  const sortedM = Float64Array.from(columns.monetaryFen).sort();
  quintileScoresSorted(columns.recencyDays, sortedR, true, columns.r);
  quintileScoresSorted(columns.frequency, sortedF, false, columns.f);
  quintileScoresSorted(columns.monetaryFen, sortedM, false, columns.m);
  const thresholds = splitThresholdsSorted([sortedR, sortedF, sortedM], options.split);
  tierIndexes(contribution, predicted, columns.tier);
  const winBack = winBackList(
    facts,
    options.asOf,
    (_, i) => (Number.isNaN(stored.pAlive[i]!) ? null : stored.pAlive[i]!),
    options.basis,
  );
  const winBackIds = new Set(winBack.map((w) => w.id));

  const segments = emptyTotals(EIGHT_SEGMENTS);
  const named = emptyTotals(NAMED_SEGMENTS);
  const tierTotals = emptyTotals(VALUE_TIERS);
  const behaviour = emptyTotals(BEHAVIOUR_SEGMENTS);
  const segmentList = [...segments.values()];
  const namedList = [...named.values()];
  const tierList = [...tierTotals.values()];
  const behaviourList = [...behaviour.values()];
  const recent = RECENT_WINDOWS.map((months) => ({
    months,
    customers: 0,
    revenueFen: 0,
    contributionFen: 0,
  }));
  let orders = 0;
  let revenueFen = 0;
  let contributionFen = 0;
  let totalPredictedFen = 0;
  let customersWithPrediction = 0;
  const rfm: Rfm = { recencyDays: 0, frequency: 0, monetaryFen: 0 };
  const scores: RfmScores = { r: 0, f: 0, m: 0 };
  for (let i = 0; i < n; i++) {
    const c = facts[i]!;
    const has = !Number.isNaN(predicted[i]!);
    const value = has ? predicted[i]! : 0;
    if (has) {
      customersWithPrediction += 1;
      totalPredictedFen += value;
    }
    rfm.recencyDays = columns.recencyDays[i]!;
    rfm.frequency = columns.frequency[i]!;
    rfm.monetaryFen = columns.monetaryFen[i]!;
    scores.r = columns.r[i]!;
    scores.f = columns.f[i]!;
    scores.m = columns.m[i]!;
    const segment = EIGHT_SEGMENT_INDEX[eightSegmentOf(rfm, thresholds)]!;
    const namedIndex = NAMED_SEGMENT_INDEX[namedSegmentOf(scores)]!;
    columns.segment[i] = segment;
    columns.named[i] = namedIndex;
    addTo(segmentList[segment], c, value);
    addTo(namedList[namedIndex], c, value);
    addTo(tierList[columns.tier[i]!], c, value);
    let mask = 0;
    for (const b of behaviourSegments(c)) {
      const k = BEHAVIOUR_SEGMENTS.indexOf(b);
      mask |= 1 << k;
      addTo(behaviourList[k], c, value);
    }
    columns.behaviour[i] = mask;
    columns.winBack[i] = winBackIds.has(c.id) ? 1 : 0;
    orders += c.orders;
    revenueFen += c.revenueFen;
    contributionFen += c.contributionFen;
    for (let k = 0; k < recent.length; k++) {
      recent[k]!.revenueFen += recentRevenue(c, k);
      recent[k]!.contributionFen += recentContribution(c, k);
    }
  }
  // Customers who bought in each window: their latest order falls after its start.
  for (const [k, months] of RECENT_WINDOWS.entries()) {
    const cut = monthsBefore(options.asOf, months);
    recent[k]!.customers = facts.filter((c) => c.lastDay > cut).length;
  }

  const asOfMonth = options.asOf.slice(0, 7);
  return {
    asOf: options.asOf,
    basis: options.basis,
    thresholds,
    customers: facts.length,
    orders,
    revenueFen,
    contributionFen,
    recent,
    segments: [...segments.values()],
    named: [...named.values()],
    tiers: [...tierTotals.values()],
    behaviour: [...behaviour.values()].map((b) => ({
      ...b,
      available: b.name !== 'single_brand' || BRAND_DATA_AVAILABLE,
    })),
    retention: retentionCohorts(facts, asOfMonth),
    cumulative: cumulativeValueByPlatform(facts, asOfMonth),
    repurchase: repurchaseRates(facts),
    pareto: paretoCurve(Float64Array.from(facts, (c) => c.revenueFen)),
    winBack,
    totalPredictedFen,
    customersWithPrediction,
    columns,
    facts: factsToColumns(facts),
  };
}
