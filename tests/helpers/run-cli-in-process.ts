/**
 * Runs the `huike` command in this process (its `main`, as bin.mjs does), capturing what it
 * writes: faster than a child process, and the test sees the very same code paths.
 */
import { main } from '../../main/cli/index.js';

export async function runCliInProcess(args: string[], env: Record<string, string> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const saved = {
    out: process.stdout.write,
    err: process.stderr.write,
    log: console.log,
    error: console.error,
    env: Object.fromEntries(Object.keys({ HUIKE_DB: '', ...env }).map((k) => [k, process.env[k]])),
  };
  const collect = (into: string[]) =>
    ((chunk: string | Uint8Array) => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = collect(stdout);
  process.stderr.write = collect(stderr);
  console.log = (...parts: unknown[]) => void stdout.push(`${parts.join(' ')}\n`);
  console.error = (...parts: unknown[]) => void stderr.push(`${parts.join(' ')}\n`);
  Object.assign(process.env, { HUIKE_DB: '', ...env });
  try {
    const code = await main(['node', 'huike', ...args]);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    console.log = saved.log;
    console.error = saved.error;
    for (const [key, value] of Object.entries(saved.env)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
