/**
 * Every failure of the terminal ends in a message a user can act on: one JSON document with --json,
 * one line on stderr, exit 1 for the user's errors and 2 for bugs; a database path that is wrong
 * in any way is named with what to do; messages in the chosen language. Run in process (the same
 * `main` the command runs); cli.test.ts runs one failure in a real process.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../main/api/create-app.js';
import { MAPPING_KEYS } from '../../../main/api/input-errors.js';
import { reportFailure } from '../../../main/cli/index.js';
import { UserError } from '../../../main/domain/errors.js';
import { runCliInProcess } from '../../helpers/run-cli-in-process.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'huike-cli-errors-'));

interface ErrorDocument {
  error: { code: string; message: string; file?: string; row?: number; column?: string };
}
const documentOf = (stdout: string) => JSON.parse(stdout) as ErrorDocument;

describe('--json failures', () => {
  it('print exactly one document {error: {code, message, file}} and exit 1 for a user error', async () => {
    const dir = tmp();
    const png = path.join(dir, 'screenshot.csv');
    writeFileSync(
      png,
      Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex'),
    );
    const r = await runCliInProcess(['--db', path.join(dir, 'a.db'), 'import', png, '--json']);
    expect(r.code).toBe(1);
    expect(documentOf(r.stdout)).toEqual({
      error: {
        code: 'file.binary',
        message: expect.stringContaining('screenshot.csv 不是文本或 Excel 文件'),
        file: 'screenshot.csv',
      },
    });
    // People read stderr: the same words, on one line, no stack trace.
    const lines = r.stderr.trim().split('\n');
    expect(lines.at(-1)).toBe(documentOf(r.stdout).error.message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a usage error is a document too', async () => {
    const r = await runCliInProcess(['imports', '--json', '--no-such-flag']);
    expect(r.code).toBe(1);
    expect(documentOf(r.stdout.slice(r.stdout.indexOf('{')))).toMatchObject({
      error: { code: 'cli.usage', message: expect.stringContaining('--no-such-flag') },
    });
  });

  it('an internal error exits 2 with a short line; the stack only with HUIKE_DEBUG=1', () => {
    const written: string[] = [];
    const out = vi
      .spyOn(process.stdout, 'write')
      .mockImplementation(((s: string) => written.push(s)) as never);
    const err = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation(((s: string) => written.push(s)) as never);
    try {
      const bug = new TypeError('cannot read x of undefined');
      expect(reportFailure(bug, { lang: 'en', json: true })).toBe(2);
      expect(JSON.parse(written[0]!)).toEqual({
        error: {
          code: 'internal.unexpected',
          message: expect.stringContaining('cannot read x of undefined'),
        },
      });
      expect(written[1]).toMatch(/^Internal error: cannot read x of undefined\. .*HUIKE_DEBUG=1/);
      expect(written).toHaveLength(2);
      written.length = 0;
      vi.stubEnv('HUIKE_DEBUG', '1');
      expect(reportFailure(bug, { lang: 'zh-CN', json: false })).toBe(2);
      expect(written[0]).toMatch(/^内部错误：cannot read x of undefined/);
      expect(written[1]).toContain('TypeError: cannot read x of undefined\n    at ');
      // A cancel is the user's doing: exit 1, no stack.
      written.length = 0;
      expect(reportFailure(new UserError({ code: 'job.cancelled' }), { lang: 'en', json: false })).toBe(1);
      expect(written).toEqual(['Cancelled; nothing was changed.\n']);
    } finally {
      vi.unstubAllEnvs();
      out.mockRestore();
      err.mockRestore();
    }
  });
});

describe('--db at a path that does not exist', () => {
  it('a command that only reads says so, exits 1 and creates nothing', async () => {
    const dir = tmp();
    const db = path.join(dir, 'typo', 'huikee.db');
    for (const args of [['imports'], ['customers'], ['report', 'profit'], ['report', 'value']]) {
      const r = await runCliInProcess(['--db', db, ...args, '--json']);
      expect(r.code, args.join(' ')).toBe(1);
      expect(documentOf(r.stdout).error).toMatchObject({ code: 'db.notFound' });
      expect(documentOf(r.stdout).error.message).toContain(db);
    }
    const exported = await runCliInProcess(['--db', db, 'export', 'vip', '--out', path.join(dir, 'vip.csv')]);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toBe(
      `数据库 ${db} 不存在。请检查路径是否拼写正确（--db 或 HUIKE_DB）；要新建数据库，先导入订单（huike import）或载入示例店铺（huike demo）。\n`,
    );
    expect(existsSync(path.join(dir, 'typo'))).toBe(false);
  });

  it('a command that writes creates it and says so on stderr', async () => {
    const db = path.join(tmp(), 'new.db');
    const r = await runCliInProcess(['--db', db, 'undo', '7']);
    expect(existsSync(db)).toBe(true);
    expect(r.stderr.split('\n')[0]).toBe(`已新建数据库 ${db}`);
    // …and then the command's own answer: there is no batch 7 in a new database.
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有编号为 #7 的导入批次');
    const again = await runCliInProcess(['--db', db, 'undo', '7']);
    expect(again.stderr).not.toContain('已新建数据库');
  });
});

describe('--db at a file that is not a Huike database', () => {
  const failure = async (db: string, lang = 'en') => {
    const r = await runCliInProcess(['--db', db, '--lang', lang, 'imports', '--json']);
    expect(r.code).toBe(1);
    return documentOf(r.stdout).error;
  };

  it('not SQLite at all: named, and the file is left as it was', async () => {
    const db = path.join(tmp(), 'orders.csv');
    writeFileSync(db, '订单编号,金额\n1,2\n'.repeat(20));
    const before = readFileSync(db);
    const error = await failure(db);
    expect(error.code).toBe('db.notSqlite');
    expect(error.message).toBe(
      `${db} is not a Huike database (it is not an SQLite database file: the wrong file, or a damaged one). Check the database path (--db or HUIKE_DB); if the file is damaged, use a backup.`,
    );
    expect(readFileSync(db)).toEqual(before);
    expect(existsSync(`${db}-wal`)).toBe(false);
  });

  it("another program's SQLite database: named, and not touched (no tables added, journal mode kept)", async () => {
    const db = path.join(tmp(), 'notes.sqlite');
    const other = new Database(db);
    other.exec('CREATE TABLE notes (text TEXT)');
    other.close();
    const error = await failure(db, 'zh-CN');
    expect(error.code).toBe('db.notHuike');
    expect(error.message).toContain(`${db} 是其他程序的 SQLite 数据库`);
    const check = new Database(db, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual([
      'notes',
    ]);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('a database of a newer Huike: says to update, names the structure it does not know', async () => {
    const db = path.join(tmp(), 'huike.db');
    const app = await createApp({ dbPath: db, stageDir: tmp(), appVersion: 'test' });
    await app.close();
    const raw = new Database(db);
    raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('0002-customers', 'later')").run();
    raw.close();
    const error = await failure(db);
    expect(error.code).toBe('db.newerSchema');
    expect(error.message).toContain('newer version of Huike');
    expect(error.message).toContain('0002-customers');
  });

  it('a folder: says to point at the file inside it', async () => {
    const dir = tmp();
    expect((await failure(dir)).code).toBe('db.isFolder');
  });

  it('a folder that cannot take a new file (a file where the folder should be): names the folder', async () => {
    // Works as root too: no permission bit stops root, but a regular file is never a folder.
    const dir = tmp();
    const file = path.join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const db = path.join(file, 'huike.db');
    const r = await runCliInProcess(['--db', db, '--lang', 'en', 'demo', '--json']);
    expect(r.code).toBe(1);
    expect(documentOf(r.stdout).error).toEqual({
      code: 'db.cannotCreate',
      message: expect.stringContaining(`Cannot create the database ${db} in ${file}`),
    });
  });

  it('a read-only folder: names the file and what to do', async (context) => {
    // chmod stops everyone but root; tests may run as root, where this one case cannot be made.
    if (process.getuid?.() === 0) context.skip();
    const dir = tmp();
    const locked = path.join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    try {
      const r = await runCliInProcess(['--db', path.join(locked, 'huike.db'), 'demo', '--json']);
      expect(r.code).toBe(1);
      expect(documentOf(r.stdout).error.code).toBe('db.cannotCreate');
    } finally {
      chmodSync(locked, 0o755);
    }
    expect(statSync(locked).isDirectory()).toBe(true);
  });
});

describe('the language of messages', () => {
  afterEach(() => vi.unstubAllEnvs());

  const missingBatch = async (db: string, args: string[] = [], env: Record<string, string> = {}) =>
    (await runCliInProcess(['--db', db, ...args, 'undo', '99'], env)).stderr.trim().split('\n').at(-1);

  it('--lang, else HUIKE_LANG, else the app’s saved language, else zh-CN', async () => {
    const db = path.join(tmp(), 'huike.db');
    expect(await missingBatch(db)).toBe('没有编号为 #99 的导入批次（huike imports 列出所有批次）。');
    expect(await missingBatch(db, ['--lang', 'en'])).toBe(
      'There is no import batch #99 (huike imports lists them).',
    );
    expect(await missingBatch(db, [], { HUIKE_LANG: 'en' })).toBe(
      'There is no import batch #99 (huike imports lists them).',
    );
    const app = await createApp({ dbPath: db, stageDir: tmp(), appVersion: 'test' });
    await app.invoke('settings.set', { language: 'en' });
    await app.close();
    expect(await missingBatch(db)).toBe('There is no import batch #99 (huike imports lists them).');
    expect(await missingBatch(db, ['--lang', 'zh-CN'])).toMatch(/^没有编号为 #99/);
  });

  it('human output is in the language too, with thousands separators', async () => {
    const dir = tmp();
    const file = path.join(dir, 'orders.csv');
    const rows = ['订单号,下单时间,金额'];
    for (let i = 0; i < 1234; i++) rows.push(`N${i},2026-11-01 10:00,1000.00`);
    rows.push('N-bad,2026-11-01 10:00,abc');
    writeFileSync(file, rows.join('\n') + '\n');
    const mapping = path.join(dir, 'm.json');
    writeFileSync(mapping, JSON.stringify({ orderId: '订单号', orderedAt: '下单时间', paidAmount: '金额' }));
    const db = path.join(dir, 'a.db');
    const common = [
      '--db',
      db,
      'import',
      file,
      '--mapping',
      mapping,
      '--platform',
      'generic',
      '--currency',
      'CNY',
    ];
    const en = await runCliInProcess(['--lang', 'en', ...common]);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain('  1,235 rows read = 1,234 imported + 1 refused');
    expect(en.stdout).toContain('  orders: new 1,234 / updated 0 / unchanged 0');
    expect(en.stdout).toContain('  paid: ¥1,234,000.00');
    expect(en.stdout).toContain('    row 1,236, “金额”: “abc” in “金额” is not an amount');
    const zh = await runCliInProcess(['--db', db, 'imports']);
    expect(zh.stdout).toMatch(/已导入 {2}orders\.csv {2}\[generic\] .* {2}行 1,235 {2}订单 新增 1,234/);
  });
});

describe('import --dry-run', () => {
  it('says why a file would not be imported, once, naming it', async () => {
    const dir = tmp();
    const empty = path.join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const r = await runCliInProcess([
      '--db',
      path.join(dir, 'a.db'),
      '--lang',
      'en',
      'import',
      empty,
      '--dry-run',
    ]);
    expect(r.stdout).toBe(
      'empty.csv is empty: there is nothing to import. Export it from the platform again.\n',
    );
  });
});

describe('--mapping', () => {
  it('an unknown key lists the valid keys, naming the mapping file', async () => {
    const dir = tmp();
    const mapping = path.join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ orderId: '单号', amount: '金额' }));
    const r = await runCliInProcess([
      '--lang',
      'en',
      '--db',
      path.join(dir, 'a.db'),
      'import',
      mapping,
      '--mapping',
      mapping,
      '--json',
    ]);
    expect(r.code).toBe(1);
    const { error } = documentOf(r.stdout);
    expect(error).toMatchObject({ code: 'mapping.unknownKey', file: mapping });
    expect(error.message).toContain('"amount"');
    expect(error.message).toContain('orderId, orderedAt, paidAt, status, buyer');
    expect(error.message).not.toContain('Unrecognized key');
    expect(existsSync(path.join(dir, 'a.db'))).toBe(false);
  });

  it('the README documents every key in its table', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const documented = [...readme.matchAll(/^\| `(\w+)` +\|/gm)].map((m) => m[1]);
    expect(documented).toEqual([...MAPPING_KEYS]);
  });

  it('import --help documents every key', async () => {
    const r = await runCliInProcess(['import', '--help']);
    expect(r.code).toBe(0);
    for (const key of [
      'orderId',
      'paidAmount',
      'lineAmount',
      'currency',
      'note',
      'statusValues',
      'refunded',
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${key}\\s|${key}`, 'm'));
    }
    expect(r.stdout).toMatch(/^\s+orderId\s+订单号: the order number \(required/m);
  });
});
