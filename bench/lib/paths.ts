/** Where things are, from this file's location: the harness runs from any working directory. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
/** The `huike` command as installed by package.json "bin". */
export const DEFAULT_CLI = path.join(REPO_ROOT, 'main', 'cli', 'bin.mjs');
export const DEFAULT_DATA_DIR = path.join(BENCH_DIR, '.data');
export const DEFAULT_RESULTS_DIR = path.join(BENCH_DIR, 'results');

/** A path inside the repository as repo-relative, so results do not carry one machine's layout. */
export function repoRelative(p: string): string {
  const rel = path.relative(REPO_ROOT, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/** A command line for the results: `node` for this Node, repository paths relative. */
export function displayArgv(argv: readonly string[]): string[] {
  return argv.map((arg) =>
    arg === process.execPath ? 'node' : path.isAbsolute(arg) ? repoRelative(arg) : arg,
  );
}
