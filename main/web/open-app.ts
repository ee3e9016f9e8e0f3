/**
 * The web server's start: the app on its database, or — when the database cannot be opened (not
 * a Huike database, a read-only folder …) — that said in one line naming the file, and exit 1.
 * A separate module so a test can start it on a bad file without starting a server.
 */
import os from 'node:os';
import type { HuikeApp } from '../api/app-types.js';
import { createApp } from '../api/create-app.js';
import { errorText, UserError } from '../api/errors.js';
import { appVersion, stageDirFor } from '../services/app-paths.js';
import type { MessageLanguage } from '../shared/messages/index.js';

export async function openApp(
  dbPath: string,
  lang: MessageLanguage,
  fail: (message: string) => never = exitWith,
): Promise<HuikeApp> {
  try {
    return await createApp({ dbPath, stageDir: stageDirFor(dbPath, os.tmpdir()), appVersion: appVersion() });
  } catch (error) {
    // A bug (not the user's file) keeps its stack in the server's console.
    if (!(error instanceof UserError)) console.error(error);
    return fail(errorText(error, lang));
  }
}

function exitWith(message: string): never {
  console.error(message);
  process.exit(1);
}
