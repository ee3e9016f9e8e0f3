/**
 * A suite is one kind of measurement (import today; merge, profit report, CLV fit later). The
 * runner gives it the parameters and a scratch folder; it returns everything it measured for
 * latest.json, a table for latest.md, its targets, and its failures. Adding a suite is one file in
 * this folder plus one line in suites/index.ts.
 */
import type { BenchFormat } from '../generate/index.js';

export interface BenchParams {
  /** Data rows per generated file. */
  sizes: number[];
  formats: BenchFormat[];
  seed: number;
  /** Trials per measurement; times are the median, memory the maximum. */
  repeat: number;
  /** Smoke mode: check the harness works (row counts, exit codes), not speed. */
  smoke: boolean;
  /** Also import all formats' files in one CLI call. */
  includeAll: boolean;
  /** Kill a measured command after this many seconds (0: never). */
  timeoutS: number;
  /** Path of the huike CLI entry (main/cli/bin.mjs). */
  cli: string;
  /** Cache of generated files. */
  dataDir: string;
}

export interface SuiteContext {
  params: BenchParams;
  /** A scratch folder of this suite's own; the runner removes it afterwards. */
  workDir: string;
  /** A progress line on stderr (stdout is kept for the final table). */
  log(line: string): void;
}

export type TargetStatus = 'pass' | 'miss' | 'not measured';

export interface TargetCheck {
  /** The goal, in words: "Tmall 订单报表 import ≤ 2.5× sqlite3 .import". */
  target: string;
  /** Which measurement: "tmall 100k". */
  case: string;
  /** The measured value, printed: "2.31×". */
  value: string;
  status: TargetStatus;
}

export interface SuiteResult {
  suite: string;
  title: string;
  /** Everything measured, as written to latest.json. */
  measurements: unknown[];
  /** The summary table of latest.md and stdout. */
  table: { columns: string[]; rows: string[][] };
  /** Goals from the issues, marked; a missed target never fails the run. */
  targets: TargetCheck[];
  /** Failed commands and wrong results: these make `bench:smoke` exit non-zero. */
  failures: string[];
  /** Worth knowing, not errors: a skipped measurement, a CLI that writes no stats. */
  notes: string[];
}

export interface Suite {
  name: string;
  description: string;
  run(ctx: SuiteContext): Promise<SuiteResult>;
}
