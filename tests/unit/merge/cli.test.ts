/** `huike merge --json`: the document the issue names, full then incremental, and the preview. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess as huike } from '../../helpers/run-cli-in-process.js';
import { HOME, HOME_YOUZAN, tmallFile, youzanFile } from '../../fixtures/merge-files.js';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huike-cli-merge-'));
  db = path.join(dir, 'a.db');
  const youzan = await youzanFile(dir, 'y.csv', [
    { id: 'E1', receiver: '张伟', phone: '13812345678', address: HOME_YOUZAN, buyerPhone: '13812345678' },
  ]);
  const tmall = await tmallFile(dir, 't.csv', [
    { id: '1001', member: 'zhangwei1988', receiver: '张**', phone: '138****5678', address: HOME },
  ]);
  expect((await huike(['--db', db, 'import', youzan, tmall])).code).toBe(0);
});

describe('huike merge', () => {
  it('prints accounts, customers, autoMerged, reviewQueue and durationMs; full first, then incremental', async () => {
    const first = await huike(['--db', db, 'merge', '--json']);
    expect(first.code).toBe(0);
    const doc = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ mode: 'full', accounts: 2, customers: 1, autoMerged: 1, reviewQueue: 0 });
    expect(typeof doc.durationMs).toBe('number');
    const again = JSON.parse((await huike(['--db', db, 'merge', '--json'])).stdout) as Record<
      string,
      unknown
    >;
    expect(again).toMatchObject({ mode: 'incremental', customers: 1, merges: 0, splits: 0 });
  });

  it('--preview with a threshold says what would change and writes nothing', async () => {
    const preview = await huike(['--db', db, 'merge', '--preview', '--threshold', '80', '--json']);
    expect(JSON.parse(preview.stdout)).toMatchObject({ merges: 0, splits: 1 });
    const after = JSON.parse((await huike(['--db', db, 'merge', '--json'])).stdout) as Record<
      string,
      unknown
    >;
    expect(after).toMatchObject({ customers: 1 });
    const bad = await huike(['--db', db, 'merge', '--threshold', 'ten', '--json']);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toContain('merge.badThreshold');
  });
});
