/**
 * The buyer merge's speed (issue 9): for each size (buyer ACCOUNTS, as the identity generator draws
 * them), import the identity benchmark's files, run `huike merge --json` from scratch, import the
 * month after (2 % new accounts: 10k into 500k), run it again (incremental), and time a customer
 * search when the CLI has one. The quality of the merge is eval:merge's business, not this suite's.
 */
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { readMergeRuns, type DbRun } from '../eval/read-db.js';
import {
  importDataset,
  phaseFiles,
  runCustomers,
  runMerge,
  type MergeResult,
  type SearchResult,
} from '../eval/steps.js';
import { ensureDataset, type Dataset } from '../identity/dataset.js';
import { helpMentions } from '../lib/huike-cli.js';
import { fmtInt, fmtMB, fmtMs, fmtSeconds, median, sizeLabel } from '../lib/units.js';
import type { CheckSink } from './import-checks.js';
import type { Measured } from '../eval/steps.js';
import type { Suite, SuiteContext, SuiteResult, TargetCheck } from './types.js';

/** New accounts in the month after the span: 2 % of the accounts (10k into 500k), at least 20. */
export function monthAccountsFor(accounts: number): number {
  return Math.max(20, Math.round(accounts * 0.02));
}

const TARGET_SIZE = 500_000;
const SCRATCH_LIMIT_S = 60;
const INCREMENTAL_LIMIT_S = 3;
const SEARCH_LIMIT_MS = 100;

interface MergeCase {
  accounts: number;
  monthAccounts: number;
  dataset: { name: string; generatedS: number | null; orders: number; monthOrders: number };
  import: Measured | null;
  scratch: (MergeResult & { mode: string | null }) | null;
  monthImport: (Measured & { mergedDuringImport: DbRun | null }) | null;
  incremental: (MergeResult & { mode: string | null }) | null;
  /** Searches (or, without a search option, plain listings) of the customers. */
  search: { kind: 'search' | 'list'; runs: SearchResult[] } | null;
}

/** What `merge` wrote: the mode of the run it added, if it added one. */
function lastRunMode(db: string, before: number): string | null {
  const runs = readMergeRuns(db);
  return runs.length > before ? runs[runs.length - 1]!.mode : null;
}

async function runCase(ctx: SuiteContext, accounts: number, sink: CheckSink): Promise<MergeCase> {
  const { params, workDir, log } = ctx;
  const monthAccounts = monthAccountsFor(accounts);
  const dataset: Dataset = await ensureDataset(
    params.dataDir,
    {
      preset: 'default',
      size: { unit: 'accounts', count: accounts },
      seed: params.seed,
      monthNewAccounts: monthAccounts,
    },
    log,
  );
  const label = `${sizeLabel(accounts)} accounts`;
  const c: MergeCase = {
    accounts,
    monthAccounts,
    dataset: {
      name: path.basename(dataset.dir),
      generatedS: dataset.generatedS,
      orders: dataset.meta.counts.orders.base,
      monthOrders: dataset.meta.counts.orders.month,
    },
    import: null,
    scratch: null,
    monthImport: null,
    incremental: null,
    search: null,
  };
  const db = path.join(workDir, `merge-${accounts}.db`);
  const common = { cli: params.cli, db, workDir, timeoutS: params.timeoutS, sink };
  const notYet = params.smoke ? ('note' as const) : ('failure' as const);
  try {
    log(`merge ${label}: importing ${c.dataset.orders} orders`);
    const imported = await importDataset({
      ...common,
      files: phaseFiles(dataset, 'base'),
      step: `${label}: import`,
    });
    if (!imported) return c;
    c.import = imported;

    log(`merge ${label}: merge from scratch`);
    const runsBefore = readMergeRuns(db).length;
    const scratch = await runMerge({ ...common, step: `${label}: merge from scratch`, notYet });
    c.scratch = { ...scratch, mode: scratch.output ? lastRunMode(db, runsBefore) : null };
    if (!scratch.output) return c;

    log(
      `merge ${label}: importing the month (${monthAccounts} new accounts, ${c.dataset.monthOrders} orders)`,
    );
    const beforeMonth = readMergeRuns(db).length;
    const month = await importDataset({
      ...common,
      files: phaseFiles(dataset, 'month'),
      step: `${label}: month import`,
    });
    if (!month) return c;
    const afterMonth = readMergeRuns(db);
    const during = afterMonth.length > beforeMonth ? afterMonth[afterMonth.length - 1]! : null;
    if (during) sink.note(`${label}: the month's import ran the merge itself (${during.mode} run)`);
    c.monthImport = { ...month, mergedDuringImport: during };

    log(`merge ${label}: incremental merge`);
    const incremental = await runMerge({ ...common, step: `${label}: incremental merge`, notYet });
    c.incremental = { ...incremental, mode: incremental.output ? lastRunMode(db, afterMonth.length) : null };
    if (c.incremental.mode === 'full')
      sink.note(`${label}: the second merge ran as a full run, not incremental`);

    c.search = await search(ctx, db, label, sink);
    return c;
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal', '-staging']) {
      await rm(`${db}${suffix}`, { force: true, recursive: true });
    }
  }
}

/**
 * `customers --search` when the CLI offers it (a name, phone digits, a buyer key); otherwise the
 * first 50 customers as a plain listing, labelled as such; nothing when `customers` fails.
 */
