/**
 * Shops through the handlers, on a real database file: renaming, platform, currency and time
 * zone (the orders' shop-local days recomputed), merging, and which shop a file goes into.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import { UserError } from '../../../main/domain/errors.js';
import { localDateOf } from '../../../main/domain/import/index.js';
import { testApp } from '../../helpers/test-app.js';
import { importText, query, SHEET_MAPPING, sheetCsv, tmallCsv } from '../../helpers/shop-files.js';

let app: HuikeApp;
beforeEach(async () => {
  app = await testApp({ onDisk: true });
});
afterEach(() => app.close());

const shopNamed = async (name: string) => {
  const shop = (await app.invoke('shops.list', {})).find((s) => s.name === name);
  if (!shop) throw new Error(`no shop ${name}`);
  return shop;
};

/** Rejects with a UserError of this code. */
async function refusedWith(work: Promise<unknown>, code: string): Promise<UserError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).code).toBe(code);
  return error as UserError;
}

const JAN = [
  { id: 'T1', paid: '100.00', orderedAt: '2024-01-05 10:00:00' },
  { id: 'T2', paid: '50.00', orderedAt: '2024-01-06 11:00:00' },
];

describe('shops.update', () => {
  it('renames a shop: the history shows the new name and the log keeps the old one', async () => {
    await importText(app, 'jan.csv', tmallCsv(JAN), { shopName: '旧名字' });
    const shop = await shopNamed('旧名字');
    const result = await app.invoke('shops.update', { shopId: shop.id, name: '  汇客旗舰店 ' });
    expect(result.changed).toEqual(['name']);
    expect(result.shop).toMatchObject({ id: shop.id, name: '汇客旗舰店', orders: 2 });
    expect((await app.invoke('imports.list', {})).batches.map((b) => b.shop)).toEqual(['汇客旗舰店']);

    const [op] = query<{ kind: string; summary_json: string }>(
      app,
      'SELECT kind, summary_json FROM operations WHERE id = ?',
      result.operationId,
    );
    expect(op!.kind).toBe('shop_edit');
    expect(JSON.parse(op!.summary_json)).toMatchObject({
      shopIds: [shop.id],
      before: { name: '旧名字' },
      after: { name: '汇客旗舰店' },
    });
    expect(
      query(
        app,
        'SELECT table_name, row_id, action, before_json FROM operation_changes WHERE op_id = ?',
        result.operationId,
      ),
    ).toEqual([{ table_name: 'shops', row_id: shop.id, action: 'update', before_json: '{"name":"旧名字"}' }]);

    // Nothing to change: no operation.
    const same = await app.invoke('shops.update', { shopId: shop.id, name: '汇客旗舰店' });
    expect(same).toMatchObject({ operationId: null, changed: [] });
  });

  it('refuses a name another shop of the platform has, and changes nothing', async () => {
    await importText(app, 'a.csv', tmallCsv(JAN), { shopName: '店A' });
    await importText(app, 'b.csv', tmallCsv([{ id: 'T9', paid: '1.00', orderedAt: '2024-01-07 10:00:00' }]), {
      shopName: '店B',
    });
    const b = await shopNamed('店B');
    const error = await refusedWith(
      app.invoke('shops.update', { shopId: b.id, name: '店A' }),
      'shops.nameTaken',
    );
    expect(error.message).toContain('店A');
    expect((await app.invoke('shops.list', {})).map((s) => s.name).sort()).toEqual(['店A', '店B']);
    expect(query(app, "SELECT id FROM operations WHERE kind = 'shop_edit'")).toEqual([]);
    await refusedWith(app.invoke('shops.update', { shopId: 999, name: 'x' }), 'shops.notFound');
    await refusedWith(
      app.invoke('shops.update', { shopId: b.id, timezone: 'Mars/Olympus' }),
      'shops.timezoneUnknown',
    );
  });

  it('a new time zone dates its orders again, daylight saving time included', async () => {
    // China wall times → UTC: 2024-03-01 00:30 is Feb 29 16:30 UTC; 2024-07-01 15:30 is 07:30 UTC,
    // which is 00:30 PDT (UTC-7) on July 1 but would be June 30 at a fixed UTC-8.
    const rows = [
      { id: 'Z1', paid: '10.00', orderedAt: '2024-03-01 00:30:00' },
      { id: 'Z2', paid: '10.00', orderedAt: '2024-07-01 15:30:00' },
      { id: 'Z3', paid: '10.00', orderedAt: '2024-12-31 23:59:59' },
      { id: 'Z4', paid: '10.00', orderedAt: '2024-11-03 17:30:00' },
    ];
    await importText(app, 'zones.csv', tmallCsv(rows), { shopName: '海外店' });
    const shop = await shopNamed('海外店');
    const days = () =>
      Object.fromEntries(
        query<{ platform_order_id: string; order_date: string }>(
          app,
          'SELECT platform_order_id, order_date FROM orders ORDER BY id',
        ).map((r) => [r.platform_order_id, r.order_date]),
      );
    const shanghai = { Z1: '2024-03-01', Z2: '2024-07-01', Z3: '2024-12-31', Z4: '2024-11-03' };
    expect(days()).toEqual(shanghai);

    const la = await app.invoke('shops.update', { shopId: shop.id, timezone: 'America/Los_Angeles' });
    expect(la.shop.timezone).toBe('America/Los_Angeles');
    // Z4 is 09:30 UTC on Nov 3, the morning US daylight time ends: 01:30 PST.
    expect(days()).toEqual({ Z1: '2024-02-29', Z2: '2024-07-01', Z3: '2024-12-31', Z4: '2024-11-03' });
    expect(la.ordersRedated).toBe(1);
    // The same day as an import into a shop of that zone would have stored.
    for (const o of query<{ ordered_at: string; order_date: string }>(
      app,
      'SELECT ordered_at, order_date FROM orders',
    ))
      expect(o.order_date).toBe(localDateOf(o.ordered_at, 'America/Los_Angeles'));

    await app.invoke('shops.update', { shopId: shop.id, timezone: 'Europe/London' });
    expect(days()).toEqual({ Z1: '2024-02-29', Z2: '2024-07-01', Z3: '2024-12-31', Z4: '2024-11-03' });
    await app.invoke('shops.update', { shopId: shop.id, timezone: 'Pacific/Kiritimati' });
    expect(days()).toEqual({ Z1: '2024-03-01', Z2: '2024-07-01', Z3: '2025-01-01', Z4: '2024-11-03' });
    const back = await app.invoke('shops.update', { shopId: shop.id, timezone: 'Asia/Shanghai' });
    expect(days()).toEqual(shanghai);
    expect(back.ordersRedated).toBe(1);
    // Each change is one operation whose before-image is the zone it replaced.
    expect(
      query<{ before_json: string }>(
        app,
        `SELECT c.before_json FROM operation_changes c JOIN operations op ON op.id = c.op_id
         WHERE op.kind = 'shop_edit' ORDER BY c.op_id`,
      ).map((r) => JSON.parse(r.before_json) as unknown),
    ).toEqual([
      { timezone: 'Asia/Shanghai' },
      { timezone: 'America/Los_Angeles' },
      { timezone: 'Europe/London' },
      { timezone: 'Pacific/Kiritimati' },
    ]);
  });

  it('undoing an import after a time-zone change dates the restored orders in the current zone', async () => {
    const first = [
      { id: 'U1', paid: '10.00', orderedAt: '2024-03-01 00:30:00', status: '买家已付款，等待卖家发货' },
    ];
    await importText(app, 'first.csv', tmallCsv(first), { shopName: '店' });
    const later = await importText(app, 'later.csv', tmallCsv([{ ...first[0]!, status: '交易成功' }]), {
      shopName: '店',
    });
    expect(later.orders.updated).toBe(1);
    const shop = await shopNamed('店');
    await app.invoke('shops.update', { shopId: shop.id, timezone: 'America/Los_Angeles' });
    const day = () =>
      query<{ order_date: string; status: string }>(app, 'SELECT order_date, status FROM orders')[0];
    expect(day()).toEqual({ order_date: '2024-02-29', status: 'completed' });
    // The later import's before-image holds the day counted in Shanghai.
    await app.invoke('imports.undo', { batchId: later.id });
    expect(day()).toEqual({ order_date: '2024-02-29', status: 'paid' });
  });

  it('sets platform and currency: buyers follow the shop, orders are relabelled, impossible ones refused', async () => {
    const sheet = sheetCsv([
      { id: 'W1', phone: '13800000001', amount: '12.50', at: '2026-11-01 10:00' },
      { id: 'W2', phone: '13800000002', amount: '30', at: '2026-11-02 11:00' },
    ]);
    await importText(app, 'sheet.csv', sheet, {
      format: 'generic',
      mapping: SHEET_MAPPING,
      currency: 'USD',
      shopName: '独立站',
    });
    const shop = await shopNamed('独立站');
    expect(shop).toMatchObject({ platform: 'other', currency: 'USD' });

    const moved = await app.invoke('shops.update', { shopId: shop.id, platform: 'shopify' });
    expect(moved.shop.platform).toBe('shopify');
    expect(moved.accounts).toEqual({ moved: 2, copied: 0, joined: 0 });
    expect(query(app, 'SELECT DISTINCT platform FROM buyer_accounts')).toEqual([{ platform: 'shopify' }]);
    expect(query(app, 'SELECT count(*) AS n FROM orders WHERE buyer_account_id IS NULL')).toEqual([{ n: 0 }]);

    const euro = await app.invoke('shops.update', { shopId: shop.id, currency: 'eur' });
    expect(euro).toMatchObject({ ordersRelabelled: 2, shop: { currency: 'EUR' } });
    expect(query(app, 'SELECT DISTINCT currency FROM orders')).toEqual([{ currency: 'EUR' }]);
    expect(query(app, 'SELECT currency, paid_fen FROM import_batches')).toEqual([
      { currency: 'EUR', paid_fen: 4250 },
    ]);

    // Yen have no minor unit: 4250 cents would become ¥4,250.
    await refusedWith(
      app.invoke('shops.update', { shopId: shop.id, currency: 'JPY' }),
      'shops.currencyDigitsDiffer',
    );
    // A Tmall shop settles in yuan.
    await refusedWith(
      app.invoke('shops.update', { shopId: shop.id, platform: 'tmall' }),
      'shops.currencyFixed',
    );
    expect(await shopNamed('独立站')).toMatchObject({ platform: 'shopify', currency: 'EUR' });
  });

  it('a platform change joins the new platform’s account of the same buyer, and copies one another shop uses', async () => {
    const sheet = (ids: string[], phone: string) =>
      sheetCsv(ids.map((id) => ({ id, phone, amount: '10', at: '2026-11-01 10:00' })));
    const opts = (shopName: string) => ({
      format: 'generic' as const,
      mapping: SHEET_MAPPING,
      currency: 'CNY',
      shopName,
    });
    await importText(app, 'a.csv', sheet(['A1'], '13900000001'), opts('微店'));
    await importText(app, 'b.csv', sheet(['B1'], '13900000001'), opts('小程序'));
    // Youzan already knows this buyer.
    const youzan = sheetCsv([{ id: 'Y1', phone: '13900000002', amount: '5', at: '2026-11-01 09:00' }]);
    await importText(app, 'y.csv', youzan, opts('有赞'));
    await app.invoke('shops.update', { shopId: (await shopNamed('有赞')).id, platform: 'youzan' });
    await importText(app, 'c.csv', sheet(['C1'], '13900000002'), opts('微店'));

    const r = await app.invoke('shops.update', { shopId: (await shopNamed('微店')).id, platform: 'youzan' });
    // 139…01 is shared with 小程序 (still 'other'): copied; 139…02 exists on Youzan: joined.
    expect(r.accounts).toEqual({ moved: 0, copied: 1, joined: 1 });
    const owners = query<{ id: string; platform: string; key: string }>(
      app,
      `SELECT o.platform_order_id AS id, a.platform, a.account_key AS key FROM orders o
       JOIN buyer_accounts a ON a.id = o.buyer_account_id ORDER BY o.platform_order_id`,
    );
    expect(owners.map((o) => [o.id, o.platform])).toEqual([
      ['A1', 'youzan'],
      ['B1', 'other'],
      ['C1', 'youzan'],
      ['Y1', 'youzan'],
    ]);
    expect(owners.find((o) => o.id === 'C1')!.key).toBe(owners.find((o) => o.id === 'Y1')!.key);
    // The 'other' account C1 had is no one's any more: gone, its row kept in the log.
    expect(query(app, "SELECT count(*) AS n FROM buyer_accounts WHERE platform = 'other'")).toEqual([
      { n: 1 },
    ]);
    expect(
      query(
        app,
        "SELECT count(*) AS n FROM operation_changes WHERE op_id = ? AND table_name = 'buyer_accounts' AND action = 'delete'",
        r.operationId,
      ),
    ).toEqual([{ n: 1 }]);
  });
});

