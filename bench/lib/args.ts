/** The command line of `npm run bench` (bench/run.ts). */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_FORMATS, isBenchFormat, type BenchFormat } from '../generate/index.js';
import type { BenchParams } from '../suites/types.js';
import { DEFAULT_CLI, DEFAULT_DATA_DIR, DEFAULT_RESULTS_DIR } from './paths.js';
import { parseSize } from './units.js';

export const USAGE = `usage: npm run bench -- [options]

  --sizes LIST      data rows per file: 10k,100k,1m or plain numbers (default 10k,100k)
  --formats LIST    ${BENCH_FORMATS.join(',')} (default: all of them)
  --suites LIST     which suites to run (default: all)
  --out DIR         where results go (default bench/results; smoke: a temp folder)
  --repeat N        trials per measurement: median time, highest memory (default 1)
  --seed N          generator seed (default 1)
  --timeout S       kill a measured command after S seconds (default: never; smoke: 120)
  --cli PATH        the huike CLI entry (default main/cli/bin.mjs, or $HUIKE_BENCH_CLI)
  --data DIR        cache of generated files (default bench/.data)
  --no-all          skip importing all formats' files in one call
  --generate-only   write the data files and stop
  --smoke           2000 rows, every format: checks the harness works (exit 1 on any failure)
  -h, --help`;

export interface RunOptions {
  params: BenchParams;
  suites: string[] | null;
  outDir: string;
  generateOnly: boolean;
  help: boolean;
}

/** The smoke size: big enough for multi-chunk reads, small enough for CI (< 60 s on 2 cores). */
export const SMOKE_SIZE = 2000;

export class UsageError extends Error {}

function list(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function positiveInt(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min)
    throw new UsageError(`--${name} ${value}: expected an integer ≥ ${min}`);
  return n;
}

export function parseCommandLine(argv: readonly string[]): RunOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        sizes: { type: 'string' },
        formats: { type: 'string' },
        suites: { type: 'string' },
        out: { type: 'string' },
        repeat: { type: 'string' },
        seed: { type: 'string' },
        timeout: { type: 'string' },
        cli: { type: 'string' },
        data: { type: 'string' },
        'no-all': { type: 'boolean' },
        'generate-only': { type: 'boolean' },
        smoke: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const smoke = values.smoke ?? false;

  const sizeTexts = list(values.sizes) ?? (smoke ? [String(SMOKE_SIZE)] : ['10k', '100k']);
  const sizes = sizeTexts.map((text) => {
    const n = parseSize(text);
    if (n === null) throw new UsageError(`--sizes: 「${text}」 is not a size (10k, 100k, 1m or a number)`);
    return n;
  });

  const formatNames = list(values.formats);
  const formats: BenchFormat[] =
    formatNames === null || formatNames.includes('all')
      ? [...BENCH_FORMATS]
      : formatNames.map((name) => {
          if (!isBenchFormat(name))
            throw new UsageError(`--formats: unknown format ${name} (${BENCH_FORMATS.join(', ')})`);
          return name;
        });

  return {
    params: {
      sizes: [...new Set(sizes)],
      formats: [...new Set(formats)],
      seed: positiveInt('seed', values.seed, 1, 0),
      repeat: positiveInt('repeat', values.repeat, 1),
      smoke,
      includeAll: !(values['no-all'] ?? false),
      timeoutS: positiveInt('timeout', values.timeout, smoke ? 120 : 0, 0),
      cli: path.resolve(values.cli ?? (process.env.HUIKE_BENCH_CLI || DEFAULT_CLI)),
      dataDir: path.resolve(values.data ?? DEFAULT_DATA_DIR),
    },
    suites: list(values.suites),
    // Smoke numbers are not benchmark results: they never overwrite bench/results/latest.*.
    outDir: path.resolve(
      values.out ?? (smoke ? path.join(os.tmpdir(), 'huike-bench-smoke') : DEFAULT_RESULTS_DIR),
    ),
    generateOnly: values['generate-only'] ?? false,
    help: values.help ?? false,
  };
}
