/**
 * Everything behind the API, opened once per running app: the database (its one writer and its
 * read connection), the staged files and the import stagings. The API layer gets this bundle and
 * never the database module itself.
 */
import { createDb, type HuikeDb } from '../../db/index.js';
import { openFailure } from './database-errors.js';
import { createFileStage, type FileStage } from './file-stage.js';
import { importStagingDirFor } from './app-paths.js';
import type { ImportDeps } from './import/import-files.js';
import { sweepStagings } from './import/staging-store.js';
import { createValueFitScheduler, type ValueFitScheduler } from './value/fit-refresh.js';
import { refreshProfitFacts } from './profit/facts.js';

export interface AppServices extends ImportDeps {
  huikeDb: HuikeDb;
  stage: FileStage;
  /** The private folder of this process's staged files (uploads, downloads, restores). */
  stageDir: string;
  /** The customer-value fit, refreshed off the main thread after imports and merges (schedule()). */
  valueFit: ValueFitScheduler;
  close(): Promise<void>;
}

export async function openAppServices(options: {
  dbPath: string;
  stageDir: string;
  now: () => Date;
  /** False: a missing database is an error rather than created (the CLI's reading commands). */
  createDatabase?: boolean;
}): Promise<AppServices> {
  const huikeDb = await createDb({ filename: options.dbPath, create: options.createDatabase }).catch(
    (error: unknown) => {
      throw openFailure(error);
    },
  );
  // The profit facts follow every write, in its own transaction (services/profit/facts.ts).
  huikeDb.writer.beforeCommit(refreshProfitFacts);
  const stage = createFileStage(options.stageDir);
  const stagingDir = importStagingDirFor(options.dbPath, options.stageDir);
  // Stagings unused for long, or beyond the disk they may take.
  sweepStagings(stagingDir);
  const valueFit = createValueFitScheduler(huikeDb, options.now);
  return {
    huikeDb,
    stage,
    stageDir: options.stageDir,
    stagingDir,
    now: options.now,
    valueFit,
    async close() {
      await valueFit.close();
      await stage.clear();
      await huikeDb.close();
    },
  };
}
