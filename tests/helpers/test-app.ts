import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../main/api/create-app.js';
import { fixedClock } from './test-db.js';

/** The whole application on a fresh in-memory database, as every front door assembles it. */
export function testApp() {
  const stageDir = mkdtempSync(path.join(os.tmpdir(), 'huike-stage-'));
  return createApp({ dbPath: ':memory:', stageDir, appVersion: '0.0.0-test', now: fixedClock });
}
