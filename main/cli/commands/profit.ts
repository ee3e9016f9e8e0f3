/**
 * `huike report profit` and `huike profit …`: the profit report, and loading its inputs — cost
 * sheets, the platforms' fee and settlement files, ads reports, shipping bills, currency rates —
 * and the rules typed in (fee rules, shipping rules, the refund policy), each one undoable
 * operation. The same channels as the 利润 and 成本与费用 screens.
 */
import { Option, type Command } from 'commander';
import type { HuikeApp } from '../../api/app-types.js';
import { FEE_PRESETS, FEE_PRESET_VALUES, percentTextToBp, type FeePreset } from '../../shared/profit-math.js';
import type { ProfitFigures, ProfitReport, ProfitRow } from '../../domain/profit/types.js';
import { UserError } from '../../domain/errors.js';
import { parseMoney } from '../../domain/import/index.js';
import { formatMessage, type MessageLanguage } from '../../shared/messages/index.js';
import { printJson } from '../output.js';
import { createProfitPrinter } from './print-profit.js';

export interface ProfitCommandContext {
  open: <T>(work: (app: HuikeApp, jobId: string) => Promise<T>, options?: { reads?: boolean }) => Promise<T>;
  lang: () => MessageLanguage;
}

/** The fields of a row of `huike report profit --json`, in the contract's order. */
const FIGURES = [
  'orders',
  'gmvFen',
  'discountFen',
  'refundFen',
  'netSalesFen',
  'cogsFen',
  'platformFeeFen',
  'paymentFeeFen',
  'shippingFen',
  'adsFen',
  'fixedFen',
  'profitFen',
  'marginPct',
  'buyers',
  'newBuyers',
] as const satisfies ReadonlyArray<keyof ProfitFigures>;

function figuresOf(f: ProfitFigures): Record<string, number | null> {
  return Object.fromEntries(FIGURES.map((k) => [k, f[k]]));
}

/** The JSON document the contract fixes (README "Profit"). */
export function profitJson(report: ProfitReport, lang: MessageLanguage) {
  return {
    currency: report.currency,
    rows: report.rows.map((r: ProfitRow) => ({
      platform: r.platform,
      shop: r.shop,
      period: r.period,
      ...figuresOf(r),
    })),
    totals: figuresOf(report.totals),
    warnings: report.warnings.map((w) => ({
      code: w.code,
      message: formatMessage(w.code, w.params, lang),
      params: w.params,
    })),
  };
}

function dayArg(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new UserError({ code: 'profit.badDateArg', params: { name, value } });
  return value;
}

function percentArg(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const bp = percentTextToBp(value);
  if (bp === null || bp > 10_000)
    throw new UserError({ code: 'profit.badPercentArg', params: { name, value } });
  return bp;
}

function amountArg(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const m = parseMoney(value);
  if (!m.ok || m.value === null || m.value < 0)
    throw new UserError({ code: 'profit.badAmountArg', params: { name, value } });
  return m.value;
}

/** A shop named by its id or its exact name. */
async function shopArg(app: HuikeApp, value: string | undefined): Promise<number | undefined> {
  if (value === undefined) return undefined;
  const shops = await app.invoke('shops.list', {});
  const found = /^\d+$/.test(value)
    ? shops.find((s) => s.id === Number(value))
    : shops.find((s) => s.name === value);
  if (!found) throw new UserError({ code: 'profit.noShop', params: { shopId: value } });
  return found.id;
}

