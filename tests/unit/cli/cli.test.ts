import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';
import { runCliInProcess } from '../../helpers/run-cli-in-process.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'huike-cli-'));

describe('huike CLI', () => {
  it('--help lists the fixed commands and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['import', 'imports', 'undo', 'merge', 'customers', 'report', 'clv', 'export', 'demo']) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
    }
  });

  it('demo --json fills the database and prints one JSON document; imports --json lists its batches', () => {
    const db = path.join(tmp(), 'a.db');
    const demo = runCli(['--db', db, 'demo', '--json']);
    expect(demo.code, demo.stderr).toBe(0);
    const result = JSON.parse(demo.stdout) as {
      shops: number;
      orders: number;
      buyers: number;
      batches: number[];
    };
    expect(result.shops).toBe(3);
    expect(result.orders).toBeGreaterThan(10_000);
    expect(result.buyers).toBeGreaterThan(1_000);
    const imports = runCli(['imports', '--json'], { HUIKE_DB: db });
    expect(imports.code).toBe(0);
    const list = JSON.parse(imports.stdout) as { batches: { id: number; source: string; state: string }[] };
    expect(list.batches.map((b) => b.id).sort()).toEqual([...result.batches].sort());
    expect(list.batches.every((b) => b.source === 'demo' && b.state === 'committed')).toBe(true);
  });

  it('a failing command in a real process: exit 1 and exactly one JSON document on stdout', () => {
    const db = path.join(tmp(), 'missing.db');
    const r = runCli(['--db', db, 'imports', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'db.notFound', message: expect.stringContaining(db) },
    });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('huike CLI, in process', () => {
  it('exits 1 naming the file when it cannot be read, and writes nothing', async () => {
    const dir = tmp();
    const db = path.join(dir, 'a.db');
    const r = await runCliInProcess(['--db', db, 'import', path.join(dir, 'missing.csv'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'file.notFound' } });
    expect(r.stderr).toContain('missing.csv');
    const list = await runCliInProcess(['--db', db, 'imports', '--json']);
    expect(JSON.parse(list.stdout)).toEqual({ batches: [] });
  });

  it('exits 1 for a file whose layout it does not know, and writes nothing', async () => {
    const dir = tmp();
    const file = path.join(dir, 'notes.csv');
    writeFileSync(file, 'foo,bar\n1,2\n');
    const db = path.join(dir, 'a.db');
    const r = await runCliInProcess(['--db', db, 'import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('notes.csv');
    expect(r.stderr).toContain('无法识别');
    const list = await runCliInProcess(['--db', db, 'imports', '--json']);
    expect(JSON.parse(list.stdout)).toEqual({ batches: [] });
  });

  it('imports a home-made sheet with --mapping, into the shop named by --shop', async () => {
    const dir = tmp();
    const file = path.join(dir, '微店订单.csv');
    writeFileSync(
      file,
      '单号,下单时间,手机,金额\nW1,2026-11-01 10:00,13800000001,12.50\nW2,2026-11-02 11:00,13800000002,30\n',
    );
    const mapping = path.join(dir, 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({ orderId: '单号', orderedAt: '下单时间', buyerPhone: '手机', paidAmount: '金额' }),
    );
    const db = path.join(dir, 'a.db');
    const args = [
      '--db',
      db,
      'import',
      file,
      '--platform',
      'generic',
      '--mapping',
      mapping,
      '--shop',
      '微店',
      '--json',
    ];
    // The sheet names no currency: the CLI asks for it instead of assuming yuan.
    const unpriced = await runCliInProcess(args);
    expect(unpriced.code).toBe(1);
    expect(unpriced.stderr).toContain('--currency');
    expect(JSON.parse(unpriced.stdout)).toMatchObject({
      error: { code: 'import.currencyMissing', file: '微店订单.csv' },
    });
    const r = await runCliInProcess([...args, '--currency', 'CNY']);
    expect(r.code, r.stderr).toBe(0);
    const b = (JSON.parse(r.stdout) as { batches: Array<Record<string, unknown>> }).batches[0]!;
    expect(b).toMatchObject({
      platform: 'generic',
      shop: '微店',
      orders: { inserted: 2, updated: 0, unchanged: 0 },
    });
    expect(b.money).toEqual({ paidFen: 4250, refundFen: 0 });
    // The mapping is remembered for this header: the next file of the same layout needs none.
    const again = await runCliInProcess(['--db', db, 'import', file, '--shop', '微店', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(
      (JSON.parse(again.stdout) as { batches: Array<Record<string, unknown>> }).batches[0]!.orders,
    ).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it('exits 1 naming the file when --mapping is not JSON', async () => {
    const dir = tmp();
    const mapping = path.join(dir, 'm.json');
    writeFileSync(mapping, '{orderId: 单号');
    const r = await runCliInProcess([
      '--db',
      path.join(dir, 'a.db'),
      'import',
      mapping,
      '--mapping',
      mapping,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('m.json');
  });

  it('exits 1 for bad arguments', async () => {
    expect((await runCliInProcess(['undo', 'abc'])).code).toBe(1);
    expect((await runCliInProcess(['no-such-command'])).code).toBe(1);
    expect((await runCliInProcess(['import', 'x.csv', '--platform', 'amazon'])).code).toBe(1);
  });
});
