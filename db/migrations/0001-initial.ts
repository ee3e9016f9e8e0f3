import { sql, type Kysely } from 'kysely';

/** Money is integer fen: the schema refuses a float that slipped through (typeof is exact). */
const fenOnly = (column: string) => sql`typeof(${sql.ref(column)}) IN ('integer', 'null')`;

// Released migrations are never edited: add a new numbered file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shops')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai'))
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('shops_platform_name', ['platform', 'name'])
    .execute();

  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('file_size', 'integer', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('committed', 'undone')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('stats_json', 'text', (c) => c.notNull())
    .addColumn('skipped_json', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('file'))
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('display_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('buyer_accounts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('key_kind', 'text', (c) => c.notNull())
    .addColumn('account_key', 'text', (c) => c.notNull())
    .addColumn('nickname', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('first_batch_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('buyer_accounts_identity', ['platform', 'key_kind', 'account_key'])
    .execute();
  await db.schema
    .createIndex('buyer_accounts_first_batch')
    .on('buyer_accounts')
    .column('first_batch_id')
    .execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id'))
    .addColumn('platform_order_id', 'text', (c) => c.notNull())
    .addColumn('buyer_account_id', 'integer', (c) => c.references('buyer_accounts.id'))
    .addColumn('status', 'text')
    .addColumn('status_raw', 'text')
    .addColumn('created_at', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('shipped_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
    .addColumn('goods_fen', 'integer', (c) => c.check(fenOnly('goods_fen')))
    .addColumn('shipping_fen', 'integer', (c) => c.check(fenOnly('shipping_fen')))
    .addColumn('discount_fen', 'integer', (c) => c.check(fenOnly('discount_fen')))
    .addColumn('total_fen', 'integer', (c) => c.check(fenOnly('total_fen')))
    .addColumn('paid_fen', 'integer', (c) => c.check(fenOnly('paid_fen')))
    .addColumn('refund_fen', 'integer', (c) => c.check(fenOnly('refund_fen')))
    .addColumn('refund_status', 'text')
    .addColumn('settlement_fen', 'integer', (c) => c.check(fenOnly('settlement_fen')))
    .addColumn('platform_fee_fen', 'integer', (c) => c.check(fenOnly('platform_fee_fen')))
    .addColumn('receiver_name', 'text')
    .addColumn('receiver_phone', 'text')
    .addColumn('receiver_province', 'text')
    .addColumn('receiver_city', 'text')
    .addColumn('receiver_district', 'text')
    .addColumn('receiver_detail', 'text')
    .addColumn('receiver_address_raw', 'text')
    .addColumn('buyer_note', 'text')
    .addColumn('seller_note', 'text')
    .addColumn('first_batch_id', 'integer', (c) => c.notNull())
    .addColumn('last_batch_id', 'integer', (c) => c.notNull())
    .addUniqueConstraint('orders_shop_order', ['shop_id', 'platform_order_id'])
    .execute();
  await db.schema.createIndex('orders_created').on('orders').column('created_at').execute();
  await db.schema.createIndex('orders_buyer').on('orders').column('buyer_account_id').execute();
  await db.schema.createIndex('orders_first_batch').on('orders').column('first_batch_id').execute();

  await db.schema
    .createTable('order_lines')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('line_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('sku', 'text')
    .addColumn('product_id', 'text')
    .addColumn('attributes', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('unit_price_fen', 'integer', (c) => c.check(fenOnly('unit_price_fen')))
    .addColumn('paid_fen', 'integer', (c) => c.check(fenOnly('paid_fen')))
    .addColumn('refund_fen', 'integer', (c) => c.check(fenOnly('refund_fen')))
    .addColumn('refund_status', 'text')
    .addColumn('status_raw', 'text')
    .addColumn('first_batch_id', 'integer', (c) => c.notNull())
    .addColumn('last_batch_id', 'integer', (c) => c.notNull())
    .addUniqueConstraint('order_lines_key', ['order_id', 'line_key'])
    .execute();
  await db.schema.createIndex('order_lines_sku').on('order_lines').column('sku').execute();
  await db.schema.createIndex('order_lines_first_batch').on('order_lines').column('first_batch_id').execute();

  await db.schema
    .createTable('batch_changes')
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batches.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'integer', (c) => c.notNull())
    .addColumn('before_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('batch_changes_pk', ['batch_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('batch_changes_row')
    .on('batch_changes')
    .columns(['table_name', 'row_id'])
    .execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('sku', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit_cost_fen', 'integer', (c) => c.notNull().check(fenOnly('unit_cost_fen')))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('column_mappings')
    .addColumn('header_signature', 'text', (c) => c.primaryKey())
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
