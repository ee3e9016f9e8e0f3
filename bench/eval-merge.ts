/**
 * `npm run eval:merge`: the labelled benchmark of the buyer merge (issue 9). For each preset and
 * size: generate persons, accounts and orders as real export files with the truth beside them
 * (cached in bench/.data), import them into a fresh database with the CLI, run `huike merge
 * --json`, read the database back (read-only) and score the customers against the truth. Writes
 * bench/results/merge-latest.{json,md} and prints the markdown.
 *
 * Exit codes: 0 done (targets are listed PASS / MISS); 1 a failure — a command failed, a check
 * did not hold, or the merge is not available yet — or, with --strict, a missed target;
 * 2 bad arguments or a harness error.
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EVAL_USAGE, EvalUsageError, parseEvalArgs, type EvalOptions } from './eval/args.js';
import { evaluate } from './eval/evaluate.js';
import { readDatabase } from './eval/read-db.js';
import { caseLabel, evalTargets, renderEvalMarkdown, type EvalCase, type EvalReport } from './eval/report.js';
import { importDataset, phaseFiles, runMerge } from './eval/steps.js';
import { loadTruth } from './eval/truth.js';
import { ensureDataset, datasetName } from './identity/dataset.js';
import type { PresetName, SizeSpec } from './identity/params.js';
import { machineInfo } from './lib/machine.js';
import { repoRelative } from './lib/paths.js';
import { prettyMarkdown, writeResults } from './lib/report.js';
import { sizeLabel } from './lib/units.js';

const log = (line: string) => process.stderr.write(`eval:merge: ${line}\n`);

interface Sink {
  failures: string[];
  notes: string[];
  failure(m: string): void;
  note(m: string): void;
}

function sink(): Sink {
  const s: Sink = {
    failures: [],
    notes: [],
    failure: (m) => {
      s.failures.push(m);
      log(`FAILURE ${m}`);
    },
    note: (m) => s.notes.push(m),
  };
  return s;
}

async function runCase(
  options: EvalOptions,
  preset: PresetName,
  size: SizeSpec,
  seed: number,
  workDir: string,
  out: Sink,
): Promise<EvalCase> {
  const spec = { preset, size, seed, monthNewAccounts: 0 };
  const dataset = await ensureDataset(options.dataDir, spec, log);
  const label = caseLabel({ preset, size, seed });
  const c: EvalCase = {
    preset,
    size,
    seed,
    dataset: { name: datasetName(spec), generatedS: dataset.generatedS, counts: dataset.meta.counts },
    import: null,
    merge: null,
    evaluation: null,
  };
  const db = path.join(workDir, `${preset}-${sizeLabel(size.count)}-seed${seed}.db`);
  log(`${label}: importing ${dataset.meta.counts.orders.base} orders`);
  const imported = await importDataset({
    cli: options.cli,
    db,
    files: phaseFiles(dataset, 'base'),
    workDir,
    timeoutS: options.timeoutS,
    step: `${label}: import`,
    sink: out,
  });
  if (!imported) return c;
  const { batches: _batches, ...importSummary } = imported;
  c.import = importSummary;

  log(`${label}: merging`);
  c.merge = await runMerge({
    cli: options.cli,
    db,
    workDir,
    timeoutS: options.timeoutS,
    step: `${label}: merge`,
    sink: out,
  });
  if (c.merge.output) {
    const snapshot = readDatabase(db);
    const evaluation = evaluate(snapshot, await loadTruth(dataset.dir, ['base']));
    c.evaluation = evaluation;
    const j = evaluation.join;
    if (j.unknownInDb > 0)
      out.failure(`${label}: ${j.unknownInDb} orders in the database are not in the truth`);
    if (j.missingInDb > 0)
      out.failure(`${label}: ${j.missingInDb} orders of the truth are not in the database`);
    const said = c.merge.output;
    if (said.accounts !== evaluation.accounts.total) {
      out.note(
        `${label}: merge --json says ${said.accounts} accounts, the database holds ${evaluation.accounts.total}`,
      );
    }
    if (snapshot.customers !== null && said.customers !== snapshot.customers) {
      out.note(
        `${label}: merge --json says ${said.customers} customers, the customers table holds ${snapshot.customers}`,
      );
    }
    if (!evaluation.links.available)
      out.note(`${label}: the database has no merge_links table: no review pairs`);
    if (evaluation.links.candidatePairs === null) {
      out.note(
        `${label}: blocking recall not measurable — the engine keeps only its auto and review pairs (merge_links), not every candidate pair; "true pairs linked directly" is a lower bound`,
      );
    }
  }
  if (options.keepDir) {
    await mkdir(options.keepDir, { recursive: true });
    // The CLI has closed the database; a -wal beside it still holds pages until a checkpoint.
    for (const suffix of ['', '-wal']) {
      if (existsSync(`${db}${suffix}`))
        await cp(`${db}${suffix}`, path.join(options.keepDir, path.basename(db) + suffix));
    }
  }
  return c;
}

async function main(argv: readonly string[]): Promise<number> {
  let options: EvalOptions;
  try {
    options = parseEvalArgs(argv);
  } catch (error) {
    if (!(error instanceof EvalUsageError)) throw error;
    process.stderr.write(`eval:merge: ${error.message}\n\n${EVAL_USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${EVAL_USAGE}\n`);
    return 0;
  }

  const date = new Date();
  const machine = await machineInfo();
  const out = sink();
  const cases: EvalCase[] = [];
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'huike-eval-merge-'));
  const onSigint = () => {
    rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', onSigint);
  try {
    for (const seed of options.seeds) {
      for (const size of options.sizes) {
        for (const preset of options.presets) {
          cases.push(await runCase(options, preset, size, seed, workDir, out));
        }
      }
    }
  } finally {
    process.off('SIGINT', onSigint);
    await rm(workDir, { recursive: true, force: true });
  }

  const targets = evalTargets(cases);
  const report: EvalReport = {
    schema: 1,
    kind: 'merge-eval',
    date: date.toISOString(),
    machine,
    params: {
      seeds: options.seeds,
      presets: options.presets,
      sizes: options.sizes,
      cli: repoRelative(options.cli),
      dataDir: repoRelative(options.dataDir),
      smoke: options.smoke,
    },
    cases,
    targets,
    failures: out.failures,
    notes: out.notes,
  };
  const markdown = renderEvalMarkdown(report);
  const written = await writeResults(options.outDir, report, markdown, 'merge-');
  process.stdout.write(`${await prettyMarkdown(markdown)}\n`);
  log(`results: ${written.map((f) => path.relative(process.cwd(), f)).join(', ')}`);

  if (out.failures.length > 0) {
    log(`${out.failures.length} failure${out.failures.length > 1 ? 's' : ''} (see Failures above)`);
    return 1;
  }
  const missed = targets.filter((t) => t.status === 'miss').length;
  if (options.strict && missed > 0) {
    log(`${missed} target${missed > 1 ? 's' : ''} missed (--strict)`);
    return 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `eval:merge: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
