/**
 * 客户 360 on a customer of two accounts on two platforms (joined here in SQL, as the buyer merge
 * will join them): its accounts, totals per platform, the link that joined them with its evidence
 * masked, every order on one timeline, note and tags through the operation log.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeDb } from '../../../db/index.js';
import { UserError } from '../../../main/domain/errors.js';
import { customerDetail } from '../../../main/services/customers/detail.js';
import { listCustomers } from '../../../main/services/customers/list.js';
import { customerOrders } from '../../../main/services/customers/orders.js';
import { refreshCustomerStats } from '../../../main/services/customers/stats.js';
import { updateCustomer } from '../../../main/services/customers/update.js';
import { DEFAULT_CUSTOMERS_SORT } from '../../../main/shared/customers-query.js';
import { FIXED_NOW, freshDb } from '../../helpers/test-db.js';
import { seedOrders } from '../orders/orders-fixture.js';
import { expectSummariesFresh } from './summary-check.js';

let h: HuikeDb;
let alice: number;
beforeEach(async () => {
  h = await freshDb();
  await seedOrders(h);
  alice = await joinAccounts(h, 'tb_alice', 'jd_dave');
});
afterEach(() => h.close());

const NOW = FIXED_NOW.toISOString();

/**
 * Moves `other`'s account into `key`'s customer, as an automatic merge with its link and evidence,
 * and sums both customers up again. Returns the customer id.
 */
async function joinAccounts(db: HuikeDb, key: string, other: string): Promise<number> {
  return db.writer.transaction(async (tx) => {
    const account = (k: string) =>
      tx.sqlite.prepare('SELECT id, customer_id FROM buyer_accounts WHERE account_key = ?').get(k) as {
        id: number;
        customer_id: number;
      };
    const [a, b] = [account(key), account(other)];
    const op = Number(
      tx.sqlite.prepare("INSERT INTO operations (kind, created_at) VALUES ('merge', ?)").run(NOW)
        .lastInsertRowid,
    );
    tx.sqlite
      .prepare("UPDATE buyer_accounts SET customer_id = ?, customer_via = 'auto' WHERE id = ?")
      .run(a.customer_id, b.id);
    tx.sqlite.prepare('DELETE FROM customers WHERE id = ?').run(b.customer_id);
    const evidence = [
      { field: 'phone', level: 'masked_compatible', bits: 6.5, a: '13812345678', b: '1******5678' },
      { field: 'name', level: 'surname', bits: 2.25, a: '张三丰', b: '张**' },
      { field: 'district', level: 'exact', bits: 1.5, a: '西湖区', b: '西湖区' },
      { field: 'pinyin', level: 'exact', bits: 3, a: 'zhangsanfeng', b: 'zhangsanfeng' },
    ];
    tx.sqlite
      .prepare(
        `INSERT INTO merge_links (account_a, account_b, weight, zone, strong, evidence_json, rule, run_op_id)
         VALUES (?, ?, 13.25, 'auto', 1, ?, 'phone_masked', ?)`,
      )
      .run(Math.min(a.id, b.id), Math.max(a.id, b.id), JSON.stringify(evidence), op);
    await refreshCustomerStats(tx, 'SELECT @a UNION SELECT @b', { a: a.customer_id, b: b.customer_id });
    return a.customer_id;
  });
}

