/**
 * Field comparisons with levels (design §5.4): each returns the level, its weight in bits and
 * whether it is a strong identifier. Levels are tried in order; the first that holds wins. Masked
 * values are compared only on the characters both show, never as values of their own: `张**` is
 * not the name 张**, `138****5678` not a number.
 */
import { surnamesSoundAlike } from '../identity/name.js';
import { BITS } from './params.js';

export interface FieldComparison {
  level: string;
  bits: number;
  strong: boolean;
}

const NULL: FieldComparison = { level: 'null', bits: 0, strong: false };

/** Term frequencies: how many accounts share a value (1 = only one). Unknown → 1. */
export interface TermFrequencies {
  /** Accounts sharing a key (full phone, address fingerprint, name in a city, nickname …). */
  keyCount(key: string): number;
  /** Share of receivers with this surname (0..1); unknown → a rare surname's share. */
  surnameShare(surname: string): number;
  /**
   * Whether the data shows this number with two people (a household's shared phone:
   * shared-phones.ts); `dist` is where the receiver showing it lives (a masked number is matched
   * within its district).
   */
  phoneShared(phone: string, full: boolean, dist: string | null): boolean;
}

export const NO_TF: TermFrequencies = {
  keyCount: () => 1,
  surnameShare: () => 0.005,
  phoneShared: () => false,
};

/** Bits lost to a common value: a value k accounts share says log2(k) bits less (≥ 0). */
export function tfPenalty(count: number): number {
  return count > 2 ? Math.log2(count / 2) : 0;
}

/** Visible digits two 11-character phone patterns share; -1 when a visible digit disagrees. */
export function sharedDigits(a: string, b: string): number {
  if (a.length !== 11 || b.length !== 11) return -1;
  let shared = 0;
  for (let i = 0; i < 11; i++) {
    const p = a.charCodeAt(i);
    const q = b.charCodeAt(i);
    if (p === 42 || q === 42) continue;
    if (p !== q) return -1;
    shared++;
  }
  return shared;
}

export function comparePhone(
  a: string | null,
  aFull: boolean,
  b: string | null,
  bFull: boolean,
  tf: TermFrequencies = NO_TF,
): FieldComparison {
  if (a === null || b === null) return NULL;
  if (aFull && bFull) {
    if (a !== b) return { level: 'conflict', bits: BITS.phone.conflict, strong: false };
    return { level: 'full', bits: BITS.phone.full - tfPenalty(tf.keyCount(`pf:${a}`)), strong: true };
  }
  const shared = sharedDigits(a, b);
  if (shared < 0) return { level: 'conflict', bits: BITS.phone.conflict, strong: false };
  // The leading 1 of every mobile says nothing.
  const informative = a[0] === '1' && b[0] === '1' ? shared - 1 : shared;
  if (informative >= 6) {
    const count = tf.keyCount(`p7:${a.slice(0, 3)}${a.slice(7)}`);
    return { level: 'masked7', bits: BITS.phone.masked7 - tfPenalty(count), strong: true };
  }
  if (informative >= 4) return { level: 'suffix4', bits: BITS.phone.suffix4, strong: false };
  if (informative >= 1) return { level: 'partial', bits: BITS.phone.partial, strong: false };
  return NULL;
}

/** Characters of a name pattern (masks are '*'). */
function chars(text: string): string[] {
  return [...text];
}

/** Whether two name patterns can be one name: no position where both show different characters. */
export function masksCompatible(a: string, b: string): boolean {
  const x = chars(a);
  const y = chars(b);
  // Only the first character shows (张**, 张*): platforms write as many stars as they like.
  if (x.slice(1).every((c) => c === '*') || y.slice(1).every((c) => c === '*'))
    return x[0] === y[0] || x[0] === '*' || y[0] === '*';
  // A pattern ending in a mask may hide more characters than it shows (JD writes 张* for 张小明).
  const xOpen = x[x.length - 1] === '*';
  const yOpen = y[y.length - 1] === '*';
  if (x.length !== y.length && !(x.length < y.length ? xOpen : yOpen)) return false;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== '*' && y[i] !== '*' && x[i] !== y[i]) return false;
  return true;
}

function oneCharDiffers(a: string, b: string): boolean {
  const x = chars(a);
  const y = chars(b);
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff++;
  return diff === 1;
}

export interface NameValue {
  name: string | null;
  surname: string | null;
  mask: string | null;
  pinyin: string | null;
  city?: string | null;
  /** Characters in the name when known (name-lengths.ts). */
  length?: number | null;
}

/** Name levels that say two people (a conflict), and those that say one name written alike. */
export const NAME_CONFLICTS: ReadonlySet<string> = new Set([
  'surname_differs',
  'given_differs',
  'length_differs',
]);
export const NAME_AGREES: ReadonlySet<string> = new Set(['exact', 'pinyin', 'typo']);

