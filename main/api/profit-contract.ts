/**
 * The profit channels' input schemas and results, joined into contract.ts. Amounts are integer
 * minor units, rates basis points (1 bp = 0.01 %) or parts per million (currency rates).
 */
import { z } from 'zod';
import { PLATFORMS } from '../shared/vocabulary.js';
import type {
  MissingCostSku,
  ProfitFileResult,
  ProfitInputs,
  ProfitReport,
  ProfitWriteResult,
  Reconciliation,
} from '../domain/profit/types.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const month = z.string().regex(/^\d{4}-\d{2}$/, 'expected a month as YYYY-MM');
const shopId = z.number().int().positive();
const fen = z
  .number()
  .int()
  .min(-(2 ** 50))
  .max(2 ** 50);
const nonNegativeFen = z
  .number()
  .int()
  .min(0)
  .max(2 ** 50);
/** 0 … 100 % in basis points. */
const bp = z.number().int().min(0).max(10_000);
const text = (max: number) => z.string().trim().min(1).max(max);
const jobId = z.string().min(1).max(100).optional();

const scope = {
  from: day.optional(),
  to: day.optional(),
  platforms: z.array(z.enum(PLATFORMS)).max(PLATFORMS.length).optional(),
  shopIds: z.array(shopId).max(500).optional(),
};

export const FEE_KINDS = [
  'commission',
  'service',
  'points',
  'payment',
  'insurance',
  'affiliate',
  'promotion',
  'other',
] as const;

export const PROFIT_FILE_KINDS = ['auto', 'costs', 'fees', 'shipping', 'ads', 'rates'] as const;

export const profitInputSchemas = {
  'profit.report': z.object({
    by: z.enum(['platform', 'shop', 'total']).default('platform'),
    period: z.enum(['month', 'week', 'day', 'all']).default('month'),
    ...scope,
  }),
  'profit.reconciliation': z.object(scope),
  'profit.missingCosts': z.object(scope),
  /** Everything the 成本与费用 screen shows: costs, rules, ads by month, rates, policy, history. */
  'profit.inputs': z.object({}),
  'profit.saveCosts': z.object({
    costs: z
      .array(
        z.object({
          sku: text(200),
          effectiveFrom: day.optional(),
          unitCostFen: nonNegativeFen,
          title: z.string().max(300).nullish(),
          category: z.string().max(100).nullish(),
        }),
      )
      .max(100_000),
    aliases: z
      .array(z.object({ alias: text(200), sku: text(200) }))
      .max(100_000)
      .optional(),
  }),
  'profit.saveFeeRule': z.object({
    shopId,
    effectiveFrom: day,
    preset: z.string().max(40).nullish(),
    commissionBp: bp,
    categoryBp: z.record(z.string().max(100), bp).optional(),
    paymentBp: bp,
    pointsBp: bp,
    perOrderFen: nonNegativeFen,
    monthlyFen: nonNegativeFen,
  }),
  'profit.saveShipping': z.object({
    shopId,
    effectiveFrom: day,
    rows: z
      .array(
        z.object({
          province: z.string().trim().max(40).optional(),
          perOrderFen: nonNegativeFen,
          packagingFen: nonNegativeFen.optional(),
        }),
      )
      .min(1)
      .max(100),
  }),
  'profit.saveAds': z.object({
    shopId,
    rows: z
      .array(z.object({ day, channel: z.string().trim().max(60).optional(), amountFen: fen }))
      .min(1)
      .max(100_000),
  }),
  'profit.saveRates': z.object({
    rates: z
      .array(
        z.object({
          currency: z.string().regex(/^[A-Za-z]{3}$/),
          month,
          cnyPpm: z
            .number()
            .int()
            .positive()
            .max(10 ** 12),
        }),
      )
      .min(1)
      .max(10_000),
  }),
  'profit.setPolicy': z.object({
    refundDay: z.enum(['order', 'refund']),
    returnedGoods: z.enum(['restock', 'lost']),
  }),
  'profit.delete': z.object({
    table: z.enum([
      'sku_costs',
      'sku_aliases',
      'fee_rules',
      'shipping_rules',
      'shipping_costs',
      'ad_spend',
      'currency_rates',
    ]),
    id: z.number().int().positive(),
  }),
  /** A cost sheet, a settlement/fee file, a shipping bill, an ads report or a rates sheet. */
  'profit.importFile': z.object({
    fileId: z.string().min(1).max(100),
    kind: z.enum(PROFIT_FILE_KINDS).default('auto'),
    shopId: shopId.optional(),
    jobId,
  }),
  'profit.undo': z.object({ operationId: z.number().int().positive() }),
  /** Recomputes every daily fact from the orders (a repair; normally they follow every write). */
  'profit.rebuild': z.object({}),
} as const;

export type ProfitChannel = keyof typeof profitInputSchemas;

export interface ProfitChannelResults {
  'profit.report': ProfitReport;
  'profit.reconciliation': Reconciliation;
  'profit.missingCosts': { skus: MissingCostSku[] };
  'profit.inputs': ProfitInputs;
  'profit.saveCosts': ProfitWriteResult;
  'profit.saveFeeRule': ProfitWriteResult;
  'profit.saveShipping': ProfitWriteResult;
  'profit.saveAds': ProfitWriteResult;
  'profit.saveRates': ProfitWriteResult;
  'profit.setPolicy': ProfitWriteResult;
  'profit.delete': ProfitWriteResult;
  'profit.importFile': ProfitFileResult;
  'profit.undo': { operationId: number; restored: number; removed: number };
  'profit.rebuild': { days: number };
}

export type * from '../domain/profit/types.js';
