import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFileName, filesFromArgv, resolveAppPaths, samePath } from '../../../main/electron/paths.js';

describe('resolveAppPaths', () => {
  const userData = path.resolve('/home/me/.config/汇客 Huike');

  it('keeps everything under userData', () => {
    expect(resolveAppPaths(userData, {})).toEqual({
      dbPath: path.join(userData, 'huike.db'),
      stageDir: path.join(userData, 'staging'),
      windowStateFile: path.join(userData, 'window-state.json'),
    });
  });

  it('lets HUIKE_DB point at another database, resolved to an absolute path', () => {
    expect(resolveAppPaths(userData, { HUIKE_DB: 'support/copy.db' }).dbPath).toBe(
      path.resolve('support/copy.db'),
    );
    expect(resolveAppPaths(userData, { HUIKE_DB: '  ' }).dbPath).toBe(path.join(userData, 'huike.db'));
  });
});

describe('filesFromArgv', () => {
  const cwd = path.resolve('/work/exports');

  it('keeps import files, resolved against the launching directory', () => {
    const argv = [
      '/opt/汇客 Huike/huike',
      '--allow-file-access-from-files',
      '--original-process-start-time=1',
      '.',
      '订单.CSV',
      '/tmp/b.xlsx',
      'c.xls',
      'd.txt',
      'notes.pdf',
      '订单.CSV',
    ];
    expect(filesFromArgv(argv, cwd)).toEqual([
      path.join(cwd, '订单.CSV'),
      path.resolve('/tmp/b.xlsx'),
      path.join(cwd, 'c.xls'),
      path.join(cwd, 'd.txt'),
    ]);
  });

  it('finds nothing in a plain launch', () => {
    expect(filesFromArgv(['C:\\Program Files\\汇客 Huike\\汇客 Huike.exe'], cwd)).toEqual([]);
    expect(filesFromArgv([], cwd)).toEqual([]);
  });
});

describe('backupFileName', () => {
  it('uses the local date', () => {
    expect(backupFileName(new Date(2025, 2, 1, 23, 59))).toBe('汇客备份-20250301.db');
    expect(backupFileName(new Date(2024, 11, 31))).toBe('汇客备份-20241231.db');
  });
});

describe('samePath', () => {
  it('compares resolved paths, case-insensitively on Windows and macOS', () => {
    expect(samePath('/a/b/../huike.db', '/a/huike.db', 'linux')).toBe(true);
    expect(samePath('/a/Huike.db', '/a/huike.db', 'linux')).toBe(false);
    expect(samePath('/a/Huike.db', '/a/huike.db', 'darwin')).toBe(true);
    expect(samePath('/a/Huike.db', '/a/huike.db', 'win32')).toBe(true);
  });
});
