/** What the 成本与费用 screen lists, and the reconciliation of rule-estimated against actual fees. */
import type BetterSqlite3 from 'better-sqlite3';
import type { Platform } from '../../domain/orders/types.js';
import { roundHalfUpDiv } from '../../shared/profit-math.js';
import type {
  CostRow,
  FeeRuleRow,
  ProfitHistoryEntry,
  ProfitInputs,
  Reconciliation,
  ReconciliationRow,
  ShippingRuleRow,
} from '../../domain/profit/types.js';
import { readPolicy } from './report.js';

export function profitInputs(sqlite: BetterSqlite3.Database): ProfitInputs {
  const all = <T>(sql: string) => sqlite.prepare(sql).all() as T[];
  const feeRules = all<Omit<FeeRuleRow, 'categoryBp'> & { categoryBpJson: string }>(
    `SELECT id, shop_id AS shopId, effective_from AS effectiveFrom, preset, commission_bp AS commissionBp,
       category_bp_json AS categoryBpJson, payment_bp AS paymentBp, points_bp AS pointsBp,
       per_order_fen AS perOrderFen, monthly_fen AS monthlyFen
     FROM fee_rules ORDER BY shop_id, effective_from`,
  ).map(({ categoryBpJson, ...r }) => ({
    ...r,
    categoryBp: JSON.parse(categoryBpJson) as Record<string, number>,
  }));
  const history = all<{
    operationId: number;
    kind: string;
    state: 'committed' | 'undone';
    createdAt: string;
    summaryJson: string;
  }>(
    `SELECT id AS operationId, kind, state, created_at AS createdAt, summary_json AS summaryJson FROM operations
     WHERE kind IN ('cost_edit', 'fee_edit', 'profit_import') ORDER BY id DESC LIMIT 200`,
  ).map(({ summaryJson, ...h }): ProfitHistoryEntry => ({
    ...h,
    summary: JSON.parse(summaryJson) as Record<string, unknown>,
  }));
  return {
    costs: all<CostRow>(
      `SELECT id, sku, effective_from AS effectiveFrom, unit_cost_fen AS unitCostFen, title, category
       FROM sku_costs ORDER BY sku, effective_from`,
    ),
    aliases: all(`SELECT id, alias, sku FROM sku_aliases ORDER BY sku, alias`),
    feeRules,
    shippingRules: all<ShippingRuleRow>(
      `SELECT id, shop_id AS shopId, effective_from AS effectiveFrom, province, per_order_fen AS perOrderFen,
         packaging_fen AS packagingFen FROM shipping_rules ORDER BY shop_id, effective_from, province`,
    ),
    shippingCosts: all(
      `SELECT shop_id AS shopId, count(*) AS orders, sum(cost_fen) AS costFen FROM shipping_costs GROUP BY shop_id`,
    ),
    ads: all(
      `SELECT shop_id AS shopId, substr(day, 1, 7) AS month, channel, sum(amount_fen) AS amountFen, count(DISTINCT day) AS days
       FROM ad_spend GROUP BY shop_id, month, channel ORDER BY month DESC, shop_id, channel`,
    ),
    rates: all(`SELECT id, currency, month, cny_ppm AS cnyPpm FROM currency_rates ORDER BY currency, month`),
    foreignCurrencies: all<{ currency: string }>(
      `SELECT DISTINCT currency FROM shops WHERE currency <> 'CNY' ORDER BY currency`,
    ).map((r) => r.currency),
    actualFees: all(
      `SELECT shop_id AS shopId, count(DISTINCT platform_order_id) AS orders, sum(amount_fen) AS amountFen
       FROM order_fees GROUP BY shop_id`,
    ),
    policy: readPolicy(sqlite),
    history,
  };
}

/**
 * Per shop and month: the orders whose fees the platform stated, those fees, and what the shop's
 * rules would have charged the same orders (amounts in the shop's currency).
 */
export function reconciliation(
  sqlite: BetterSqlite3.Database,
  query: { from?: string; to?: string; shopIds?: number[]; platforms?: string[] },
): Reconciliation {
  const params: Array<string | number> = [query.from ?? '0000-01-01', query.to ?? '9999-12-31'];
  let where = 'f.day >= ? AND f.day <= ?';
  if (query.shopIds?.length) {
    where += ` AND f.shop_id IN (${query.shopIds.map(() => '?').join(', ')})`;
    params.push(...query.shopIds);
  }
  if (query.platforms?.length) {
    where += ` AND s.platform IN (${query.platforms.map(() => '?').join(', ')})`;
    params.push(...query.platforms);
  }
  const rows = sqlite
    .prepare(
      `SELECT f.shop_id AS shopId, s.name AS shop, s.platform, s.currency, substr(f.day, 1, 7) AS month,
         sum(f.actual_fee_orders) AS actualOrders, sum(f.actual_fee_fen) AS actualFeeFen,
         sum(f.rule_fee_on_actual_fen) AS ruleFeeFen, sum(f.no_fee_orders) AS noFeeOrders
       FROM profit_daily f JOIN shops s ON s.id = f.shop_id WHERE ${where}
       GROUP BY f.shop_id, month HAVING sum(f.orders) > 0 ORDER BY month, s.platform, s.name`,
    )
    .all(...params) as Array<
    Omit<ReconciliationRow, 'differenceFen' | 'differencePct'> & { platform: Platform }
  >;
  return {
    rows: rows.map((r) => {
      const differenceFen = r.ruleFeeFen - r.actualFeeFen;
      return {
        ...r,
        differenceFen,
        differencePct:
          r.actualFeeFen !== 0 ? roundHalfUpDiv(differenceFen * 10_000, r.actualFeeFen) / 100 : null,
      };
    }),
  };
}
