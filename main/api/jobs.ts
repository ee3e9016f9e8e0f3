/** Long work that reports progress and can be cancelled, whichever front door started it. */
import type { ProgressEvent } from './contract.js';

export function createJobs(emit: (event: ProgressEvent) => void) {
  const running = new Map<string, AbortController>();
  let anonymous = 0;

  return {
    /** Runs `work` as job `jobId` (the caller's id, so it can cancel; one is made up if absent). */
    async run<T>(
      jobId: string | undefined,
      work: (ctx: {
        signal: AbortSignal;
        progress: (phase: string, done: number, total: number) => void;
      }) => Promise<T>,
    ): Promise<T> {
      const id = jobId ?? `job-${++anonymous}`;
      const controller = new AbortController();
      running.set(id, controller);
      try {
        return await work({
          signal: controller.signal,
          progress: (phase, done, total) => emit({ jobId: id, phase, done, total }),
        });
      } finally {
        running.delete(id);
      }
    },
    /** True while any job runs (a restore waits for none). */
    busy(): boolean {
      return running.size > 0;
    },
    cancel(jobId: string): boolean {
      const controller = running.get(jobId);
      controller?.abort();
      return Boolean(controller);
    },
  };
}
