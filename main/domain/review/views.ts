/**
 * What the buyer-merge review channels answer: the queue of suggested pairs (merge_links in the
 * review zone that join two customers and that the owner has not decided), each pair with both
 * accounts side by side, the evidence per field with the characters the two shown values agree on,
 * and each side's latest orders; and the outcome of a decision or of undoing one. Personal data is
 * masked (domain/orders/privacy.ts) before it leaves the main process.
 */
import type { CustomerShop, CustomerSpend } from '../customers/views.js';

/** One compared field of a pair: masked values and which of their characters agree. */
export interface ReviewEvidence {
  field: string;
  level: string;
  bits: number;
  a: string | null;
  b: string | null;
  /** Code-point indices of `a` (resp. `b`) that agree with the other value: highlighted on screen. */
  agreeA: number[];
  agreeB: number[];
}

/** One of a side's latest orders. */
export interface ReviewOrder {
  id: number;
  platformOrderId: string;
  orderedAt: string | null;
  /** The shop-local day of orderedAt. */
  orderDate: string | null;
  shopName: string;
  status: string | null;
  currency: string;
  /** What the buyer paid, minor units; null when the file did not say. */
  paidFen: number | null;
}

/** One account of the pair, as the owner may see it. */
export interface ReviewSide {
  accountId: number;
  platform: string;
  keyKind: string;
  /** The buyer key as shown elsewhere (a phone or e-mail key masked). */
  key: string;
  nickname: string | null;
  /** Masked receiver name, phone and address of the account's latest order that names them. */
  name: string | null;
  phone: string | null;
  address: string | null;
  shops: CustomerShop[];
  customerId: number;
  /** The customer's accounts (a merge joins whole customers). */
  customerAccounts: number;
  customerLocked: boolean;
  orders: number;
  paidOrders: number;
  spend: CustomerSpend[];
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  /** The account's latest few orders, newest first. */
  latestOrders: ReviewOrder[];
}

export interface ReviewPair {
  /** The pair's place in the queue, from 0. */
  position: number;
  accountA: number;
  accountB: number;
  /** Match weight in bits. */
  weight: number;
  strong: boolean;
  rule: string;
  blockedReason: string | null;
  /** The owner skipped it before: it waits at the end of the queue. */
  deferred: boolean;
  evidence: ReviewEvidence[];
  a: ReviewSide;
  b: ReviewSide;
}

export interface ReviewQueuePage {
  /** Pairs in the queue (within the customer, when the list is for one). */
  total: number;
  /** Of those, skipped earlier. */
  deferred: number;
  offset: number;
  pairs: ReviewPair[];
  /** Where the pair asked for with `focus` stands in the queue; null when it is not in it. */
  focusPosition: number | null;
}

export type ReviewDecision = 'merge' | 'notSame' | 'skip';

export interface ReviewDecisionResult {
  /** The operation that recorded the decision (undone by merge.review.undo). */
  opId: number;
  decision: ReviewDecision;
  accountA: number;
  accountB: number;
  /** After a merge: the customer both accounts are in now (the older of the two). */
  customerId: number | null;
  /** After a merge: the customer that was joined into it and is gone. */
  mergedCustomerId: number | null;
  /** Pairs still in the queue. */
  remaining: number;
}

export interface ReviewUndoResult {
  opId: number;
  decision: ReviewDecision;
  accountA: number;
  accountB: number;
  /** The customers the undo gave their accounts back to. */
  customerIds: number[];
  remaining: number;
}
