/**
 * What the Customers channels answer: a page of the list, one customer's page (客户 360), a page of
 * its orders, an edit, an export. Personal data is masked here (domain/orders/privacy.ts) unless an
 * export was asked for unmasked. Amounts are integer minor units of the currency next to them.
 */
import type { OrderListRow } from '../orders/views.js';

/** A customer's paid orders' money in one currency. */
export interface CustomerSpend {
  currency: string;
  paidOrders: number;
  paidFen: number;
  refundFen: number;
  /** paid − refunded: what the customer spent. */
  netFen: number;
}

/** An account's key as it may be shown: a phone or an e-mail key masked. */
export interface CustomerAccountKey {
  platform: string;
  kind: string;
  display: string;
}

export interface CustomerShop {
  id: number;
  name: string;
  isSample: boolean;
}

/** One row of the Customers list. */
export interface CustomerListRow {
  id: number;
  /** Masked: 张*. Null when no order or account names anyone. */
  displayName: string | null;
  /** Masked: 138****5678. */
  phone: string | null;
  platforms: string[];
  shops: CustomerShop[];
  accounts: number;
  /** The first few accounts' keys (member names as they are, phones and e-mails masked). */
  accountKeys: CustomerAccountKey[];
  orders: number;
  paidOrders: number;
  /** Per currency, the one with the most paid orders first. */
  spend: CustomerSpend[];
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  /** Those orders' days in their shops' zones. */
  firstOrderDate: string | null;
  lastOrderDate: string | null;
  locked: boolean;
  /** Review suggestions between its accounts and another customer's that nobody decided yet. */
  openSuggestions: number;
  tags: string[];
  hasNote: boolean;
}

export interface CustomersPage {
  offset: number;
  rows: CustomerListRow[];
  /** Customers matching the filter, when asked for (the first page of a filter). */
  total: number | null;
}

/** One buyer account of a customer. */
export interface CustomerAccountView {
  id: number;
  platform: string;
  keyKind: string;
  /** The key as it may be shown (a phone or an e-mail masked). */
  key: string;
  nickname: string | null;
  /** How it came into this customer: 'single' | 'deterministic' | 'auto' | 'manual'. */
  via: string | null;
  shops: CustomerShop[];
  orders: number;
  paidOrders: number;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  spend: CustomerSpend[];
}

/** A platform's orders and money for the customer, in one currency. */
export interface CustomerPlatformTotals {
  platform: string;
  currency: string;
  orders: number;
  paidOrders: number;
  paidFen: number;
  refundFen: number;
  netFen: number;
}

/** What one field contributed to a link: its agreement level, weight, and the values (masked). */
export interface LinkEvidence {
  field: string;
  level: string;
  bits: number;
  a: string | null;
  b: string | null;
}

/** A scored pair of the customer's accounts (merge_links): why the two were joined. */
export interface CustomerLinkView {
  accountA: number;
  accountB: number;
  /** Match weight in bits. */
  weight: number;
  zone: 'auto' | 'review';
  strong: boolean;
  rule: string;
  blockedReason: string | null;
  evidence: LinkEvidence[];
  /** The owner's decision on this pair, if any. */
  decision: 'must' | 'cannot' | null;
}

/** 客户 360. */
export interface CustomerDetail {
  id: number;
  displayName: string | null;
  phone: string | null;
  locked: boolean;
  note: string | null;
  tags: string[];
  createdAt: string;
  /** Every order of the customer is in the sample shops. */
  isSample: boolean;
  totals: {
    orders: number;
    paidOrders: number;
    firstOrderAt: string | null;
    lastOrderAt: string | null;
    spend: CustomerSpend[];
  };
  byPlatform: CustomerPlatformTotals[];
  accounts: CustomerAccountView[];
  links: CustomerLinkView[];
  openSuggestions: number;
}

/** A page of the customer's orders, newest first. */
export interface CustomerOrdersPage {
  total: number;
  offset: number;
  rows: OrderListRow[];
}

export interface CustomerEditResult {
  /** Null when nothing changed. */
  operationId: number | null;
  id: number;
  note: string | null;
  tags: string[];
}

/** A finished export (the bytes come through customers.exportChunk). */
export interface CustomersExportFile {
  exportId: string;
  fileName: string;
  mimeType: string;
  format: 'csv' | 'json';
  size: number;
  customers: number;
  masked: boolean;
}
