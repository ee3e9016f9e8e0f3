/**
 * The `huike` CLI as the benchmark sees it: a command line and a JSON document. This is the whole
 * interface the harness relies on (bench/README.md lists it), so the importer behind it can be
 * rewritten freely:
 *
 *   node bin.mjs --db DB import FILE... [--platform FMT] --json
 *     → exit 0, stdout {"batches":[{"rows","rowsImported","rowsRefused",
 *                        "orders":{"inserted","updated","unchanged"},"lines":{…},
 *                        optional "file", "platform", "problems" (or "skipped")}, …]}
 *   node bin.mjs import --help           → mentions --dry-run when previews are supported
 *   node bin.mjs --db DB import FILE... --dry-run --json   → exit 0 (the document is optional)
 *   env HUIKE_BENCH_STATS=PATH           → optionally, a JSON stats file written at exit
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { describeFailure, runMeasured } from './measure.js';

const counts = z.object({ inserted: z.number(), updated: z.number(), unchanged: z.number() });

/**
 * A refused row, only used to explain a failure: read leniently, so a change in its shape never
 * turns into a harness failure. The list is optional, `problems` (or `skipped` in older builds).
 */
const problem = z.object({
  row: z.number().nullish(),
  column: z.string().nullish(),
  reason: z.string().nullish(),
});

const batch = z.object({
  file: z.string().nullish(),
  platform: z.string().nullish(),
  rows: z.number(),
  rowsImported: z.number(),
  rowsRefused: z.number(),
  orders: counts,
  lines: counts,
  problems: z.array(problem).optional(),
  skipped: z.array(problem).optional(),
});

const importOutput = z.object({ batches: z.array(batch) });

export type ImportBatch = z.infer<typeof batch>;
export type ImportCounts = z.infer<typeof counts>;

/** The --json document of `import`; throws with a readable reason when it is not one. */
export function parseImportOutput(stdout: string): ImportBatch[] {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw new Error(`import --json did not print JSON: ${stdout.slice(0, 200)}`);
  }
  const parsed = importOutput.safeParse(json);
  if (!parsed.success)
    throw new Error(`import --json printed an unexpected document: ${parsed.error.message}`);
  return parsed.data.batches;
}

/**
 * Rows a --dry-run document reports, when it reports them: the preview's shape belongs to the
 * importer, so any array of objects with a numeric `rows` under batches/files/previews counts.
 */
export function previewRows(stdout: string): number | null {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  for (const key of ['batches', 'files', 'previews']) {
    const list = (json as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    let sum = 0;
    for (const item of list) {
      const rows = (item as { rows?: unknown } | null)?.rows;
      if (typeof rows !== 'number') return null;
      sum += rows;
    }
    return sum;
  }
  return null;
}

const statsFile = z.object({
  maxRssBytes: z.number().nullish(),
  eventLoop: z
    .object({ p50Ms: z.number().nullish(), p99Ms: z.number().nullish(), maxMs: z.number().nullish() })
    .nullish(),
  phases: z.record(z.string(), z.unknown()).nullish(),
});

/** What the CLI reports about itself through HUIKE_BENCH_STATS; every field null when it did not. */
export interface CliStats {
  /** The CLI wrote the file. */
  reported: boolean;
  maxRssBytes: number | null;
  eventLoopP50Ms: number | null;
  eventLoopP99Ms: number | null;
  eventLoopMaxMs: number | null;
  phases: Record<string, unknown> | null;
}

export const NO_STATS: CliStats = {
  reported: false,
  maxRssBytes: null,
  eventLoopP50Ms: null,
  eventLoopP99Ms: null,
  eventLoopMaxMs: null,
  phases: null,
};

/**
 * Reads the stats file if the CLI wrote one. A missing file is normal (a CLI that does not support
 * it yet); an unreadable one is reported as a note by the caller, not as a failure.
 */
export async function readCliStats(path: string): Promise<{ stats: CliStats; note: string | null }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { stats: NO_STATS, note: null };
  }
  try {
    const s = statsFile.parse(JSON.parse(text));
    return {
      stats: {
        reported: true,
        maxRssBytes: s.maxRssBytes ?? null,
        eventLoopP50Ms: s.eventLoop?.p50Ms ?? null,
        eventLoopP99Ms: s.eventLoop?.p99Ms ?? null,
        eventLoopMaxMs: s.eventLoop?.maxMs ?? null,
        phases: s.phases ?? null,
      },
      note: null,
    };
  } catch (error) {
    return { stats: NO_STATS, note: `HUIKE_BENCH_STATS file unreadable: ${(error as Error).message}` };
  }
}

/**
 * Whether `import` has a --dry-run (preview) mode: asked, not assumed, so older builds can still
 * be measured. `problem` says why the question could not be answered (a CLI that does not start).
 */
export async function supportsDryRun(cli: string): Promise<{ dryRun: boolean; problem: string | null }> {
  const help = await runMeasured([process.execPath, cli, 'import', '--help'], { timeoutS: 60 });
  if (help.exitCode !== 0) return { dryRun: false, problem: describeFailure(help) };
  return { dryRun: /--dry-run\b/.test(help.stdout + help.stderr), problem: null };
}

export function importArgv(
  cli: string,
  db: string,
  files: readonly string[],
  options: { platform?: string; dryRun?: boolean } = {},
): string[] {
  return [
    process.execPath,
    cli,
    '--db',
    db,
    'import',
    ...files,
    ...(options.platform ? ['--platform', options.platform] : []),
    ...(options.dryRun ? ['--dry-run'] : []),
    '--json',
  ];
}

/**
 * The buyer merge (issue 9), as the harness sees it:
 *
 *   node bin.mjs --db DB merge --json
 *     → exit 0, stdout {"accounts","customers","autoMerged","reviewQueue","durationMs"}
 *   a command that is not there yet exits non-zero with {"error":{"code":"cli.notYet",…}}
 */
export function mergeArgv(cli: string, db: string): string[] {
  return [process.execPath, cli, '--db', db, 'merge', '--json'];
}

const mergeOutput = z.object({
  accounts: z.number(),
  customers: z.number(),
  autoMerged: z.number(),
  reviewQueue: z.number(),
  durationMs: z.number(),
});

export type MergeOutput = z.infer<typeof mergeOutput>;

/** The --json document of `merge`; throws with a readable reason when it is not one. */
export function parseMergeOutput(stdout: string): MergeOutput {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw new Error(`merge --json did not print JSON: ${stdout.slice(0, 200)}`);
  }
  const parsed = mergeOutput.safeParse(json);
  if (!parsed.success)
    throw new Error(`merge --json printed an unexpected document: ${parsed.error.message}`);
  return parsed.data;
}

/** `{"error":{"code","message"}}` from a failed --json command, or null when stdout is not one. */
export function parseCliError(stdout: string): { code: string; message: string } | null {
  try {
    const json = JSON.parse(stdout) as { error?: { code?: unknown; message?: unknown } };
    const e = json.error;
    if (e && typeof e.code === 'string') return { code: e.code, message: String(e.message ?? '') };
  } catch {
    // not a JSON error document
  }
  return null;
}

/** Whether `node <cli> <command> --help` lists `option` (e.g. `customers` `--search`). */
export async function helpMentions(cli: string, command: string[], option: string): Promise<boolean> {
  const run = await runMeasured([process.execPath, cli, ...command, '--help'], { timeoutS: 60 });
  return run.exitCode === 0 && run.stdout.includes(option);
}
