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
      h.readSqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((r) => r.name);
    for (const table of [
      'shops',
      'operations',
      'operation_changes',
      'import_batches',
      'batch_problems',
      'orders',
      'order_lines',
      'buyer_accounts',
      'customers',
      'products',
    ]) {
      expect(names).toContain(table);
    }
    const applied = h.readSqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as {
      name: string;
    }[];
    expect(applied.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
  });

  it('are numbered, in order, and a second run applies nothing', async () => {
    const keys = Object.keys(migrations);
    expect(keys).toEqual([...keys].sort());
    keys.forEach((k, i) => expect(k.startsWith(String(i + 1).padStart(4, '0'))).toBe(true));
    h = await freshDb();
    expect(await migrateToLatest(h.reader)).toEqual([]);
  });

  it('sets the pragmas on a file database', async () => {
    const file = `${process.env.TMPDIR ?? '/tmp'}/huike-pragmas-${process.pid}-${Date.now()}.db`;
    h = await createDb({ filename: file });
    const pragmas = await h.writer.exclusive(async (sqlite) => ({
      journal: sqlite.pragma('journal_mode', { simple: true }),
      foreignKeys: sqlite.pragma('foreign_keys', { simple: true }),
      synchronous: sqlite.pragma('synchronous', { simple: true }),
    }));
    expect(pragmas).toEqual({ journal: 'wal', foreignKeys: 1, synchronous: 1 });
    expect(h.readSqlite.readonly).toBe(true);
  });

  it('stores money as integer minor units: a STRICT table refuses a fractional amount', async () => {
    h = await freshDb();
    await h.writer.transaction(async (tx) => {
      tx.sqlite.prepare("INSERT INTO operations (kind, created_at) VALUES ('import', 'x')").run();
      tx.sqlite.prepare("INSERT INTO shops (platform, name, created_at) VALUES ('tmall', 's', 'x')").run();
      tx.sqlite
        .prepare(
          "INSERT INTO orders (shop_id, platform_order_id, currency, paid_fen, first_op_id, last_op_id) VALUES (1, 'a', 'CNY', 12345, 1, 1)",
        )
        .run();
      expect(() => tx.sqlite.prepare('UPDATE orders SET paid_fen = 123.45').run()).toThrow(
        /cannot store REAL value in INTEGER column/,
      );
      expect(() => tx.sqlite.prepare("UPDATE orders SET status = 'lost'").run()).toThrow(/CHECK constraint/);
    });
    const row = h.readSqlite.prepare('SELECT typeof(paid_fen) AS t FROM orders').get() as { t: string };
    expect(row.t).toBe('integer');
  });

  it("refuses a write outside the writer's transaction", async () => {
    h = await freshDb();
    let escaped: { sqlite: unknown } | null = null;
    await h.writer.transaction(async (tx) => {
      escaped = tx;
    });
    expect(() => escaped!.sqlite).toThrow(/outside its transaction/);
  });
});