describe('客户 360', () => {
  it('shows both accounts, how the second joined, and totals per platform', async () => {
    const d = await customerDetail(h.reader, alice);
    expect(d.accounts.map((a) => [a.platform, a.key, a.via])).toEqual([
      ['tmall', 'tb_alice', 'single'],
      ['jd', 'jd_dave', 'auto'],
    ]);
    expect(d.accounts[1]).toMatchObject({
      shops: [expect.objectContaining({ name: '测试京东店' })],
      orders: 2,
      paidOrders: 1,
      firstOrderAt: '2026-01-10T03:00:00.000Z',
      lastOrderAt: '2026-01-11T03:00:00.000Z',
      spend: [{ currency: 'CNY', paidOrders: 1, paidFen: 20_000, refundFen: 3000, netFen: 17_000 }],
    });
    expect(d.byPlatform).toEqual([
      {
        platform: 'jd',
        currency: 'CNY',
        orders: 2,
        paidOrders: 1,
        paidFen: 20_000,
        refundFen: 3000,
        netFen: 17_000,
      },
      {
        platform: 'tmall',
        currency: 'CNY',
        orders: 2,
        paidOrders: 1,
        paidFen: 10_000,
        refundFen: 0,
        netFen: 10_000,
      },
    ]);
    expect(d.totals).toMatchObject({
      orders: 4,
      paidOrders: 2,
      firstOrderAt: '2026-01-05T02:00:00.000Z',
      lastOrderAt: '2026-02-03T01:00:00.000Z',
      spend: [{ currency: 'CNY', paidOrders: 2, paidFen: 30_000, refundFen: 3000, netFen: 27_000 }],
    });
    expect(d.isSample).toBe(false);
    await expectSummariesFresh(h);
  });

  it('explains the join: weight, zone and each field’s evidence, masked', async () => {
    const d = await customerDetail(h.reader, alice);
    expect(d.links).toHaveLength(1);
    expect(d.links[0]).toMatchObject({
      weight: 13.25,
      zone: 'auto',
      strong: true,
      rule: 'phone_masked',
      decision: null,
    });
    expect(d.links[0]!.evidence).toEqual([
      { field: 'phone', level: 'masked_compatible', bits: 6.5, a: '138****5678', b: '1******5678' },
      { field: 'name', level: 'surname', bits: 2.25, a: '张*', b: '张*' },
      { field: 'district', level: 'exact', bits: 1.5, a: '西湖区', b: '西湖区' },
      // A field the page does not know is masked like a name: pinyin spells the full name.
      { field: 'pinyin', level: 'exact', bits: 3, a: 'z*', b: 'z*' },
    ]);
    expect(JSON.stringify(d)).not.toMatch(/13812345678|张三丰|zhangsanfeng/);
  });

  it('puts every order of both accounts on one timeline, newest first, in pages', async () => {
    const all = await customerOrders(h.reader, { id: alice, offset: 0, limit: 100 });
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => [r.platform, r.platformOrderId])).toEqual([
      ['tmall', '3126811560000000003'],
      ['jd', '235000000002'],
      ['jd', '235000000001'],
      ['tmall', '3126811560000000001'],
    ]);
    expect(all.rows[3]).toMatchObject({
      receiverName: '张*',
      items: { firstTitle: '汇客保温杯 500ml', lines: 2 },
    });
    const second = await customerOrders(h.reader, { id: alice, offset: 2, limit: 2 });
    expect(second.rows.map((r) => r.platformOrderId)).toEqual(['235000000001', '3126811560000000001']);
  });

  it('the list shows the customer once, on both platforms', async () => {
    const page = await listCustomers(h, {
      filter: { platforms: ['jd'] },
      sort: DEFAULT_CUSTOMERS_SORT,
      offset: 0,
      limit: 10,
      withTotal: true,
    });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ id: alice, platforms: ['tmall', 'jd'], accounts: 2, paidOrders: 2 });
    // A JD order id finds the customer its account now belongs to.
    const byOrder = await listCustomers(h, {
      filter: { q: '235000000002' },
      sort: DEFAULT_CUSTOMERS_SORT,
      offset: 0,
      limit: 10,
      withTotal: true,
    });
    expect(byOrder.rows.map((r) => r.id)).toEqual([alice]);
  });

  it('an unknown customer is said so', async () => {
    await expect(customerDetail(h.reader, 999)).rejects.toMatchObject({ code: 'customers.notFound' });
    await expect(customerOrders(h.reader, { id: 999, offset: 0, limit: 10 })).rejects.toBeInstanceOf(
      UserError,
    );
  });
});

describe('note and tags', () => {
  it('are saved through the operation log with what they replaced, and tags are searchable', async () => {
    const first = await updateCustomer(
      h,
      alice,
      { note: '  老客户，喜欢保温杯 ', tags: ['VIP', ' 批发 ', 'VIP', ''] },
      NOW,
    );
    expect(first).toMatchObject({ id: alice, note: '老客户，喜欢保温杯', tags: ['VIP', '批发'] });
    expect(first.operationId).toBeGreaterThan(0);
    const second = await updateCustomer(h, alice, { note: null }, NOW);
    expect(second).toMatchObject({ note: null, tags: ['VIP', '批发'] });
    const log = h.readSqlite
      .prepare(
        `SELECT op.kind, c.table_name, c.row_id, c.action, c.before_json FROM operation_changes c
         JOIN operations op ON op.id = c.op_id WHERE op.kind = 'customer_edit' ORDER BY c.op_id`,
      )
      .all();
    expect(log).toEqual([
      {
        kind: 'customer_edit',
        table_name: 'customers',
        row_id: alice,
        action: 'update',
        before_json: '{"note":null,"tags_json":"[]"}',
      },
      {
        kind: 'customer_edit',
        table_name: 'customers',
        row_id: alice,
        action: 'update',
        before_json: JSON.stringify({ note: '老客户，喜欢保温杯', tags_json: '["VIP","批发"]' }),
      },
    ]);
    // Nothing changed: no operation.
    expect((await updateCustomer(h, alice, { tags: ['VIP', '批发'] }, NOW)).operationId).toBeNull();
    const d = await customerDetail(h.reader, alice);
    expect(d).toMatchObject({ note: null, tags: ['VIP', '批发'] });
    const found = await listCustomers(h, {
      filter: { q: 'vip' },
      sort: DEFAULT_CUSTOMERS_SORT,
      offset: 0,
      limit: 10,
      withTotal: true,
    });
    expect(found.rows.map((r) => [r.id, r.tags])).toEqual([[alice, ['VIP', '批发']]]);
    await expectSummariesFresh(h);
  });
});
