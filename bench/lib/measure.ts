/**
 * Runs one command as a child process and measures it from the outside: wall time of the whole
 * process (start-up included, as a user waits for it) and its peak resident memory. Measuring
 * from outside is what makes the numbers comparable across the importer and the baselines, which
 * share no code.
 *
 * Peak memory is VmHWM from /proc/<pid>/status, polled every 50 ms: the kernel keeps the high-water
 * mark, so polling only has to catch the process before it exits, not at its peak. Where /proc is
 * missing (macOS) the peak is null, never a guess.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface ProcessResult {
  argv: string[];
  /** null when the process was killed by a signal or never started. */
  exitCode: number | null;
  signal: string | null;
  wallS: number;
  /** Highest resident set size seen (VmHWM), in bytes; null where /proc is not available. */
  peakRssBytes: number | null;
  stdout: string;
  /** The tail of stderr: enough to explain a failure without flooding the results. */
  stderr: string;
  timedOut: boolean;
  /** Set when the command could not be started at all (ENOENT …). */
  spawnError: string | null;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Kill the process after this many seconds (0: never). */
  timeoutS?: number;
}

const POLL_MS = 50;
const STDERR_TAIL = 4000;

export function ok(result: ProcessResult): boolean {
  return result.exitCode === 0 && !result.timedOut && result.spawnError === null;
}

/** One line saying why a command failed, for the failures list. */
export function describeFailure(result: ProcessResult): string {
  const cmd = result.argv.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ');
  const why = result.spawnError
    ? `could not start (${result.spawnError})`
    : result.timedOut
      ? `timed out after ${result.wallS.toFixed(0)} s`
      : result.signal
        ? `killed by ${result.signal}`
        : `exit code ${result.exitCode}`;
  const tail = result.stderr.trim().split('\n').slice(-3).join(' | ');
  return `${cmd}: ${why}${tail ? ` — ${tail}` : ''}`;
}

export function runMeasured(argv: string[], options: RunOptions = {}): Promise<ProcessResult> {
  const [command, ...args] = argv;
  if (!command) throw new Error('runMeasured: empty command');
  return new Promise((resolve) => {
    const stdout: Buffer[] = [];
    let stderr = '';
    let peak: number | null = null;
    let timedOut = false;
    let spawnError: string | null = null;
    let exitCode: number | null = null;
    let signal: string | null = null;
    let endedAt = 0;

    const startedAt = performance.now();
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });

    const poll = () => {
      if (child.pid === undefined) return;
      const hwm = readHighWaterMark(child.pid);
      if (hwm !== null) peak = Math.max(peak ?? 0, hwm);
    };
    poll();
    const poller = setInterval(poll, POLL_MS);
    const timer =
      options.timeoutS && options.timeoutS > 0
        ? setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutS * 1000)
        : null;

    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearInterval(poller);
      if (timer) clearTimeout(timer);
      resolve({
        argv,
        exitCode,
        signal,
        wallS: ((endedAt || performance.now()) - startedAt) / 1000,
        peakRssBytes: peak,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr,
        timedOut,
        spawnError,
      });
    };
    // A command that cannot start emits 'error' (and, depending on the Node version, maybe no 'close').
    child.on('error', (error) => {
      spawnError = error.message;
      endedAt ||= performance.now();
      settle();
    });
    // 'exit' stops the clock (the process is gone); 'close' waits for its output to drain.
    child.on('exit', (code, sig) => {
      endedAt = performance.now();
      exitCode = code;
      signal = sig;
    });
    child.on('close', settle);
  });
}

/** VmHWM of a live process in bytes; null once it has exited or where /proc does not exist. */
function readHighWaterMark(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}
