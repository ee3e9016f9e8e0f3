/**
 * Backup and restore through the handlers, on a real database file: the round trip, the safety
 * copy, the browser build's download, and the files a restore must refuse.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import { UserError } from '../../../main/domain/errors.js';
import { testApp } from '../../helpers/test-app.js';
import { importText, tmallCsv } from '../../helpers/shop-files.js';

let app: HuikeApp;
let dir: string;
beforeEach(async () => {
  app = await testApp({ onDisk: true });
  dir = mkdtempSync(path.join(os.tmpdir(), 'huike-backup-'));
});
afterEach(() => app.close());

const MARCH = [{ id: 'M1', paid: '100.00', orderedAt: '2024-03-01 10:00:00' }];
const APRIL = [{ id: 'A1', paid: '40.00', orderedAt: '2024-04-01 10:00:00' }];

const countOrders = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

async function restore(file: string) {
  const staged = await app.stagePath(file);
  return app.invoke('backup.restore', { fileId: staged.fileId });
}

async function refused(file: string, code: string): Promise<UserError> {
  const error = await restore(file).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).code).toBe(code);
  return error as UserError;
}

describe('backup and restore', () => {
  it('round trip: the backup comes back, the safety copy keeps what it replaced, screens see it at once', async () => {
    await importText(app, 'march.csv', tmallCsv(MARCH), { shopName: '三月店' });
    const backup = path.join(dir, 'march-backup.db');
    const saved = await app.backupTo(backup);
    expect(saved.path).toBe(backup);
    expect(saved.size).toBeGreaterThan(0);
    expect(countOrders(backup)).toBe(1);
    // A backup never overwrites a file, nor the database in use.
    await expect(app.backupTo(backup)).rejects.toMatchObject({ code: 'backup.targetExists' });
    await expect(app.backupTo(app.dbPath)).rejects.toMatchObject({ code: 'backup.sameFile' });

    await importText(app, 'april.csv', tmallCsv(APRIL), { shopName: '四月店' });
    await app.invoke('settings.set', { language: 'en' });
    expect((await app.invoke('dashboard.summary', {})).current.allOrders).toBe(2);

    const phases: string[] = [];
    const off = app.onProgress((e) => phases.push(e.phase));
    const result = await restore(backup);
    off();
    expect(phases).toContain('restoring');
    expect(result).toMatchObject({ file: backup, shops: 1, orders: 1 });
    // The safety copy sits beside the database, named with the time, and holds the replaced data.
    expect(path.dirname(result.safetyCopy)).toBe(path.dirname(app.dbPath));
    expect(path.basename(result.safetyCopy)).toMatch(/^test-before-restore-\d{8}-\d{6}\.db$/);
    expect(countOrders(result.safetyCopy)).toBe(2);

    // The running app's reader and writer both see the restored data.
    expect((await app.invoke('dashboard.summary', {})).current.allOrders).toBe(1);
    expect((await app.invoke('shops.list', {})).map((s) => s.name)).toEqual(['三月店']);
    expect(await app.invoke('settings.get', {})).toEqual({ language: 'zh-CN' });
    const again = await importText(app, 'april.csv', tmallCsv(APRIL), { shopName: '四月店' });
    expect(again.orders.inserted).toBe(1);
    expect((await app.invoke('dashboard.summary', {})).current.allOrders).toBe(2);
    expect((await app.invoke('imports.list', {})).batches.map((b) => b.file)).toEqual([
      expect.stringContaining('april.csv'),
      expect.stringContaining('march.csv'),
    ]);
  });

  it('refuses a file that is not a Huike database, naming it, and changes nothing', async () => {
    await importText(app, 'march.csv', tmallCsv(MARCH));
    const csv = path.join(dir, 'orders.csv');
    writeFileSync(csv, tmallCsv(APRIL));
    const notHuike = await refused(csv, 'backup.notHuike');
    expect(notHuike.message).toContain(csv);

    const other = path.join(dir, 'other-app.db');
    const db = new Database(other);
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES (1)');
    db.close();
    expect((await refused(other, 'backup.notHuike')).message).toContain('other-app.db');

    // A backup from a newer Huike: a migration this version does not know.
    const newer = path.join(dir, 'newer.db');
    await app.backupTo(newer);
    const n = new Database(newer);
    n.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('0099-future', 'x')").run();
    n.close();
    const future = await refused(newer, 'backup.newerSchema');
    expect(future.message).toContain('newer.db');
    expect(future.message).toContain('0099-future');

    const damaged = path.join(dir, 'damaged.db');
    const bytes = readFileSync(newer);
    writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await restore(damaged).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain('damaged.db');

    expect((await app.invoke('dashboard.summary', {})).current.allOrders).toBe(1);
    const siblings = (await import('node:fs')).readdirSync(path.dirname(app.dbPath));
    expect(siblings.filter((f) => f.includes('before-restore'))).toEqual([]);
  });

  it('the browser build’s backup is a download, handed out once', async () => {
    await importText(app, 'march.csv', tmallCsv(MARCH));
    const result = await app.invoke('backup.create', {});
    if (result.kind !== 'download') throw new Error(`expected a download, got ${result.kind}`);
    expect(result.name).toMatch(/^汇客备份-\d{8}-\d{6}\.db$/);
    const download = await app.takeDownload(result.fileId);
    const chunks: Buffer[] = [];
    for await (const chunk of download.stream) chunks.push(chunk as Buffer);
    await download.done();
    const bytes = Buffer.concat(chunks);
    expect(bytes.length).toBe(result.size);
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    const copy = path.join(dir, 'downloaded.db');
    writeFileSync(copy, bytes);
    expect(countOrders(copy)).toBe(1);
    await expect(app.takeDownload(result.fileId)).rejects.toBeInstanceOf(UserError);
  });

  it('the desktop app saves where its dialog says, or nothing when cancelled', async () => {
    const target = path.join(dir, 'chosen.db');
    let answer: string | null = null;
    const desktop = await (
      await import('../../../main/api/create-app.js')
    ).createApp({
      dbPath: path.join(dir, 'desktop.db'),
      stageDir: path.join(dir, 'stage'),
      appVersion: 'test',
      chooseBackupPath: async () => answer,
    });
    try {
      expect(await desktop.invoke('backup.create', {})).toEqual({ kind: 'cancelled' });
      answer = target;
      const saved = await desktop.invoke('backup.create', {});
      expect(saved).toMatchObject({ kind: 'saved', path: target });
      expect(existsSync(target)).toBe(true);
      // The save dialog asked before replacing: a second save to the same file replaces it.
      expect(await desktop.invoke('backup.create', {})).toMatchObject({ kind: 'saved', path: target });
    } finally {
      await desktop.close();
    }
  });

  it('waits for no job: a restore while an import or the sample’s load runs is refused', async () => {
    const backup = path.join(dir, 'empty.db');
    await app.backupTo(backup);
    const loading = app.invoke('demo.load', { jobId: 'demo' });
    const error = await restore(backup).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'backup.busy' });
    await loading;
    expect((await app.invoke('shops.list', {})).filter((s) => s.isSample)).toHaveLength(3);
  });
});
