/**
 * The Customers list on a real database (the Orders fixture: Tmall and JD with masked receivers,
 * Youzan with full phones, Shopify in USD): search, every filter and sort, paging with a total,
 * spend per currency, open review suggestions.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeDb } from '../../../db/index.js';
import type { CustomerListRow } from '../../../main/domain/customers/views.js';
import { listCustomers } from '../../../main/services/customers/list.js';
import {
  DEFAULT_CUSTOMERS_SORT,
  type CustomersFilter,
  type CustomersSort,
} from '../../../main/shared/customers-query.js';
import { freshDb } from '../../helpers/test-db.js';
import { seedOrders } from '../orders/orders-fixture.js';

let h: HuikeDb;
beforeEach(async () => {
  h = await freshDb();
  await seedOrders(h);
});
afterEach(() => h.close());

async function page(
  filter: CustomersFilter = {},
  sort: CustomersSort = DEFAULT_CUSTOMERS_SORT,
  offset = 0,
  limit = 100,
) {
  return listCustomers(h, { filter, sort, offset, limit, withTotal: true });
}

/** Each row's first account key (masked as shown). */
const keyOf = (r: CustomerListRow) => r.accountKeys[0]?.display ?? '';
async function keys(filter: CustomersFilter = {}, sort: CustomersSort = DEFAULT_CUSTOMERS_SORT) {
  return (await page(filter, sort)).rows.map(keyOf);
}
async function keySet(filter: CustomersFilter) {
  return new Set(await keys(filter));
}

const ALL = [
  'tb_alice',
  'tb_bob',
  'tb_carol',
  'jd_dave',
  '138****5678',
  'i***@example.com',
  'b***@example.com',
];

describe('every buyer is a customer', () => {
  it('lists one customer per buyer account, each with its account, orders and masked name', async () => {
    const all = await page();
    expect(all.total).toBe(7);
    expect(new Set(all.rows.map(keyOf))).toEqual(new Set(ALL));
    const alice = all.rows.find((r) => keyOf(r) === 'tb_alice')!;
    expect(alice).toMatchObject({
      platforms: ['tmall'],
      shops: [expect.objectContaining({ name: '测试天猫店', isSample: true })],
      accounts: 1,
      orders: 2,
      paidOrders: 1,
      spend: [{ currency: 'CNY', paidOrders: 1, paidFen: 10_000, refundFen: 0, netFen: 10_000 }],
      firstOrderAt: '2026-01-05T02:00:00.000Z',
      lastOrderAt: '2026-02-03T01:00:00.000Z',
      firstOrderDate: '2026-01-05',
      lastOrderDate: '2026-02-03',
      locked: false,
      openSuggestions: 0,
      tags: [],
      hasNote: false,
    });
    // The latest order's receiver, masked as everywhere; the phone masked too.
    expect(alice.displayName).toBe('王*');
    expect(alice.phone).toBe('186****0001');
    const youzan = all.rows.find((r) => keyOf(r) === '138****5678')!;
    expect(youzan.displayName).toBe('孙*');
    expect(youzan.phone).toBe('138****5678');
    expect(JSON.stringify(all.rows)).not.toMatch(/孙萍伟|13812345678|ivan@/);
  });

  it('keeps money per currency: a refund nets out, USD is never added to CNY', async () => {
    const rows = (await page()).rows;
    const by = (key: string) => rows.find((r) => keyOf(r) === key)!;
    expect(by('tb_bob').spend).toEqual([
      { currency: 'CNY', paidOrders: 1, paidFen: 5000, refundFen: 5000, netFen: 0 },
    ]);
    expect(by('jd_dave')).toMatchObject({
      orders: 2,
      paidOrders: 1,
      spend: [{ currency: 'CNY', paidOrders: 1, paidFen: 20_000, refundFen: 3000, netFen: 17_000 }],
    });
    expect(by('i***@example.com').spend).toEqual([
      { currency: 'USD', paidOrders: 1, paidFen: 1999, refundFen: 0, netFen: 1999 },
    ]);
  });
});