async function search(
  ctx: SuiteContext,
  db: string,
  label: string,
  sink: CheckSink,
): Promise<MergeCase['search']> {
  const { params, workDir } = ctx;
  const searchable = await helpMentions(params.cli, ['customers'], '--search');
  const queries = searchable
    ? [
        ['--search', '张', '--limit', '50'],
        ['--search', '5678', '--limit', '50'],
        ['--search', 'tb', '--limit', '50'],
      ]
    : [['--limit', '50']];
  const runs: SearchResult[] = [];
  for (const args of queries) {
    const run = await runCustomers({
      cli: params.cli,
      db,
      args,
      workDir,
      timeoutS: params.timeoutS,
      step: `${label}: customers ${args.join(' ')}`,
      sink: { failure: (m) => sink.note(m), note: (m) => sink.note(m) },
    });
    if (run) runs.push(run);
  }
  if (!searchable) sink.note(`${label}: huike customers has no --search option: search latency not measured`);
  return runs.length > 0 ? { kind: searchable ? 'search' : 'list', runs } : null;
}

const COLUMNS = [
  'accounts',
  'orders',
  'import s',
  'merge s',
  'engine ms',
  'merge peak MB',
  'accounts (db)',
  'customers',
  'auto-merged',
  'review queue',
  'month: new accounts',
  'month import s',
  'incremental merge s',
  'engine ms (incr.)',
  'search ms (CLI wall)',
  'search ms (query)',
];

function row(c: MergeCase): string[] {
  const s = c.scratch?.output;
  const i = c.incremental?.output;
  const searchWall = median(c.search?.runs.map((r) => r.wallS * 1000) ?? []);
  const searchQuery = median((c.search?.runs ?? []).flatMap((r) => (r.queryMs === null ? [] : [r.queryMs])));
  const searchCell = (v: number | null) =>
    c.search === null
      ? 'not measured'
      : c.search.kind === 'list'
        ? `${fmtMs(v)} (list, no search)`
        : fmtMs(v);
  return [
    sizeLabel(c.accounts),
    fmtInt(c.dataset.orders),
    fmtSeconds(c.import?.wallS),
    s ? fmtSeconds(c.scratch!.wallS) : c.scratch?.error?.code === 'cli.notYet' ? 'not available' : '–',
    fmtInt(s?.durationMs),
    fmtMB(s ? c.scratch!.peakRssBytes : null, 0),
    fmtInt(s?.accounts),
    fmtInt(s?.customers),
    fmtInt(s?.autoMerged),
    fmtInt(s?.reviewQueue),
    fmtInt(c.monthAccounts),
    fmtSeconds(c.monthImport?.wallS),
    i ? fmtSeconds(c.incremental!.wallS) : '–',
    fmtInt(i?.durationMs),
    searchCell(searchWall),
    c.search === null ? 'not measured' : searchQuery === null ? 'not reported' : fmtMs(searchQuery),
  ];
}

/**
 * The speed targets, judged on the engine's own durationMs (what the merge costs; the
 * table shows the whole process's wall time beside it) and on the query time the CLI reports for
 * a search. Only the 500k case counts; other sizes are for the trend.
 */
function targets(cases: readonly MergeCase[]): TargetCheck[] {
  const big = cases.find((c) => c.accounts === TARGET_SIZE);
  const sec = (ms: number | undefined) => (ms === undefined ? null : ms / 1000);
  const status = (v: number | null, limit: number): TargetCheck['status'] =>
    v === null ? 'not measured' : v < limit ? 'pass' : 'miss';
  const scratch = sec(big?.scratch?.output?.durationMs);
  // The month's new accounts are merged by the run the import itself starts; a `huike merge` after
  // it has nothing left to do, so it is judged only when the import ran no merge.
  const during = big?.monthImport?.mergedDuringImport?.stats.durationMs;
  const incremental = sec(typeof during === 'number' ? during : big?.incremental?.output?.durationMs);
  const query =
    big?.search?.kind === 'search'
      ? median(big.search.runs.flatMap((r) => (r.queryMs === null ? [] : [r.queryMs])))
      : null;
  const where = big
    ? `${sizeLabel(TARGET_SIZE)} accounts`
    : `${sizeLabel(TARGET_SIZE)} accounts (not run: --sizes 500k)`;
  return [
    {
      target: `merge from scratch < ${SCRATCH_LIMIT_S} s`,
      case: where,
      value: scratch === null ? '–' : `${scratch.toFixed(1)} s`,
      status: status(scratch, SCRATCH_LIMIT_S),
    },
    {
      target: `incremental merge of a month's import (${sizeLabel(monthAccountsFor(TARGET_SIZE))} new accounts) < ${INCREMENTAL_LIMIT_S} s`,
      case: where,
      value: incremental === null ? '–' : `${incremental.toFixed(2)} s`,
      status: status(incremental, INCREMENTAL_LIMIT_S),
    },
    {
      target: `customer search < ${SEARCH_LIMIT_MS} ms (the query time the CLI reports)`,
      case: where,
      value: query === null ? '–' : `${query.toFixed(1)} ms`,
      status: status(query, SEARCH_LIMIT_MS),
    },
  ];
}

export const mergeSuite: Suite = {
  name: 'merge',
  description:
    'buyer merge: from scratch, incremental after a month, customer search (identity benchmark data)',
  async run(ctx): Promise<SuiteResult> {
    const failures: string[] = [];
    const notes: string[] = [];
    const sink: CheckSink = { failure: (m) => failures.push(m), note: (m) => notes.push(m) };
    const cases: MergeCase[] = [];
    for (const accounts of ctx.params.sizes) cases.push(await runCase(ctx, accounts, sink));
    notes.push(
      'Sizes are buyer accounts as the identity generator draws them (default preset); the database may hold more (拼多多/抖店 receiver accounts) or fewer (ciphertext orders have none): see accounts (db). Targets are judged on the engine’s durationMs.',
    );
    return {
      suite: 'merge',
      title: 'Buyer merge',
      measurements: cases,
      table: { columns: COLUMNS, rows: cases.map(row) },
      targets: targets(cases),
      failures,
      notes,
    };
  },
};
