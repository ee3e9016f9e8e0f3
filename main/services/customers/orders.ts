/**
 * The customer page's timeline: every order of all its accounts, newest first, a page at a time,
 * as the Orders list shows them (masked receiver, items summary), so a row opens the same drawer.
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/index.js';
import type { CustomerOrdersPage } from '../../domain/customers/views.js';
import { UserError } from '../../domain/errors.js';
import { readListRows, readShops } from '../orders/list-rows.js';

export async function customerOrders(
  db: Db,
  request: { id: number; offset: number; limit: number },
): Promise<CustomerOrdersPage> {
  const exists = await db
    .selectFrom('customers')
    .select('id')
    .where('id', '=', request.id)
    .executeTakeFirst();
  if (!exists) throw new UserError({ code: 'customers.notFound', params: { id: String(request.id) } });
  const theirs = sql`o.buyer_account_id IN (SELECT id FROM buyer_accounts WHERE customer_id = ${request.id})`;
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM orders o WHERE ${theirs}`.execute(db);
  const ids = await sql<{ id: number }>`SELECT o.id FROM orders o WHERE ${theirs}
    ORDER BY o.ordered_at DESC, o.id DESC LIMIT ${request.limit} OFFSET ${request.offset}`.execute(db);
  const shops = await readShops(db);
  const rows = await readListRows(
    db,
    ids.rows.map((r) => r.id),
    new Map(shops.map((s) => [s.id, s])),
  );
  return { total: count.rows[0]?.n ?? 0, offset: request.offset, rows };
}
