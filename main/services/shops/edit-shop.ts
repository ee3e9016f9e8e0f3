/**
 * Renaming a shop and setting its platform, currency and time zone: one write, one entry in the
 * operation log (kind 'shop_edit', the shop's before-image and every row it changed), so it can
 * be undone. What follows from a change is done in the same transaction:
 *  - time zone: the shop-local days (`orders.order_date`) of its orders are computed again. They
 *    are derived from `ordered_at` and the zone, so the log keeps the zone, not a day per order;
 *  - currency: its orders and batches are relabelled (amounts stay: only a currency with the same
 *    minor unit may replace another, else the amounts would be off by 100×);
 *  - platform: its buyers' accounts move along (move-accounts.ts).
 */
import type { HuikeDb, WriteTx } from '../../../db/index.js';
import { UserError } from '../../domain/errors.js';
import { CNY_PLATFORMS, type Platform } from '../../domain/orders/types.js';
import type { ShopEditResult, ShopField } from '../../domain/results.js';
import { minorUnitDigits } from '../../shared/money.js';
import { isTimeZone } from '../../shared/time-zones.js';
import { newOperation, recordRows, setSummary } from '../operation-log.js';
import { readShopSummary } from '../shops.js';
import { forOrderIdRanges } from './id-chunks.js';
import { moveShopAccounts } from './move-accounts.js';
import { recomputeOrderDates } from './order-dates.js';
import { createSingleCustomers } from '../customers/single-customers.js';
import { dropEmptyStaleCustomers, noteStaleCustomers, refreshStaleCustomers } from '../customers/stats.js';

/** The customers of a shop's orders (`@shop`). */
const SHOP_CUSTOMERS = `SELECT a.customer_id FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id
  WHERE o.shop_id = @shop`;

export interface ShopChanges {
  name?: string;
  platform?: Platform;
  currency?: string;
  timezone?: string;
}

interface ShopRow {
  id: number;
  platform: string;
  name: string;
  currency: string;
  timezone: string;
  is_sample: number;
}

export function readShopRow(tx: WriteTx, shopId: number): ShopRow {
  const row = tx.sqlite.prepare('SELECT * FROM shops WHERE id = ?').get(shopId) as ShopRow | undefined;
  if (!row) throw new UserError({ code: 'shops.notFound', params: { shopId } });
  return row;
}

/** Refuses a name another shop of the platform already has (names are unique per platform). */
export function refuseTakenName(tx: WriteTx, shop: { id: number; platform: string; name: string }): void {
  const other = tx.sqlite
    .prepare('SELECT 1 FROM shops WHERE platform = ? AND name = ? AND id <> ?')
    .get(shop.platform, shop.name, shop.id);
  if (other) throw new UserError({ code: 'shops.nameTaken', params: { name: shop.name } });
}

function countOrders(tx: WriteTx, shopId: number): number {
  return (
    tx.sqlite.prepare('SELECT count(*) AS n FROM orders WHERE shop_id = ?').get(shopId) as { n: number }
  ).n;
}

function validate(tx: WriteTx, before: ShopRow, after: Omit<ShopRow, 'is_sample'>, changed: ShopField[]) {
  if (changed.includes('timezone') && !isTimeZone(after.timezone))
    throw new UserError({ code: 'shops.timezoneUnknown', params: { timezone: after.timezone } });
  if (changed.includes('name') || changed.includes('platform')) refuseTakenName(tx, after);
  const moneyChanged = changed.includes('platform') || changed.includes('currency');
  if (moneyChanged && CNY_PLATFORMS.includes(after.platform as Platform) && after.currency !== 'CNY')
    throw new UserError({ code: 'shops.currencyFixed', params: { name: after.name } });
  if (
    changed.includes('currency') &&
    minorUnitDigits(before.currency) !== minorUnitDigits(after.currency) &&
    countOrders(tx, before.id) > 0
  )
    throw new UserError({
      code: 'shops.currencyDigitsDiffer',
      params: { name: before.name, from: before.currency, to: after.currency },
    });
}