export function compareName(a: NameValue, b: NameValue, tf: TermFrequencies = NO_TF): FieldComparison {
  if (a.name !== null && b.name !== null) {
    if (a.name === b.name) {
      const count = a.pinyin && a.city ? tf.keyCount(`nc:${a.city}|${a.pinyin}`) : 1;
      return { level: 'exact', bits: BITS.name.exact - tfPenalty(count), strong: false };
    }
    if (a.pinyin !== null && a.pinyin === b.pinyin)
      return { level: 'pinyin', bits: BITS.name.pinyin, strong: false };
    // One character off in a name of three or more is a typo (张伟明 / 张伟民); in a two-character
    // name it is the whole given name (张伟 / 张强), and a homophone typo met the pinyin level.
    if (a.surname !== null && a.surname === b.surname)
      return chars(a.name).length >= 3 && oneCharDiffers(a.name, b.name)
        ? { level: 'typo', bits: BITS.name.typo, strong: false }
        : { level: 'given_differs', bits: BITS.name.givenDiffers, strong: false };
  }
  if (a.surname === null || b.surname === null) return NULL;
  // A masked 欧** shows one character of 欧阳.
  const sameSurname =
    a.surname === b.surname ||
    (a.name === null && b.surname.startsWith(a.surname)) ||
    (b.name === null && a.surname.startsWith(b.surname));
  const lengthsDiffer = a.length != null && b.length != null && a.length !== b.length;
  if (!sameSurname) {
    // Behind a mask only the surname shows, and a homophone in its place (汪* for 王娜) is the
    // typo pinyin input makes: it neither agrees nor says "two people".
    return (a.name === null || b.name === null) && !lengthsDiffer && surnamesSoundAlike(a.surname, b.surname)
      ? { level: 'surname_sounds', bits: BITS.name.surnameSounds, strong: false }
      : { level: 'surname_differs', bits: BITS.name.surnameDiffers, strong: false };
  }
  if (a.mask !== null && b.mask !== null && !masksCompatible(a.mask, b.mask))
    return { level: 'given_differs', bits: BITS.name.givenDiffers, strong: false };
  // 张* and 张阳平 where the mask shows the length: two people of one family.
  if (lengthsDiffer) return { level: 'length_differs', bits: BITS.name.givenDiffers, strong: false };
  const bits = Math.log2(0.75 / Math.max(tf.surnameShare(a.surname), 1e-4));
  return {
    level: 'surname',
    bits: Math.min(BITS.name.maskedMax, Math.max(BITS.name.maskedMin, bits)),
    strong: false,
  };
}

export interface AddressValue {
  prov: string | null;
  city: string | null;
  dist: string | null;
  detail: string | null;
  fp: string | null;
  pickup: boolean;
}

export function compareAddress(
  a: AddressValue,
  b: AddressValue,
  tf: TermFrequencies = NO_TF,
): FieldComparison {
  if (a.prov === null || b.prov === null) return NULL;
  if (a.dist !== null && a.dist === b.dist) {
    if (a.pickup || b.pickup) return { level: 'pickup', bits: BITS.address.pickup, strong: false };
    const count = a.fp ? tf.keyCount(`af:${a.fp}`) : 1;
    if (a.detail !== null && a.detail === b.detail)
      return { level: 'exact', bits: BITS.address.exact - tfPenalty(count), strong: false };
    if (a.fp !== null && a.fp === b.fp)
      return { level: 'road', bits: BITS.address.road - tfPenalty(count), strong: false };
    return { level: 'district', bits: BITS.address.district, strong: false };
  }
  if (a.city !== null && a.city === b.city) return { level: 'city', bits: BITS.address.city, strong: false };
  if (a.prov === b.prov) return { level: 'province', bits: BITS.address.province, strong: false };
  return { level: 'different', bits: BITS.address.different, strong: false };
}

export function compareEmail(
  a: readonly string[],
  b: readonly string[],
): FieldComparison & { value: string | null } {
  for (const x of a) if (b.includes(x)) return { level: 'exact', bits: BITS.email, strong: true, value: x };
  return { ...NULL, value: null };
}

/**
 * The part of an e-mail address before the @ when it reads as a login someone chose
 * (pingkun_1210@163.com → pingkun_1210): at least 6 characters with a letter. Numbers (a QQ or a
 * phone) are compared as such elsewhere.
 */
export function emailLogin(email: string): string | null {
  const at = email.indexOf('@');
  if (at < 6) return null;
  const local = email.slice(0, at);
  return /[a-z]/.test(local) ? local : null;
}

/** A login on one platform (淘宝 会员名, 京东 下单帐号) that is the other account's e-mail name. */
export function compareLoginEmail(
  aNickname: string | null,
  aEmails: readonly string[],
  bNickname: string | null,
  bEmails: readonly string[],
  tf: TermFrequencies = NO_TF,
): FieldComparison & { value: string | null } {
  const match = (nick: string | null, emails: readonly string[]) =>
    nick !== null && emails.some((e) => emailLogin(e) === nick) ? nick : null;
  const value = match(aNickname, bEmails) ?? match(bNickname, aEmails);
  if (value === null) return { ...NULL, value: null };
  const count = tf.keyCount(`nk:${value}`);
  return { level: 'login_email', bits: BITS.nickname - tfPenalty(count), strong: count <= 2, value };
}

export function compareNickname(
  a: string | null,
  b: string | null,
  tf: TermFrequencies = NO_TF,
): FieldComparison {
  if (a === null || b === null || a !== b) return NULL;
  const count = tf.keyCount(`nk:${a}`);
  return { level: 'exact', bits: BITS.nickname - tfPenalty(count), strong: count <= 2 };
}
