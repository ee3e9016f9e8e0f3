export type { ImportCounts } from '../../domain/results.js';

/** The ports long work needs: where to report progress, and how to learn it was cancelled. */
export interface JobContext {
  signal?: AbortSignal;
  progress?: (phase: string, done: number, total: number) => void;
  /** The clock, injected so tests are repeatable. */
  now: () => Date;
}
