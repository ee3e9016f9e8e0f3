import { vi } from 'vitest';
import { main } from '../../main/cli/index.js';

/**
 * Runs the real `huike` entry (main/cli/index.ts) in this process, capturing what it writes: the
 * same code as the command, without a process start (about a second each) per test.
 */
export async function runCliInProcess(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const vars = { HUIKE_DB: '', HUIKE_LANG: undefined, HUIKE_DEBUG: undefined, ...env };
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const capture = (into: string[]) => (chunk: unknown) => {
    into.push(String(chunk));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture(stdout) as never);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture(stderr) as never);
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    stdout.push(`${parts.join(' ')}\n`);
  });
  try {
    const code = await main(['node', 'huike', ...args]);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    out.mockRestore();
    err.mockRestore();
    log.mockRestore();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
