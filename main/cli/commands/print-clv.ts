/** Human-readable output of `huike clv fit` (without --json), in both languages. */
import { CLV_DEFAULTS } from '../../domain/value/index.js';
import { formatCount, formatMessage, type MessageLanguage } from '../../shared/messages/index.js';
import type { ClvFitReport } from './clv.js';

interface ClvTexts {
  layout: Record<ClvFitReport['layout'], string>;
  unit: Record<'day' | 'week', string>;
  header(file: string, layout: string, tx: string, customers: string, repeat: string): string;
  calibration(end: string, unit: string): string;
  bgnbd: string;
  gammaGamma: string;
  colon: string;
  notFitted: string;
  logLikelihood(ll: string): string;
  fitUsed(n: string): string;
  notConverged: string;
  thinHeading: string;
  method: string;
  averages: string;
  pAlive: string;
  notEstimated: string;
  purchases90: string;
  purchases365: string;
  spend: string;
  clv(months: string, rate: string): string;
}

const TEXTS: Record<MessageLanguage, ClvTexts> = {
  'zh-CN': {
    layout: {
      csv: 'CSV',
      'cdnow-sample': 'CDNOW 样本格式',
      'cdnow-master': 'CDNOW 完整格式',
      whitespace: '空格分隔',
    },
    unit: { day: '天', week: '周' },
    header: (file: string, layout: string, tx: string, customers: string, repeat: string) =>
      `${file}（${layout}）：${tx} 笔交易，${customers} 位客户，其中 ${repeat} 位回购过`,
    calibration: (end: string, unit: string) => `校准期截至 ${end}（含），时间单位：${unit}`,
    bgnbd: 'BG/NBD 购买次数模型',
    gammaGamma: 'Gamma-Gamma 客单价模型',
    notFitted: '未拟合（没有可用的回购客户）',
    logLikelihood: (ll: string) => `对数似然 ${ll}`,
    fitUsed: (n: string) => `基于 ${n} 位回购金额大于 0 的客户`,
    notConverged: '（未收敛）',
    thinHeading: '数据不足，预测改用简单规则：',
    averages: '每位客户平均：',
    colon: '：',
    pAlive: '仍活跃的概率 P(alive)',
    notEstimated: '未估计（简单规则）',
    purchases90: '未来 90 天预计购买次数',
    purchases365: '未来 365 天预计购买次数',
    spend: '预计客单价',
    clv: (months: string, rate: string) => `${months} 个月 CLV（每月折现 ${rate}，按销售额）`,
    method: '预测方法：',
  },
  en: {
    layout: {
      csv: 'CSV',
      'cdnow-sample': 'CDNOW sample layout',
      'cdnow-master': 'CDNOW master layout',
      whitespace: 'whitespace-separated',
    },
    unit: { day: 'days', week: 'weeks' },
    header: (file: string, layout: string, tx: string, customers: string, repeat: string) =>
      `${file} (${layout}): ${tx} transactions, ${customers} customers, ${repeat} of them bought again`,
    calibration: (end: string, unit: string) => `Calibration period up to ${end} (included), time in ${unit}`,
    bgnbd: 'BG/NBD purchase model',
    gammaGamma: 'Gamma-Gamma spend model',
    notFitted: 'not fitted (no usable repeat customers)',
    logLikelihood: (ll: string) => `log-likelihood ${ll}`,
    fitUsed: (n: string) => `on ${n} repeat customers who spent more than 0`,
    notConverged: ' (did not converge)',
    thinHeading: 'Too little data for the models; the predictions use simple rules:',
    averages: 'Per customer, on average:',
    colon: ': ',
    pAlive: 'P(alive)',
    notEstimated: 'not estimated (simple rule)',
    purchases90: 'purchases in the next 90 days',
    purchases365: 'purchases in the next 365 days',
    spend: 'spend per order',
    clv: (months: string, rate: string) => `${months}-month CLV (${rate} monthly discount, on revenue)`,
    method: 'How the predictions are made:',
  },
};

/** A parameter to 4 significant digits, as the papers print them. */
const param = (v: number) => Number(v.toPrecision(4)).toString();

export function printClvFit(
  report: ClvFitReport,
  lang: MessageLanguage,
  out: (line: string) => void = console.log,
): void {
  const t = TEXTS[lang];
  const { models, averages } = report;
  const n = (v: number) => formatCount(v, lang);
  const decimals = (v: number | null, digits: number) =>
    v === null
      ? '–'
      : new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }).format(v);
  out(
    t.header(
      report.file,
      t.layout[report.layout],
      n(report.transactions),
      n(models.customers),
      n(models.repeatCustomers),
    ),
  );
  out(t.calibration(models.calibrationEnd, t.unit[models.unit]));
  out('');
  const bg = models.bgnbd.fit;
  out(
    `${t.bgnbd}${t.colon}${
      bg
        ? `r = ${param(bg.params.r)}, α = ${param(bg.params.alpha)}, a = ${param(bg.params.a)}, b = ${param(bg.params.b)}; ${t.logLikelihood(decimals(bg.logLikelihood, 2))}${bg.converged ? '' : t.notConverged}`
        : t.notFitted
    }`,
  );
  const gg = models.gammaGamma.fit;
  out(
    `${t.gammaGamma}${t.colon}${
      gg
        ? `p = ${param(gg.params.p)}, q = ${param(gg.params.q)}, γ = ${param(gg.params.gamma)}; ${t.fitUsed(n(gg.customers))}${gg.converged ? '' : t.notConverged}`
        : t.notFitted
    }`,
  );
  const { problems } = report;
  if (problems.length > 0) {
    out('');
    out(t.thinHeading);
    for (const m of problems) out(`  - ${formatMessage(m.code, m.params, lang)}`);
  }
  out('');
  out(t.method);
  out(
    `  ${formatMessage(models.purchasesMethod === 'bgnbd' ? 'value.method.bgnbd' : 'value.method.repeatRate', {}, lang)}`,
  );
  out(
    `  ${formatMessage(models.spendMethod === 'gamma-gamma' ? 'value.method.gammaGamma' : 'value.method.ownAverage', {}, lang)}`,
  );
  out(t.averages);
  const rows: [string, string][] = [
    [t.pAlive, averages.pAlive === null ? t.notEstimated : decimals(averages.pAlive, 3)],
    [t.purchases90, decimals(averages.purchases90, 3)],
    [t.purchases365, decimals(averages.purchases365, 3)],
    [t.spend, decimals(averages.spendPerOrder, 2)],
    [
      t.clv(String(CLV_DEFAULTS.months), `${CLV_DEFAULTS.monthlyDiscountRate * 100}%`),
      decimals(averages.clv, 2),
    ],
  ];
  const width = Math.max(...rows.map(([label]) => displayWidth(label)));
  for (const [label, value] of rows) out(`  ${label}${' '.repeat(width - displayWidth(label))}  ${value}`);
}

/** Columns a terminal gives the text: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
        ? 2
        : 1;
  return width;
}
