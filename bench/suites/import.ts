/**
 * The `import` suite: how fast the real `huike import` command is on generated exports, against
 * two baselines measured in the same run on the same files — the sqlite3 shell's `.import` (the
 * bare cost of storing the rows) and papaparse in a plain Node process (the bare cost of reading
 * them). Ratios to the baselines travel across machines far better than seconds do.
 *
 * Per format and size, and for all formats in one CLI call:
 *   import                fresh database: wall time, rows/s, MB/s, peak memory, CLI-reported stats
 *   re-import             the same file into the same database (everything unchanged)
 *   preview               `import --dry-run` on a fresh database, when the CLI has it
 *   commit after preview  `import` of the same file right after the preview, same database
 *   sqlite3 .import, papaparse
 */
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { ensureDataFile, type BenchFormat, type DataFile, type FileEncoding } from '../generate/index.js';
import { supportsDryRun, type CliStats } from '../lib/huike-cli.js';
import { ok } from '../lib/measure.js';
import { MB, maxOrNull, median, ratio, round, sizeLabel } from '../lib/units.js';
import { displayArgv } from '../lib/paths.js';
import { sqliteVersion } from '../baselines/sqlite.js';
import { totals, type CheckSink } from './import-checks.js';
import { importTable, importTargets } from './import-report.js';
import { runTrial, warmPageCache, type Capabilities, type StepRun, type Trial } from './import-trial.js';
import type { Suite, SuiteContext, SuiteResult } from './types.js';

/** One measured step, over all trials: the median time, the highest memory. */
export interface Timed {
  wallS: number;
  /** Peak resident memory of the process (VmHWM), bytes; null where it cannot be read. */
  peakRssBytes: number | null;
}

/** A step of the huike CLI: also what it reported about itself (all null when it did not). */
interface CliTimed extends Timed {
  cli: CliStats;
}

type Totals = ReturnType<typeof totals>;

export interface ImportCaseFile {
  format: BenchFormat;
  label: string;
  file: string;
  encoding: FileEncoding;
  bytes: number;
  rows: number;
  orders: number;
  generatedS: number | null;
}

export interface ImportCase {
  /** A format, or `all`: every format's file in one CLI call. */
  format: BenchFormat | 'all';
  size: number;
  rows: number;
  bytes: number;
  orders: number;
  files: ImportCaseFile[];
  trials: number;
  import: (CliTimed & Totals & { rowsPerS: number; mbPerS: number }) | null;
  reimport: (CliTimed & Totals) | null;
  preview: CliTimed | null;
  commitAfterPreview: (CliTimed & Totals) | null;
  sqliteImport: (Timed & { rows: number | null }) | null;
  papaparse: (Timed & { rows: number | null }) | null;
  ratios: {
    importToSqlite: number | null;
    importToPapaparse: number | null;
    reimportToImport: number | null;
    commitAfterPreviewToImport: number | null;
  };
  /** The first trial's command lines (its temporary paths included), to rerun one by hand. */
  commands: Record<string, string[]>;
  failures: string[];
  notes: string[];
}

export const importSuite: Suite = {
  name: 'import',
  description: 'huike import of generated exports, against sqlite3 .import and papaparse',
  async run(ctx: SuiteContext): Promise<SuiteResult> {
    const { params } = ctx;
    const failures: string[] = [];
    const notes: string[] = [];

    const version = await sqliteVersion();
    if (version === null) {
      const message =
        'sqlite3 shell not found, so the sqlite3 .import baseline is missing: install it (Debian: apt-get install sqlite3) or set HUIKE_BENCH_SQLITE3';
      // The smoke run exists to prove the whole harness works, baselines included.
      (params.smoke ? failures : notes).push(message);
      ctx.log(message);
    }
    const help = await supportsDryRun(params.cli);
    const caps: Capabilities = { dryRun: help.dryRun, sqlite: version !== null };
    if (help.problem) failures.push(`huike import --help failed: ${help.problem}`);
    else if (!caps.dryRun) notes.push('preview not measured: `huike import --help` lists no --dry-run');

    const cases: ImportCase[] = [];
    for (const size of params.sizes) {
      const files: DataFile[] = [];
      for (const format of params.formats) {
        files.push(await ensureDataFile(params.dataDir, format, size, params.seed, ctx.log));
      }
      for (const file of files) cases.push(await measureCase(ctx, caps, file.format, [file]));
      if (params.includeAll && files.length > 1) cases.push(await measureCase(ctx, caps, 'all', files));
    }

    if (cases.some((c) => c.import) && !cases.some((c) => c.import?.cli.reported)) {
      notes.push(
        'the CLI wrote no HUIKE_BENCH_STATS file: event-loop delay and CLI-reported memory are null',
      );
    }
    for (const c of cases) {
      failures.push(...c.failures);
      notes.push(...c.notes);
    }
    return {
      suite: 'import',
      title: 'Import',
      measurements: cases,
      table: importTable(cases),
      targets: importTargets(cases),
      failures,
      notes,
    };
  },
};

