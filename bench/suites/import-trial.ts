/**
 * One trial of one import case: every measured command, in a scratch folder of its own, with the
 * sanity checks applied as results come in. Commands run one after another, never in parallel:
 * on a 2-core machine two measured processes would time each other.
 */
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BenchFormat, DataFile } from '../generate/index.js';
import {
  importArgv,
  parseImportOutput,
  previewRows,
  readCliStats,
  NO_STATS,
  type CliStats,
  type ImportBatch,
} from '../lib/huike-cli.js';
import { describeFailure, ok, runMeasured, type ProcessResult } from '../lib/measure.js';
import { papaparseCount, papaparseRows } from '../baselines/papaparse.js';
import { sqliteImport, sqliteRowCount } from '../baselines/sqlite.js';
import { checkImport, totals, type CheckSink } from './import-checks.js';
import type { BenchParams } from './types.js';

export interface Capabilities {
  /** `huike import --dry-run` exists. */
  dryRun: boolean;
  /** The sqlite3 shell is installed. */
  sqlite: boolean;
}

/** What one successful command produced. */
export interface StepRun {
  run: ProcessResult;
  /** What the CLI reported through HUIKE_BENCH_STATS (all null for the baselines). */
  stats: CliStats;
  /** The import's --json batches (null for the preview and the baselines). */
  batches: ImportBatch[] | null;
  /** Rows a baseline read (null for the CLI steps). */
  rows: number | null;
}

/** Each step: null when it failed or did not run (the failure is in the sink). */
export interface Trial {
  import: StepRun | null;
  reimport: StepRun | null;
  preview: StepRun | null;
  commit: StepRun | null;
  sqlite: StepRun | null;
  papaparse: StepRun | null;
}

