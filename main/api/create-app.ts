/** Assembles the application behind all three front doors: database, staging, jobs, handlers. */
import { createDb } from '../../db/index.js';
import { UserError } from '../domain/errors.js';
import { createFileStage } from '../services/file-stage.js';
import { backupDatabase } from '../services/backup.js';
import type { CreateAppOptions, HuikeApp } from './app-types.js';
import { CHANNELS, inputSchemas, type Channel, type ProgressEvent } from './contract.js';
import { createHandlers } from './handlers.js';
import { createJobs } from './jobs.js';

export async function createApp(options: CreateAppOptions): Promise<HuikeApp> {
  const huikeDb = await createDb({ filename: options.dbPath });
  const stage = createFileStage(options.stageDir);
  const listeners = new Set<(event: ProgressEvent) => void>();
  const jobs = createJobs((event) => listeners.forEach((l) => l(event)));
  const handlers = createHandlers({
    huikeDb,
    stage,
    jobs,
    now: options.now ?? (() => new Date()),
    appVersion: options.appVersion,
    pickFiles: options.pickFiles,
  });

  return {
    dbPath: options.dbPath,
    async invoke(channel, input) {
      if (!CHANNELS.includes(channel as Channel))
        throw new UserError(`未知的接口 ${String(channel)} (unknown channel)`);
      const parsed = inputSchemas[channel].safeParse(input ?? {});
      if (!parsed.success) {
        const issues = parsed.error.issues
          .map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`)
          .join('; ');
        throw new UserError(`${channel}: 参数无效 (invalid input): ${issues}`, parsed.error.issues);
      }
      const handler = handlers[channel] as (input: unknown) => Promise<never>;
      return handler(parsed.data);
    },
    stagePath: async (path) => {
      const e = await stage.stagePath(path);
      return { fileId: e.fileId, name: e.name, size: e.size };
    },
    stageBytes: async (name, chunks) => {
      const e = await stage.stageBytes(name, chunks);
      return { fileId: e.fileId, name: e.name, size: e.size };
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    backupTo: (path) => backupDatabase(huikeDb.sqlite, path),
    async close() {
      await stage.clear();
      await huikeDb.close();
    },
  };
}
