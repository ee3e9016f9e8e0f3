import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../main/api/create-app.js';
import { fixedClock } from './test-db.js';

/** The whole application on a fresh in-memory database, as every front door assembles it. */
export function testApp(options: { onDisk?: boolean } = {}) {
  const stageDir = mkdtempSync(path.join(os.tmpdir(), 'huike-stage-'));
  // On disk when a test needs what only a file database has: WAL and a second, read connection.
  const dbPath = options.onDisk ? path.join(stageDir, 'test.db') : ':memory:';
  return createApp({ dbPath, stageDir, appVersion: '0.0.0-test', now: fixedClock });
}
