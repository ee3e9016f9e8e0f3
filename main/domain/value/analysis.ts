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
import { monthsBefore, RECENT_WINDOWS, type CustomerFacts } from './customer-facts.js';
import {
  EIGHT_SEGMENTS,
  eightSegmentOf,
  NAMED_SEGMENTS,
  namedSegmentOf,
  rfmOf,
  rfmScores,
  splitThresholds,
  type EightSegment,
  type MonetaryBasis,
  type NamedSegment,
  type Rfm,
  type RfmScores,
  type SplitRule,
  type SplitThresholds,
} from './rfm.js';
import { VALUE_TIERS, valueTiers, type ValueTier } from './tiers.js';

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
  rows: CustomerValueRow[];
  /** The facts the rows were computed from, indexed alike. */
  facts: readonly CustomerFacts[];
}

function emptyTotals<N extends string>(names: readonly N[]): Map<N, GroupTotals & { name: N }> {
  return new Map(
    names.map((name) => [name, { name, customers: 0, revenueFen: 0, contributionFen: 0, predictedFen: 0 }]),
  );
}

function addTo(t: GroupTotals | undefined, c: CustomerFacts, predicted: number): void {
  if (!t) return;
  t.customers += 1;
  t.revenueFen += c.revenueFen;
  t.contributionFen += c.contributionFen;
  t.predictedFen += predicted;
}

export function analyseValue(
  facts: readonly CustomerFacts[],
  options: AnalysisOptions,
  predictionOf: (id: number) => StoredPrediction | undefined,
): ValueAnalysis {
  const rfm = facts.map((c) => rfmOf(c, options.asOf, options.basis));
  const scores = rfmScores(rfm);
  const thresholds = splitThresholds(rfm, options.split);
  const predictions = facts.map((c) => predictionOf(c.id));
  const tiers = valueTiers(
    facts.map((c, i) => ({
      contributionFen: c.contributionFen,
      predictedFen: predictions[i]?.clvFen ?? null,
    })),
  );
  const winBack = winBackList(facts, options.asOf, (id) => predictionOf(id)?.pAlive ?? null, options.basis);
  const winBackIds = new Set(winBack.map((w) => w.id));

  const segments = emptyTotals(EIGHT_SEGMENTS);
  const named = emptyTotals(NAMED_SEGMENTS);
  const tierTotals = emptyTotals(VALUE_TIERS);
  const behaviour = emptyTotals(BEHAVIOUR_SEGMENTS);
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
  const rows: CustomerValueRow[] = [];
  facts.forEach((c, i) => {
    const prediction = predictions[i];
    const predicted = prediction?.clvFen ?? 0;
    if (prediction) {
      customersWithPrediction += 1;
      totalPredictedFen += predicted;
    }
    const row: CustomerValueRow = {
      id: c.id,
      rfm: rfm[i]!,
      scores: scores[i]!,
      segment: eightSegmentOf(rfm[i]!, thresholds),
      named: namedSegmentOf(scores[i]!),
      tier: tiers[i]!,
      behaviour: behaviourSegments(c),
      winBack: winBackIds.has(c.id),
    };
    rows.push(row);
    addTo(segments.get(row.segment), c, predicted);
    addTo(named.get(row.named), c, predicted);
    addTo(tierTotals.get(row.tier), c, predicted);
    for (const b of row.behaviour) addTo(behaviour.get(b), c, predicted);
    orders += c.orders;
    revenueFen += c.revenueFen;
    contributionFen += c.contributionFen;
    for (let k = 0; k < recent.length; k++) {
      recent[k]!.revenueFen += c.recentRevenueFen[k]!;
      recent[k]!.contributionFen += c.recentContributionFen[k]!;
    }
  });
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
    pareto: paretoCurve(facts.map((c) => c.revenueFen)),
    winBack,
    totalPredictedFen,
    customersWithPrediction,
    rows,
    facts,
  };
}
