/**
 * Runs parse jobs in the parse worker (parse-worker.ts) and waits for them: progress is relayed to
 * the job's context, a cancel terminates the worker (the next job starts a fresh one), errors come
 * back as the same UserError the parse threw. One worker serves the whole process, one job at a
 * time: a 2-core laptop gains nothing from more, and the writer thread stays free.
 */
import { Worker } from 'node:worker_threads';
import { CancelledError, UserError } from '../../domain/errors.js';
import type { JobContext } from './import-types.js';
import type { StageDemoJob, StagedDemoShop } from './stage-demo.js';
import type { StagedFileMeta, StageFileJob } from './stage-file.js';

export type WorkerJob = ({ kind: 'stage-file' } & StageFileJob) | ({ kind: 'stage-demo' } & StageDemoJob);

export interface WorkerRequest {
  id: number;
  job: WorkerJob;
}

export type WorkerReply =
  | { id: number; type: 'progress'; phase: string; done: number; total: number }
  | { id: number; type: 'done'; result: unknown }
  | {
      id: number;
      type: 'error';
      error: { kind: 'user' | 'internal'; message: string; details?: unknown; stack?: string };
    };

/** Set by the bundlers (build-electron.mjs, build-cli.mjs) to the bundled worker beside the bundle. */
declare const __HUIKE_PARSE_WORKER__: string | undefined;

function workerUrl(): URL {
  // Electron (17.3+) loads worker scripts from inside the app archive like any other file.
  if (typeof __HUIKE_PARSE_WORKER__ === 'string') return new URL(__HUIKE_PARSE_WORKER__, import.meta.url);
  return new URL('./parse-worker.mjs', import.meta.url);
}

let worker: Worker | null = null;
let nextId = 1;
/** Jobs run one after another; this is the tail of the queue. */
let queue: Promise<unknown> = Promise.resolve();

function theWorker(): Worker {
  if (!worker) {
    worker = new Worker(workerUrl());
    // An idle worker must not keep the CLI or a test process alive.
    worker.unref();
    worker.on('exit', () => {
      worker = null;
    });
  }
  return worker;
}

function run<T>(job: WorkerJob, ctx: JobContext): Promise<T> {
  const start = () =>
    new Promise<T>((resolve, reject) => {
      if (ctx.signal?.aborted) return reject(new CancelledError());
      const w = theWorker();
      const id = nextId++;
      w.ref();
      const settle = () => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        ctx.signal?.removeEventListener('abort', onAbort);
        w.unref();
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        if (reply.type === 'progress') return ctx.progress?.(reply.phase, reply.done, reply.total);
        settle();
        if (reply.type === 'done') return resolve(reply.result as T);
        const e = reply.error;
        if (e.kind === 'user') return reject(new UserError(e.message, e.details));
        const error = new Error(e.message);
        if (e.stack) error.stack = e.stack;
        reject(error);
      };
      const onError = (error: Error) => {
        settle();
        reject(error);
      };
      const onExit = () => {
        settle();
        reject(new Error('the parse worker stopped unexpectedly'));
      };
      const onAbort = () => {
        settle();
        worker = null;
        void w.terminate();
        reject(new CancelledError());
      };
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      ctx.signal?.addEventListener('abort', onAbort, { once: true });
      w.postMessage({ id, job } satisfies WorkerRequest);
    });
  const result = queue.then(start, start);
  queue = result.catch(() => undefined);
  return result;
}

export function stageFileInWorker(job: StageFileJob, ctx: JobContext): Promise<StagedFileMeta> {
  return run({ kind: 'stage-file', ...job }, ctx);
}

export function stageDemoInWorker(job: StageDemoJob, ctx: JobContext): Promise<StagedDemoShop[]> {
  return run({ kind: 'stage-demo', ...job }, ctx);
}
