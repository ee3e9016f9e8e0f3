/**
 * A shop's orders point at buyer accounts, and an account belongs to a platform (the same member
 * name on Tmall and on JD are two people). When the owner says a shop is on another platform (a
 * spreadsheet imported as "other" that was really the Youzan shop), its buyers' accounts go with
 * it: to the new platform's account with the same key when there is one, else the account itself
 * moves, else (another shop of the old platform still uses it) a copy is made on the new platform.
 * Set-based, every change recorded for the operation.
 */
import type { WriteTx } from '../../../db/index.js';
import { recordRows } from '../operation-log.js';

/** The identity columns a copy keeps (the migration lists them). */
const IDENTITY_COLUMNS = [
  'email',
  'email_phone',
  'qq',
  'phone_class',
  'phone',
  'nickname',
  'nickname_generic',
].map((c) => `identity_${c}`);
const IDENTITY = IDENTITY_COLUMNS.join(', ');
const IDENTITY_OF_A = IDENTITY_COLUMNS.map((c) => `a.${c}`).join(', ');

export interface AccountsMoved {
  /** Accounts that changed platform themselves. */
  moved: number;
  /** Copies made on the new platform for accounts another shop still uses. */
  copied: number;
  /** Accounts joined to the new platform's existing account of the same key. */
  joined: number;
}

export function moveShopAccounts(
  tx: WriteTx,
  op: { id: number; now: string },
  shopId: number,
  toPlatform: string,
): AccountsMoved {
  const sqlite = tx.sqlite;
  const p = { shop: shopId, to: toPlatform, op: op.id, now: op.now };
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS moving_accounts (
    old_id INTEGER PRIMARY KEY, new_id INTEGER, shared INTEGER NOT NULL)`);
  sqlite.exec('DELETE FROM temp.moving_accounts');
  sqlite
    .prepare(
      `INSERT INTO temp.moving_accounts (old_id, shared)
       SELECT DISTINCT o.buyer_account_id,
         EXISTS (SELECT 1 FROM orders x WHERE x.buyer_account_id = o.buyer_account_id AND x.shop_id <> @shop)
       FROM orders o WHERE o.shop_id = @shop AND o.buyer_account_id IS NOT NULL`,
    )
    .run({ shop: p.shop });
  const twinOnNewPlatform = `(SELECT b.id FROM buyer_accounts a JOIN buyer_accounts b
      ON b.platform = @to AND b.key_kind = a.key_kind AND b.account_key = a.account_key
      WHERE a.id = moving_accounts.old_id)`;
  const joined = sqlite
    .prepare(
      `UPDATE temp.moving_accounts SET new_id = ${twinOnNewPlatform} WHERE ${twinOnNewPlatform} IS NOT NULL`,
    )
    .run({ to: p.to }).changes;

  const alone = 'SELECT old_id FROM temp.moving_accounts WHERE new_id IS NULL AND shared = 0';
  recordRows(tx, op.id, {
    table: 'buyer_accounts',
    action: 'update',
    columns: ['platform'],
    where: `t.id IN (${alone})`,
  });
  const moved = sqlite.prepare(`UPDATE buyer_accounts SET platform = @to WHERE id IN (${alone})`).run({
    to: p.to,
  }).changes;
  sqlite.exec('UPDATE temp.moving_accounts SET new_id = old_id WHERE new_id IS NULL AND shared = 0');

  const copied = sqlite
    .prepare(
      `INSERT INTO buyer_accounts (platform, key_kind, account_key, nickname, email, phone, ${IDENTITY}, customer_id,
         first_op_id, created_at)
       SELECT @to, a.key_kind, a.account_key, a.nickname, a.email, a.phone, ${IDENTITY_OF_A}, a.customer_id, @op, @now
       FROM buyer_accounts a JOIN temp.moving_accounts m ON m.old_id = a.id WHERE m.new_id IS NULL`,
    )
    .run({ to: p.to, op: p.op, now: p.now }).changes;
  sqlite
    .prepare(`UPDATE temp.moving_accounts SET new_id = ${twinOnNewPlatform} WHERE new_id IS NULL`)
    .run({ to: p.to });
  // A copy is the same buyer: it joins its original's customer, the same way.
  sqlite
    .prepare(
      `UPDATE buyer_accounts SET customer_via = (SELECT a.customer_via FROM temp.moving_accounts m
         JOIN buyer_accounts a ON a.id = m.old_id WHERE m.new_id = buyer_accounts.id)
       WHERE first_op_id = @op AND customer_id IS NOT NULL AND customer_via IS NULL
         AND id IN (SELECT new_id FROM temp.moving_accounts WHERE new_id <> old_id)`,
    )
    .run({ op: p.op });

  const repointed = 'SELECT old_id FROM temp.moving_accounts WHERE new_id <> old_id';
  recordRows(tx, op.id, {
    table: 'orders',
    action: 'update',
    columns: ['buyer_account_id'],
    where: `t.shop_id = @shop AND t.buyer_account_id IN (${repointed})`,
    params: { shop: p.shop },
  });
  sqlite
    .prepare(
      `UPDATE orders SET buyer_account_id =
         (SELECT new_id FROM temp.moving_accounts WHERE old_id = orders.buyer_account_id)
       WHERE shop_id = @shop AND buyer_account_id IN (${repointed})`,
    )
    .run({ shop: p.shop });
  // An account joined to its twin that no order uses any more would only be clutter.
  const orphaned = `t.id IN (${repointed}) AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.buyer_account_id = t.id)`;
  recordRows(tx, op.id, { table: 'buyer_accounts', action: 'delete', where: orphaned });
  sqlite.exec(
    `DELETE FROM buyer_accounts WHERE id IN (${repointed})
     AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.buyer_account_id = buyer_accounts.id)`,
  );
  sqlite.exec('DELETE FROM temp.moving_accounts');
  return { moved, copied, joined };
}
