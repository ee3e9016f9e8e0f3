/**
 * `huike report value [--as-of DATE] [--json]`: the customer-value report of the database — RFM
 * segments, value tiers, cohorts, the win-back list and the predicted value from the last fit
 * (fitted first when the data changed since; the CLI has no window to keep responsive). `--json`
 * prints the value.report result: `{"asOf","customers","rfm":{"segments":[{"name","customers",
 * "revenueFen",…}]},"clv":{"model":{…},"totalPredictedFen"},"cohorts":[…],"tiers":[…],…}` with
 * `contributionMode` saying how contribution was computed, and `durationMs`.
 */
import type { Command } from 'commander';
import type { HuikeApp } from '../../api/app-types.js';
import type { ValueReport } from '../../domain/value/report-types.js';
import { formatCount, formatMessage, type MessageLanguage } from '../../shared/messages/index.js';
import { formatMoney } from '../../shared/money.js';
import { VALUE_LABELS } from '../../shared/value-names.js';
import { printJson } from '../output.js';

export interface ReportValueContext {
  open: <T>(work: (app: HuikeApp, jobId: string) => Promise<T>, options?: { reads?: boolean }) => Promise<T>;
  lang: () => MessageLanguage;
}

const TEXTS = {
  'zh-CN': {
    none: '还没有已付款订单。导入订单或载入示例店铺（huike demo）后再看客户价值。',
    head: (asOf: string, customers: string, currency: string) =>
      `客户价值（截至 ${asOf}，${customers} 位客户，${currency}）`,
    monetary: { revenue: '金额按净销售额', contribution: '金额按贡献利润' },
    mode: {
      'net-after-refunds': '贡献 = 实付 − 退款（没有商品成本）',
      'net-minus-goods-cost': '贡献 = 实付 − 退款 − 商品成本',
    },
    separator: '；',
    segments: 'RFM 八类客户',
    tiers: '价值分层',
    clv: (total: string, n: string) => `预测未来 12 个月价值（CLV）合计 ${total}（${n} 位客户）`,
    model: (method: string, end: string) => `模型：${method}，数据截至 ${end}`,
    bgnbd: 'BG/NBD + Gamma-Gamma（最大似然）',
    rules: '简单规则（数据太少，不用模型）',
    noFit: '还没有拟合模型',
    winBack: (n: string, lost: string) => `待挽回客户 ${n} 位，每年流失价值约 ${lost}`,
    line: (name: string, n: string, money: string) => `  ${name}  ${n} 位  ${money}`,
  },
  en: {
    none: 'No paid orders yet. Import orders or load the sample shop (huike demo) to see customer value.',
    head: (asOf: string, customers: string, currency: string) =>
      `Customer value (as of ${asOf}, ${customers} customers, ${currency})`,
    monetary: { revenue: 'monetary as net revenue', contribution: 'monetary as contribution' },
    mode: {
      'net-after-refunds': 'contribution = paid − refunds (no goods cost known)',
      'net-minus-goods-cost': 'contribution = paid − refunds − goods cost',
    },
    separator: '; ',
    segments: 'RFM segments',
    tiers: 'Value tiers',
    clv: (total: string, n: string) => `Predicted 12-month value (CLV): ${total} (${n} customers)`,
    model: (method: string, end: string) => `Model: ${method}, data up to ${end}`,
    bgnbd: 'BG/NBD + Gamma-Gamma (maximum likelihood)',
    rules: 'simple rules (too little data for the model)',
    noFit: 'No model fitted yet',
    winBack: (n: string, lost: string) => `Win-back list: ${n} customers, about ${lost} a year at stake`,
    line: (name: string, n: string, money: string) => `  ${name}  ${n}  ${money}`,
  },
} as const;

function printHuman(report: ValueReport, lang: MessageLanguage): void {
  const t = TEXTS[lang];
  const labels = VALUE_LABELS[lang];
  if (!report.asOf || !report.currency || report.customers === 0) {
    console.log(t.none);
    return;
  }
  const money = (fen: number) => formatMoney(fen, report.currency ?? 'CNY');
  console.log(t.head(report.asOf, formatCount(report.customers, lang), report.currency));
  console.log(`${t.monetary[report.monetary]}${t.separator}${t.mode[report.contributionMode]}`);
  console.log(t.segments);
  for (const s of report.rfm.segments)
    console.log(t.line(labels.segments[s.key], formatCount(s.customers, lang), money(s.revenueFen)));
  console.log(t.tiers);
  for (const s of report.tiers)
    console.log(t.line(labels.tiers[s.name], formatCount(s.customers, lang), money(s.contributionFen)));
  const model = report.clv.model;
  if (model) {
    console.log(
      t.clv(money(report.clv.totalPredictedFen), formatCount(report.clv.customersWithPrediction, lang)),
    );
    console.log(t.model(model.purchasesMethod === 'bgnbd' ? t.bgnbd : t.rules, model.calibrationEnd));
    for (const reason of model.thinData) console.log(`  ${formatMessage(reason.code, reason.params, lang)}`);
  } else console.log(t.noFit);
  console.log(t.winBack(formatCount(report.winBack.customers, lang), money(report.winBack.valueLostFen)));
}

export function registerReportValueCommand(report: Command, { open, lang }: ReportValueContext): void {
  report
    .command('value')
    .description('客户价值：RFM 分群、价值分层、同期群、预测价值 (customer value report)')
    .option('--as-of <date>', 'as-of day YYYY-MM-DD (default: the latest order day)')
    .option('--json', 'print one JSON document')
    .action(async (opts: { asOf?: string; json?: boolean }) => {
      await open(
        async (app) => {
          const started = Date.now();
          const result = await app.invoke('value.report', { asOf: opts.asOf, waitForFit: true });
          if (opts.json) printJson({ ...result, durationMs: Date.now() - started });
          else printHuman(result, lang());
        },
        { reads: true },
      );
    });
}