export function registerProfitCommands(program: Command, report: Command, ctx: ProfitCommandContext): void {
  const { open, lang } = ctx;
  report
    .command('profit')
    .description('利润表：按平台或店铺，按月、周或日 (profit by platform or shop, by month, week or day)')
    .addOption(
      new Option('--by <dim>', 'rows per platform or per shop')
        .choices(['platform', 'shop'])
        .default('platform'),
    )
    .addOption(
      new Option('--period <p>', 'rows per month, week (Monday–Sunday) or day')
        .choices(['month', 'week', 'day'])
        .default('month'),
    )
    .option('--from <date>', 'first day, YYYY-MM-DD (default: the first month with data)')
    .option('--to <date>', 'last day, YYYY-MM-DD (default: the last month with data)')
    .option('--json', 'print one JSON document')
    .action(
      async (opts: {
        by: 'platform' | 'shop';
        period: 'month' | 'week' | 'day';
        from?: string;
        to?: string;
        json?: boolean;
      }) => {
        const input = {
          by: opts.by,
          period: opts.period,
          from: dayArg(opts.from, 'from'),
          to: dayArg(opts.to, 'to'),
        };
        await open(
          async (app) => {
            const result = await app.invoke('profit.report', input);
            if (opts.json) printJson(profitJson(result, lang()));
            else createProfitPrinter(lang()).report(result);
          },
          { reads: true },
        );
      },
    );

  const profit = program
    .command('profit')
    .description('成本与费用：载入文件、费率、运费、退款口径 (profit inputs)');
  profit
    .command('load')
    .description(
      '载入成本表、平台结算/费用文件、推广日报、运费账单或汇率表 (load cost sheets, settlement and fee files, ads reports, shipping bills, rates)',
    )
    .argument('<files...>', 'CSV or Excel files')
    .addOption(
      new Option('--kind <kind>', 'what the files are')
        .choices(['auto', 'costs', 'fees', 'shipping', 'ads', 'rates'])
        .default('auto'),
    )
    .option(
      '--shop <shop>',
      'the shop (id or name) of a fee, ads or shipping file (default: the one shop of its platform)',
    )
    .option('--json', 'print one JSON document')
    .action(
      async (
        files: string[],
        opts: {
          kind: 'auto' | 'costs' | 'fees' | 'shipping' | 'ads' | 'rates';
          shop?: string;
          json?: boolean;
        },
      ) => {
        await open(async (app) => {
          const shopId = await shopArg(app, opts.shop);
          const results = [];
          for (const file of files) {
            const staged = await app.stagePath(file);
            results.push({
              file,
              ...(await app.invoke('profit.importFile', { fileId: staged.fileId, kind: opts.kind, shopId })),
            });
          }
          if (opts.json) printJson({ files: results });
          else for (const r of results) createProfitPrinter(lang()).loaded(r.file, r);
        });
      },
    );

  profit
    .command('rule')
    .description('店铺的费率规则，自某日起生效 (a shop fee rule from a day on)')
    .requiredOption('--shop <shop>', 'shop id or name')
    .requiredOption('--from <date>', 'first day the rule applies, YYYY-MM-DD')
    .addOption(
      new Option('--preset <name>', 'start from a preset (editable defaults)').choices([...FEE_PRESETS]),
    )
    .option('--commission <pct>', 'commission, e.g. 5 or 2.5 (percent)')
    .option('--category <name=pct...>', 'commission for a product category, e.g. 电器=3')
    .option('--payment <pct>', 'payment fee (percent)')
    .option('--points <pct>', 'points, e.g. 天猫积分 0.5 (percent)')
    .option('--per-order <amount>', 'fixed fee per order, in the shop currency (e.g. 0.30)')
    .option('--monthly <amount>', 'fixed fee per month (platform or software fee)')
    .option('--json', 'print one JSON document')
    .action(
      async (opts: {
        shop: string;
        from: string;
        preset?: FeePreset;
        commission?: string;
        category?: string[];
        payment?: string;
        points?: string;
        perOrder?: string;
        monthly?: string;
        json?: boolean;
      }) => {
        const base = opts.preset
          ? FEE_PRESET_VALUES[opts.preset]
          : { commissionBp: 0, categoryBp: {}, paymentBp: 0, pointsBp: 0, perOrderFen: 0, monthlyFen: 0 };
        const categoryBp: Record<string, number> = { ...base.categoryBp };
        for (const pair of opts.category ?? []) {
          const [name, pct] = pair.split('=');
          const bp = percentArg(pct, '--category');
          if (!name || bp === undefined)
            throw new UserError({
              code: 'profit.badPercentArg',
              params: { name: '--category', value: pair },
            });
          categoryBp[name] = bp;
        }
        await open(async (app) => {
          const result = await app.invoke('profit.saveFeeRule', {
            shopId: (await shopArg(app, opts.shop))!,
            effectiveFrom: dayArg(opts.from, 'from')!,
            preset: opts.preset ?? null,
            commissionBp: percentArg(opts.commission, '--commission') ?? base.commissionBp,
            categoryBp,
            paymentBp: percentArg(opts.payment, '--payment') ?? base.paymentBp,
            pointsBp: percentArg(opts.points, '--points') ?? base.pointsBp,
            perOrderFen: amountArg(opts.perOrder, '--per-order') ?? base.perOrderFen,
            monthlyFen: amountArg(opts.monthly, '--monthly') ?? base.monthlyFen,
          });
          if (opts.json) printJson(result);
          else createProfitPrinter(lang()).written(result);
        });
      },
    );

  profit
    .command('shipping-rule')
    .description(
      '运费规则：每单运费（可按省）和包装费，自某日起 (shipping per order, by province, from a day on)',
    )
    .requiredOption('--shop <shop>', 'shop id or name')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--per-order <amount>', 'shipping per order (e.g. 6.00)')
    .option('--packaging <amount>', 'packaging per order')
    .option('--province <name=amount...>', 'shipping to a province, e.g. 新疆=20')
    .option('--json', 'print one JSON document')
    .action(
      async (opts: {
        shop: string;
        from: string;
        perOrder: string;
        packaging?: string;
        province?: string[];
        json?: boolean;
      }) => {
        const packagingFen = amountArg(opts.packaging, '--packaging') ?? 0;
        const rows = [{ province: '', perOrderFen: amountArg(opts.perOrder, '--per-order')!, packagingFen }];
        for (const pair of opts.province ?? []) {
          const [province, amount] = pair.split('=');
          const fen = amountArg(amount, '--province');
          if (!province || fen === undefined)
            throw new UserError({ code: 'profit.badAmountArg', params: { name: '--province', value: pair } });
          rows.push({ province, perOrderFen: fen, packagingFen });
        }
        await open(async (app) => {
          const result = await app.invoke('profit.saveShipping', {
            shopId: (await shopArg(app, opts.shop))!,
            effectiveFrom: dayArg(opts.from, 'from')!,
            rows,
          });
          if (opts.json) printJson(result);
          else createProfitPrinter(lang()).written(result);
        });
      },
    );

  profit
    .command('policy')
    .description(
      '退款口径 (refund policy: which day a refund counts on; returned goods back to stock or lost)',
    )
    .addOption(
      new Option('--refund-day <day>', "the order's day or the refund's")
        .choices(['order', 'refund'])
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--returned <what>', 'returned goods').choices(['restock', 'lost']).makeOptionMandatory(),
    )
    .option('--json', 'print one JSON document')
    .action(async (opts: { refundDay: 'order' | 'refund'; returned: 'restock' | 'lost'; json?: boolean }) => {
      await open(async (app) => {
        const result = await app.invoke('profit.setPolicy', {
          refundDay: opts.refundDay,
          returnedGoods: opts.returned,
        });
        if (opts.json) printJson(result);
        else createProfitPrinter(lang()).written(result);
      });
    });

  profit
    .command('history')
    .description('成本与费用的操作记录 (cost and fee operations)')
    .option('--json', 'print one JSON document')
    .action(async (opts: { json?: boolean }) => {
      await open(
        async (app) => {
          const { history } = await app.invoke('profit.inputs', {});
          if (opts.json) printJson({ history });
          else createProfitPrinter(lang()).history(history);
        },
        { reads: true },
      );
    });

  profit
    .command('undo')
    .description('撤销一次成本或费用操作 (undo a cost or fee operation)')
    .argument('<operationId>', 'from `huike profit history`')
    .option('--json', 'print one JSON document')
    .action(async (id: string, opts: { json?: boolean }) => {
      if (!/^\d+$/.test(id)) throw new UserError({ code: 'cli.badBatchId', params: { value: id } });
      await open(async (app) => {
        const result = await app.invoke('profit.undo', { operationId: Number(id) });
        if (opts.json) printJson(result);
        else createProfitPrinter(lang()).undone(result.operationId);
      });
    });

  profit
    .command('rebuild')
    .description('从订单重新计算全部利润数据 (recompute every daily profit fact from the orders)')
    .option('--json', 'print one JSON document')
    .action(async (opts: { json?: boolean }) => {
      await open(async (app) => {
        const result = await app.invoke('profit.rebuild', {});
        if (opts.json) printJson(result);
        else createProfitPrinter(lang()).rebuilt(result.days);
      });
    });
}
