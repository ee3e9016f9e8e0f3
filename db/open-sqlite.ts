import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

const require = createRequire(import.meta.url);

/**
 * Loads better-sqlite3 and turns the native-ABI mismatch (built for Electron but run by Node, or
 * the reverse) into a message that says which command fixes it.
 */
export function openSqlite(filename: string, options: BetterSqlite3.Options = {}): BetterSqlite3.Database {
  let Sqlite: typeof BetterSqlite3;
  try {
    Sqlite = require('better-sqlite3') as typeof BetterSqlite3;
    return new Sqlite(filename, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) {
      const forElectron = Boolean(process.versions.electron);
      throw new Error(
        forElectron
          ? 'better-sqlite3 is built for Node, not Electron: run `npm run rebuild:electron` before `npm start`.'
          : 'better-sqlite3 is built for Electron, not Node: run `npm run rebuild:node` (or `npm ci`) before the tests or the CLI.',
        { cause: error },
      );
    }
    throw error;
  }
}
