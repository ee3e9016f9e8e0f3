/**
 * The profit inputs' use cases: each call one write transaction and one operation (an edit, or a
 * file's rows), so each can be undone on its own. Shapes are checked by the API (contract.ts).
 */
import type { HuikeDb, WriteTx } from '../../../db/index.js';
import { UserError } from '../../domain/errors.js';
import type { ProfitWriteResult } from '../../domain/profit/types.js';
import { markAllProfitFactsDirty } from './facts.js';
import {
  deleteRow,
  newProfitOperation,
  undoProfitOperation,
  upsertRows,
  type ProfitOperationKind,
  type ProfitTable,
  type Row,
  type UpsertCounts,
} from './inputs.js';

export interface CostInput {
  sku: string;
  effectiveFrom?: string;
  unitCostFen: number;
  title?: string | null;
  category?: string | null;
}
export interface AliasInput {
  alias: string;
  sku: string;
}
export interface FeeRuleInput {
  shopId: number;
  effectiveFrom: string;
  preset?: string | null;
  commissionBp: number;
  categoryBp?: Record<string, number>;
  paymentBp: number;
  pointsBp: number;
  perOrderFen: number;
  monthlyFen: number;
}
export interface ShippingRuleInput {
  shopId: number;
  effectiveFrom: string;
  rows: Array<{ province?: string; perOrderFen: number; packagingFen?: number }>;
}
export interface ShippingCostInput {
  orderId: string;
  trackingNo?: string | null;
  costFen: number;
}
export interface AdSpendInput {
  day: string;
  channel?: string;
  amountFen: number;
}
export interface RateInput {
  currency: string;
  month: string;
  cnyPpm: number;
}
export type FeeKind =
  'commission' | 'service' | 'points' | 'payment' | 'insurance' | 'affiliate' | 'promotion' | 'other';
export interface OrderFeeInput {
  orderId: string;
  kind: FeeKind;
  amountFen: number;
}
export interface PolicyInput {
  refundDay: 'order' | 'refund';
  returnedGoods: 'restock' | 'lost';
}

export interface ProfitWriteDeps {
  huikeDb: HuikeDb;
  now: () => Date;
}

/** Where a write came from: typed in (an edit) or read from a file. */
export interface WriteSource {
  fileName?: string;
  format?: string;
  rowsRead?: number;
}

function requireShop(tx: WriteTx, shopId: number): void {
  if (!tx.sqlite.prepare('SELECT 1 FROM shops WHERE id = ?').get(shopId))
    throw new UserError({ code: 'profit.noShop', params: { shopId: String(shopId) } });
}

async function write(
  deps: ProfitWriteDeps,
  kind: ProfitOperationKind,
  what: string,
  source: WriteSource,
  work: (tx: WriteTx, opId: number) => UpsertCounts,
): Promise<ProfitWriteResult> {
  return deps.huikeDb.writer.transaction(async (tx) => {
    const opId = newProfitOperation(tx, source.fileName ? 'profit_import' : kind, deps.now().toISOString(), {
      what,
      ...source,
    });
    const counts = work(tx, opId);
    tx.sqlite
      .prepare('UPDATE operations SET summary_json = ? WHERE id = ?')
      .run(JSON.stringify({ what, ...source, ...counts }), opId);
    return { operationId: opId, ...counts };
  });
}

function sum(...counts: UpsertCounts[]): UpsertCounts {
  return counts.reduce(
    (a, c) => ({
      inserted: a.inserted + c.inserted,
      updated: a.updated + c.updated,
      unchanged: a.unchanged + c.unchanged,
    }),
    { inserted: 0, updated: 0, unchanged: 0 },
  );
}

export function saveCosts(
  deps: ProfitWriteDeps,
  input: { costs: CostInput[]; aliases?: AliasInput[] },
  source: WriteSource = {},
): Promise<ProfitWriteResult> {
  return write(deps, 'cost_edit', 'costs', source, (tx, op) =>
    sum(
      upsertRows(
        tx,
        op,
        'sku_aliases',
        (input.aliases ?? []).map((a) => ({ alias: a.alias, sku: a.sku })),
      ),
      upsertRows(
        tx,
        op,
        'sku_costs',
        input.costs.map((c) => ({
          sku: c.sku,
          effective_from: c.effectiveFrom ?? '0000-01-01',
          unit_cost_fen: c.unitCostFen,
          title: c.title ?? null,
          category: c.category ?? null,
        })),
      ),
    ),
  );
}

export function saveFeeRule(deps: ProfitWriteDeps, input: FeeRuleInput): Promise<ProfitWriteResult> {
  return write(deps, 'fee_edit', 'feeRule', {}, (tx, op) => {
    requireShop(tx, input.shopId);
    return upsertRows(tx, op, 'fee_rules', [
      {
        shop_id: input.shopId,
        effective_from: input.effectiveFrom,
        preset: input.preset ?? null,
        commission_bp: input.commissionBp,
        category_bp_json: JSON.stringify(input.categoryBp ?? {}),
        payment_bp: input.paymentBp,
        points_bp: input.pointsBp,
        per_order_fen: input.perOrderFen,
        monthly_fen: input.monthlyFen,
      },
    ]);
  });
}

