/** Reading a dataset's truth (bench/identity/dataset.ts writes it) for the evaluation. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { TRUTH_FILES } from '../identity/dataset.js';
import type { PhoneShown } from '../identity/display.js';
import type { DeliveryKind } from '../identity/delivery.js';

export interface TruthOrder {
  phase: string;
  platform: string;
  orderId: string;
  /** The generator's account (not the database's). */
  account: number;
  buyer: number;
  receiver: number;
  delivery: DeliveryKind;
  phoneShown: PhoneShown;
  emailShown: boolean;
}

export interface Truth {
  /** By orderKey(platform, order id). */
  orders: Map<string, TruthOrder>;
  /** Each person's household. */
  householdOf: Map<number, number>;
}

export function orderKey(platform: string, orderId: string): string {
  return `${platform}\u0000${orderId}`;
}

async function rows(file: string): Promise<Record<string, string>[]> {
  const parsed = Papa.parse<Record<string, string>>(await readFile(file, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]!.message}`);
  return parsed.data;
}

/** The truth of `phases` (default: every phase the dataset has). */
export async function loadTruth(dir: string, phases?: readonly string[]): Promise<Truth> {
  const orders = new Map<string, TruthOrder>();
  for (const r of await rows(path.join(dir, TRUTH_FILES.orders))) {
    if (phases && !phases.includes(r.phase!)) continue;
    orders.set(orderKey(r.platform!, r.order_id!), {
      phase: r.phase!,
      platform: r.platform!,
      orderId: r.order_id!,
      account: Number(r.account),
      buyer: Number(r.buyer_person),
      receiver: Number(r.receiver_person),
      delivery: r.delivery as DeliveryKind,
      phoneShown: r.phone_shown as PhoneShown,
      emailShown: r.email_shown === '1',
    });
  }
  const householdOf = new Map<number, number>();
  for (const r of await rows(path.join(dir, TRUTH_FILES.persons))) {
    householdOf.set(Number(r.person), Number(r.household));
  }
  return { orders, householdOf };
}