describe('shops.merge', () => {
  it('moves orders, batches and buyers into the other shop, keeps the newer copy of a shared order', async () => {
    await importText(app, 'jan.csv', tmallCsv(JAN), { shopName: '天猫/淘宝店铺' });
    // The February export overlaps January's last order, now refunded-and-closed.
    const feb = [
      { id: 'T2', paid: '50.00', orderedAt: '2024-01-06 11:00:00', status: '交易关闭' },
      { id: 'T3', paid: '70.00', orderedAt: '2024-02-01 09:00:00' },
    ];
    await importText(app, 'feb.csv', tmallCsv(feb, '汇客旗舰店'));
    const from = await shopNamed('天猫/淘宝店铺');
    const into = await shopNamed('汇客旗舰店');
    const before = await app.invoke('dashboard.summary', {});

    const r = await app.invoke('shops.merge', { fromShopId: from.id, intoShopId: into.id });
    expect(r).toMatchObject({ from: { id: from.id }, ordersMoved: 1, duplicateOrders: 1, batchesMoved: 1 });
    expect(r.into).toMatchObject({ id: into.id, name: '汇客旗舰店', orders: 3 });
    expect((await app.invoke('shops.list', {})).map((s) => s.name)).toEqual(['汇客旗舰店']);
    expect((await app.invoke('imports.list', {})).batches.map((b) => b.shop)).toEqual([
      '汇客旗舰店',
      '汇客旗舰店',
    ]);
    expect(query(app, "SELECT status FROM orders WHERE platform_order_id = 'T2'")).toEqual([
      { status: 'closed' },
    ]);
    const after = await app.invoke('dashboard.summary', {});
    expect(after.current.allOrders).toBe(3);
    expect(after.current.buyers).toBe(before.current.buyers);
    // The log holds every row it moved or dropped, and the deleted shop.
    const changes = query<{ table_name: string; action: string; n: number }>(
      app,
      'SELECT table_name, action, count(*) AS n FROM operation_changes WHERE op_id = ? GROUP BY 1, 2 ORDER BY 1, 2',
      r.operationId,
    );
    expect(changes).toEqual([
      { table_name: 'import_batches', action: 'update', n: 1 },
      { table_name: 'orders', action: 'delete', n: 1 },
      { table_name: 'orders', action: 'update', n: 1 },
      { table_name: 'shops', action: 'delete', n: 1 },
    ]);
    expect(query(app, 'PRAGMA foreign_key_check')).toEqual([]);
  });

  it('refuses across platforms, across currencies, with the sample shop, and into itself', async () => {
    await importText(app, 't.csv', tmallCsv(JAN), { shopName: '天猫店' });
    const opts = (currency: string, shopName: string) => ({
      format: 'generic' as const,
      mapping: SHEET_MAPPING,
      currency,
      shopName,
    });
    const row = (id: string) => sheetCsv([{ id, phone: '13800000009', amount: '1', at: '2026-11-01 10:00' }]);
    await importText(app, 'usd.csv', row('U1'), opts('USD', '美元店'));
    await importText(app, 'eur.csv', row('E1'), opts('EUR', '欧元店'));
    const [tmall, usd, eur] = await Promise.all(['天猫店', '美元店', '欧元店'].map(shopNamed));

    const currency = await refusedWith(
      app.invoke('shops.merge', { fromShopId: usd!.id, intoShopId: eur!.id }),
      'shops.mergeCurrencyDiffers',
    );
    expect(currency.message).toBe('「美元店」用 USD 结算，「欧元店」用 EUR 结算，币种不同的店铺不能合并。');
    await refusedWith(
      app.invoke('shops.merge', { fromShopId: tmall!.id, intoShopId: usd!.id }),
      'shops.mergePlatformDiffers',
    );
    await refusedWith(
      app.invoke('shops.merge', { fromShopId: usd!.id, intoShopId: usd!.id }),
      'shops.mergeSame',
    );
    await app.invoke('demo.load', { confirmMixed: true });
    const sample = (await app.invoke('shops.list', {})).find((s) => s.isSample && s.platform === 'tmall')!;
    await refusedWith(
      app.invoke('shops.merge', { fromShopId: tmall!.id, intoShopId: sample.id }),
      'shops.mergeSample',
    );
    expect(query(app, "SELECT count(*) AS n FROM operations WHERE kind = 'shop_merge'")).toEqual([{ n: 0 }]);
    expect((await app.invoke('shops.list', {})).filter((s) => !s.isSample)).toHaveLength(3);
  });
});

