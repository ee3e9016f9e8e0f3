/** The kept stagings: a week unused, or over the size bound oldest first, and they are gone. */
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepStaging, sweepStagings } from '../../../main/services/import/staging-store.js';

const DAY = 24 * 3600_000;

function staging(dir: string, name: string, bytes: number, usedAt: number): string {
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.alloc(bytes));
  utimesSync(file, new Date(usedAt), new Date(usedAt));
  return file;
}

describe('sweepStagings', () => {
  it('drops stagings unused for a week, then the least recently used beyond the size bound', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'huike-sweep-'));
    const now = Date.now();
    staging(dir, 'old.db', 10, now - 8 * DAY);
    staging(dir, 'a.db', 400, now - 3 * DAY);
    const b = staging(dir, 'b.db', 400, now - 2 * DAY);
    staging(dir, 'c.db', 400, now - 1 * DAY);
    keepStaging(b); // used just now: the newest
    sweepStagings(dir, now + 1000, 900);
    expect(readdirSync(dir).sort()).toEqual(['b.db', 'c.db']);
  });

  it('is quiet when there is no staging folder yet', () => {
    expect(() => sweepStagings(path.join(os.tmpdir(), 'huike-no-such-dir-' + process.pid))).not.toThrow();
  });
});