describe('search', () => {
  it('finds masked phones by their visible digits, never by digits across the mask', async () => {
    expect(await keySet({ q: '5678' })).toEqual(new Set(['tb_alice', '138****5678']));
    expect(await keySet({ q: '6198' })).toEqual(new Set(['jd_dave']));
    expect(await keys({ q: '385' })).toEqual([]);
  });

  it('a whole number finds the masked phones whose visible digits agree, and the full one', async () => {
    expect(await keySet({ q: '138 1234 5678' })).toEqual(new Set(['tb_alice', '138****5678']));
    // JD shows 1******6198: a number with the same first and last digits is that phone.
    expect(await keySet({ q: '15555556198' })).toEqual(new Set(['jd_dave']));
    expect(await keys({ q: '13912345678' })).toEqual([]);
  });

  it('finds buyer keys and nicknames in any case, names, e-mails', async () => {
    expect(await keys({ q: 'TB_BOB' })).toEqual(['tb_bob']);
    expect(await keys({ q: '小波' })).toEqual(['tb_bob']);
    expect(await keys({ q: '孙萍' })).toEqual(['138****5678']);
    expect(await keys({ q: 'Ivan' })).toEqual(['i***@example.com']);
    expect(await keys({ q: 'bo@example' })).toEqual(['b***@example.com']);
  });

  it('finds a customer by an order id of theirs, from its start', async () => {
    expect(await keys({ q: '3126811560000000002' })).toEqual(['tb_bob']);
    expect(await keySet({ q: '2350000' })).toEqual(new Set(['jd_dave']));
    expect(await keys({ q: 'E2026' })).toEqual(['138****5678']);
    // The middle of an order id is not where a seller starts typing one.
    expect(await keys({ q: '1156000000000' })).toEqual([]);
  });

  it('a search goes with the other filters', async () => {
    expect(await keys({ q: '5678', platforms: ['youzan'] })).toEqual(['138****5678']);
  });
});

describe('filters', () => {
  it('by platform and by shop', async () => {
    expect(await keySet({ platforms: ['tmall'] })).toEqual(new Set(['tb_alice', 'tb_bob', 'tb_carol']));
    expect(await keySet({ platforms: ['jd', 'shopify'] })).toEqual(
      new Set(['jd_dave', 'i***@example.com', 'b***@example.com']),
    );
    const shop = h.readSqlite.prepare("SELECT id FROM shops WHERE name = '测试京东店'").get() as {
      id: number;
    };
    expect(await keys({ shopIds: [shop.id] })).toEqual(['jd_dave']);
  });

  it('by first and last order day, in the shop’s zone', async () => {
    // Carol ordered at 01:30 on 1 February Beijing time (31 January in UTC).
    expect(await keys({ firstFrom: '2026-02-01', firstTo: '2026-02-01' })).toEqual(['tb_carol']);
    expect(await keySet({ lastFrom: '2026-02-01' })).toEqual(new Set(['tb_carol', 'tb_alice']));
    expect(await keySet({ firstTo: '2026-01-05' })).toEqual(new Set(['tb_alice']));
    expect(await keySet({ lastTo: '2026-01-11' })).toEqual(new Set(['jd_dave']));
  });

  it('by net spend in a currency, zero included when the range holds it', async () => {
    expect(await keySet({ spendCurrency: 'CNY', spendMin: 10_000 })).toEqual(
      new Set(['tb_alice', 'jd_dave', '138****5678']),
    );
    expect(await keySet({ spendCurrency: 'CNY', spendMin: 7000, spendMax: 12_800 })).toEqual(
      new Set(['tb_alice', 'tb_carol', '138****5678']),
    );
    // Spent nothing in CNY: Bob (refunded in full) and the two Shopify buyers (USD only).
    expect(await keySet({ spendCurrency: 'CNY', spendMax: 0 })).toEqual(
      new Set(['tb_bob', 'i***@example.com', 'b***@example.com']),
    );
    expect(await keys({ spendCurrency: 'USD', spendMin: 1 })).toEqual(['i***@example.com']);
  });

  it('by paid orders', async () => {
    const one = await page({ ordersMin: 1, ordersMax: 1 });
    expect(one.total).toBe(7);
    expect(await keys({ ordersMin: 2 })).toEqual([]);
    expect((await page({ ordersMax: 0 })).total).toBe(0);
  });
});

