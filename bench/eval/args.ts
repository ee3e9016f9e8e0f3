/** The command line of `npm run eval:merge` (bench/eval-merge.ts). */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PRESET_NAMES, isPresetName, type PresetName, type SizeSpec } from '../identity/params.js';
import { DEFAULT_CLI, DEFAULT_DATA_DIR, DEFAULT_RESULTS_DIR } from '../lib/paths.js';
import { parseSize } from '../lib/units.js';

export const EVAL_USAGE = `usage: npm run eval:merge -- [options]

  --orders LIST     orders in the generated files: 10k,100k or plain numbers (default 10k)
  --persons LIST    size by persons instead (e.g. 300); not with --orders
  --presets LIST    ${PRESET_NAMES.join(',')} or all (default: default)
  --seed LIST       generator seeds: tune on one, report on others (default 1)
  --out DIR         where results go (default bench/results, files merge-latest.*; smoke: a temp folder)
  --cli PATH        the huike CLI entry (default main/cli/bin.mjs, or $HUIKE_BENCH_CLI)
  --data DIR        cache of generated datasets (default bench/.data)
  --timeout S       kill a command after S seconds (default: never; smoke: 300)
  --keep DIR        keep each case's database in DIR (to inspect the merge)
  --strict          exit 1 when a target is missed, not only on a failure
  --smoke           300 persons, the default preset: checks the harness and the engine run
  -h, --help`;

export interface EvalOptions {
  sizes: SizeSpec[];
  presets: PresetName[];
  seeds: number[];
  outDir: string;
  cli: string;
  dataDir: string;
  timeoutS: number;
  keepDir: string | null;
  strict: boolean;
  smoke: boolean;
  help: boolean;
}

export class EvalUsageError extends Error {}

const SMOKE_PERSONS = 300;

function list(value: string | undefined): string[] | null {
  return value === undefined
    ? null
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}

function sizes(unit: SizeSpec['unit'], texts: string[]): SizeSpec[] {
  return texts.map((text) => {
    const count = parseSize(text);
    if (count === null)
      throw new EvalUsageError(`--${unit}: 「${text}」 is not a size (10k, 100k or a number)`);
    return { unit, count };
  });
}

export function parseEvalArgs(argv: readonly string[]): EvalOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        orders: { type: 'string' },
        persons: { type: 'string' },
        presets: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        cli: { type: 'string' },
        data: { type: 'string' },
        timeout: { type: 'string' },
        keep: { type: 'string' },
        strict: { type: 'boolean' },
        smoke: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new EvalUsageError((error as Error).message);
  }
  const smoke = values.smoke ?? false;
  if (values.orders !== undefined && values.persons !== undefined) {
    throw new EvalUsageError('--orders and --persons: give one of them');
  }
  const orders = list(values.orders);
  const persons = list(values.persons);
  const sizeSpecs = orders
    ? sizes('orders', orders)
    : persons
      ? sizes('persons', persons)
      : smoke
        ? [{ unit: 'persons' as const, count: SMOKE_PERSONS }]
        : [{ unit: 'orders' as const, count: 10_000 }];

  const presetNames = list(values.presets) ?? ['default'];
  const presets = presetNames.includes('all')
    ? [...PRESET_NAMES]
    : presetNames.map((name) => {
        if (!isPresetName(name))
          throw new EvalUsageError(`--presets: unknown preset ${name} (${PRESET_NAMES.join(', ')})`);
        return name;
      });

  const int = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 0)
      throw new EvalUsageError(`--${name} ${value}: expected an integer ≥ 0`);
    return n;
  };

  return {
    sizes: sizeSpecs,
    presets: [...new Set(presets)],
    seeds: [...new Set((list(values.seed) ?? ['1']).map((text) => int('seed', text, 1)))],
    // Smoke numbers are not results: they never replace bench/results/merge-latest.*.
    outDir: path.resolve(
      values.out ?? (smoke ? path.join(os.tmpdir(), 'huike-eval-merge-smoke') : DEFAULT_RESULTS_DIR),
    ),
    cli: path.resolve(values.cli ?? (process.env.HUIKE_BENCH_CLI || DEFAULT_CLI)),
    dataDir: path.resolve(values.data ?? DEFAULT_DATA_DIR),
    timeoutS: int('timeout', values.timeout, smoke ? 300 : 0),
    keepDir: values.keep ? path.resolve(values.keep) : null,
    strict: values.strict ?? false,
    smoke,
    help: values.help ?? false,
  };
}
