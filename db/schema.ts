/**
 * Row types of every table, as Kysely sees them (the schema itself: migrations/0001-initial.ts).
 * Money columns end in `_fen` and hold integer minor units of the row's currency; instants end in
 * `_at` and hold UTC ISO-8601 strings; `*_json` columns hold JSON text.
 */
import type { Generated } from 'kysely';

export interface ShopsTable {
  id: Generated<number>;
  platform: string;
  name: string;
  /** IANA zone in which this shop's days and months are counted. */
  timezone: Generated<string>;
  currency: Generated<string>;
  /** 1 for the generated sample shop. */
  is_sample: Generated<number>;
  created_at: string;
}

/** Everything the owner can undo: imports, the sample shop, merges, decisions, cost and fee edits. */
export interface OperationsTable {
  id: Generated<number>;
  /** 'import' | 'demo' | 'demo_removal' | 'shop_edit' | 'shop_merge' | 'merge' | … */
  kind: string;
  /** 'committed' | 'undone' */
  state: Generated<string>;
  created_at: string;
  undone_at: string | null;
  summary_json: Generated<string>;
}

/** Before-images of the rows an operation updated or deleted (inserted rows carry first_op_id). */
export interface OperationChangesTable {
  op_id: number;
  seq: number;
  table_name: string;
  row_id: number;
  /** 'insert' | 'update' | 'delete' */
  action: string;
  before_json: string | null;
}

export interface ImportBatchesTable {
  /** = operations.id */
  id: number;
  shop_id: number;
  /** One of IMPORT_FORMATS: which parser read the file. */
  format: string;
  /** 'file' for user imports, 'demo' for the sample shop. */
  source: string;
  file_name: string;
  file_sha256: string;
  file_size: number;
  encoding: string;
  variants_json: Generated<string>;
  currency: string;
  rows: number;
  rows_imported: number;
  rows_refused: number;
  orders_inserted: number;
  orders_updated: number;
  orders_unchanged: number;
  lines_inserted: number;
  lines_updated: number;
  lines_unchanged: number;
  paid_fen: number;
  refund_fen: number;
}

/** The rows an import refused, named for the user (row, sheet, column, reason). */
export interface BatchProblemsTable {
  batch_id: number;
  seq: number;
  row: number;
  sheet: string | null;
  column_name: string | null;
  /** A message code (main/shared/messages) and its parameters as JSON. */
  code: string;
  params_json: string;
}

export interface CustomersTable {
  id: Generated<number>;
  display_name: string | null;
  locked: Generated<number>;
  note: string | null;
  tags_json: Generated<string>;
  first_op_id: number | null;
  created_at: string;
}

export interface BuyerAccountsTable {
  id: Generated<number>;
  platform: string;
  /** BuyerKeyKind */
  key_kind: string;
  account_key: string;
  nickname: string | null;
  email: string | null;
  phone: string | null;
  /** The account's own identity, normalised at import (migrations/0001-initial.ts). */
  identity_email: string | null;
  identity_email_phone: string | null;
  identity_qq: string | null;
  identity_phone_class: string | null;
  identity_phone: string | null;
  identity_nickname: string | null;
  identity_nickname_generic: number | null;
  customer_id: number | null;
  /** 'single' | 'deterministic' | 'auto' | 'manual' */
  customer_via: string | null;
  first_op_id: number;
  created_at: string;
}

export interface MergeRunsTable {
  op_id: number;
  /** 'full' | 'incremental' */
  mode: string;
  params_json: string;
  stats_json: string;
  created_at: string;
}

export interface MergeLinksTable {
  account_a: number;
  account_b: number;
  weight: number;
  /** 'auto' | 'review' */
  zone: string;
  strong: number;
  evidence_json: string;
  blocked_reason: string | null;
  rule: string;
  deferred: Generated<number>;
  run_op_id: number;
}

export interface MergeAssertionsTable {
  id: Generated<number>;
  /** 'must' | 'cannot' */
  kind: string;
  a_platform: string;
  a_key_kind: string;
  a_key: string;
  b_platform: string;
  b_key_kind: string;
  b_key: string;
  op_id: number;
  revoked_op_id: number | null;
  created_at: string;
}