describe('sorts and pages', () => {
  it('last order newest first by default; first order; name with the nameless last', async () => {
    expect(await keys()).toEqual([
      'tb_alice',
      'tb_carol',
      'tb_bob',
      'b***@example.com',
      'i***@example.com',
      '138****5678',
      'jd_dave',
    ]);
    expect((await keys({}, { key: 'first_order', direction: 'asc' })).slice(0, 3)).toEqual([
      'tb_alice',
      'jd_dave',
      '138****5678',
    ]);
    const byName = (await page({}, { key: 'name', direction: 'asc' })).rows.map((r) => r.displayName);
    // Carol's order and bo@'s name no one.
    expect(byName.slice(-2)).toEqual([null, null]);
    expect(byName.slice(0, -2)).toEqual(['I*', '孙*', '李*', '王*', '赵*']);
  });

  it('spend in the currency asked, else the one most customers spent in', async () => {
    expect((await keys({}, { key: 'spend', direction: 'desc' })).slice(0, 4)).toEqual([
      'jd_dave',
      '138****5678',
      'tb_alice',
      'tb_carol',
    ]);
    expect((await keys({}, { key: 'spend', direction: 'desc', currency: 'USD' }))[0]).toBe(
      'i***@example.com',
    );
    expect((await keys({ spendCurrency: 'USD', spendMin: 0 }, { key: 'spend', direction: 'desc' }))[0]).toBe(
      'i***@example.com',
    );
  });

  it('paid orders, then pages that neither overlap nor skip', async () => {
    await h.writer.transaction(async (tx) => {
      // A second paid order for Carol makes her the one with most.
      tx.sqlite.exec(
        "UPDATE orders SET status = 'paid', paid_at = ordered_at WHERE platform_order_id = '3126811560000000003'",
      );
    });
    const whole = await keys({}, { key: 'orders', direction: 'desc' });
    const pages = [];
    for (let offset = 0; offset < 7; offset += 3)
      pages.push(...(await page({}, { key: 'orders', direction: 'desc' }, offset, 3)).rows.map(keyOf));
    expect(pages).toEqual(whole);
    expect(new Set(pages).size).toBe(7);
    const past = await page({}, DEFAULT_CUSTOMERS_SORT, 50);
    expect(past).toEqual({ offset: 50, rows: [], total: 7 });
  });
});

describe('open review suggestions', () => {
  it('counts undecided review links to another customer’s accounts, not auto links, not decided ones', async () => {
    const account = (key: string) =>
      (h.readSqlite.prepare('SELECT id FROM buyer_accounts WHERE account_key = ?').get(key) as { id: number })
        .id;
    const [alice, dave, bob] = [account('tb_alice'), account('jd_dave'), account('tb_bob')];
    await h.writer.transaction(async (tx) => {
      const op = Number(
        tx.sqlite
          .prepare("INSERT INTO operations (kind, created_at) VALUES ('merge', '2026-11-20T08:00:00.000Z')")
          .run().lastInsertRowid,
      );
      const link = tx.sqlite.prepare(
        `INSERT INTO merge_links (account_a, account_b, weight, zone, strong, evidence_json, rule, run_op_id)
         VALUES (?, ?, ?, ?, 0, '[]', 'phone', ?)`,
      );
      link.run(Math.min(alice, dave), Math.max(alice, dave), 9.5, 'review', op);
      link.run(Math.min(alice, bob), Math.max(alice, bob), 6.1, 'review', op);
      link.run(Math.min(bob, dave), Math.max(bob, dave), 20, 'auto', op);
      // The owner said Alice and Bob are not the same person.
      tx.sqlite
        .prepare(
          `INSERT INTO merge_assertions (kind, a_platform, a_key_kind, a_key, b_platform, b_key_kind, b_key, op_id, created_at)
           VALUES ('cannot', 'tmall', 'member_name', 'tb_bob', 'tmall', 'member_name', 'tb_alice', ?, '2026-11-20T08:00:00.000Z')`,
        )
        .run(op);
    });
    const rows = (await page()).rows;
    const open = Object.fromEntries(rows.map((r) => [keyOf(r), r.openSuggestions]));
    expect(open).toMatchObject({ tb_alice: 1, jd_dave: 1, tb_bob: 0, tb_carol: 0 });
  });
});
