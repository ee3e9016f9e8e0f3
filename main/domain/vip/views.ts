/** What the VIP channels answer (types only: the renderer imports them). */
import type { CustomersFilter } from '../../shared/customers-query.js';
import type { VipConfig } from '../../shared/vip.js';

export interface Segment {
  id: number;
  name: string;
  filter: CustomersFilter;
  createdAt: string;
  updatedAt: string;
}

export interface SegmentCount {
  /** Customers the filter keeps. */
  total: number;
  /** Of them, who refused marketing (left out of marketing exports). */
  noMarketing: number;
}

/** What a segment builder offers to choose from, with how many customers each has. */
export interface SegmentOptions {
  provinces: Array<{ code: string; name: string; customers: number }>;
  cities: Array<{ code: string; name: string; provCode: string; customers: number }>;
  /** Products by sku (or title without one), most buyers first. */
  products: Array<{ key: string; title: string; customers: number }>;
  tags: Array<{ tag: string; customers: number }>;
  currencies: string[];
}

export interface VipLevelCount {
  level: number;
  name: string;
  min: number;
  customers: number;
}

export interface VipMovement {
  customerId: number;
  /** Masked, as on screen. */
  name: string | null;
  from: number;
  to: number;
}

export interface VipMovements {
  /** The earlier month compared against (YYYY-MM), null when there is none yet. */
  since: string | null;
  up: number;
  down: number;
  /** The customers who moved, the largest moves first. */
  moves: VipMovement[];
}

export interface VipLevelsView {
  config: VipConfig;
  counts: VipLevelCount[];
  movements: VipMovements;
}

export interface VipListRow {
  id: number;
  name: string | null;
  phone: string | null;
  email: string | null;
  /** Province, city, district and the street (its door cut off when masked). */
  address: string | null;
  level: number;
  levelName: string;
  platforms: string[];
  paidOrders: number;
  /** Net spend in `currency` (the VIP config's), minor units. */
  spendFen: number;
  currency: string;
  firstOrder: string | null;
  lastOrder: string | null;
  tags: string[];
  note: string | null;
}

export interface VipListView {
  rows: VipListRow[];
  /** Customers the filter keeps. */
  matched: number;
  /** Of them, left out because they refused marketing (when asked to leave them out). */
  optedOut: number;
  /** More customers than a print lays out (MAX_PRINT_ROWS): only the first are in `rows`. */
  truncated: boolean;
  masked: boolean;
  segmentName: string | null;
}

export interface VipExportFile {
  exportId: string;
  fileName: string;
  mimeType: string;
  size: number;
  rows: number;
  matched: number;
  optedOut: number;
  masked: boolean;
}

export interface ConsentView {
  customerId: number;
  /** The owner's word: false 不接受营销, true accepts, null not said. */
  consent: boolean | null;
  /** Whether the customer is left out of marketing (the owner, an import or the opt-out list). */
  noMarketing: boolean;
  /** Set when the change was recorded in the operation log. */
  operationId?: number | null;
}

export interface OptOutImportResult {
  operationId: number | null;
  /** Phones and e-mails read from the file. */
  read: number;
  /** Of them, not on the list before. */
  added: number;
  skipped: number;
  /** Customers now left out of marketing because of the list (all of it, not only this file). */
  customersOptedOut: number;
}

export interface EraseResult {
  operationId: number;
  customerId: number;
  accounts: number;
  orders: number;
  /** The anonymous token the accounts' keys now carry. */
  token: string;
}
