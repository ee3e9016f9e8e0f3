/**
 * What the use cases answer. They live in the domain so the services produce them and the API
 * contract (and through it the renderer) names the very same types.
 */
import type { ImportFormat, OrderStatus, RowProblem } from './orders/types.js';

export type { RowProblem };
import type { ColumnMapping } from './import/reader-types.js';
import type { PlacedMessage } from '../shared/messages/index.js';

export interface MoneyTotals {
  paidFen: number;
  refundFen: number;
}

export interface MoneyByKey {
  key: string;
  orders: number;
  paidFen: number;
  refundFen: number;
}

export interface DashboardSummary {
  /** Orders the buyer paid (not awaiting payment, not closed before payment). */
  paidOrders: number;
  allOrders: number;
  paidFen: number;
  refundFen: number;
  /** paidFen - refundFen */
  netFen: number;
  buyers: number;
  customers: number;
  /** Buyers with more than one paid order. */
  repeatBuyers: number;
  byPlatform: MoneyByKey[];
  /** key = YYYY-MM in the shop's time zone. */
  byMonth: MoneyByKey[];
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  /**
   * The figures above are in CNY. Orders in other currencies (a Shopify shop in USD) are never
   * added to them; they are listed here instead.
   */
  otherCurrencies: Array<{ currency: string; orders: number; paidFen: number }>;
}

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** A status text found in a file, how many orders carry it, and what it is read as. */
export interface StatusValueCount {
  value: string;
  orders: number;
  status: OrderStatus | null;
}

export interface FilePreview {
  fileId: string;
  file: string;
  format: ImportFormat | null;
  /** Each sheet's detected generation, e.g. ["订单报表 61 列"]. */
  variants: string[];
  shop: string;
  encoding: string;
  /** Data rows read; rowsImported + rowsRefused === rows. */
  rows: number;
  rowsImported: number;
  rowsRefused: number;
  orders: number;
  lines: number;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  header: string[];
  /** The first data rows, as cells. */
  sampleRows: string[][];
  /** The first refused rows (at most 500); problemCount says how many there are in all. */
  problems: RowProblem[];
  problemCount: number;
  /** Set when the file cannot be imported at all (unknown layout, unreadable): what to say. */
  error: PlacedMessage | null;
  /** For generic files: the remembered or suggested mapping. */
  mapping: ColumnMapping | null;
  /** True when this exact file was already imported: importing it again changes nothing. */
  alreadyImported: boolean;
  /**
   * The currency the file's amounts are in (ISO 4217; amounts are in its minor unit): named in the
   * file, implied by a Chinese marketplace, chosen by the user or the shop's. null: the file does
   * not say, and the user must choose before importing.
   */
  currency: string | null;
  money: MoneyTotals;
  /** The distinct status texts (at most 30), for mapping them in a generic file. */
  statusValues: StatusValueCount[];
}

export interface BatchResult {
  id: number;
  file: string;
  platform: ImportFormat;
  shop: string;
  encoding: string;
  /** Data rows read; rowsImported + rowsRefused === rows. */
  rows: number;
  rowsImported: number;
  rowsRefused: number;
  orders: ImportCounts;
  lines: ImportCounts;
  /** The currency of `money` (ISO 4217); amounts are in its minor unit (fen for CNY). */
  currency: string;
  money: MoneyTotals;
}

/** An import just committed: the batch and its first refused rows (all: `imports.problems`). */
export interface CommittedBatch extends BatchResult {
  problems: RowProblem[];
}

/** A batch in the import history. */
export interface BatchSummary extends BatchResult {
  createdAt: string;
  state: 'committed' | 'undone';
  undoneAt: string | null;
  source: 'file' | 'demo';
}

export interface UndoResult {
  batchId: number;
  ordersDeleted: number;
  ordersRestored: number;
  linesDeleted: number;
  linesRestored: number;
}

export interface DemoResult {
  seed: number;
  shops: number;
  orders: number;
  lines: number;
  buyers: number;
  products: number;
  batches: number[];
}

export interface ShopSummary {
  id: number;
  platform: string;
  name: string;
  /** IANA zone in which the shop's days and months are counted. */
  timezone: string;
  currency: string;
  /** The generated sample shop. */
  isSample: boolean;
  orders: number;
}
