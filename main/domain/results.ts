/**
 * What the use cases answer. They live in the domain so the services produce them and the API
 * contract (and through it the renderer) names the very same types.
 */
import type { ImportFormat, OrderStatus, Platform, RowProblem } from './orders/types.js';
import type { PeriodUnit } from './reports/periods.js';

export type { RowProblem };
import type { ColumnMapping } from './import/reader-types.js';
import type { PlacedMessage } from '../shared/messages/index.js';

export interface MoneyTotals {
  paidFen: number;
  refundFen: number;
}

/** Counts and money of paid orders in one currency over one range of days. */
export interface PeriodFigures {
  /** Orders the buyer paid (not awaiting payment, not closed before payment). */
  paidOrders: number;
  /** Every order placed in the range, paid or not. */
  allOrders: number;
  paidFen: number;
  refundFen: number;
  /** paidFen - refundFen */
  netFen: number;
  /** Buyer accounts with at least one paid order in the range: the one definition of 买家. */
  buyers: number;
  /** Of those, the ones with two or more paid orders in the range. */
  repeatBuyers: number;
}

/** One bar of the period chart: a day (YYYY-MM-DD) or a month (YYYY-MM); empty periods are zeros. */
export interface PeriodPoint {
  key: string;
  paidOrders: number;
  paidFen: number;
  refundFen: number;
}

/** One row of the platform table: a platform's paid orders in one currency. */
export interface PlatformFigures {
  platform: Platform;
  currency: string;
  paidOrders: number;
  paidFen: number;
  refundFen: number;
  /** This platform's share of the currency's paid amount, 0..1. */
  share: number;
}

export interface CurrencyFigures {
  currency: string;
  paidOrders: number;
  paidFen: number;
}

export interface DashboardSummary {
  /** The days every figure covers (shop-local days); null ends are open (all data). */
  range: { from: string | null; to: string | null };
  /** The currency of the figures; null when there are no orders in the range. */
  currency: string | null;
  /** Every currency with orders in the range, most paid orders first: nothing is left out. */
  currencies: CurrencyFigures[];
  current: PeriodFigures;
  /** 环比 and 同比, for a closed range only: the same figures over the comparison ranges. */
  previous: { range: { from: string; to: string }; figures: PeriodFigures } | null;
  lastYear: { range: { from: string; to: string }; figures: PeriodFigures } | null;
  series: { unit: PeriodUnit; points: PeriodPoint[] };
  /** Every platform in every currency, grouped by currency (most paid first), largest first. */
  byPlatform: PlatformFigures[];
  /** Customers (merged buyers) in the database. */
  customers: number;
  /** The first and last order placed in the range and currency. */
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  /** Paid orders of the sample shop among the figures (0 when none). */
  sampleOrders: number;
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
  /** 买家 of the sample shops (accounts with a paid order), counted as the dashboard counts them. */
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

export type ShopField = 'name' | 'platform' | 'currency' | 'timezone';

/** A shop's name, platform, currency or time zone changed, as one recorded operation. */
export interface ShopEditResult {
  /** The operation in the log; null when nothing differed from what the shop already had. */
  operationId: number | null;
  shop: ShopSummary;
  changed: ShopField[];
  /** Orders whose shop-local day changed with the new time zone. */
  ordersRedated: number;
  /** Orders relabelled with the new currency. */
  ordersRelabelled: number;
  /** A platform change takes the buyers' accounts along (see services/shops/move-accounts.ts). */
  accounts: { moved: number; copied: number; joined: number };
}

/** Two shops that are one became one: everything of `from` now belongs to `into`. */
export interface ShopMergeResult {
  operationId: number;
  from: { id: number; name: string };
  into: ShopSummary;
  ordersMoved: number;
  /** Orders both shops held (the same order id): the newer copy was kept, the other dropped. */
  duplicateOrders: number;
  batchesMoved: number;
  ordersRedated: number;
}

/** What removing the sample data deleted; the owner's own data is left as it was. */
export interface DemoRemovalResult {
  /** The removal's entry in the operation log; null when there was no sample data. */
  operationId: number | null;
  shops: number;
  orders: number;
  lines: number;
  accounts: number;
  customers: number;
  batches: number;
  products: number;
}

/**
 * A backup: saved where the user chose (desktop app: the main process's save dialog), or waiting
 * to be downloaded (browser build: GET /download/<fileId>), or the user cancelled the dialog.
 */
export type BackupResult =
  | { kind: 'saved'; path: string; size: number }
  | { kind: 'download'; fileId: string; name: string; size: number }
  | { kind: 'cancelled' };

export interface RestoreResult {
  /** The backup restored, as the user named it. */
  file: string;
  /** The copy of the data as it was just before, beside the database. */
  safetyCopy: string;
  shops: number;
  orders: number;
}
