/** Assembles the application behind all three front doors: services, jobs, handlers. */
import { UserError } from '../domain/errors.js';
import { openAppServices } from '../services/app-services.js';
import { backupDatabase } from '../services/backup.js';
import type { CreateAppOptions, HuikeApp } from './app-types.js';
import { CHANNELS, inputSchemas, type Channel, type ProgressEvent } from './contract.js';
import { createHandlers } from './handlers/index.js';
import { createJobs } from './jobs.js';

export async function createApp(options: CreateAppOptions): Promise<HuikeApp> {
  const services = await openAppServices({
    dbPath: options.dbPath,
    stageDir: options.stageDir,
    now: options.now ?? (() => new Date()),
  });
  const listeners = new Set<(event: ProgressEvent) => void>();
  const jobs = createJobs((event) => listeners.forEach((l) => l(event)));
  const handlers = createHandlers({
    services,
    jobs,
    appVersion: options.appVersion,
    pickFiles: options.pickFiles,
    chooseBackupPath: options.chooseBackupPath,
  });
  const { stage } = services;

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
    backupTo: (path, backupOptions) => backupDatabase(services.huikeDb, path, backupOptions),
    takeDownload: async (fileId) => stage.takeDownload(fileId),
    close: () => services.close(),
  };
}
