/**
 * `huike clv fit FILE [--calibration-end DATE] [--time-unit day|week] [--json]`: fits BG/NBD and
 * Gamma-Gamma on any transaction file (main/domain/value/transaction-file.ts) and prints the
 * estimates. It needs no database and opens none: the models are pure functions of the file.
 * Without a database there is no saved language: --lang, else HUIKE_LANG, else zh-CN.
 */
import { readFile, stat } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { UserError } from '../../domain/errors.js';
import { decodeTextStream } from '../../domain/import/text-encoding.js';
import {
  CLV_DEFAULTS,
  dayNumber,
  dayText,
  fitValueModels,
  predictCustomerValue,
  summarizeTransactions,
  TIME_UNITS,
  type TimeUnit,
  type ValueModels,
} from '../../domain/value/index.js';
import { readTransactionText, type TransactionFile } from '../../domain/value/transaction-file.js';
import { formatMessage, type Message, type MessageLanguage } from '../../shared/messages/index.js';
import { printJson } from '../output.js';
import { printClvFit } from './print-clv.js';

export interface ClvCommandContext {
  /** --lang, else HUIKE_LANG, else zh-CN (no database to ask). */
  lang: () => MessageLanguage;
}

/** What `clv fit` found: the input, the models, and averages of the per-customer predictions. */
export interface ClvFitReport {
  file: string;
  layout: TransactionFile['layout'];
  transactions: number;
  models: ValueModels;
  /** The thin-data reasons once, then each model's own problems. */
  problems: Message[];
  /** Means over the customers (P(alive) null when the simple rule stands in for BG/NBD). */
  averages: {
    pAlive: number | null;
    purchases90: number | null;
    purchases365: number | null;
    spendPerOrder: number | null;
    clv: number | null;
  };
}

export function registerClvCommands(program: Command, { lang }: ClvCommandContext): void {
  program
    .command('clv')
    .description('客户终身价值模型 (customer lifetime value)')
    .command('fit')
    .description(
      '用交易文件拟合 BG/NBD 和 Gamma-Gamma 模型，不需要数据库 (fit BG/NBD and Gamma-Gamma on a transaction file; no database)',
    )
    .argument('<file>', 'CSV with customer, date and amount columns, or CDNOW_master.txt / CDNOW_sample.txt')
    .option(
      '--calibration-end <date>',
      'last day of the calibration period, YYYY-MM-DD (default: the last transaction)',
    )
    .addOption(
      new Option('--time-unit <unit>', 'time unit of the models').choices([...TIME_UNITS]).default('day'),
    )
    .option('--json', 'print one JSON document')
    .action(async (file: string, opts: { calibrationEnd?: string; timeUnit: TimeUnit; json?: boolean }) => {
      const end = opts.calibrationEnd === undefined ? undefined : calibrationEnd(opts.calibrationEnd);
      const report = await fitFile(file, opts.timeUnit, end);
      if (opts.json) printJson(jsonReport(report, lang()));
      else printClvFit(report, lang());
    });
}

function calibrationEnd(value: string): number {
  const day = dayNumber(value);
  if (Number.isNaN(day)) throw new UserError({ code: 'value.badCalibrationEnd', params: { value } });
  return day;
}

async function fitFile(file: string, unit: TimeUnit, end: number | undefined): Promise<ClvFitReport> {
  const text = await readText(file);
  const read = await readTransactionText(text, file);
  const summaries = summarizeTransactions(read.transactions, { unit, calibrationEnd: end });
  if (summaries.ids.length === 0) {
    let first = Number.POSITIVE_INFINITY;
    for (const day of read.transactions.day) first = Math.min(first, day);
    throw new UserError({
      code: 'value.file.noneBeforeEnd',
      params: { file, end: dayText(end!), first: dayText(first) },
      file,
    });
  }
  const models = fitValueModels(summaries);
  const predictions = predictCustomerValue(models, summaries);
  const problems = [...models.thinData, ...models.bgnbd.problems, ...models.gammaGamma.problems];
  return {
    file,
    layout: read.layout,
    transactions: read.transactions.day.length,
    models,
    problems: problems.filter(
      (m, i) => problems.findIndex((o) => JSON.stringify(o) === JSON.stringify(m)) === i,
    ),
    averages: {
      pAlive: mean(predictions.pAlive),
      purchases90: mean(predictions.purchases90),
      purchases365: mean(predictions.purchases365),
      spendPerOrder: mean(predictions.spendPerOrder),
      clv: mean(predictions.clv),
    },
  };
}