describe('the shop a file goes into', () => {
  it('is never the sample shop by default, and the sample shop cannot be chosen', async () => {
    await app.invoke('demo.load', {});
    // A file naming the sample shop's name gets a real shop of its own.
    const named = await importText(app, 'named.csv', tmallCsv(JAN, '青禾家居旗舰店'));
    expect(named.shop).toBe('青禾家居旗舰店（2）');
    // A file naming no shop goes to the owner's one Tmall shop.
    const unnamed = await importText(
      app,
      'feb.csv',
      tmallCsv([{ id: 'T7', paid: '1.00', orderedAt: '2024-02-01 10:00:00' }]),
    );
    expect(unnamed.shop).toBe('青禾家居旗舰店（2）');
    const shops = await app.invoke('shops.list', {});
    expect(shops.filter((s) => s.isSample).map((s) => s.orders)).toEqual(
      (await app.invoke('imports.list', {})).batches
        .filter((b) => b.source === 'demo')
        .reverse()
        .map((b) => b.orders.inserted),
    );

    const staged = await app.stagePath(
      (await import('../../helpers/shop-files.js')).writeTemp('x.csv', tmallCsv(JAN)),
    );
    const refused = await refusedWith(
      app.invoke('import.commit', {
        files: [{ fileId: staged.fileId, shopName: '青禾家居旗舰店' }],
        skipInvalidRows: false,
      }),
      'shops.sampleNotForImport',
    );
    expect(refused.message).toContain('请选择你自己的店铺');
    const preview = await app.invoke('import.preview', {
      files: [{ fileId: staged.fileId, shopName: '青禾家居旗舰店' }],
    });
    expect(preview.files[0]!.error).toMatchObject({
      code: 'shops.sampleNotForImport',
      params: { shop: '青禾家居旗舰店' },
    });
  });

  it('is the platform’s default shop when the owner has several of that platform', async () => {
    await importText(app, 'a.csv', tmallCsv(JAN), { shopName: '店A' });
    await importText(app, 'b.csv', tmallCsv([{ id: 'B1', paid: '2.00', orderedAt: '2024-01-09 10:00:00' }]), {
      shopName: '店B',
    });
    const preview = await importText(
      app,
      'c.csv',
      tmallCsv([{ id: 'C1', paid: '3.00', orderedAt: '2024-01-10 10:00:00' }]),
    );
    expect(preview.shop).toBe('天猫/淘宝店铺');
  });
});
