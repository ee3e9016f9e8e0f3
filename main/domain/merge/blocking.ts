/**
 * Blocking keys (design §5.3): two accounts are compared only when they share one. Each key is
 * `<rule>:<value>`; a key shared by more accounts than the block cap is a common value (a pickup
 * point, 张伟 in one city) and pairs nobody. The same keys count term frequencies (compare.ts).
 */
import { districtsOfCity } from '../identity/divisions.js';
import { emailLogin } from './compare.js';
import type { AccountRecord } from './records.js';

export const BLOCKING_RULES = {
  pf: 'full phone',
  p7: 'phone prefix 3 + suffix 4',
  d4: 'district + phone suffix 4 (京东 numbers: every district of their city)',
  c4: 'city + phone suffix 4',
  af: 'address fingerprint',
  nc: 'city + name pinyin',
  em: 'e-mail',
  nk: 'nickname',
  ln: 'login + whole name',
} as const;
export type BlockingRule = keyof typeof BLOCKING_RULES;

const DIGIT4 = /^\d{4}$/;
/** Shorter letters (wei, lina) are too many people's names to pair anyone. */
export const MIN_NAME_LETTERS = 5;

function phoneKeys(phone: string, dist: string | null, city: string | null, into: Set<string>): void {
  if (phone.length !== 11) return;
  const prefix = phone.slice(0, 3);
  const suffix = phone.slice(7);
  if (!DIGIT4.test(suffix)) return;
  const prefixShown = /^\d{3}$/.test(prefix);
  if (prefixShown) into.add(`p7:${prefix}${suffix}`);
  if (dist) into.add(`d4:${dist}|${suffix}`);
  if (!city) return;
  // A number showing only its last digits (京东's 1******6198) meets a whole one elsewhere in its
  // city: through every district's key, which whole numbers have anyway (a city key on every
  // number would pair each with the city's chance namesakes of four digits, and read them).
  if (!prefixShown)
    for (const other of districtsOfCity(city)) if (other !== dist) into.add(`d4:${other}|${suffix}`);
  // An address typed without its district (own shops' free text) and 京东's numbers meet by city.
  if (!prefixShown || !dist) into.add(`c4:${city}|${suffix}`);
}

/** The distinct blocking keys of an account. */
export function blockingKeys(record: AccountRecord): string[] {
  const keys = new Set<string>();
  for (const phone of record.phones) {
    keys.add(`pf:${phone}`);
    phoneKeys(phone, null, null, keys);
    // The holder's own number (a 拼多多 account's bound phone, an own shop's buyer phone) in the
    // districts its parcels go to: there it meets a 京东 number of the city, even when every
    // parcel was a gift under another name and number.
    for (const r of record.receivers) if (r.dist) phoneKeys(phone, r.dist, null, keys);
  }
  for (const phone of record.maskedPhones ?? []) phoneKeys(phone, null, null, keys);
  for (const email of record.emails) {
    keys.add(`em:${email}`);
    // An e-mail name meets the same login on a marketplace (compare.ts compareLoginEmail).
    const login = emailLogin(email);
    if (login) keys.add(`nk:${login}`);
  }
  if (record.nickname) keys.add(`nk:${record.nickname}`);
  // A login made of a name (lizhihai88, li.zhihai@163.com) meets that whole name on another
  // platform, even when this account's parcels all went to others.
  if (record.login && record.login.length >= MIN_NAME_LETTERS) keys.add(`ln:${record.login}`);
  for (const r of record.receivers) {
    if (r.phone) {
      if (r.phoneFull) keys.add(`pf:${r.phone}`);
      phoneKeys(r.phone, r.dist, r.city, keys);
    }
    if (r.fp && !r.pickup) keys.add(`af:${r.fp}`);
    if (r.pinyin && r.city) keys.add(`nc:${r.city}|${r.pinyin}`);
    if (r.name && r.pinyin && r.pinyin.length >= MIN_NAME_LETTERS) keys.add(`ln:${r.pinyin}`);
    if (r.email) keys.add(`em:${r.email}`);
  }
  return [...keys];
}

/**
 * Accounts whose logins or whole names spell one name, at most, for that name to say "this
 * person" (zhangjing is 张静, 张晶 and hundreds of accounts in a busy shop): larger `ln` blocks pair
 * nobody, and a login that spells a holder's name counts only below it (score.ts).
 */
export const RARE_NAME_ACCOUNTS = 4;

/** The most accounts a block of this key may have and still pair them (`cap`: the run's cap). */
export function blockCap(key: string, cap: number): number {
  return key.startsWith('ln:') ? Math.min(cap, RARE_NAME_ACCOUNTS) : cap;
}

/** The rule of a key (its prefix). */
export function ruleOf(key: string): BlockingRule {
  return key.slice(0, 2) as BlockingRule;
}
