/**
 * 删除示例数据: the sample shops and everything of theirs go, in one transaction, and the owner's
 * own data stays exactly as it was. "Theirs" is: their orders and lines, their import batches and
 * refused rows, the operation log entries of their loads and edits, the buyer accounts and
 * customers only they used, and the catalogue the sample brought. An account or a customer the
 * owner's orders share with the sample stays (it is the owner's too), and so does a product the
 * owner's order lines name.
 *
 * The removal itself is one 'demo_removal' entry in the log, with counts: the shop's history says
 * when the sample went. It is not undoable (load the sample again instead), so it keeps no
 * before-images — they would double the work for data nobody needs back.
 */
import type { HuikeDb, WriteTx } from '../../db/index.js';
import type { DemoRemovalResult } from '../domain/results.js';
import type { JobContext } from './import/import-types.js';
import { createSlicer, throwIfCancelled } from './long-work.js';
import { newOperation } from './operation-log.js';
import { refreshCustomerStats } from './customers/stats.js';

/** Rows per statement: keeps each slice short, so progress moves and cancel answers. */
const CHUNK = 5000;

const SAMPLE_SHOPS = 'SELECT id FROM shops WHERE is_sample = 1';

/** The operations that belong to the sample: its loads, and the edits of its shops. */
function collectSampleOperations(tx: WriteTx): void {
  tx.sqlite.exec(`
    CREATE TEMP TABLE IF NOT EXISTS sample_ops (id INTEGER PRIMARY KEY);
    DELETE FROM temp.sample_ops;
    INSERT OR IGNORE INTO temp.sample_ops (id)
      SELECT id FROM import_batches WHERE shop_id IN (${SAMPLE_SHOPS});
    INSERT OR IGNORE INTO temp.sample_ops (id)
      SELECT op.id FROM operations op
      WHERE op.kind = 'shop_edit'
        AND EXISTS (SELECT 1 FROM json_each(op.summary_json, '$.shopIds') j
                    WHERE j.value IN (${SAMPLE_SHOPS}));`);
}

/** Accounts and customers the sample's orders used, and those its operations created. */
function collectCandidates(tx: WriteTx): void {
  tx.sqlite.exec(`
    CREATE TEMP TABLE IF NOT EXISTS sample_accounts (id INTEGER PRIMARY KEY);
    DELETE FROM temp.sample_accounts;
    INSERT OR IGNORE INTO temp.sample_accounts (id)
      SELECT DISTINCT buyer_account_id FROM orders
      WHERE shop_id IN (${SAMPLE_SHOPS}) AND buyer_account_id IS NOT NULL;
    INSERT OR IGNORE INTO temp.sample_accounts (id)
      SELECT id FROM buyer_accounts WHERE first_op_id IN (SELECT id FROM temp.sample_ops);
    CREATE TEMP TABLE IF NOT EXISTS sample_customers (id INTEGER PRIMARY KEY);
    DELETE FROM temp.sample_customers;
    INSERT OR IGNORE INTO temp.sample_customers (id)
      SELECT DISTINCT customer_id FROM buyer_accounts
      WHERE id IN (SELECT id FROM temp.sample_accounts) AND customer_id IS NOT NULL;
    INSERT OR IGNORE INTO temp.sample_customers (id)
      SELECT id FROM customers WHERE first_op_id IN (SELECT id FROM temp.sample_ops);`);
}

async function deleteInChunks(
  tx: WriteTx,
  table: 'order_lines' | 'orders',
  step: (rows: number) => Promise<void>,
): Promise<number> {
  const scope =
    table === 'orders'
      ? `SELECT id FROM orders WHERE shop_id IN (${SAMPLE_SHOPS}) LIMIT ${CHUNK}`
      : `SELECT l.id FROM order_lines l JOIN orders o ON o.id = l.order_id
         WHERE o.shop_id IN (${SAMPLE_SHOPS}) LIMIT ${CHUNK}`;
  const remove = tx.sqlite.prepare(`DELETE FROM ${table} WHERE id IN (${scope})`);
  let total = 0;
  for (let removed = remove.run().changes; removed > 0; removed = remove.run().changes) {
    total += removed;
    await step(removed);
  }
  return total;
}