export function updateShop(
  huikeDb: HuikeDb,
  shopId: number,
  changes: ShopChanges,
  now: string,
): Promise<ShopEditResult> {
  return huikeDb.writer.transaction(async (tx) => {
    const before = readShopRow(tx, shopId);
    const after = {
      id: before.id,
      name: changes.name?.trim() || before.name,
      platform: changes.platform ?? before.platform,
      currency: changes.currency?.toUpperCase() ?? before.currency,
      timezone: changes.timezone ?? before.timezone,
    };
    const changed = (['name', 'platform', 'currency', 'timezone'] as const).filter(
      (field) => after[field] !== before[field],
    );
    const result: ShopEditResult = {
      operationId: null,
      shop: readShopSummary(tx.sqlite, shopId)!,
      changed,
      ordersRedated: 0,
      ordersRelabelled: 0,
      accounts: { moved: 0, copied: 0, joined: 0 },
    };
    if (changed.length === 0) return result;
    validate(tx, before, after, changed);

    const pick = (row: typeof after) => Object.fromEntries(changed.map((f) => [f, row[f]]));
    const opId = newOperation(tx, 'shop_edit', now, { shopIds: [shopId] });
    recordRows(tx, opId, {
      table: 'shops',
      action: 'update',
      columns: changed,
      where: 't.id = @shop',
      params: { shop: shopId },
    });
    tx.sqlite
      .prepare('UPDATE shops SET name = ?, platform = ?, currency = ?, timezone = ? WHERE id = ?')
      .run(after.name, after.platform, after.currency, after.timezone, shopId);

    // Its customers' money (currency), platforms (accounts moving) and days (zone) are summed up
    // again: the customers before the change and after it.
    const customersChange = changed.some((field) => field !== 'name');
    if (customersChange) noteStaleCustomers(tx, SHOP_CUSTOMERS, { shop: shopId });
    if (changed.includes('currency')) result.ordersRelabelled = await relabelCurrency(tx, opId, after);
    if (changed.includes('platform'))
      result.accounts = moveShopAccounts(tx, { id: opId, now }, shopId, after.platform);
    if (changed.includes('timezone'))
      result.ordersRedated = await recomputeOrderDates(tx, { shopId, timezone: after.timezone });
    if (customersChange) await refreshShopCustomers(tx, opId, shopId, now);

    setSummary(tx, opId, {
      shopIds: [shopId],
      before: pick(before),
      after: pick(after),
      ordersRedated: result.ordersRedated,
      ordersRelabelled: result.ordersRelabelled,
      accounts: result.accounts,
    });
    return { ...result, operationId: opId, shop: readShopSummary(tx.sqlite, shopId)! };
  });
}

/**
 * After the change: an account copied to the new platform without a customer gets its own, a
 * customer whose last account was joined to its twin goes (recorded, like the account), and the
 * shop's customers are summed up again.
 */
async function refreshShopCustomers(tx: WriteTx, opId: number, shopId: number, now: string) {
  createSingleCustomers(tx, opId, now);
  noteStaleCustomers(tx, SHOP_CUSTOMERS, { shop: shopId });
  recordRows(tx, opId, {
    table: 'customers',
    action: 'delete',
    where: `t.id IN (SELECT id FROM temp.stale_customers)
      AND NOT EXISTS (SELECT 1 FROM buyer_accounts a WHERE a.customer_id = t.id)`,
  });
  dropEmptyStaleCustomers(tx);
  await refreshStaleCustomers(tx);
}

async function relabelCurrency(
  tx: WriteTx,
  opId: number,
  shop: { id: number; currency: string },
): Promise<number> {
  const params = { shop: shop.id, currency: shop.currency };
  recordRows(tx, opId, {
    table: 'import_batches',
    action: 'update',
    columns: ['currency'],
    where: 't.shop_id = @shop AND t.currency <> @currency',
    params,
  });
  tx.sqlite
    .prepare('UPDATE import_batches SET currency = @currency WHERE shop_id = @shop AND currency <> @currency')
    .run(params);
  const relabel = tx.sqlite.prepare(
    `UPDATE orders SET currency = @currency
     WHERE +shop_id = @shop AND id >= @lo AND id < @hi AND currency <> @currency`,
  );
  let relabelled = 0;
  await forOrderIdRanges(tx, shop.id, (range) => {
    recordRows(tx, opId, {
      table: 'orders',
      action: 'update',
      columns: ['currency'],
      where: '+t.shop_id = @shop AND t.id >= @lo AND t.id < @hi AND t.currency <> @currency',
      params: { ...params, ...range },
    });
    relabelled += relabel.run({ ...params, ...range }).changes;
  });
  return relabelled;
}
