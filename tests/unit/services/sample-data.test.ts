/**
 * The sample shop kept apart: loading it beside the owner's orders asks first, and removing it
 * takes everything of its own and leaves the owner's data exactly as it was.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import { UserError } from '../../../main/domain/errors.js';
import { testApp } from '../../helpers/test-app.js';
import { importText, query, tmallCsv } from '../../helpers/shop-files.js';

let app: HuikeApp;
beforeEach(async () => {
  app = await testApp({ onDisk: true });
});
afterEach(() => app.close());

const REAL = [
  { id: 'R1', paid: '128.00', orderedAt: '2024-03-01 10:00:00' },
  { id: 'R2', paid: '59.90', orderedAt: '2024-03-02 11:00:00', status: '卖家已发货，等待买家确认' },
];

/** The owner's own rows, as stored (ids included): what must survive the removal byte for byte. */
function ownData(a: HuikeApp) {
  return {
    shops: query(a, 'SELECT * FROM shops WHERE is_sample = 0 ORDER BY id'),
    orders: query(
      a,
      'SELECT o.* FROM orders o JOIN shops s ON s.id = o.shop_id WHERE s.is_sample = 0 ORDER BY o.id',
    ),
    lines: query(
      a,
      `SELECT l.* FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN shops s ON s.id = o.shop_id
       WHERE s.is_sample = 0 ORDER BY l.id`,
    ),
    batches: query(
      a,
      `SELECT b.* FROM import_batches b JOIN shops s ON s.id = b.shop_id WHERE s.is_sample = 0 ORDER BY b.id`,
    ),
  };
}

describe('loading the sample shop', () => {
  it('beside the owner’s orders is refused until the owner confirms', async () => {
    await importText(app, 'real.csv', tmallCsv(REAL));
    const error = await app.invoke('demo.load', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: 'demo.confirmMixed', params: { orders: 2 } });
    expect((error as UserError).message).toContain('--yes');
    expect((await app.invoke('shops.list', {})).some((s) => s.isSample)).toBe(false);

    const loaded = await app.invoke('demo.load', { confirmMixed: true });
    expect(loaded.shops).toBe(3);
    const shops = await app.invoke('shops.list', {});
    expect(shops.filter((s) => s.isSample).map((s) => s.name)).toEqual([
      '青禾家居旗舰店',
      '青禾家居京东旗舰店',
      '青禾家居微商城',
    ]);
    // The owner's Tmall orders stayed in the owner's shop.
    expect(shops.find((s) => !s.isSample)).toMatchObject({ name: '天猫/淘宝店铺', orders: 2 });
  });

  it('never joins an owner’s shop of the same name, and never overwrites the owner’s products', async () => {
    await importText(app, 'real.csv', tmallCsv(REAL, '青禾家居旗舰店'));
    // The owner's own cost for a SKU the sample's catalogue also has (the app is idle: a second
    // connection may write).
    const own = new Database(app.dbPath);
    own
      .prepare(
        "INSERT INTO products (sku, title, unit_cost_fen, created_at) VALUES ('QH-TEA-001', '我的龙井', 111, 'x')",
      )
      .run();
    own.close();
    await app.invoke('demo.load', { confirmMixed: true });
    expect(
      query(app, "SELECT title, unit_cost_fen, first_op_id FROM products WHERE sku = 'QH-TEA-001'"),
    ).toEqual([{ title: '我的龙井', unit_cost_fen: 111, first_op_id: null }]);
    await app.invoke('demo.remove', {});
    expect(query(app, 'SELECT sku FROM products')).toEqual([{ sku: 'QH-TEA-001' }]);
    await app.invoke('demo.load', { confirmMixed: true });
    const tmall = (await app.invoke('shops.list', {})).filter((s) => s.platform === 'tmall');
    expect(tmall.map((s) => [s.name, s.isSample, s.orders > 2])).toEqual([
      ['青禾家居旗舰店', false, false],
      ['青禾家居旗舰店（示例）', true, true],
    ]);
  });
});

