/** Assembles the application behind all three front doors: services, jobs, handlers. */
import { UserError } from '../domain/errors.js';
import { openAppServices } from '../services/app-services.js';
import { backupDatabase } from '../services/backup.js';
import { runtimeFailure } from '../services/database-errors.js';
import type { CreateAppOptions, HuikeApp } from './app-types.js';
import { CHANNELS, inputSchemas, type Channel, type ProgressEvent } from './contract.js';
import { createHandlers } from './handlers/index.js';
import { inputError } from './input-errors.js';
import { createJobs } from './jobs.js';

export async function createApp(options: CreateAppOptions): Promise<HuikeApp> {
  const services = await openAppServices({
    dbPath: options.dbPath,
    stageDir: options.stageDir,
    now: options.now ?? (() => new Date()),
    createDatabase: options.createDatabase,
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
    dbCreated: services.huikeDb.created,
    async invoke(channel, input) {
      if (!CHANNELS.includes(channel as Channel))
        throw new UserError({ code: 'input.unknownChannel', params: { channel: String(channel) } });
      const parsed = inputSchemas[channel].safeParse(input ?? {});
      if (!parsed.success) throw inputError(parsed.error.issues);
      const handler = handlers[channel] as (input: unknown) => Promise<never>;
      try {
        return await handler(parsed.data);
      } catch (error) {
        // A full disk or a database gone read-only mid-import: the user's to fix, named.
        throw runtimeFailure(error, options.dbPath);
      }
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
