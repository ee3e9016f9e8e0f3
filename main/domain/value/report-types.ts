/**
 * What the value report (channel `value.report`, `huike report value --json`) and the customer
 * page's value section return. Money is in minor units of `currency`.
 */
import type { Message } from '../../shared/messages/index.js';
import type { BgNbdParams } from './bgnbd.js';
import type { ChurnCandidate } from './churn.js';
import type { CumulativeValue, ParetoPoint, RepurchaseRate, RetentionCohort } from './cohorts.js';
import type { Holiday } from './customer-facts.js';

export type { Holiday };
import type { GammaGammaParams } from './gamma-gamma.js';
import type { GroupTotals } from './analysis.js';
import type { BehaviourSegment } from './behaviour.js';
import type {
  EightSegment,
  MonetaryBasis,
  NamedSegment,
  Rfm,
  RfmScores,
  SplitRule,
  SplitThresholds,
} from './rfm.js';
import type { ValueTier } from './tiers.js';
import type { PurchasesMethod, SpendMethod } from './value-model.js';

/** The owner's choices, kept in the settings: monetary basis, the high/low rule, the holiday calendar. */
export interface ValueSettings {
  basis: MonetaryBasis;
  split: SplitRule;
  holidays: Holiday[];
}

export interface ValueReportRequest {
  /** YYYY-MM-DD; default the latest order day. */
  asOf?: string;
  basis?: MonetaryBasis;
  split?: SplitRule;
}

/** How the stored fit stands: fresh, being refreshed, behind the data, or never made. */
export type FitStateName = 'fresh' | 'refreshing' | 'stale' | 'none';

export interface ValueModelSummary {
  fittedAt: string;
  calibrationEnd: string;
  currency: string;
  unit: 'day' | 'week';
  customers: number;
  repeatCustomers: number;
  purchasesMethod: PurchasesMethod;
  spendMethod: SpendMethod;
  /** The fitted parameters, null when the model was not used (thin data). */
  bgnbd: BgNbdParams | null;
  gammaGamma: GammaGammaParams | null;
  /** Why the models were not used, when they were not. */
  thinData: Message[];
  /** CLV = margin × discounted expected spend over `months`. */
  margin: number;
  months: number;
  monthlyDiscountRate: number;
  durationMs: number;
}

export interface ValueReport {
  asOf: string | null;
  currency: string | null;
  customers: number;
  orders: number;
  /** Paid orders in other currencies, not in this report. */
  otherCurrencyOrders: number;
  monetary: MonetaryBasis;
  /** How an order's contribution was computed (services/value/order-contribution.ts). */
  contributionMode: 'net-after-refunds' | 'net-minus-goods-cost';
  settings: ValueSettings;
  /** Where the customers' facts came from: the last fit's table (the default day), or the orders. */
  factsFrom: 'stored' | 'orders';
  valueToDate: {
    revenueFen: number;
    contributionFen: number;
    recent: { months: number; customers: number; revenueFen: number; contributionFen: number }[];
  };
  rfm: {
    thresholds: SplitThresholds | null;
    /** `name` as the Chinese scheme names it (重要价值 …), `key` for links and translations. */
    segments: (GroupTotals & { name: string; key: EightSegment })[];
    named: (GroupTotals & { name: NamedSegment })[];
  };
  clv: {
    state: FitStateName;
    model: ValueModelSummary | null;
    totalPredictedFen: number;
    customersWithPrediction: number;
  };
  tiers: (GroupTotals & { name: ValueTier })[];
  behaviour: (GroupTotals & { name: BehaviourSegment; available: boolean })[];
  cohorts: RetentionCohort[];
  cumulative: CumulativeValue[];
  repurchase: RepurchaseRate[];
  pareto: ParetoPoint[];
  winBack: {
    customers: number;
    valueLostFen: number;
    list: (ChurnCandidate & { name: string | null })[];
  };
}

/** One customer's value, for 客户 360. */
export interface CustomerValue {
  asOf: string;
  currency: string;
  monetary: MonetaryBasis;
  rfm: Rfm;
  scores: RfmScores;
  segment: EightSegment;
  named: NamedSegment;
  thresholds: SplitThresholds;
  tier: ValueTier;
  behaviour: BehaviourSegment[];
  winBack: boolean;
  revenueFen: number;
  contributionFen: number;
  recent: { months: number; revenueFen: number; contributionFen: number }[];
  prediction: {
    frequency: number;
    recencyDays: number;
    ageDays: number;
    pAlive: number | null;
    purchases90: number;
    purchases365: number;
    spendPerOrderFen: number;
    clvFen: number;
  } | null;
  model: ValueModelSummary | null;
  fitState: FitStateName;
}