export function saveShippingRules(
  deps: ProfitWriteDeps,
  input: ShippingRuleInput,
): Promise<ProfitWriteResult> {
  return write(deps, 'fee_edit', 'shippingRules', {}, (tx, op) => {
    requireShop(tx, input.shopId);
    return upsertRows(
      tx,
      op,
      'shipping_rules',
      input.rows.map((r) => ({
        shop_id: input.shopId,
        effective_from: input.effectiveFrom,
        province: r.province?.trim() ?? '',
        per_order_fen: r.perOrderFen,
        packaging_fen: r.packagingFen ?? 0,
      })),
    );
  });
}

export function saveShippingCosts(
  deps: ProfitWriteDeps,
  input: { shopId: number; rows: ShippingCostInput[] },
  source: WriteSource = {},
): Promise<ProfitWriteResult> {
  return write(deps, 'fee_edit', 'shippingCosts', source, (tx, op) => {
    requireShop(tx, input.shopId);
    return upsertRows(
      tx,
      op,
      'shipping_costs',
      input.rows.map((r) => ({
        shop_id: input.shopId,
        platform_order_id: r.orderId,
        tracking_no: r.trackingNo ?? null,
        cost_fen: r.costFen,
      })),
    );
  });
}

export function saveAdSpend(
  deps: ProfitWriteDeps,
  input: { shopId: number; rows: AdSpendInput[] },
  source: WriteSource = {},
): Promise<ProfitWriteResult> {
  return write(deps, 'fee_edit', 'ads', source, (tx, op) => {
    requireShop(tx, input.shopId);
    return upsertRows(
      tx,
      op,
      'ad_spend',
      input.rows.map((r) => ({
        shop_id: input.shopId,
        day: r.day,
        channel: r.channel?.trim() ?? '',
        amount_fen: r.amountFen,
      })),
    );
  });
}

export function saveRates(
  deps: ProfitWriteDeps,
  input: { rates: RateInput[] },
  source: WriteSource = {},
): Promise<ProfitWriteResult> {
  return write(deps, 'fee_edit', 'rates', source, (tx, op) =>
    upsertRows(
      tx,
      op,
      'currency_rates',
      input.rates.map((r) => ({ currency: r.currency.toUpperCase(), month: r.month, cny_ppm: r.cnyPpm })),
    ),
  );
}

export function saveOrderFees(
  deps: ProfitWriteDeps,
  input: { shopId: number; rows: OrderFeeInput[] },
  source: WriteSource = {},
): Promise<ProfitWriteResult> {
  return write(deps, 'fee_edit', 'orderFees', source, (tx, op) => {
    requireShop(tx, input.shopId);
    // One row per order and kind: a file listing several lines of one kind for an order adds them.
    const merged = new Map<string, Row>();
    for (const r of input.rows) {
      const key = `${r.orderId}|${r.kind}`;
      const seen = merged.get(key);
      if (seen) seen.amount_fen = Number(seen.amount_fen) + r.amountFen;
      else
        merged.set(key, {
          shop_id: input.shopId,
          platform_order_id: r.orderId,
          kind: r.kind,
          amount_fen: r.amountFen,
        });
    }
    return upsertRows(tx, op, 'order_fees', [...merged.values()]);
  });
}

export function setPolicy(deps: ProfitWriteDeps, input: PolicyInput): Promise<ProfitWriteResult> {
  return write(deps, 'fee_edit', 'policy', {}, (tx, op) =>
    upsertRows(tx, op, 'profit_policy', [
      { id: 1, refund_day: input.refundDay, returned_goods: input.returnedGoods },
    ]),
  );
}

export const DELETABLE_TABLES = [
  'sku_costs',
  'sku_aliases',
  'fee_rules',
  'shipping_rules',
  'shipping_costs',
  'ad_spend',
  'currency_rates',
] as const satisfies readonly ProfitTable[];
export type DeletableTable = (typeof DELETABLE_TABLES)[number];

export function deleteInput(
  deps: ProfitWriteDeps,
  input: { table: DeletableTable; id: number },
): Promise<ProfitWriteResult> {
  const kind = input.table.startsWith('sku') ? 'cost_edit' : 'fee_edit';
  return write(deps, kind, `delete:${input.table}`, {}, (tx, op) => ({
    inserted: 0,
    updated: deleteRow(tx, op, input.table, input.id) ? 1 : 0,
    unchanged: 0,
  }));
}

/** Recomputes every fact from the orders (a repair; the tests' check that upkeep never drifts). */
export function rebuildFacts(deps: ProfitWriteDeps): Promise<{ days: number }> {
  return deps.huikeDb.writer.transaction(async (tx) => {
    markAllProfitFactsDirty(tx);
    const { days } = tx.sqlite.prepare('SELECT count(*) AS days FROM profit_dirty').get() as { days: number };
    return { days };
  });
}

export function undoProfit(
  deps: ProfitWriteDeps,
  input: { operationId: number },
): Promise<{ operationId: number; restored: number; removed: number }> {
  return deps.huikeDb.writer.transaction(async (tx) => ({
    operationId: input.operationId,
    ...undoProfitOperation(tx, input.operationId, deps.now().toISOString()),
  }));
}
