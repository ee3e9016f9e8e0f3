/**
 * The parse worker: decoding, parsing and normalising run here, off the thread that writes the
 * database (the Electron main process, the web server, the CLI), so a window never waits on a
 * parse; so do the sample shop's generation and the customer-value fits. A job's rows go back in batches; the worker reads on only while the writer keeps up (at
 * most a few batches unacknowledged), so memory stays flat however large the file.
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../../domain/errors.js';
import { generateDemoRows } from './demo-rows.js';
import { parseFile } from './parse-file.js';
import { runClvFit } from '../value/clv-fit-job.js';
import { openSqlite } from '../../../db/open-sqlite.js';
import { MMAP_BYTES } from '../../../db/pragmas.js';
import { runSideRead } from '../merge/side-reads.js';
import type { MergeReadJob } from './worker-jobs.js';
import type { WorkerReply, WorkerRequest } from './worker-jobs.js';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread');

/** Batches posted and not yet acknowledged, beyond which reading waits. */
const MAX_IN_FLIGHT = 3;
let inFlight = 0;
let resume: (() => void) | null = null;

port.on('message', (message: WorkerRequest | { ack: true }) => {
  if ('ack' in message) {
    inFlight--;
    if (inFlight < MAX_IN_FLIGHT && resume) {
      resume();
      resume = null;
    }
    return;
  }
  const request = message;
  inFlight = 0;
  const reply = (m: WorkerReply) => port.postMessage(m);
  const ctx = {
    now: () => new Date(),
    progress: (phase: string, done: number, total: number) =>
      reply({ id: request.id, type: 'progress', phase, done, total }),
  };
  const sink = {
    start: (info: unknown) => reply({ id: request.id, type: 'start', info }),
    batch: (rows: unknown): void | Promise<void> => {
      reply({ id: request.id, type: 'rows', rows });
      inFlight++;
      if (inFlight < MAX_IN_FLIGHT) return;
      return new Promise<void>((r) => {
        resume = r;
      });
    },
  };
  const work =
    request.job.kind === 'parse-file'
      ? parseFile(request.job, ctx, sink as never)
      : request.job.kind === 'demo-rows'
        ? generateDemoRows(request.job, ctx, sink as never)
        : request.job.kind === 'clv-fit'
          ? runClvFit(request.job, ctx)
          : mergeRead(request.job);
  work.then(
    (result) => reply({ id: request.id, type: 'done', result }),
    (error: unknown) =>
      reply({
        id: request.id,
        type: 'error',
        error:
          error instanceof UserError
            ? { kind: 'user', message: error.toMessage(), details: error.details }
            : {
                kind: 'internal',
                message: error instanceof Error ? error.message : String(error),
                stack: error instanceof Error ? error.stack : undefined,
              },
      }),
  );
});

/** A merge run's read, on a read-only connection opened for it: it sees the last committed data. */
async function mergeRead(job: MergeReadJob): Promise<unknown> {
  const sqlite = openSqlite(job.dbPath, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma(`mmap_size = ${MMAP_BYTES}`);
    return runSideRead(sqlite, job.read);
  } finally {
    sqlite.close();
  }
}
