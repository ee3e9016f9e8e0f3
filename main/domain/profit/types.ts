/** What the profit channels return (the services fill them; the screens and the CLI read them). */
import type { Platform } from '../orders/types.js';
import type { MessageCode, MessageParams } from '../../shared/messages/index.js';

export type ProfitGrouping = 'platform' | 'shop' | 'total';
export type ProfitPeriod = 'month' | 'week' | 'day' | 'all';

export interface ProfitQuery {
  by?: ProfitGrouping;
  period?: ProfitPeriod;
  from?: string;
  to?: string;
  platforms?: string[];
  shopIds?: number[];
}

export interface ProfitFigures {
  orders: number;
  gmvFen: number;
  discountFen: number;
  refundFen: number;
  netSalesFen: number;
  cogsFen: number;
  platformFeeFen: number;
  paymentFeeFen: number;
  shippingFen: number;
  adsFen: number;
  fixedFen: number;
  profitFen: number;
  marginPct: number | null;
  buyers: number;
  newBuyers: number;
  returningBuyers: number;
  /** Average order value: (GMV − discounts) / orders, half-up; null without orders. */
  aovFen: number | null;
  /** How the figures were made: lines without a cost, orders whose fees are the platform's own. */
  missingCostLines: number;
  actualFeeOrders: number;
  /** Goods cost before returned goods were taken back, and what was taken back. */
  grossCogsFen: number;
  returnedCogsFen: number;
}

export interface ProfitRow extends ProfitFigures {
  platform: Platform | null;
  shop: string | null;
  shopId: number | null;
  /** 'YYYY-MM', a week's Monday 'YYYY-MM-DD', a day, or 'all'. */
  period: string;
}

export interface ProfitWarning {
  code: MessageCode;
  params: MessageParams;
}

export interface ProfitPolicy {
  refundDay: 'order' | 'refund';
  returnedGoods: 'restock' | 'lost';
}

export interface ProfitReport {
  currency: string;
  by: ProfitGrouping;
  period: ProfitPeriod;
  range: { from: string; to: string } | null;
  policy: ProfitPolicy;
  rows: ProfitRow[];
  /** Each group over the whole range (the charts' platforms), in the rows' grouping. */
  groups: ProfitRow[];
  totals: ProfitFigures;
  warnings: ProfitWarning[];
}

export interface MissingCostSku {
  sku: string | null;
  title: string | null;
  lines: number;
  quantity: number;
}

export interface ProfitWriteResult {
  operationId: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ReconciliationRow {
  shopId: number;
  shop: string;
  platform: Platform;
  currency: string;
  month: string;
  /** Orders whose fees came from the platform (a settlement file or the order file). */
  actualOrders: number;
  actualFeeFen: number;
  /** What the shop's fee rules would have charged the same orders. */
  ruleFeeFen: number;
  differenceFen: number;
  /** difference / actual in percent (2 decimals), null without actual fees. */
  differencePct: number | null;
  /** Orders of the month with no fee data at all. */
  noFeeOrders: number;
}

export interface Reconciliation {
  rows: ReconciliationRow[];
}

export interface CostRow {
  id: number;
  sku: string;
  effectiveFrom: string;
  unitCostFen: number;
  title: string | null;
  category: string | null;
}

export interface FeeRuleRow {
  id: number;
  shopId: number;
  effectiveFrom: string;
  preset: string | null;
  commissionBp: number;
  categoryBp: Record<string, number>;
  paymentBp: number;
  pointsBp: number;
  perOrderFen: number;
  monthlyFen: number;
}

export interface ShippingRuleRow {
  id: number;
  shopId: number;
  effectiveFrom: string;
  province: string;
  perOrderFen: number;
  packagingFen: number;
}

export interface ProfitHistoryEntry {
  operationId: number;
  kind: string;
  state: 'committed' | 'undone';
  createdAt: string;
  summary: Record<string, unknown>;
}

export interface ProfitInputs {
  costs: CostRow[];
  aliases: Array<{ id: number; alias: string; sku: string }>;
  feeRules: FeeRuleRow[];
  shippingRules: ShippingRuleRow[];
  shippingCosts: Array<{ shopId: number; orders: number; costFen: number }>;
  ads: Array<{ shopId: number; month: string; channel: string; amountFen: number; days: number }>;
  rates: Array<{ id: number; currency: string; month: string; cnyPpm: number }>;
  /** Currencies of shops other than CNY (each needs monthly rates). */
  foreignCurrencies: string[];
  actualFees: Array<{ shopId: number; orders: number; amountFen: number }>;
  policy: ProfitPolicy;
  history: ProfitHistoryEntry[];
}

export type ProfitFileKind = 'costs' | 'fees' | 'shipping' | 'ads' | 'rates';

export interface ProfitFileResult extends ProfitWriteResult {
  kind: ProfitFileKind;
  /** The layout recognised, e.g. 'jd-wallet', 'douyin-settlement', 'pdd-ads'. */
  layout: string;
  rowsRead: number;
  rowsUsed: number;
  /** Rows skipped (totals rows, non-fee movements, unreadable amounts), with why. */
  skipped: Array<{ row: number; code: MessageCode; params: MessageParams }>;
}
