/**
 * Every buyer account is a customer from its first import on, and the per-customer summary stays
 * right through everything that changes orders, accounts or customers: import, re-import, undo,
 * the sample's load and removal, shop merges and shop edits.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type HuikeDb } from '../../../db/index.js';
import { createApp } from '../../../main/api/create-app.js';
import type { ParsedOrder } from '../../../main/domain/orders/types.js';
import { undoBatch } from '../../../main/services/import/undo.js';
import { updateShop } from '../../../main/services/shops/edit-shop.js';
import { mergeShops } from '../../../main/services/shops/merge-shops.js';
import { FIXED_NOW, fixedClock, freshDb } from '../../helpers/test-db.js';
import { importText, tmallCsv } from '../../helpers/shop-files.js';
import { writeFragments, type FragmentShop } from '../../helpers/write-fragments.js';
import { expectSummariesFresh } from './summary-check.js';

let h: HuikeDb;
beforeEach(async () => {
  h = await freshDb();
});
afterEach(() => h.close());

const NOW = FIXED_NOW.toISOString();
const SHOP: FragmentShop = { platform: 'tmall', name: '测试店', currency: 'CNY' };

const order = (id: string, buyer: string, extra: Partial<ParsedOrder> = {}): ParsedOrder => ({
  platformOrderId: id,
  sourceRows: [2],
  status: 'completed',
  statusRaw: '交易成功',
  orderedAt: '2026-11-01T02:00:00.000Z',
  paidAt: '2026-11-01T02:01:00.000Z',
  paidFen: 10_000,
  refundFen: 0,
  buyer: { kind: 'member_name', key: buyer },
  receiver: { name: '张**', phone: '138****5678' },
  ...extra,
});

const rows = <T>(sql: string, ...params: unknown[]) => h.readSqlite.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => h.readSqlite.prepare(sql).get(...params) as T;

/** ',b,a,' → 'a,b': the stored lists keep no order. */
const setOf = (stored: unknown) => String(stored).split(',').filter(Boolean).sort().join(',');

function statsOf(key: string) {
  return one<Record<string, unknown>>(
    `SELECT s.*, a.customer_via FROM customer_stats s JOIN buyer_accounts a ON a.customer_id = s.customer_id
     WHERE a.account_key = ?`,
    key,
  );
}

describe('a customer per buyer account', () => {
  it('the import gives each new account its own customer, made by the import', async () => {
    const batch = await writeFragments(h, [order('A', 'tb_a'), order('B', 'tb_b'), order('C', 'tb_a')]);
    const customers = rows<{ id: number; first_op_id: number }>(
      'SELECT id, first_op_id FROM customers ORDER BY id',
    );
    expect(customers).toEqual([
      { id: 1, first_op_id: batch.batchId },
      { id: 2, first_op_id: batch.batchId },
    ]);
    expect(rows('SELECT account_key, customer_id, customer_via FROM buyer_accounts ORDER BY id')).toEqual([
      { account_key: 'tb_a', customer_id: 1, customer_via: 'single' },
      { account_key: 'tb_b', customer_id: 2, customer_via: 'single' },
    ]);
    expect(statsOf('tb_a')).toMatchObject({ accounts: 1, orders: 2, paid_orders: 2, name: '张**' });
    await expectSummariesFresh(h);
  });

  it('names a customer by its latest order’s receiver, a whole name before a masked one', async () => {
    await writeFragments(h, [
      order('A', 'tb_a', {
        orderedAt: '2026-10-01T02:00:00.000Z',
        receiver: { name: '张三丰', phone: '13812345678' },
      }),
      order('B', 'tb_a', {
        orderedAt: '2026-11-01T02:00:00.000Z',
        receiver: { name: '李**', phone: '139****0000' },
      }),
      order('C', 'tb_b', {
        orderedAt: '2026-10-01T02:00:00.000Z',
        receiver: { name: '王**', phone: '137****1111' },
      }),
      order('D', 'tb_b', { orderedAt: '2026-11-01T02:00:00.000Z', receiver: { name: '赵*', phone: null } }),
    ]);
    expect(statsOf('tb_a')).toMatchObject({ name: '张三丰', phone: '13812345678' });
    expect(statsOf('tb_b')).toMatchObject({ name: '赵*', phone: '137****1111' });
    const search = rows<{ masked_phones: string }>(
      "SELECT masked_phones FROM customer_search x JOIN buyer_accounts a ON a.customer_id = x.customer_id WHERE a.account_key = 'tb_a'",
    );
    expect(JSON.parse(search[0]!.masked_phones)).toEqual(['139****0000']);
  });

  it('a later import keeps the customers it finds and makes new ones after the highest id', async () => {
    await writeFragments(h, [order('A', 'tb_a')]);
    await writeFragments(h, [order('B', 'tb_a'), order('C', 'tb_c')], 'second.csv');
    expect(rows('SELECT account_key, customer_id FROM buyer_accounts ORDER BY id')).toEqual([
      { account_key: 'tb_a', customer_id: 1 },
      { account_key: 'tb_c', customer_id: 2 },
    ]);
    expect(statsOf('tb_a')).toMatchObject({ orders: 2 });
    await expectSummariesFresh(h);
  });
});

