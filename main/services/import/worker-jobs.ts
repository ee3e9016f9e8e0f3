/**
 * Runs jobs in the parse worker (parse-worker.ts): parsing a file, generating the sample shop,
 * fitting the customer-value models. A parse job's rows arrive in batches, each
 * handed to the caller's sink and acknowledged once the sink has stored it (so the worker never
 * runs far ahead of the writer); progress is relayed to the job's context; a cancel terminates the
 * worker (the next job starts a fresh one); errors come back as the same UserError the parse threw.
 * One worker serves the whole process, one job at a time: a 2-core laptop gains nothing from more,
 * and the writing thread stays free.
 */
import { Worker } from 'node:worker_threads';
import { CancelledError, UserError } from '../../domain/errors.js';
import type { PlacedMessage } from '../../shared/messages/index.js';
import type { DemoRowsJob, DemoShopStart } from './demo-rows.js';
import type { JobContext } from './import-types.js';
import type { ParsedFileMeta, ParseFileJob, ParseStart, RowBatch } from './parse-file.js';
import type { ClvFitJob, ClvFitResult } from '../value/clv-fit-job.js';
import type { KeyRows, SideRead } from '../merge/side-reads.js';
import type { RecordRows } from '../merge/load.js';

/** A merge run's read on a read-only connection of the worker's own (merge/side-reads.ts). */
export interface MergeReadJob {
  dbPath: string;
  read: SideRead;
}

export type WorkerJob =
  | ({ kind: 'parse-file' } & ParseFileJob)
  | ({ kind: 'demo-rows' } & DemoRowsJob)
  | ({ kind: 'clv-fit' } & ClvFitJob)
  | ({ kind: 'merge-read' } & MergeReadJob);

export interface WorkerRequest {
  id: number;
  job: WorkerJob;
}

export type WorkerReply =
  | { id: number; type: 'progress'; phase: string; done: number; total: number }
  | { id: number; type: 'start'; info: unknown }
  | { id: number; type: 'rows'; rows: unknown }
  | { id: number; type: 'done'; result: unknown }
  | {
      id: number;
      type: 'error';
      error:
        | { kind: 'user'; message: PlacedMessage; details?: unknown }
        | { kind: 'internal'; message: string; stack?: string };
    };

/** Where a job's rows go, on the writing thread. */
export interface BatchSink<Start> {
  start(info: Start): void | Promise<void>;
  batch(rows: RowBatch): void | Promise<void>;
}

/** Set by the bundlers (build-electron.mjs, bench) to the bundled worker beside the bundle. */
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
/** Jobs queued or running. */
let pending = 0;

function theWorker(): Worker {
  if (!worker) {
    const w = new Worker(workerUrl());
    worker = w;
    // An idle worker must not keep the CLI or a test process alive.
    w.unref();
    w.on('exit', () => {
      if (worker === w) worker = null;
    });
  }
  return worker;
}

function run<T, Start>(job: WorkerJob, ctx: JobContext, sink: BatchSink<Start>): Promise<T> {
  const start = () =>
    new Promise<T>((resolve, reject) => {
      if (ctx.signal?.aborted) return reject(new CancelledError());
      const w = theWorker();
      const id = nextId++;
      let failed: unknown = null;
      // Messages are handled one at a time, in order: a batch is stored before the next is looked at.
      let handling: Promise<void> = Promise.resolve();
      w.ref();
      const settle = () => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        ctx.signal?.removeEventListener('abort', onAbort);
        w.unref();
      };
      const fail = (error: unknown) => {
        if (failed) return;
        failed = error;
        settle();
        // A sink that failed leaves the worker mid-job: start afresh next time.
        if (worker === w) worker = null;
        void w.terminate();
        reject(error);
      };
      const handle = async (reply: WorkerReply) => {
        if (failed) return;
        switch (reply.type) {
          case 'progress':
            return ctx.progress?.(reply.phase, reply.done, reply.total);
          case 'start':
            return sink.start(reply.info as Start);
          case 'rows':
            await sink.batch(reply.rows as RowBatch);
            w.postMessage({ ack: true });
            return;
          case 'done':
            settle();
            return resolve(reply.result as T);
          case 'error': {
            settle();
            const e = reply.error;
            if (e.kind === 'user') return reject(new UserError(e.message, e.details));
            // An internal error keeps its own words and stack, for the log.
            const error = new Error(e.message);
            if (e.stack) error.stack = e.stack;
            return reject(error);
          }
        }
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        handling = handling.then(() => handle(reply)).catch(fail);
      };
      const onError = (error: Error) => fail(error);
      const onExit = () => fail(new Error('the parse worker stopped unexpectedly'));
      const onAbort = () => fail(new CancelledError());
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      ctx.signal?.addEventListener('abort', onAbort, { once: true });
      w.postMessage({ id, job } satisfies WorkerRequest);
    });
  // With nothing ahead of it the job is posted now, not on a later tick: a caller that blocks its
  // thread right after (a merge run reading its own half) still has the worker reading beside it.
  const result = (pending === 0 ? start() : queue.then(start, start)).finally(() => pending--);
  pending++;
  queue = result.catch(() => undefined);
  return result;
}

export function parseFileInWorker(
  job: ParseFileJob,
  ctx: JobContext,
  sink: BatchSink<ParseStart>,
): Promise<ParsedFileMeta> {
  return run({ kind: 'parse-file', ...job }, ctx, sink);
}

export function demoRowsInWorker(
  job: DemoRowsJob,
  ctx: JobContext,
  sink: BatchSink<DemoShopStart>,
): Promise<void> {
  return run({ kind: 'demo-rows', ...job }, ctx, sink);
}

/** A job that sends no rows, only progress and its result. */
const NO_ROWS: BatchSink<never> = {
  start() {},
  batch() {},
};

/**
 * Fits the customer-value models (main/services/value/clv-fit-job.ts) off this thread: the
 * Electron main process never blocks on a fit. Cancelled through `ctx.signal` like the other jobs
 * (the worker is terminated; the next job starts a fresh one).
 */
export function clvFitInWorker(job: ClvFitJob, ctx: JobContext): Promise<ClvFitResult> {
  return run({ kind: 'clv-fit', ...job }, ctx, NO_ROWS);
}

/** Whether the worker has nothing queued or running: a job given to it now starts right away. */
export function workerIdle(): boolean {
  return pending === 0;
}

/**
 * Runs one of a merge run's reads (merge/side-reads.ts) in the worker, beside the writing thread's
 * own half. Started when this is called: the caller may block its thread right after.
 */
export function mergeReadInWorker(job: MergeReadJob): Promise<KeyRows | RecordRows> {
  return run({ kind: 'merge-read', ...job }, { now: () => new Date() }, NO_ROWS);
}