export async function runTrial(options: {
  params: BenchParams;
  caps: Capabilities;
  format: BenchFormat | 'all';
  files: readonly DataFile[];
  dir: string;
  sink: CheckSink;
  /** Filled with each step's command line (the first trial's, for the results). */
  commands: Record<string, string[]> | null;
}): Promise<Trial> {
  const { params, caps, format, files, dir, sink, commands } = options;
  const paths = files.map((f) => f.path);
  const rows = files.reduce((n, f) => n + f.rows, 0);
  // One file: name its format, as a script would. All files: let the importer detect each one,
  // which also checks that detection recognises every generated layout.
  const platform = format === 'all' ? undefined : format;
  const cli = (db: string, dryRun = false) => importArgv(params.cli, db, paths, { platform, dryRun });

  const step = async (name: string, argv: string[], parse: boolean): Promise<StepRun | null> => {
    if (commands) commands[name] = argv;
    const statsPath = path.join(dir, `stats-${name}.json`);
    const run = await runMeasured(argv, { env: childEnv(dir, statsPath), timeoutS: params.timeoutS });
    const { stats, note } = await readCliStats(statsPath);
    if (note) sink.note(`${name}: ${note}`);
    if (!ok(run)) {
      sink.failure(`${name}: ${describeFailure(run)}`);
      return null;
    }
    if (!parse) return { run, stats, batches: null, rows: null };
    try {
      return { run, stats, batches: parseImportOutput(run.stdout), rows: null };
    } catch (error) {
      sink.failure(`${name}: ${(error as Error).message}`);
      return null;
    }
  };

  const trial: Trial = {
    import: null,
    reimport: null,
    preview: null,
    commit: null,
    sqlite: null,
    papaparse: null,
  };

  const db = path.join(dir, 'import.db');
  trial.import = await step('import', cli(db), true);
  if (trial.import?.batches) {
    checkImport('import', files, trial.import.batches, 'fresh', sink);
    trial.reimport = await step('re-import', cli(db), true);
    if (trial.reimport?.batches) checkImport('re-import', files, trial.reimport.batches, 'again', sink);
  }
  await removeDb(db);

  if (caps.dryRun) {
    const previewDb = path.join(dir, 'preview.db');
    trial.preview = await step('preview', cli(previewDb, true), false);
    if (trial.preview) {
      const seen = previewRows(trial.preview.run.stdout);
      if (seen !== null && seen !== rows) sink.failure(`preview: ${seen} rows reported, ${rows} generated`);
      trial.commit = await step('commit-after-preview', cli(previewDb), true);
      if (trial.commit?.batches) {
        checkImport('commit-after-preview', files, trial.commit.batches, 'fresh', sink);
        // A preview writes nothing: the commit after it inserts what a fresh import inserts.
        const fresh = trial.import?.batches;
        const inserted = totals(trial.commit.batches).orders.inserted;
        if (fresh && totals(fresh).orders.inserted !== inserted) {
          sink.failure(
            `commit-after-preview inserted ${inserted} orders, a fresh import ${totals(fresh).orders.inserted}: did the preview write?`,
          );
        }
      }
    }
    await removeDb(previewDb);
  }

  if (caps.sqlite) {
    const sqliteDb = path.join(dir, 'sqlite.db');
    const run = await sqliteImport(sqliteDb, paths, { env: childEnv(dir, null), timeoutS: params.timeoutS });
    if (commands) commands['sqlite3 .import'] = run.argv;
    if (ok(run)) {
      const stored = await sqliteRowCount(sqliteDb, paths.length);
      if (stored !== rows) sink.failure(`sqlite3 .import stored ${stored ?? 'no'} rows, ${rows} generated`);
      trial.sqlite = { run, stats: NO_STATS, batches: null, rows: stored };
    } else {
      sink.failure(`sqlite3 .import: ${describeFailure(run)}`);
    }
    await removeDb(sqliteDb);
  }

  const papa = await papaparseCount(files, { env: childEnv(dir, null), timeoutS: params.timeoutS });
  if (commands) commands.papaparse = papa.argv;
  if (ok(papa)) {
    const counted = papaparseRows(papa);
    if (counted !== rows) sink.failure(`papaparse counted ${counted ?? 'no'} rows, ${rows} generated`);
    trial.papaparse = { run: papa, stats: NO_STATS, batches: null, rows: counted };
  } else {
    sink.failure(`papaparse: ${describeFailure(papa)}`);
  }
  return trial;
}

/**
 * The environment of every measured command: temporary files (the CLI's staging copies, the
 * sqlite shell's spill files) go into the trial's folder, which is removed afterwards; a HUIKE_DB
 * from the caller's shell must never point an import at a real database.
 */
export function childEnv(dir: string, statsPath: string | null): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: dir, TMP: dir, TEMP: dir };
  delete env.HUIKE_DB;
  delete env.HUIKE_BENCH_STATS;
  if (statsPath) env.HUIKE_BENCH_STATS = statsPath;
  return env;
}

/**
 * A database is deleted as soon as its steps are done: at 1m rows each is hundreds of MB, and the
 * `all` case would otherwise hold several on disk at once.
 */
async function removeDb(db: string): Promise<void> {
  // -staging: the parsed rows Huike keeps beside the database; a later trial must read the file again.
  for (const suffix of ['', '-wal', '-shm', '-journal', '-staging'])
    await rm(`${db}${suffix}`, { force: true, recursive: true });
}

/**
 * Reads each file once before timing anything, so the first measured command does not pay for
 * the disk and the later ones do not profit from it: all of them read from the page cache.
 */
export async function warmPageCache(files: readonly DataFile[]): Promise<void> {
  const buffer = Buffer.alloc(1 << 20);
  for (const file of files) {
    const handle = await open(file.path, 'r');
    try {
      while ((await handle.read(buffer, 0, buffer.length)).bytesRead > 0) {
        // Nothing to do with the bytes: reading them is the point.
      }
    } finally {
      await handle.close();
    }
  }
}
