/**
 * The parse worker: decoding, parsing, normalising and staging run here, off the thread that
 * writes the database (the Electron main process, the web server, the CLI), so a window never waits
 * on a parse. Jobs come one at a time; progress and the result go back as messages.
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../../domain/errors.js';
import { stageDemo } from './stage-demo.js';
import { stageFile } from './stage-file.js';
import type { WorkerReply, WorkerRequest } from './worker-jobs.js';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread');

port.on('message', (request: WorkerRequest) => {
  const reply = (message: WorkerReply) => port.postMessage(message);
  const ctx = {
    now: () => new Date(),
    progress: (phase: string, done: number, total: number) =>
      reply({ id: request.id, type: 'progress', phase, done, total }),
  };
  const work = request.job.kind === 'stage-file' ? stageFile(request.job, ctx) : stageDemo(request.job, ctx);
  work.then(
    (result) => reply({ id: request.id, type: 'done', result }),
    (error: unknown) =>
      reply({
        id: request.id,
        type: 'error',
        error:
          error instanceof UserError
            ? { kind: 'user', message: error.message, details: error.details }
            : {
                kind: 'internal',
                message: error instanceof Error ? error.message : String(error),
                stack: error instanceof Error ? error.stack : undefined,
              },
      }),
  );
});
