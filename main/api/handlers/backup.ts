/**
 * Backup and restore, the same in every front door: the desktop app saves where its dialog says
 * (the `chooseBackupPath` port), the browser build downloads; a restore takes a staged file
 * (uploaded, or named on the command line).
 */
import { UserError } from '../../domain/errors.js';
import { backupDatabase, backupForDownload } from '../../services/backup.js';
import { restoreDatabase } from '../../services/restore.js';
import type { HandlerDeps, HandlerMap } from './types.js';

export function backupHandlers(deps: HandlerDeps): HandlerMap<'backup.create' | 'backup.restore'> {
  const { services, jobs } = deps;
  return {
    'backup.create': async () => {
      if (!deps.chooseBackupPath) return backupForDownload(services, services.now());
      const target = await deps.chooseBackupPath();
      if (!target) return { kind: 'cancelled' };
      // The save dialog has asked before replacing a file.
      const saved = await backupDatabase(services.huikeDb, target, { overwrite: true });
      return { kind: 'saved', ...saved };
    },

    'backup.restore': async (input) => {
      // Imports, undos and the sample's load keep state across awaits; a restore under them
      // would leave them writing into data that is gone.
      if (jobs.busy()) throw new UserError({ code: 'backup.busy' });
      const file = services.stage.get(input.fileId);
      return jobs.run(input.jobId, (job) =>
        restoreDatabase(
          services,
          { path: file.path, shownAs: file.owned ? file.name : file.path },
          { ...job, now: services.now },
        ),
      );
    },
  };
}
