/**
 * The measured commands of the merge harness (eval:merge and the bench's merge suite): import a
 * dataset's files into a database, run the merge, time a customer search. Each runs as its own
 * process, timed from outside with its peak memory (lib/measure.ts); failures go to the sink with
 * the CLI's own words, so "not available yet" reads as exactly that.
 */
import path from 'node:path';
import type { Dataset, DatasetFile } from '../identity/dataset.js';
import type { Phase } from '../identity/world.js';
import {
  importArgv,
  mergeArgv,
  parseCliError,
  parseImportOutput,
  parseMergeOutput,
  type ImportBatch,
  type MergeOutput,
} from '../lib/huike-cli.js';
import { describeFailure, ok, runMeasured, type ProcessResult } from '../lib/measure.js';
import { displayArgv } from '../lib/paths.js';
import { checkImport, type CheckSink, type CheckedFile } from '../suites/import-checks.js';
import { childEnv } from '../suites/import-trial.js';

export interface Measured {
  argv: string[];
  wallS: number;
  peakRssBytes: number | null;
}

function measured(run: ProcessResult): Measured {
  return { argv: displayArgv(run.argv), wallS: run.wallS, peakRssBytes: run.peakRssBytes };
}

export function phaseFiles(dataset: Dataset, phase: Phase): (CheckedFile & DatasetFile)[] {
  return dataset.meta.files
    .filter((f) => f.phase === phase)
    .map((f) => ({ ...f, path: path.join(dataset.dir, f.path) }));
}

export interface ImportResult extends Measured {
  batches: ImportBatch[];
  rows: number;
  ordersInserted: number;
}

/**
 * Imports the files in one CLI call, letting the importer detect each file's layout (which also
 * checks detection), and checks every row was imported.
 */
export async function importDataset(options: {
  cli: string;
  db: string;
  files: readonly CheckedFile[];
  workDir: string;
  timeoutS: number;
  step: string;
  sink: CheckSink;
}): Promise<ImportResult | null> {
  const { cli, db, files, workDir, timeoutS, step, sink } = options;
  const run = await runMeasured(
    importArgv(
      cli,
      db,
      files.map((f) => f.path),
    ),
    { env: childEnv(workDir, null), timeoutS },
  );
  if (!ok(run)) {
    sink.failure(`${step}: ${describeFailure(run)}`);
    return null;
  }
  let batches: ImportBatch[];
  try {
    batches = parseImportOutput(run.stdout);
  } catch (error) {
    sink.failure(`${step}: ${(error as Error).message}`);
    return null;
  }
  checkImport(step, files, batches, 'fresh', sink);
  return {
    ...measured(run),
    batches,
    rows: batches.reduce((n, b) => n + b.rows, 0),
    ordersInserted: batches.reduce((n, b) => n + b.orders.inserted, 0),
  };
}

export interface MergeResult extends Measured {
  output: MergeOutput | null;
  /** The CLI's error when the merge failed (cli.notYet until the engine exists). */
  error: { code: string; message: string } | null;
}

/**
 * `huike merge --json`; a failure is said in the CLI's words and recorded as a failure — or, with
 * `notYet: 'note'`, a merge that is not there yet as a note (the bench smoke run checks the harness,
 * not a feature another branch is building).
 */
export async function runMerge(options: {
  cli: string;
  db: string;
  workDir: string;
  timeoutS: number;
  step: string;
  sink: CheckSink;
  notYet?: 'failure' | 'note';
}): Promise<MergeResult> {
  const { cli, db, workDir, timeoutS, step, sink } = options;
  const run = await runMeasured(mergeArgv(cli, db), { env: childEnv(workDir, null), timeoutS });
  if (!ok(run)) {
    const error = parseCliError(run.stdout);
    if (error?.code === 'cli.notYet') {
      const message = `${step}: huike merge is not available yet (${error.code}: ${error.message}) — nothing was merged, nothing is measured`;
      if (options.notYet === 'note') sink.note(message);
      else sink.failure(message);
    } else {
      sink.failure(`${step}: ${describeFailure(run)}${error ? ` (${error.code}: ${error.message})` : ''}`);
    }
    return {
      ...measured(run),
      output: null,
      error: error ?? { code: 'failed', message: describeFailure(run) },
    };
  }
  try {
    return { ...measured(run), output: parseMergeOutput(run.stdout), error: null };
  } catch (error) {
    sink.failure(`${step}: ${(error as Error).message}`);
    return {
      ...measured(run),
      output: null,
      error: { code: 'bad-output', message: (error as Error).message },
    };
  }
}

export interface SearchResult extends Measured {
  /** The query time the CLI reports in its JSON (durationMs / tookMs), when it does. */
  queryMs: number | null;
  rows: number | null;
}

/** One `huike customers --json …` call: wall time always, the query time when the CLI says it. */
export async function runCustomers(options: {
  cli: string;
  db: string;
  args: readonly string[];
  workDir: string;
  timeoutS: number;
  step: string;
  sink: CheckSink;
}): Promise<SearchResult | null> {
  const { cli, db, args, workDir, timeoutS, step, sink } = options;
  const argv = [process.execPath, cli, '--db', db, 'customers', ...args, '--json'];
  const run = await runMeasured(argv, { env: childEnv(workDir, null), timeoutS });
  if (!ok(run)) {
    const error = parseCliError(run.stdout);
    sink.failure(`${step}: ${describeFailure(run)}${error ? ` (${error.code}: ${error.message})` : ''}`);
    return null;
  }
  let queryMs: number | null = null;
  let rows: number | null = null;
  try {
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    for (const name of ['durationMs', 'tookMs', 'queryMs']) {
      if (typeof json[name] === 'number') queryMs = json[name];
    }
    if (Array.isArray(json.customers)) rows = json.customers.length;
  } catch {
    sink.failure(`${step}: customers --json did not print JSON: ${run.stdout.slice(0, 200)}`);
    return null;
  }
  return { ...measured(run), queryMs, rows };
}
