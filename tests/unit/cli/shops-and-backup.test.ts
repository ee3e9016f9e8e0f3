/** `huike shops`, `huike demo [--yes|--remove]`, `huike backup`, `huike restore`, run in-process. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ShopSummary } from '../../../main/api/contract.js';
import { runCliInProcess as huike } from '../../helpers/run-cli-in-process.js';
import { tmallCsv, writeTemp } from '../../helpers/shop-files.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'huike-cli-shops-'));

const REAL = tmallCsv([
  { id: 'C1', paid: '88.00', orderedAt: '2024-05-01 10:00:00' },
  { id: 'C2', paid: '12.00', orderedAt: '2024-05-02 10:00:00' },
]);

async function shops(db: string): Promise<ShopSummary[]> {
  const r = await huike(['--db', db, 'shops', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { shops: ShopSummary[] }).shops;
}

describe('huike demo', () => {
  it('asks for --yes beside the owner’s orders, and --remove takes the sample away again', async () => {
    const db = path.join(tmp(), 'a.db');
    const file = writeTemp('real.csv', REAL);
    expect((await huike(['--db', db, 'import', file, '--json'])).code).toBe(0);

    const refused = await huike(['--db', db, 'demo']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--yes');
    expect((await shops(db)).some((s) => s.isSample)).toBe(false);

    const loaded = await huike(['--db', db, 'demo', '--yes', '--json']);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(JSON.parse(loaded.stdout)).toMatchObject({ shops: 3 });
    const listed = await huike(['--db', db, 'shops']);
    expect(listed.stdout).toMatch(/青禾家居旗舰店 ［示例］/);

    const removed = await huike(['--db', db, 'demo', '--remove']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain('已删除示例数据：3 个店铺');
    expect(await shops(db)).toEqual([
      expect.objectContaining({ name: '天猫/淘宝店铺', orders: 2, isSample: false }),
    ]);
  });
});

describe('huike shops', () => {
  it('renames, re-zones and merges shops', async () => {
    const db = path.join(tmp(), 'a.db');
    await huike(['--db', db, 'import', writeTemp('a.csv', REAL), '--shop', '店A']);
    const other = tmallCsv([{ id: 'C3', paid: '1.00', orderedAt: '2024-05-03 10:00:00' }]);
    await huike(['--db', db, 'import', writeTemp('b.csv', other), '--shop', '店B']);
    const [a, b] = await shops(db);

    const renamed = await huike([
      '--db',
      db,
      'shops',
      'set',
      String(a!.id),
      '--name',
      '汇客旗舰店',
      '--timezone',
      'Asia/Hong_Kong',
    ]);
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(renamed.stdout).toContain('已修改名称、时区');
    const taken = await huike(['--db', db, 'shops', 'set', String(b!.id), '--name', '汇客旗舰店']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('已经有名为「汇客旗舰店」的店铺');
    const badZone = await huike(['--db', db, 'shops', 'set', String(b!.id), '--timezone', 'Nowhere/Here']);
    expect(badZone.code).toBe(1);
    expect(badZone.stderr).toContain('Nowhere/Here');

    const merged = await huike(['--db', db, 'shops', 'merge', String(b!.id), String(a!.id), '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(JSON.parse(merged.stdout)).toMatchObject({
      ordersMoved: 1,
      into: { name: '汇客旗舰店', orders: 3 },
    });
    expect((await shops(db)).map((s) => [s.name, s.timezone])).toEqual([['汇客旗舰店', 'Asia/Hong_Kong']]);
    expect((await huike(['--db', db, 'shops', 'merge', 'x', '1'])).code).toBe(1);
  });

  it('import --help says which shop a file goes into by default', async () => {
    const help = await huike(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('never the sample shop');
  });
});

describe('huike backup and restore', () => {
  it('backs up, refuses to overwrite, restores with a safety copy, and refuses a file that is no backup', async () => {
    const dir = tmp();
    const db = path.join(dir, 'huike.db');
    await huike(['--db', db, 'import', writeTemp('a.csv', REAL)]);
    const backup = path.join(dir, 'backup.db');
    const saved = await huike(['--db', db, 'backup', backup]);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toContain(backup);
    expect(existsSync(backup)).toBe(true);
    const again = await huike(['--db', db, 'backup', backup]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已经存在');

    await huike(['--db', db, 'demo', '--yes']);
    const restored = await huike(['--db', db, 'restore', backup, '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    const result = JSON.parse(restored.stdout) as { safetyCopy: string; orders: number };
    expect(result.orders).toBe(2);
    expect(path.dirname(result.safetyCopy)).toBe(dir);
    expect(existsSync(result.safetyCopy)).toBe(true);
    expect((await shops(db)).map((s) => s.name)).toEqual(['天猫/淘宝店铺']);

    const human = await huike(['--db', db, 'restore', result.safetyCopy]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('恢复前的数据已保存在');
    expect((await shops(db)).filter((s) => s.isSample)).toHaveLength(3);

    const notBackup = path.join(dir, 'orders.csv');
    writeFileSync(notBackup, REAL);
    const refused = await huike(['--db', db, 'restore', notBackup]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(notBackup);
    expect(refused.stderr).toContain('不是汇客的数据备份');
  });
});