function countOf(tx: WriteTx, sql: string): number {
  return (tx.sqlite.prepare(sql).get() as { n: number }).n;
}

export function removeSampleData(huikeDb: HuikeDb, ctx: JobContext): Promise<DemoRemovalResult> {
  return huikeDb.writer.transaction(async (tx) => {
    const sqlite = tx.sqlite;
    const result: DemoRemovalResult = {
      operationId: null,
      shops: countOf(tx, `SELECT count(*) AS n FROM shops WHERE is_sample = 1`),
      orders: 0,
      lines: 0,
      accounts: 0,
      customers: 0,
      batches: 0,
      products: 0,
    };
    if (result.shops === 0) return result;
    collectSampleOperations(tx);
    collectCandidates(tx);

    const total =
      countOf(tx, `SELECT count(*) AS n FROM orders WHERE shop_id IN (${SAMPLE_SHOPS})`) +
      countOf(
        tx,
        `SELECT count(*) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id
         WHERE o.shop_id IN (${SAMPLE_SHOPS})`,
      );
    const slicer = createSlicer();
    let done = 0;
    const step = async (rows: number) => {
      done += rows;
      ctx.progress?.('removing', done, total);
      throwIfCancelled(ctx.signal);
      await slicer.maybeYield();
    };
    result.lines = await deleteInChunks(tx, 'order_lines', step);
    result.orders = await deleteInChunks(tx, 'orders', step);

    const unused = `NOT EXISTS (SELECT 1 FROM orders o WHERE o.buyer_account_id = buyer_accounts.id)`;
    result.accounts = sqlite
      .prepare(`DELETE FROM buyer_accounts WHERE id IN (SELECT id FROM temp.sample_accounts) AND ${unused}`)
      .run().changes;
    // An account the owner's orders share with the sample was first seen by the sample's load:
    // it now dates from the owner's earliest operation that uses it.
    sqlite.exec(`UPDATE buyer_accounts
      SET first_op_id = (SELECT min(o.first_op_id) FROM orders o WHERE o.buyer_account_id = buyer_accounts.id)
      WHERE first_op_id IN (SELECT id FROM temp.sample_ops)`);
    result.customers = sqlite
      .prepare(
        `DELETE FROM customers WHERE id IN (SELECT id FROM temp.sample_customers)
         AND NOT EXISTS (SELECT 1 FROM buyer_accounts a WHERE a.customer_id = customers.id)`,
      )
      .run().changes;
    sqlite.exec(
      'UPDATE customers SET first_op_id = NULL WHERE first_op_id IN (SELECT id FROM temp.sample_ops)',
    );
    // A customer the owner's orders share with the sample stays, summed up over what is left.
    await refreshCustomerStats(tx, 'SELECT id FROM temp.sample_customers');
    const named = 'EXISTS (SELECT 1 FROM order_lines l WHERE l.sku = products.sku)';
    result.products = sqlite
      .prepare(`DELETE FROM products WHERE first_op_id IN (SELECT id FROM temp.sample_ops) AND NOT ${named}`)
      .run().changes;
    sqlite.exec(
      'UPDATE products SET first_op_id = NULL WHERE first_op_id IN (SELECT id FROM temp.sample_ops)',
    );

    sqlite.exec(`DELETE FROM batch_problems WHERE batch_id IN (SELECT id FROM temp.sample_ops)`);
    result.batches = sqlite
      .prepare(`DELETE FROM import_batches WHERE shop_id IN (${SAMPLE_SHOPS})`)
      .run().changes;
    sqlite.exec(`DELETE FROM operation_changes WHERE op_id IN (SELECT id FROM temp.sample_ops)`);
    sqlite.exec(`DELETE FROM operations WHERE id IN (SELECT id FROM temp.sample_ops)`);
    sqlite.exec(`DELETE FROM shops WHERE is_sample = 1`);
    for (const t of ['sample_ops', 'sample_accounts', 'sample_customers'])
      sqlite.exec(`DELETE FROM temp.${t}`);

    const { operationId: _none, ...counts } = result;
    result.operationId = newOperation(tx, 'demo_removal', ctx.now().toISOString(), counts);
    return result;
  });
}
