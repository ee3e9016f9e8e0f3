/**
 * Deletion on request (PIPL art. 47): a customer's personal data removed from every table while
 * its orders, amounts and dates stay, anonymous, so reports and totals do not change.
 *
 * - buyer accounts: the key becomes an anonymous token (`erased:<token>:<account id>`, of kind
 *   'customer': an opaque id, so no screen reads it as a phone or an e-mail),
 *   nickname, e-mail, phone and every identity column NULL; the owner's merge decisions keyed by the
 *   old keys follow the token; scored merge links (their evidence shows the values) are deleted;
 * - orders: receiver name, phone, address, notes and identity columns NULL;
 * - the customer: its name, note and tags cleared; its list summary and search text recomputed;
 * - the operation log's before-images of those rows: the same columns set to NULL (an undo of an
 *   earlier operation must not bring them back);
 * - the refused rows of imports (batch_problems): parameters holding the person's phone, name,
 *   address, e-mail or buyer key become `***` (erase-problems.ts);
 * - import stagings (raw rows of imported files kept to make re-imports fast) are all dropped;
 * - one 'erasure' operation records who and when, with counts only. It has no before-image, so it
 *   cannot be undone — the point of it. Backups made before still hold the data (the UI says so).
 * An opt-out the person sent stays on the opt-out list: it is what keeps them from being contacted.
 */
import { randomBytes } from 'node:crypto';
import type { HuikeDb } from '../../../db/index.js';
import { UserError } from '../../domain/errors.js';
import type { EraseResult } from '../../domain/vip/views.js';
import { refreshCustomerStats } from '../customers/stats.js';
import { sweepStagings } from '../import/staging-store.js';
import { newOperation } from '../operation-log.js';
import { personalValues, scrubBatchProblems } from './erase-problems.js';
import { whoIsAsking, type FrontDoor } from './privacy-log.js';

const ACCOUNT_PERSONAL = [
  'nickname',
  'email',
  'phone',
  'identity_email',
  'identity_email_phone',
  'identity_qq',
  'identity_phone_class',
  'identity_phone',
  'identity_nickname',
  'identity_nickname_generic',
];

const ORDER_PERSONAL = [
  'receiver_name',
  'receiver_phone',
  'receiver_province',
  'receiver_city',
  'receiver_district',
  'receiver_detail',
  'receiver_address_raw',
  'buyer_note',
  'seller_note',
  'identity_name',
  'identity_surname',
  'identity_name_mask',
  'identity_name_pinyin',
  'identity_phone_class',
  'identity_phone',
  'identity_email',
  'identity_prov_code',
  'identity_city_code',
  'identity_dist_code',
  'identity_addr_detail',
  'identity_addr_fp',
  'identity_pickup',
];

const CUSTOMER_PERSONAL = ['display_name', 'note'];

/** `json_replace(before_json, '$.a', NULL, '$.b', NULL …, extra)`: set where a before-image has them. */
function nulled(columns: readonly string[], extra = ''): string {
  return `json_replace(before_json, ${columns.map((c) => `'$.${c}', NULL`).join(', ')}${extra})`;
}

export async function eraseCustomer(
  huikeDb: HuikeDb,
  customerId: number,
  context: { now: string; front: FrontDoor; stagingDir?: string },
): Promise<EraseResult> {
  const result = await huikeDb.writer.transaction(async (tx) => {
    const db = tx.sqlite;
    if (!db.prepare('SELECT 1 FROM customers WHERE id = ?').get(customerId))
      throw new UserError({ code: 'customers.notFound', params: { id: String(customerId) } });
    const token = randomBytes(6).toString('hex');
    const accounts = db
      .prepare(
        'SELECT id, platform, key_kind, account_key FROM buyer_accounts WHERE customer_id = ? ORDER BY id',
      )
      .all(customerId) as Array<{ id: number; platform: string; key_kind: string; account_key: string }>;
    const accountIds = JSON.stringify(accounts.map((a) => a.id));
    const orderIds = (
      db
        .prepare(
          'SELECT id FROM orders WHERE buyer_account_id IN (SELECT value FROM json_each(?)) ORDER BY id',
        )
        .pluck()
        .all(accountIds) as number[]
    ).map(Number);
    const orderJson = JSON.stringify(orderIds);

    // Read before anything is erased: the refused rows are found by these values.
    const values = personalValues(db, { accounts: accountIds, orders: orderJson, customer: customerId });

    const operationId = newOperation(tx, 'erasure', context.now, {
      customerId,
      accounts: accounts.length,
      orders: orderIds.length,
      who: whoIsAsking(),
      front: context.front,
    });

    // Accounts: anonymous keys, no identity. The owner's decisions follow the key.
    const setKey = db.prepare(`UPDATE buyer_accounts SET key_kind = 'customer', account_key = ?,
      ${ACCOUNT_PERSONAL.map((c) => `${c} = NULL`).join(', ')} WHERE id = ?`);
    const follow = (side: 'a' | 'b') =>
      db.prepare(`UPDATE merge_assertions SET ${side}_key_kind = 'customer', ${side}_key = ?
        WHERE ${side}_platform = ? AND ${side}_key_kind = ? AND ${side}_key = ?`);
    const [followA, followB] = [follow('a'), follow('b')];
    accounts.forEach((a) => {
      const key = `erased:${token}:${a.id}`;
      setKey.run(key, a.id);
      followA.run(key, a.platform, a.key_kind, a.account_key);
      followB.run(key, a.platform, a.key_kind, a.account_key);
    });
    db.prepare(
      `DELETE FROM merge_links WHERE account_a IN (SELECT value FROM json_each(?))
         OR account_b IN (SELECT value FROM json_each(?))`,
    ).run(accountIds, accountIds);

    db.prepare(
      `UPDATE orders SET ${ORDER_PERSONAL.map((c) => `${c} = NULL`).join(', ')}
       WHERE id IN (SELECT value FROM json_each(?))`,
    ).run(orderJson);
    db.prepare(`UPDATE customers SET display_name = NULL, note = NULL, tags_json = '[]' WHERE id = ?`).run(
      customerId,
    );

    // Before-images in the operation log.
    const scrub = (table: string, columns: readonly string[], ids: string, extra = '') =>
      db
        .prepare(
          `UPDATE operation_changes SET before_json = ${nulled(columns, extra)}
           WHERE table_name = ? AND before_json IS NOT NULL AND row_id IN (SELECT value FROM json_each(?))`,
        )
        .run(table, ids);
    scrub('orders', ORDER_PERSONAL, orderJson);
    // Keys stay NOT NULL and unique for an undo that puts them back: the token, as the account has.
    scrub(
      'buyer_accounts',
      ACCOUNT_PERSONAL,
      accountIds,
      `, '$.key_kind', 'customer', '$.account_key', 'erased:${token}:' || row_id`,
    );
    scrub('customers', CUSTOMER_PERSONAL, JSON.stringify([customerId]), `, '$.tags_json', '[]'`);

    // The log says how many refused rows were touched (a count, like the rest of its summary).
    db.prepare(
      `UPDATE operations SET summary_json = json_set(summary_json, '$.refusedRows', ?) WHERE id = ?`,
    ).run(scrubBatchProblems(db, values), operationId);

    await refreshCustomerStats(tx, 'SELECT @id', { id: customerId });
    return { operationId, customerId, accounts: accounts.length, orders: orderIds.length, token };
  });
  // Raw rows of imported files: every staging goes (they are a cache; a re-import reads the file).
  if (context.stagingDir) sweepStagings(context.stagingDir, Date.now(), 0);
  return result;
}
