/**
 * Phones a household shares. Families give one member's mobile for everyone's parcels, so a phone
 * that agrees says "same household", not "same person", once the data shows that number with two
 * people: two whole names that cannot be one (张伟 and 张强), or two surnames (a couple). Such a
 * phone stops being a strong identifier; a pair resting on it goes to review (design §5.6's gates;
 * §5.2 flags numbers linked to several surnames).
 *
 * The receivers looked at are those the blocking keys bring together: for a whole number every
 * account that shows it, for a masked one the accounts with the same district and last four digits
 * (a masked 138****5678 is only "the same number" within one place). An incremental run loads those
 * accounts too, so it decides as a full run would.
 */
import { compareName, NAME_CONFLICTS, sharedDigits } from './compare.js';
import type { AccountRecord, Receiver } from './records.js';

/** Looks up the accounts that share a blocking key (plan.ts's key → accounts map). */
export interface BlockLookup {
  accountsWithKey(key: string): Iterable<number> | undefined;
  record(id: number): AccountRecord | undefined;
}

/** Whether two receivers' names cannot be one person's. */
function twoPeople(a: Receiver, b: Receiver): boolean {
  return NAME_CONFLICTS.has(compareName(a, b).level);
}

/** Whether `r` shows the number `phone` (whole, or masked compatibly within the district `dist`). */
function showsPhone(r: Receiver, phone: string, full: boolean, dist: string | null): boolean {
  if (r.phone === null) return false;
  if (full && r.phoneFull) return r.phone === phone;
  if (r.dist === null || r.dist !== dist) return false;
  const shared = sharedDigits(r.phone, phone);
  // The leading 1 says nothing: six informative digits, as the phone comparison's masked level.
  return shared - 1 >= 6;
}

export class SharedPhones {
  private readonly memo = new Map<string, boolean>();

  constructor(private readonly blocks: BlockLookup) {}

  /** Whether the data shows this number (as one receiver saw it in `dist`) with two people. */
  isShared(phone: string, full: boolean, dist: string | null): boolean {
    if (phone.length !== 11) return false;
    const memoKey = `${full ? 'f' : 'm'}|${phone}|${dist ?? ''}`;
    let value = this.memo.get(memoKey);
    if (value === undefined) {
      value = this.compute(phone, full, dist);
      this.memo.set(memoKey, value);
    }
    return value;
  }

  private compute(phone: string, full: boolean, dist: string | null): boolean {
    const ids = new Set<number>();
    const add = (key: string) => {
      for (const id of this.blocks.accountsWithKey(key) ?? []) ids.add(id);
    };
    if (full) add(`pf:${phone}`);
    if (dist) add(`d4:${dist}|${phone.slice(7)}`);
    const seen: Receiver[] = [];
    const platforms = new Set<string>();
    for (const id of ids) {
      const record = this.blocks.record(id);
      if (!record) continue;
      let shows = false;
      for (const r of record.receivers) {
        if (!showsPhone(r, phone, full, dist)) continue;
        shows = true;
        if (r.surname === null) continue;
        if (seen.some((s) => twoPeople(s, r))) return true;
        seen.push(r);
      }
      // Two buyer accounts of one platform ordering to one number: two people share it far more
      // often than one person keeps two accounts.
      if (shows && record.keyKind !== 'receiver') {
        if (platforms.has(record.platform)) return true;
        platforms.add(record.platform);
      }
    }
    return false;
  }
}