async function measureCase(
  ctx: SuiteContext,
  caps: Capabilities,
  format: BenchFormat | 'all',
  files: DataFile[],
): Promise<ImportCase> {
  const { params } = ctx;
  const size = files[0]!.size;
  const tag = `${format} ${sizeLabel(size)}`;
  // A Set: with --repeat, the same failure in every trial is reported once.
  const failures = new Set<string>();
  const notes = new Set<string>();
  const sink: CheckSink = {
    failure: (m) => failures.add(`[${tag}] ${m}`),
    note: (m) => notes.add(`[${tag}] ${m}`),
  };
  await warmPageCache(files);

  const trials: Trial[] = [];
  const commands: Record<string, string[]> = {};
  for (let t = 0; t < params.repeat; t++) {
    ctx.log(`${tag}: measuring${params.repeat > 1 ? `, trial ${t + 1}/${params.repeat}` : ''}`);
    const dir = await mkdtemp(path.join(ctx.workDir, `${format}-${size}-`));
    try {
      trials.push(
        await runTrial({ params, caps, format, files, dir, sink, commands: t === 0 ? commands : null }),
      );
    } finally {
      // Databases of 1m rows are hundreds of MB: never keep more than one trial's on disk.
      await rm(dir, { recursive: true, force: true });
    }
  }

  const rows = files.reduce((n, f) => n + f.rows, 0);
  const bytes = files.reduce((n, f) => n + f.bytes, 0);
  const pick = (key: keyof Trial) => trials.map((t) => t[key]);
  const imp = aggregate(pick('import'));
  const again = aggregate(pick('reimport'));
  const preview = aggregate(pick('preview'));
  const commit = aggregate(pick('commit'));
  const sqlite = aggregate(pick('sqlite'));
  const papa = aggregate(pick('papaparse'));
  const rowsOf = (steps: (StepRun | null)[]) => steps.findLast((s) => s !== null)?.rows ?? null;

  return {
    format,
    size,
    rows,
    bytes,
    orders: files.reduce((n, f) => n + f.orders, 0),
    files: files.map((f) => ({
      format: f.format,
      label: f.label,
      file: path.basename(f.path),
      encoding: f.encoding,
      bytes: f.bytes,
      rows: f.rows,
      orders: f.orders,
      generatedS: f.generatedS,
    })),
    trials: params.repeat,
    import: imp?.totals
      ? {
          ...imp.timed,
          cli: imp.cli,
          ...imp.totals,
          rowsPerS: round(rows / imp.timed.wallS, 0),
          mbPerS: round(bytes / MB / imp.timed.wallS, 2),
        }
      : null,
    reimport: again?.totals ? { ...again.timed, cli: again.cli, ...again.totals } : null,
    preview: preview ? { ...preview.timed, cli: preview.cli } : null,
    commitAfterPreview: commit?.totals ? { ...commit.timed, cli: commit.cli, ...commit.totals } : null,
    sqliteImport: sqlite ? { ...sqlite.timed, rows: rowsOf(pick('sqlite')) } : null,
    papaparse: papa ? { ...papa.timed, rows: rowsOf(pick('papaparse')) } : null,
    ratios: {
      importToSqlite: round(ratio(imp?.timed.wallS, sqlite?.timed.wallS)),
      importToPapaparse: round(ratio(imp?.timed.wallS, papa?.timed.wallS)),
      reimportToImport: round(ratio(again?.timed.wallS, imp?.timed.wallS)),
      commitAfterPreviewToImport: round(ratio(commit?.timed.wallS, imp?.timed.wallS)),
    },
    commands: Object.fromEntries(Object.entries(commands).map(([step, argv]) => [step, displayArgv(argv)])),
    failures: [...failures],
    notes: [...notes],
  };
}

/**
 * A step over all trials: the median wall time of the runs that succeeded, the highest memory,
 * the last trial's CLI stats and import counts. null when no run of it succeeded.
 */
function aggregate(steps: (StepRun | null)[]): { timed: Timed; cli: CliStats; totals: Totals | null } | null {
  const done = steps.filter((s): s is StepRun => s !== null && ok(s.run));
  const wallS = median(done.map((s) => s.run.wallS));
  const last = done.at(-1);
  if (wallS === null || !last) return null;
  return {
    timed: {
      wallS: round(wallS),
      // The process's own high-water mark; where /proc is missing, what the CLI says about itself.
      peakRssBytes: maxOrNull(done.map((s) => s.run.peakRssBytes ?? s.stats.maxRssBytes)),
    },
    cli: last.stats,
    totals: last.batches ? totals(last.batches) : null,
  };
}