/** The file as text, in the encoding the importer would choose (UTF-8, GBK, UTF-16). */
async function readText(file: string): Promise<string> {
  const named = { params: { file }, file };
  let bytes: Uint8Array;
  try {
    if (!(await stat(file)).isFile()) throw new UserError({ code: 'file.notAFile', ...named });
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError({
      code: code === 'EACCES' || code === 'EPERM' ? 'file.unreadable' : 'file.notFound',
      ...named,
    });
  }
  if (bytes.length === 0) throw new UserError({ code: 'file.empty', ...named });
  if (!looksLikeText(bytes.subarray(0, 4096))) throw new UserError({ code: 'value.file.notText', ...named });
  const decoded = await decodeTextStream(
    (async function* () {
      yield bytes;
    })(),
  );
  let text = '';
  for await (const chunk of decoded.text) text += chunk;
  return text;
}

/** ZIP (an .xlsx too), OLE2 (.xls), PDF, PNG, JPEG, GIF. */
const BINARY_MAGIC = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0xd0, 0xcf, 0x11, 0xe0],
  [0x25, 0x50, 0x44, 0x46],
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
];

/**
 * Text in some encoding the importer reads, judged from the first bytes: a workbook, a picture or
 * a program has NUL and other control bytes where text has none, except UTF-16, where every
 * other byte of ASCII text is NUL (a quarter of the bytes at least, even in Chinese).
 */
function looksLikeText(head: Uint8Array): boolean {
  const starts = (magic: number[]) => magic.every((b, i) => head[i] === b);
  if (BINARY_MAGIC.some(starts)) return false;
  if (starts([0xff, 0xfe]) || starts([0xfe, 0xff])) return true;
  let nul = 0;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) nul++;
    else if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x1b) control++;
  }
  if (nul > 0) return nul >= head.length / 4;
  return control <= head.length / 100;
}

/** The mean of the values that are numbers (NaN: not estimated). */
function mean(values: Float64Array): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    sum += v;
    n++;
  }
  return n > 0 ? sum / n : null;
}

/**
 * `--json`: the contract's `{customers, repeatCustomers, bgnbd: {r, alpha, a, b, logLikelihood},
 * gammaGamma: {p, q, gamma}}` on the time unit asked for, plus how the fit went and the per-customer
 * averages. Estimates are null when there was nothing to fit; γ is in the file's money unit.
 */
export function jsonReport(report: ClvFitReport, lang: MessageLanguage) {
  const { models, averages } = report;
  const bg = models.bgnbd.fit;
  const gg = models.gammaGamma.fit;
  return {
    file: report.file,
    layout: report.layout,
    timeUnit: models.unit,
    calibrationEnd: models.calibrationEnd,
    transactions: report.transactions,
    customers: models.customers,
    repeatCustomers: models.repeatCustomers,
    bgnbd: {
      r: bg?.params.r ?? null,
      alpha: bg?.params.alpha ?? null,
      a: bg?.params.a ?? null,
      b: bg?.params.b ?? null,
      logLikelihood: bg?.logLikelihood ?? null,
      converged: bg?.converged ?? false,
      usable: models.bgnbd.usable,
    },
    gammaGamma: {
      p: gg?.params.p ?? null,
      q: gg?.params.q ?? null,
      gamma: gg?.params.gamma ?? null,
      logLikelihood: gg?.logLikelihood ?? null,
      customers: gg?.customers ?? 0,
      converged: gg?.converged ?? false,
      usable: models.gammaGamma.usable,
    },
    thinData: models.thinData.length > 0,
    problems: report.problems.map((m) => ({ code: m.code, message: formatMessage(m.code, m.params, lang) })),
    predictions: {
      purchasesMethod: models.purchasesMethod,
      spendMethod: models.spendMethod,
      months: CLV_DEFAULTS.months,
      monthlyDiscountRate: CLV_DEFAULTS.monthlyDiscountRate,
      margin: CLV_DEFAULTS.margin,
      meanPAlive: averages.pAlive,
      meanPurchases90: averages.purchases90,
      meanPurchases365: averages.purchases365,
      meanSpendPerOrder: averages.spendPerOrder,
      meanClv: averages.clv,
    },
  };
}
