import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index.js';
import { createDb, migrateToLatest, type HuikeDb } from '../../../db/index.js';
import { freshDb } from '../../helpers/test-db.js';

let h: HuikeDb | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('migrations', () => {
  it('run every migration on a fresh database and create the tables', async () => {
    h = await freshDb();
    const names = (
      h.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((r) => r.name);
    for (const table of [
      'shops',
      'import_batches',
      'orders',
      'order_lines',
      'buyer_accounts',
      'customers',
      'batch_changes',
      'products',
    ]) {
      expect(names).toContain(table);
    }
    const applied = h.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as {
      name: string;
    }[];
    expect(applied.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
  });

  it('are numbered, in order, and a second run applies nothing', async () => {
    const keys = Object.keys(migrations);
    expect(keys).toEqual([...keys].sort());
    keys.forEach((k, i) => expect(k.startsWith(String(i + 1).padStart(4, '0'))).toBe(true));
    h = await freshDb();
    expect(await migrateToLatest(h.db)).toEqual([]);
  });

  it('sets the pragmas on a file database', async () => {
    const file = `${process.env.TMPDIR ?? '/tmp'}/huike-pragmas-${process.pid}-${Date.now()}.db`;
    h = await createDb({ filename: file });
    expect(h.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(h.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(h.sqlite.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('stores money as integer fen and refuses a fractional amount', async () => {
    h = await freshDb();
    h.sqlite.prepare("INSERT INTO shops (platform, name, created_at) VALUES ('tmall', 's', 'x')").run();
    h.sqlite
      .prepare(
        "INSERT INTO orders (shop_id, platform_order_id, paid_fen, first_batch_id, last_batch_id) VALUES (1, 'a', 12345, 1, 1)",
      )
      .run();
    const row = h.sqlite.prepare('SELECT typeof(paid_fen) AS t FROM orders').get() as { t: string };
    expect(row.t).toBe('integer');
    expect(() => h!.sqlite.prepare('UPDATE orders SET paid_fen = 123.45').run()).toThrow(/CHECK constraint/);
  });
});
