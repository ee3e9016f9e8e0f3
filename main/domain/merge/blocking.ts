/**
 * Blocking keys (design §5.3): two accounts are compared only when they share one. Each key is
 * `<rule>:<value>`; a key shared by more accounts than the block cap is a common value (a pickup
 * point, 张伟 in one city) and pairs nobody. The same keys count term frequencies (compare.ts).
 */
import { emailLogin } from './compare.js';
import type { AccountRecord } from './records.js';

export const BLOCKING_RULES = {
  pf: 'full phone',
  p7: 'phone prefix 3 + suffix 4',
  d4: 'district + phone suffix 4',
  c4: 'city + phone suffix 4',
  af: 'address fingerprint',
  nc: 'city + name pinyin',
  em: 'e-mail',
  nk: 'nickname',
} as const;
export type BlockingRule = keyof typeof BLOCKING_RULES;

const DIGIT4 = /^\d{4}$/;

function phoneKeys(phone: string, dist: string | null, city: string | null, into: Set<string>): void {
  if (phone.length !== 11) return;
  const prefix = phone.slice(0, 3);
  const suffix = phone.slice(7);
  if (!DIGIT4.test(suffix)) return;
  const prefixShown = /^\d{3}$/.test(prefix);
  if (prefixShown) into.add(`p7:${prefix}${suffix}`);
  if (dist) into.add(`d4:${dist}|${suffix}`);
  // Where neither of those can meet: a number showing only its last digits (京东's 1******6198) or
  // an address typed without its district (own shops' free text). The city and the last four
  // digits still do.
  if (city && (!prefixShown || !dist)) into.add(`c4:${city}|${suffix}`);
}

/** The distinct blocking keys of an account. */
export function blockingKeys(record: AccountRecord): string[] {
  const keys = new Set<string>();
  for (const phone of record.phones) {
    keys.add(`pf:${phone}`);
    phoneKeys(phone, null, null, keys);
  }
  for (const phone of record.maskedPhones ?? []) phoneKeys(phone, null, null, keys);
  for (const email of record.emails) {
    keys.add(`em:${email}`);
    // An e-mail name meets the same login on a marketplace (compare.ts compareLoginEmail).
    const login = emailLogin(email);
    if (login) keys.add(`nk:${login}`);
  }
  if (record.nickname) keys.add(`nk:${record.nickname}`);
  for (const r of record.receivers) {
    if (r.phone) {
      if (r.phoneFull) keys.add(`pf:${r.phone}`);
      phoneKeys(r.phone, r.dist, r.city, keys);
    }
    if (r.fp && !r.pickup) keys.add(`af:${r.fp}`);
    if (r.pinyin && r.city) keys.add(`nc:${r.city}|${r.pinyin}`);
    if (r.email) keys.add(`em:${r.email}`);
  }
  return [...keys];
}

/** The rule of a key (its prefix). */
export function ruleOf(key: string): BlockingRule {
  return key.slice(0, 2) as BlockingRule;
}