describe('removing the sample data', () => {
  it('deletes the sample shops and everything only they use, and leaves the owner’s data as it was', async () => {
    // What the owner's file alone gives, in a database that never saw the sample.
    const alone = await testApp({ onDisk: true });
    await importText(alone, 'real.csv', tmallCsv(REAL));
    const aloneSummary = await alone.invoke('dashboard.summary', {});
    await alone.close();

    await app.invoke('demo.load', {});
    // The owner's buyer is also a sample buyer: the account is shared (the sample saw it first).
    const [shared] = query<{ account_key: string }>(
      app,
      "SELECT account_key FROM buyer_accounts WHERE platform = 'tmall' AND key_kind = 'member_name' LIMIT 1",
    );
    const real = REAL.map((r, i) => (i === 0 ? { ...r, buyer: shared!.account_key } : r));
    const batch = await importText(app, 'real.csv', tmallCsv(real));
    await app.invoke('shops.update', {
      shopId: (await app.invoke('shops.list', {})).find((s) => s.isSample)!.id,
      name: '示例改名',
    });
    const before = ownData(app);
    expect(before.orders).toHaveLength(2);

    const progress: string[] = [];
    const off = app.onProgress((e) => progress.push(e.phase));
    const removed = await app.invoke('demo.remove', { jobId: 'remove-sample' });
    off();
    expect(progress).toContain('removing');
    expect(removed).toMatchObject({ shops: 3, batches: 3 });
    expect(removed.orders).toBeGreaterThan(10_000);
    expect(removed.products).toBeGreaterThan(0);

    expect(ownData(app)).toEqual(before);
    const summary = await app.invoke('dashboard.summary', {});
    expect(summary).toEqual(aloneSummary);
    expect(await app.invoke('shops.list', {})).toEqual([
      expect.objectContaining({ name: '天猫/淘宝店铺', isSample: false, orders: 2 }),
    ]);
    const history = await app.invoke('imports.list', {});
    expect(history.batches.map((b) => b.id)).toEqual([batch.id]);
    // Only the owner's import (and the buyer merge that followed it) and the removal itself are
    // left in the log.
    expect(query(app, 'SELECT kind FROM operations ORDER BY id')).toEqual([
      { kind: 'import' },
      { kind: 'merge' },
      { kind: 'demo_removal' },
    ]);
    expect(query(app, 'SELECT DISTINCT op_id FROM operation_changes')).toEqual([]);
    // The shared account stays (the owner's order uses it), now dated from the owner's import.
    expect(
      query(app, 'SELECT first_op_id FROM buyer_accounts WHERE account_key = ?', shared!.account_key),
    ).toEqual([{ first_op_id: batch.id }]);
    expect(query(app, 'SELECT count(*) AS n FROM buyer_accounts')).toEqual([{ n: 2 }]);
    expect(query(app, 'SELECT count(*) AS n FROM products')).toEqual([{ n: 0 }]);
    expect(query(app, 'PRAGMA foreign_key_check')).toEqual([]);

    // Nothing left to remove: nothing happens.
    expect(await app.invoke('demo.remove', {})).toMatchObject({ operationId: null, shops: 0, orders: 0 });
  });

  it('can be cancelled, and then nothing was removed', async () => {
    await app.invoke('demo.load', {});
    const stop = app.onProgress((e) => {
      if (e.jobId === 'rm' && e.phase === 'removing') void app.invoke('jobs.cancel', { jobId: 'rm' });
    });
    await expect(app.invoke('demo.remove', { jobId: 'rm' })).rejects.toMatchObject({
      name: 'CancelledError',
    });
    stop();
    expect((await app.invoke('shops.list', {})).filter((s) => s.isSample)).toHaveLength(3);
    expect(query(app, "SELECT count(*) AS n FROM operations WHERE kind = 'demo_removal'")).toEqual([
      { n: 0 },
    ]);
  });
});