describe('the summary stays right', () => {
  it('through a re-import that changes statuses, refunds and an order’s buyer, and its undo', async () => {
    await writeFragments(h, [order('A', 'tb_a'), order('B', 'tb_a'), order('C', 'tb_b')]);
    const before = rows('SELECT * FROM customer_stats ORDER BY customer_id');
    const again = await writeFragments(
      h,
      [
        order('A', 'tb_a', { status: 'closed', statusRaw: '交易关闭', refundFen: 10_000 }),
        // The newer export names another buyer for B: it moves from tb_a to a new account.
        order('B', 'tb_new', { orderedAt: '2026-11-05T02:00:00.000Z' }),
        order('C', 'tb_b', { status: 'awaiting_payment', paidAt: null, paidFen: 0 }),
      ],
      'newer.csv',
    );
    expect(again.orders).toMatchObject({ updated: 3 });
    expect(statsOf('tb_a')).toMatchObject({ orders: 1, paid_orders: 1 });
    expect(
      one('SELECT net_fen FROM customer_spend WHERE customer_id = ?', statsOf('tb_a').customer_id),
    ).toEqual({
      net_fen: 0,
    });
    expect(statsOf('tb_new')).toMatchObject({ orders: 1, last_order_at: '2026-11-05T02:00:00.000Z' });
    expect(statsOf('tb_b')).toMatchObject({ orders: 1, paid_orders: 0 });
    await expectSummariesFresh(h);

    await undoBatch(h, again.batchId, { now: fixedClock });
    // tb_new went with the undone import, and its customer with it.
    expect(rows("SELECT id FROM buyer_accounts WHERE account_key = 'tb_new'")).toEqual([]);
    expect(rows('SELECT * FROM customer_stats ORDER BY customer_id')).toEqual(before);
    await expectSummariesFresh(h);
  });

  it('an unchanged re-import recomputes nothing it does not have to, and changes nothing', async () => {
    const orders = [order('A', 'tb_a'), order('B', 'tb_b')];
    await writeFragments(h, orders);
    const before = rows('SELECT * FROM customer_stats ORDER BY customer_id');
    await writeFragments(h, orders, 'same-again.csv');
    expect(rows('SELECT * FROM customer_stats ORDER BY customer_id')).toEqual(before);
    expect(rows('SELECT count(*) AS n FROM customers')).toEqual([{ n: 2 }]);
  });

  it('undoing the first import removes its customers; one an older batch shares stays', async () => {
    const first = await writeFragments(h, [order('A', 'tb_a'), order('B', 'tb_b')]);
    const second = await writeFragments(h, [order('C', 'tb_b'), order('D', 'tb_d')], 'second.csv');
    await undoBatch(h, second.batchId, { now: fixedClock });
    expect(rows('SELECT id FROM customers ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
    expect(statsOf('tb_b')).toMatchObject({ orders: 1 });
    await expectSummariesFresh(h);
    await undoBatch(h, first.batchId, { now: fixedClock });
    expect(rows('SELECT count(*) AS n FROM customers')).toEqual([{ n: 0 }]);
    expect(rows('SELECT count(*) AS n FROM customer_stats')).toEqual([{ n: 0 }]);
    expect(rows('SELECT count(*) AS n FROM customer_search')).toEqual([{ n: 0 }]);
  });

  it('through a shop merge: duplicate orders counted once, shops joined', async () => {
    await writeFragments(h, [order('A', 'tb_a'), order('B', 'tb_b')], 'a.csv', { ...SHOP, name: '店A' });
    await writeFragments(h, [order('A', 'tb_a'), order('C', 'tb_a')], 'b.csv', { ...SHOP, name: '店B' });
    expect(statsOf('tb_a')).toMatchObject({ orders: 3 });
    const shop = (name: string) => one<{ id: number }>('SELECT id FROM shops WHERE name = ?', name).id;
    const [a, b] = [shop('店A'), shop('店B')];
    expect(setOf(statsOf('tb_a').shop_ids)).toBe([a, b].sort().join(','));
    await mergeShops(h, b, a, NOW);
    expect(statsOf('tb_a')).toMatchObject({ orders: 2, shop_ids: `,${a},` });
    await expectSummariesFresh(h);
  });

  it('through shop edits: a currency relabels the spend, a platform change moves the accounts', async () => {
    await writeFragments(h, [order('A', 'alice')], 'sheet.csv', {
      platform: 'other',
      name: '表格店',
      currency: 'CNY',
    });
    await writeFragments(h, [order('B', 'alice')], 'yz.csv', {
      platform: 'youzan',
      name: '有赞店',
      currency: 'CNY',
    });
    const sheet = one<{ id: number }>("SELECT id FROM shops WHERE name = '表格店'").id;
    await updateShop(h, sheet, { currency: 'HKD' }, NOW);
    expect(
      rows(
        "SELECT currency FROM customer_spend s JOIN buyer_accounts a ON a.customer_id = s.customer_id WHERE a.platform = 'other'",
      ),
    ).toEqual([{ currency: 'HKD' }]);
    await expectSummariesFresh(h);

    // The sheet was the Youzan shop: its buyer joins the Youzan account of the same key, and the
    // customer the sheet's account had goes with that account (recorded, like the account).
    await updateShop(h, sheet, { platform: 'youzan', currency: 'CNY' }, NOW);
    expect(rows('SELECT platform, account_key FROM buyer_accounts')).toEqual([
      { platform: 'youzan', account_key: 'alice' },
    ]);
    expect(statsOf('alice')).toMatchObject({ orders: 2, platforms: ',youzan,' });
    expect(
      rows(
        "SELECT c.action FROM operation_changes c JOIN operations op ON op.id = c.op_id WHERE c.table_name = 'customers'",
      ),
    ).toEqual([{ action: 'delete' }]);
    await expectSummariesFresh(h);
  });

  it('a shop on another platform whose accounts another shop still uses: copies join the same customer', async () => {
    await writeFragments(h, [order('A', 'bob')], 'o1.csv', {
      platform: 'other',
      name: '表一',
      currency: 'CNY',
    });
    await writeFragments(h, [order('B', 'bob')], 'o2.csv', {
      platform: 'other',
      name: '表二',
      currency: 'CNY',
    });
    const second = one<{ id: number }>("SELECT id FROM shops WHERE name = '表二'").id;
    await updateShop(h, second, { platform: 'shopify' }, NOW);
    expect(rows('SELECT platform, customer_id, customer_via FROM buyer_accounts ORDER BY id')).toEqual([
      { platform: 'other', customer_id: 1, customer_via: 'single' },
      { platform: 'shopify', customer_id: 1, customer_via: 'single' },
    ]);
    expect(statsOf('bob')).toMatchObject({ accounts: 2, orders: 2 });
    expect(setOf(statsOf('bob').platforms)).toBe('other,shopify');
    await expectSummariesFresh(h);
  });
});

describe('the sample shop', () => {
  it('loads with a customer per account and leaves the owner’s customer summed up when removed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'huike-customers-sample-'));
    const dbPath = path.join(dir, 'huike.db');
    const open = () => createApp({ dbPath, stageDir: dir, appVersion: '0.0.0-test', now: fixedClock });
    let app = await open();
    await app.invoke('demo.load', {});
    await app.close();
    const sample = await createDb({ filename: dbPath });
    await expectSummariesFresh(sample);
    // A buyer of the sample's Tmall shop who also bought in the owner's shop.
    const shared = (
      sample.readSqlite
        .prepare("SELECT account_key AS k FROM buyer_accounts WHERE platform = 'tmall' ORDER BY id LIMIT 1")
        .get() as { k: string }
    ).k;
    const customers = (
      sample.readSqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }
    ).n;
    expect(customers).toBe(
      (sample.readSqlite.prepare('SELECT count(*) AS n FROM buyer_accounts').get() as { n: number }).n,
    );
    await sample.close();

    app = await open();
    await importText(
      app,
      'own.csv',
      tmallCsv([{ id: 'OWN1', buyer: shared, paid: '88.00', orderedAt: '2026-11-10 10:00:00' }]),
    );
    await app.invoke('demo.remove', {});
    await app.close();
    const own = await createDb({ filename: dbPath });
    try {
      expect(
        own.readSqlite
          .prepare(
            'SELECT account_key, orders, paid_orders FROM customer_stats s JOIN buyer_accounts a ON a.customer_id = s.customer_id',
          )
          .all(),
      ).toEqual([{ account_key: shared, orders: 1, paid_orders: 1 }]);
      await expectSummariesFresh(own);
    } finally {
      await own.close();
    }
  });
});
