/**
 * `HUIKE_BENCH_STATS=<file>`: the benchmark harness (bench/) asks a CLI run to report what only the
 * process itself can see — its peak memory (worker threads included) and how long its event loop
 * was held up while it worked (the delay a window would feel if this were the Electron main
 * process) — written as JSON to that file when the command ends.
 */
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export function startBenchStats(): (() => void) | null {
  const file = process.env.HUIKE_BENCH_STATS;
  if (!file) return null;
  const started = performance.now();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  return () => {
    loop.disable();
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    writeFileSync(
      file,
      JSON.stringify({
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
        eventLoop: { p50Ms: ms(loop.percentile(50)), p99Ms: ms(loop.percentile(99)), maxMs: ms(loop.max) },
        wallMs: Math.round(performance.now() - started),
      }),
    );
  };
}
