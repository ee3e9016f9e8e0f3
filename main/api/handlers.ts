/**
 * The handlers behind every channel, as plain functions of one validated input. Ports (clock,
 * file picker, progress) come in through `deps`, so Node tests, the CLI, the web server and
 * Electron all run exactly this code.
 */
import type { HuikeDb } from '../../db/index.js';
import { UserError } from '../domain/errors.js';
import { dashboardSummary } from '../services/dashboard.js';
import { loadDemo } from '../services/demo.js';
import type { FileStage } from '../services/file-stage.js';
import { listBatches } from '../services/import/batches.js';
import { undoBatch } from '../services/import/undo.js';
import { commitFiles } from '../services/import/commit.js';
import { previewFile, rememberedMapping } from '../services/import/preview.js';
import type { FileRequest } from '../services/import/scan-file.js';
import { readSetting, writeSetting } from '../services/settings.js';
import { withWriteLock } from '../services/transaction.js';
import type { BatchSummary, Channel, ChannelResult, FileOptions, Language, StagedFile } from './contract.js';
import type { createJobs } from './jobs.js';
import type { z } from 'zod';
import type { inputSchemas } from './contract.js';

export interface HandlerDeps {
  huikeDb: HuikeDb;
  stage: FileStage;
  jobs: ReturnType<typeof createJobs>;
  now: () => Date;
  appVersion: string;
  pickFiles?: () => Promise<string[]>;
}

type Input<C extends Channel> = z.output<(typeof inputSchemas)[C]>;
export type Handlers = { [C in Channel]: (input: Input<C>) => Promise<ChannelResult<C>> };

/** Shops count days in China time unless a later issue says otherwise. */
const IMPORT_OPTIONS = { timezone: 'Asia/Shanghai' };

function toStaged(entry: { fileId: string; name: string; size: number }): StagedFile {
  return { fileId: entry.fileId, name: entry.name, size: entry.size };
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { huikeDb, stage, jobs, now } = deps;
  // Screens read through `reader` (the last committed state); writes go through `db` and `sqlite`.
  const { db, reader, sqlite } = huikeDb;

  const fileRequest = (options: FileOptions): FileRequest => ({
    file: stage.get(options.fileId),
    format: options.format,
    encoding: options.encoding,
    shopName: options.shopName,
    currency: options.currency,
    mapping: options.mapping,
    rememberedMapping: (header) => rememberedMapping(sqlite, header),
  });

  return {
    'app.info': async () => {
      const any = await reader.selectFrom('orders').select('id').limit(1).executeTakeFirst();
      return { version: deps.appVersion, dbPath: huikeDb.filename, hasData: Boolean(any) };
    },

    'settings.get': async () => ({
      language: ((await readSetting(reader, 'language')) ?? 'zh-CN') as Language,
    }),

    'settings.set': async (input) => {
      await withWriteLock(() => writeSetting(db, 'language', input.language));
      return { language: input.language };
    },

    'shops.list': async () => {
      const rows = await reader
        .selectFrom('shops as s')
        .leftJoin('orders as o', 'o.shop_id', 's.id')
        .select(({ fn }) => ['s.id', 's.platform', 's.name', fn.count<number>('o.id').as('orders')])
        .groupBy('s.id')
        .orderBy('s.id')
        .execute();
      return rows.map((r) => ({ ...r, orders: Number(r.orders) }));
    },

    'dashboard.summary': (input) => dashboardSummary(reader, input),

    'demo.load': (input) =>
      jobs.run(input.jobId, (job) => loadDemo(sqlite, { seed: input.seed ?? 1 }, { ...job, now })),

    'files.pick': async () => {
      if (!deps.pickFiles)
        throw new UserError('此窗口不能打开文件对话框，请上传文件 (no file dialog here: upload the files)');
      const paths = await deps.pickFiles();
      const staged = [];
      for (const p of paths) staged.push(toStaged(await stage.stagePath(p)));
      return staged;
    },

    'import.preview': (input) =>
      jobs.run(input.jobId, async (job) => {
        const files = [];
        for (const options of input.files) {
          files.push(await previewFile(sqlite, fileRequest(options), { ...job, now }, IMPORT_OPTIONS));
        }
        return { files };
      }),

    'import.commit': (input) =>
      jobs.run(input.jobId, async (job) => {
        const batches = await commitFiles(
          sqlite,
          input.files.map(fileRequest),
          { skipInvalidRows: input.skipInvalidRows },
          { ...job, now },
          IMPORT_OPTIONS,
        );
        return { batches: batches.map(({ skippedCount: _count, ...b }) => b) };
      }),

    'imports.list': async () => {
      const batches = await listBatches(reader);
      return {
        batches: batches.map((b): BatchSummary => ({
          id: b.id,
          file: b.file,
          platform: b.format,
          shop: b.shop,
          encoding: b.encoding,
          rows: b.rows,
          rowsImported: b.stats.rowsImported,
          rowsRefused: b.stats.rowsRefused,
          orders: b.stats.orders,
          lines: b.stats.lines,
          currency: b.stats.currency,
          money: b.stats.money,
          skipped: b.skipped,
          createdAt: b.createdAt,
          state: b.state,
          undoneAt: b.undoneAt,
          source: b.source,
        })),
      };
    },

    'imports.undo': (input) =>
      jobs.run(input.jobId, (job) => undoBatch(sqlite, input.batchId, { ...job, now })),

    'jobs.cancel': async (input) => ({ cancelled: jobs.cancel(input.jobId) }),
  };
}
