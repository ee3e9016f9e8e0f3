/**
 * Row types of every table, as Kysely sees them. Money columns end in `_fen` and hold integers;
 * instants end in `_at` and hold UTC ISO-8601 strings.
 */
import type { Generated } from 'kysely';

export interface ShopsTable {
  id: Generated<number>;
  platform: string;
  name: string;
  /** IANA zone in which this shop's days and months are counted. */
  timezone: string;
  currency: string;
  created_at: string;
}

export interface ImportBatchesTable {
  id: Generated<number>;
  shop_id: number;
  /** One of IMPORT_FORMATS: which parser read the file. */
  format: string;
  file_name: string;
  file_sha256: string;
  file_size: number;
  encoding: string;
  rows: number;
  /** 'committed' | 'undone' */
  state: string;
  created_at: string;
  undone_at: string | null;
  /** ImportCounts as JSON: inserted / updated / unchanged orders and lines, money. */
  stats_json: string;
  /** RowProblem[] as JSON: the rows this batch refused. */
  skipped_json: string;
  /** 'file' for user imports, 'demo' for the sample shop. */
  source: string;
}

export interface CustomersTable {
  id: Generated<number>;
  display_name: string | null;
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
  customer_id: number | null;
  first_batch_id: number;
  created_at: string;
}

export interface OrdersTable {
  id: Generated<number>;
  shop_id: number;
  platform_order_id: string;
  buyer_account_id: number | null;
  status: string | null;
  status_raw: string | null;
  created_at: string | null;
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
  first_batch_id: number;
  last_batch_id: number;
}

export interface OrderLinesTable {
  id: Generated<number>;
  order_id: number;
  line_key: string;
  title: string | null;
  sku: string | null;
  product_id: string | null;
  attributes: string | null;
  quantity: number;
  unit_price_fen: number | null;
  paid_fen: number | null;
  refund_fen: number | null;
  refund_status: string | null;
  status_raw: string | null;
  first_batch_id: number;
  last_batch_id: number;
}

/**
 * The previous values of every existing row a batch changed, so undo can put them back instead of
 * only deleting what it inserted (inserted rows are known by their first_batch_id).
 */
export interface BatchChangesTable {
  batch_id: number;
  seq: number;
  /** 'orders' | 'order_lines' */
  table_name: string;
  row_id: number;
  /** The whole row before the batch changed it, as JSON. */
  before_json: string;
}

export interface ProductsTable {
  id: Generated<number>;
  sku: string;
  title: string;
  /** What one unit costs the seller (goods cost), for profitability. */
  unit_cost_fen: number;
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
  import_batches: ImportBatchesTable;
  customers: CustomersTable;
  buyer_accounts: BuyerAccountsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  batch_changes: BatchChangesTable;
  products: ProductsTable;
  column_mappings: ColumnMappingsTable;
  settings: SettingsTable;
}