/** Per customer, derived from its accounts and orders (services/customers/stats.ts). */
export interface CustomerStatsTable {
  customer_id: number;
  name: string | null;
  phone: string | null;
  accounts: number;
  /** ',jd,tmall,' */
  platforms: string;
  /** ',3,7,' */
  shop_ids: string;
  orders: number;
  paid_orders: number;
  first_order_at: string | null;
  last_order_at: string | null;
  first_order_date: string | null;
  last_order_date: string | null;
}

/** A customer's paid orders' money in one currency. */
export interface CustomerSpendTable {
  customer_id: number;
  currency: string;
  paid_orders: number;
  paid_fen: number;
  refund_fen: number;
  net_fen: number;
}

export interface CustomerSearchTable {
  customer_id: number;
  text: string;
  /** JSON array of the customer's masked phones. */
  masked_phones: string;
}

export interface OrdersTable {
  id: Generated<number>;
  shop_id: number;
  platform_order_id: string;
  buyer_account_id: number | null;
  /** OrderStatus */
  status: string | null;
  status_raw: string | null;
  ordered_at: string | null;
  /** YYYY-MM-DD of ordered_at in the shop's time zone. */
  order_date: string | null;
  paid_at: string | null;
  shipped_at: string | null;
  completed_at: string | null;
  closed_at: string | null;
  currency: string;
  goods_fen: number | null;
  shipping_fen: number | null;
  discount_fen: number | null;
  total_fen: number | null;
  paid_fen: number | null;
  refund_fen: number | null;
  refund_status: string | null;
  settlement_fen: number | null;
  platform_fee_fen: number | null;
  receiver_name: string | null;
  receiver_phone: string | null;
  receiver_province: string | null;
  receiver_city: string | null;
  receiver_district: string | null;
  receiver_detail: string | null;
  receiver_address_raw: string | null;
  buyer_note: string | null;
  seller_note: string | null;
  /** The receiver's identity, normalised at import (migrations/0001-initial.ts says what each holds). */
  identity_name: string | null;
  identity_surname: string | null;
  identity_name_mask: string | null;
  identity_name_pinyin: string | null;
  /** PhoneClass (domain/identity/phone.ts) */
  identity_phone_class: string | null;
  identity_phone: string | null;
  identity_email: string | null;
  identity_prov_code: string | null;
  identity_city_code: string | null;
  identity_dist_code: string | null;
  identity_addr_detail: string | null;
  identity_addr_fp: string | null;
  identity_pickup: number | null;
  first_op_id: number;
  last_op_id: number;
}

export interface OrderLinesTable {
  id: Generated<number>;
  order_id: number;
  line_key: string;
  title: string | null;
  sku: string | null;
  product_id: string | null;
  attributes: string | null;
  quantity: Generated<number>;
  unit_price_fen: number | null;
  paid_fen: number | null;
  discount_fen: number | null;
  shipping_fen: number | null;
  refund_fen: number | null;
  refund_status: string | null;
  status: string | null;
  status_raw: string | null;
  first_op_id: number;
  last_op_id: number;
}

export interface ProductsTable {
  id: Generated<number>;
  sku: string;
  title: string;
  /** What one unit costs the seller (goods cost), for profitability. */
  unit_cost_fen: number;
  first_op_id: number | null;
  created_at: string;
}

export interface ColumnMappingsTable {
  /** Hash of the normalised header row: the same layout gets the same mapping offered again. */
  header_signature: string;
  mapping_json: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface Database {
  shops: ShopsTable;
  operations: OperationsTable;
  operation_changes: OperationChangesTable;
  import_batches: ImportBatchesTable;
  batch_problems: BatchProblemsTable;
  customers: CustomersTable;
  buyer_accounts: BuyerAccountsTable;
  merge_runs: MergeRunsTable;
  merge_links: MergeLinksTable;
  merge_assertions: MergeAssertionsTable;
  customer_stats: CustomerStatsTable;
  customer_spend: CustomerSpendTable;
  customer_search: CustomerSearchTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  products: ProductsTable;
  column_mappings: ColumnMappingsTable;
  settings: SettingsTable;
}
