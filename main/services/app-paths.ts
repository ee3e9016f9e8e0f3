/** Where Huike keeps its data when nobody says otherwise: the same folder the desktop app uses. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Electron names the data folder after package.json's productName. */
const PRODUCT_FOLDER = '汇客 Huike';

/** The OS's per-user application data folder (what Electron calls appData). */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
}

export function defaultDbPath(): string {
  return path.join(appDataDir(), PRODUCT_FOLDER, 'huike.db');
}

/** Uploaded files wait here until imported; one folder per process, removed on close. */
export function stageDirFor(_dbPath: string, tmpDir: string): string {
  return path.join(tmpDir, `huike-staging-${process.pid}`);
}

/**
 * Import stagings (the parsed rows of a previewed or imported file) live beside the database they
 * were read for, like its -wal file, so a preview in one CLI call and the commit in the next, or the
 * same file imported again next week, find them; the app's data folder is where buyers' data already
 * is. An in-memory database keeps them with its uploads.
 */
export function importStagingDirFor(dbPath: string, stageDir: string): string {
  return dbPath === ':memory:' ? path.join(stageDir, 'imports') : `${dbPath}-staging`;
}

export function appVersion(): string {
  const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}
