/**
 * The desktop app's start-up failure dialog (main/electron/main.ts calls errorDialog with the OS's
 * language; Electron itself cannot run here): a database that cannot be opened is named, with
 * what to do, in the user's language — not a stack trace or an English-only driver message.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../main/api/create-app.js';
import { errorDialog, languageOfLocale } from '../../../main/api/errors.js';

const startFailure = (dbPath: string) =>
  createApp({
    dbPath,
    stageDir: mkdtempSync(path.join(os.tmpdir(), 'huike-stage-')),
    appVersion: 'test',
  }).then(
    () => {
      throw new Error('it started');
    },
    (error: unknown) => error,
  );

describe('the start-up error dialog', () => {
  it('names a database of another program, in the OS language', async () => {
    const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'huike-start-')), 'notes.db');
    const other = new Database(db);
    other.exec('CREATE TABLE notes (text TEXT)');
    other.close();
    const error = await startFailure(db);
    expect(errorDialog(error, languageOfLocale('zh-CN'), 'app.cannotStart')).toEqual({
      title: '汇客无法启动',
      message: `${db} 是其他程序的 SQLite 数据库，不是汇客数据库。汇客不会修改它；请检查数据库路径（--db 或 HUIKE_DB）。`,
    });
    expect(errorDialog(error, languageOfLocale('en-GB'), 'app.cannotStart')).toMatchObject({
      title: 'Huike cannot start',
      message: expect.stringContaining(`${db} is an SQLite database of another program`),
    });
  });

  it('a bug still says something useful, with its own words', () => {
    expect(errorDialog(new Error('better-sqlite3 is built for Node'), 'en')).toEqual({
      title: 'Huike ran into a problem',
      message: expect.stringContaining('better-sqlite3 is built for Node'),
    });
  });

  it('picks Chinese for any Chinese locale, English otherwise', () => {
    expect(['zh', 'zh-CN', 'zh-TW', 'ZH-HK'].map(languageOfLocale)).toEqual([
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'zh-CN',
    ]);
    expect(['en-US', 'de', ''].map(languageOfLocale)).toEqual(['en', 'en', 'en']);
  });

  it('a database that is not SQLite at all', async () => {
    const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'huike-start-')), 'huike.db');
    writeFileSync(db, 'not sqlite '.repeat(100));
    expect(errorDialog(await startFailure(db), 'en', 'app.cannotStart').message).toMatch(
      new RegExp(`is not a Huike database \\(it is not an SQLite database file`),
    );
  });
});
