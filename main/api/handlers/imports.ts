/** Importing files (staging, preview, commit), the sample shop, the history, undo. */
import { UserError } from '../../domain/errors.js';
import { loadDemo } from '../../services/demo.js';
import { batchProblems, listBatches } from '../../services/import/batches.js';
import { commitFiles, previewFile, type FileRequest } from '../../services/import/import-files.js';
import { undoBatch } from '../../services/import/undo.js';
import { mergeAfterImport } from '../../services/merge/run.js';
import type { FileOptions, StagedFile } from '../contract.js';
import type { HandlerDeps, HandlerMap } from './types.js';

type ImportChannels =
  | 'demo.load'
  | 'files.pick'
  | 'import.preview'
  | 'import.commit'
  | 'imports.list'
  | 'imports.undo'
  | 'imports.problems'
  | 'jobs.cancel';

function toStaged(entry: { fileId: string; name: string; size: number }): StagedFile {
  return { fileId: entry.fileId, name: entry.name, size: entry.size };
}

export function importHandlers(deps: HandlerDeps): HandlerMap<ImportChannels> {
  const { services, jobs } = deps;
  const { stage, huikeDb } = services;

  // Orders and customers changed: the customer-value fit is refreshed in the background.
  const refreshValue = <T>(result: T): T => {
    services.valueFit.schedule();
    return result;
  };

  const fileRequest = (options: FileOptions): FileRequest => ({
    file: stage.get(options.fileId),
    format: options.format,
    encoding: options.encoding,
    shopName: options.shopName,
    currency: options.currency,
    mapping: options.mapping,
  });

  return {
    'demo.load': (input) =>
      jobs.run(input.jobId, (job) =>
        loadDemo(
          services,
          { seed: input.seed ?? 1, confirmMixed: input.confirmMixed },
          { ...job, now: services.now },
        ).then(refreshValue),
      ),

    'files.pick': async () => {
      if (!deps.pickFiles) throw new UserError({ code: 'files.noDialog' });
      const paths = await deps.pickFiles();
      const staged = [];
      for (const p of paths) staged.push(toStaged(await stage.stagePath(p)));
      return staged;
    },

    'import.preview': (input) =>
      jobs.run(input.jobId, async (job) => {
        const files = [];
        for (const options of input.files) {
          files.push(await previewFile(services, fileRequest(options), { ...job, now: services.now }));
        }
        return { files };
      }),

    'import.commit': (input) =>
      jobs.run(input.jobId, async (job) => {
        const batches = await commitFiles(
          services,
          input.files.map(fileRequest),
          { skipInvalidRows: input.skipInvalidRows },
          { ...job, now: services.now },
        );
        // The new accounts join their customers right away (an incremental merge, its own operation);
        // then the customer-value fit is refreshed in the background.
        await mergeAfterImport(services.huikeDb, services.now);
        return refreshValue({ batches });
      }),

    'imports.list': async () => ({ batches: await listBatches(huikeDb.reader) }),

    'imports.undo': (input) =>
      jobs.run(input.jobId, (job) =>
        undoBatch(huikeDb, input.batchId, { ...job, now: services.now }).then(refreshValue),
      ),

    'imports.problems': (input) =>
      batchProblems(huikeDb.reader, input.batchId, { offset: input.offset, limit: input.limit }),

    'jobs.cancel': async (input) => ({ cancelled: jobs.cancel(input.jobId) }),
  };
}
