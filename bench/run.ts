/**
 * `npm run bench` / `npm run bench:smoke`: generate the data, run the suites, write the results,
 * print the tables. Progress goes to stderr, the final markdown to stdout.
 *
 * Exit codes: 0 done (a missed speed target is not an error); 1 a smoke run found a failure
 * (a command failed, a row count was wrong); 2 bad arguments or a harness error.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDataFile } from './generate/index.js';
import { parseCommandLine, UsageError, USAGE, type RunOptions } from './lib/args.js';
import { machineInfo } from './lib/machine.js';
import { prettyMarkdown, renderMarkdown, writeResults, type BenchReport } from './lib/report.js';
import { REPO_ROOT, repoRelative } from './lib/paths.js';
import { SUITES } from './suites/index.js';
import type { SuiteResult } from './suites/types.js';

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function main(argv: readonly string[]): Promise<number> {
  let options: RunOptions;
  try {
    options = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { params } = options;

  if (options.generateOnly) {
    for (const size of params.sizes) {
      for (const format of params.formats) {
        const file = await ensureDataFile(params.dataDir, format, size, params.seed, log);
        log(
          `${path.relative(REPO_ROOT, file.path)}: ${file.rows} rows, ${file.orders} orders, ${file.bytes} bytes`,
        );
      }
    }
    return 0;
  }

  const suites = options.suites === null ? SUITES : SUITES.filter((s) => options.suites!.includes(s.name));
  const unknown = (options.suites ?? []).filter((name) => !SUITES.some((s) => s.name === name));
  if (unknown.length > 0 || suites.length === 0) {
    process.stderr.write(
      `bench: unknown suite ${unknown.join(', ')} (${SUITES.map((s) => s.name).join(', ')})\n`,
    );
    return 2;
  }

  const date = new Date();
  const machine = await machineInfo();
  const results: SuiteResult[] = [];
  for (const suite of suites) {
    const workDir = await mkdtemp(path.join(os.tmpdir(), `huike-bench-${suite.name}-`));
    // Ctrl+C: the children get the signal from the terminal too; the scratch databases must go.
    const onSigint = () => {
      rmSync(workDir, { recursive: true, force: true });
      process.exit(130);
    };
    process.once('SIGINT', onSigint);
    try {
      log(`suite ${suite.name}: ${suite.description}`);
      results.push(await suite.run({ params, workDir, log }));
    } finally {
      process.off('SIGINT', onSigint);
      await rm(workDir, { recursive: true, force: true });
    }
  }

  const failures = results.reduce((n, s) => n + s.failures.length, 0);
  const report: BenchReport = {
    schema: 1,
    date: date.toISOString(),
    machine,
    params: { ...params, cli: repoRelative(params.cli), dataDir: repoRelative(params.dataDir) },
    suites: results.map(({ table: _table, ...rest }) => rest),
    failures,
  };
  const markdown = renderMarkdown(report, results);
  const written = await writeResults(options.outDir, report, markdown);
  process.stdout.write(`${await prettyMarkdown(markdown)}\n`);
  log(`results: ${written.map((f) => path.relative(process.cwd(), f)).join(', ')}`);

  if (failures > 0) {
    log(`${failures} failure${failures > 1 ? 's' : ''} (see Failures above)`);
    // Only the smoke run turns failures into an exit code: it is the CI check of the harness.
    return params.smoke ? 1 : 0;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
