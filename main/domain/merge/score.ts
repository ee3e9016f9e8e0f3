/**
 * Scoring a pair of accounts (design §5.4–5.6): the weight is the prior plus the best pair of their
 * receivers (phone + name + address, the account's own phones standing in for each of its
 * receivers' phone) plus the account-level e-mail and nickname. The zone follows:
 *
 * - auto: weight ≥ the auto threshold, a strong identifier agrees (whole or 3+4 phone, e-mail,
 *   a rare nickname), both receivers are the accounts' own (primary) and the names do not conflict;
 * - review: weight ≥ the review threshold otherwise (the reason an auto-worthy pair was held back
 *   is kept);
 * - discard: below.
 *
 * Deterministic: the same e-mail, or the same whole mobile as both accounts' own without a name
 * conflict — joined first, before any scored link.
 */
import {
  compareAddress,
  compareEmail,
  compareLoginEmail,
  compareName,
  compareNickname,
  NAME_AGREES,
  NAME_CONFLICTS,
  comparePhone,
  sharedDigits,
  NO_TF,
  type FieldComparison,
  type TermFrequencies,
} from './compare.js';
import { MIN_NAME_LETTERS, RARE_NAME_ACCOUNTS } from './blocking.js';
import { loginsConflict, loginSpellsName } from './login.js';
import { BITS, DEFAULT_PARAMS, type MergeParams } from './params.js';
import { isMainReceiver, primaryFullPhones, type AccountRecord, type Receiver } from './records.js';

export interface Evidence {
  field: string;
  level: string;
  bits: number;
  a: string | null;
  b: string | null;
}

export type Zone = 'auto' | 'review';

export interface PairScore {
  weight: number;
  strong: boolean;
  /** null: discarded (below the review threshold). */
  zone: Zone | null;
  /** Why an auto-worthy pair went to review (secondary receiver, name conflict). */
  heldBack: string | null;
  deterministic: 'email' | 'phone' | null;
  evidence: Evidence[];
}

const NO_RECEIVER: Receiver = {
  name: null,
  surname: null,
  mask: null,
  pinyin: null,
  phone: null,
  phoneFull: false,
  prov: null,
  city: null,
  dist: null,
  detail: null,
  fp: null,
  pickup: false,
  email: null,
  orders: 0,
  primary: true,
};

interface PhonePick extends FieldComparison {
  a: string | null;
  b: string | null;
  aFull: boolean;
  bFull: boolean;
}

/** The best phone comparison of two receivers, each with its account's own phones as well. */
function bestPhone(
  ra: Receiver,
  a: AccountRecord,
  rb: Receiver,
  b: AccountRecord,
  tf: TermFrequencies,
): PhonePick {
  const aPhones = a.phones;
  const bPhones = b.phones;
  const aMasked = a.maskedPhones ?? NONE;
  const bMasked = b.maskedPhones ?? NONE;
  let best: PhonePick = {
    level: 'null',
    bits: 0,
    strong: false,
    a: null,
    b: null,
    aFull: false,
    bFull: false,
  };
  const consider = (x: string | null, xFull: boolean, y: string | null, yFull: boolean) => {
    if (x === null || y === null) return;
    const c = comparePhone(x, xFull, y, yFull, tf);
    // Fields copied one by one: a spread of these objects (several shapes) was most of the scoring time.
    if (best.level === 'null' || c.bits > best.bits)
      best = { level: c.level, bits: c.bits, strong: c.strong, a: x, b: y, aFull: xFull, bFull: yFull };
  };
  consider(ra.phone, ra.phoneFull, rb.phone, rb.phoneFull);
  for (const p of aPhones) {
    consider(p, true, rb.phone, rb.phoneFull);
    for (const q of bPhones) consider(p, true, q, true);
  }
  for (const q of bPhones) consider(ra.phone, ra.phoneFull, q, true);
  // The holders' masked mobiles: against the other side's receiver and own numbers.
  for (const p of aMasked) {
    consider(p, false, rb.phone, rb.phoneFull);
    for (const q of bPhones) consider(p, false, q, true);
    for (const q of bMasked) consider(p, false, q, false);
  }
  for (const q of bMasked) {
    consider(ra.phone, ra.phoneFull, q, false);
    for (const p of aPhones) consider(p, true, q, false);
  }
  return best;
}

const NONE: readonly string[] = [];

/** Bits below the review threshold a pair whose phone agrees strongly is still suggested from. */
const STRONG_PHONE_REVIEW_MARGIN = 8;

function loginSpellsWholeName(login: string | null, r: Receiver): boolean {
  return login !== null && r.pinyin !== null && r.surname !== null && loginSpellsName(login, r);
}

/**
 * Whether a receiver is the account's holder and not someone it sent a gift to: the account is
 * keyed by its receiver (拼多多/抖店), most of its orders go to the receiver, the account's own phone is
 * the receiver's, or its login spells the receiver's name (`other`: the receiver it is compared
 * with, whose whole name may be known where this one is masked).
 */
export function receiverIsHolder(account: AccountRecord, r: Receiver, other: Receiver): boolean {
  if (account.keyKind === 'receiver') return true;
  const own = account.maskedPhones?.length ? [...account.phones, ...account.maskedPhones] : account.phones;
  if (r.phone && own.length > 0)
    // The account states its own mobile: the receiver is the holder when the numbers agree.
    return own.some((p) => sharedDigits(p, r.phone!) >= 7);
  if (isMainReceiver(account, r)) return true;
  if (account.login && r.surname) {
    const pinyin = r.pinyin ?? (other.surname === r.surname ? other.pinyin : null);
    if (loginSpellsName(account.login, { pinyin, surname: r.surname })) return true;
  }
  return false;
}

/**
 * The whole name of a receiver that is surely the other account's holder, when `login` (one
 * account's) spells it: the two holders agree on a name of their own, wherever their parcels went.
 * Only a rare name says so (blocking.ts RARE_NAME_ACCOUNTS).
 */
function holderNameSpelled(login: string | null, other: AccountRecord, tf: TermFrequencies): string | null {
  if (login === null || login.length < MIN_NAME_LETTERS) return null;
  if (tf.keyCount(`ln:${login}`) > RARE_NAME_ACCOUNTS) return null;
  for (const r of other.receivers)
    if (r.name !== null && loginSpellsWholeName(login, r) && receiverIsHolder(other, r, r)) return r.name;
  return null;
}

/** Either account's login with the holder name it spells in the other account (holderNameSpelled). */
function holderSpelled(
  a: AccountRecord,
  b: AccountRecord,
  tf: TermFrequencies,
): readonly [string, string] | null {
  const ofB = holderNameSpelled(a.login, b, tf);
  if (ofB !== null) return [a.login!, ofB];
  const ofA = holderNameSpelled(b.login, a, tf);
  return ofA !== null ? [b.login!, ofA] : null;
}

function addressText(r: Receiver): string | null {
  return r.detail ?? r.dist ?? r.city ?? r.prov;
}

/**
 * What the two accounts' holders' names say, from the receivers that are surely each account's
 * holder (receiverIsHolder; receivers that may be gifts say nothing about the holder): `conflict`
 * when two cannot be one person, `confirmed` when whole names agree, `unknown` when a side has no
 * such receiver, else `surname` (only a masked surname agrees).
 */
function holderNames(a: AccountRecord, b: AccountRecord): 'conflict' | 'confirmed' | 'unknown' | 'surname' {
  const holders = (x: AccountRecord) => x.receivers.filter((r) => receiverIsHolder(x, r, r));
  const aHolders = holders(a);
  const bHolders = holders(b);
  if (aHolders.length === 0 || bHolders.length === 0) return 'unknown';
  let confirmed = false;
  for (const ra of aHolders)
    for (const rb of bHolders) {
      const level = compareName(ra, rb).level;
      if (NAME_CONFLICTS.has(level)) return 'conflict';
      if (NAME_AGREES.has(level)) confirmed = true;
    }
  return confirmed ? 'confirmed' : 'surname';
}

/** Whether the agreeing phone of the pick is one the data shows with two people (a household's). */
function phoneIsShared(phone: PhonePick, ra: Receiver, rb: Receiver, tf: TermFrequencies): boolean {
  if (phone.a === null || phone.b === null) return false;
  return tf.phoneShared(phone.a, phone.aFull, ra.dist) || tf.phoneShared(phone.b, phone.bFull, rb.dist);
}

const SAME_CITY: ReadonlySet<string> = new Set(['city', 'district', 'road', 'exact', 'pickup']);

/**
 * 京东 shows a mobile's last four digits and no more (1******6198): all of them agreeing, with the
 * surname and the city, is as alike as such a pair can look. In one city four digits and a surname
 * meet by chance rarely; the owner sees it as a suggestion, with the district and street to judge by.
 * When the number agreeing is a holder's own (a 拼多多 account's bound phone), the receivers
 * compared may be gifts under other names: then only the holders' own names can say no.
 */
function allVisibleDigitsInOneCity(
  pick: { phone: PhonePick; name: FieldComparison; address: FieldComparison },
  a: AccountRecord,
  b: AccountRecord,
): boolean {
  if (pick.phone.level !== 'suffix4' || !SAME_CITY.has(pick.address.level)) return false;
  const level = pick.name.level;
  if (level === 'surname' || level === 'surname_sounds' || NAME_AGREES.has(level)) return true;
  const holdersOwn =
    (pick.phone.a !== null && a.phones.includes(pick.phone.a)) ||
    (pick.phone.b !== null && b.phones.includes(pick.phone.b));
  return holdersOwn && holderNames(a, b) !== 'conflict';
}

/**
 * A strong phone with another surname: often one person ordering for a relative or a friend with
 * their own number, so the courier calls them. A whole number says so anywhere; seven visible
 * digits only within one city, because across the country they meet by chance, more often the
 * more accounts a shop has (500k accounts: 187k such suggestions, most of them wrong).
 */
function ownNumberForSomeoneElse(
  pick: { phone: PhonePick; name: FieldComparison; address: FieldComparison },
  phoneStrong: boolean,
): boolean {
  if (!phoneStrong || pick.name.level !== 'surname_differs') return false;
  return pick.phone.level === 'full' || pick.address.level === 'city' || pick.address.level === 'district';
}

export function scorePair(
  a: AccountRecord,
  b: AccountRecord,
  tf: TermFrequencies = NO_TF,
  params: MergeParams = DEFAULT_PARAMS,
): PairScore {
  const email = compareEmail(a.emails, b.emails);
  const nickname = compareNickname(a.nickname, b.nickname, tf);
  const loginEmail =
    nickname.level === 'null'
      ? compareLoginEmail(a.nickname, a.emails, b.nickname, b.emails, tf)
      : { level: 'null', bits: 0, strong: false, value: null };
  const aReceivers = a.receivers.length > 0 ? a.receivers : [NO_RECEIVER];
  const bReceivers = b.receivers.length > 0 ? b.receivers : [NO_RECEIVER];

  let best: {
    sum: number;
    ra: Receiver;
    rb: Receiver;
    phone: PhonePick;
    name: FieldComparison;
    address: FieldComparison;
  } | null = null;
  for (const ra of aReceivers) {
    for (const rb of bReceivers) {
      const phone = bestPhone(ra, a, rb, b, tf);
      const name = compareName(ra, rb, tf);
      const address = compareAddress(ra, rb, tf);
      const sum = phone.bits + name.bits + address.bits;
      const better =
        best === null ||
        sum > best.sum ||
        (sum === best.sum && ra.primary && rb.primary && !(best.ra.primary && best.rb.primary));
      if (better) best = { sum, ra, rb, phone, name, address };
    }
  }
  const pick = best!;
  // A login that spells the other side's whole name (zhangwei1988 ↔ 张伟) says more than the masked
  // surname did, and with a compatible phone it is a strong identifier (JD shows only the last four).
  const aSpells = pick.name.level === 'surname' && loginSpellsWholeName(a.login, pick.rb);
  const bSpells = pick.name.level === 'surname' && loginSpellsWholeName(b.login, pick.ra);
  // A login that spells the other holder's name (whether or not the receivers compared are the
  // holders: a gift-only account against one whose parcels go home) is worth a look, not a merge.
  const spelled: readonly [string | null, string | null] | null = aSpells
    ? [a.login, pick.rb.name]
    : bSpells
      ? [b.login, pick.ra.name]
      : null;
  const holder = holderSpelled(a, b, tf);
  const login: FieldComparison = spelled
    ? { level: 'spells_name', bits: BITS.loginSpellsName, strong: pick.phone.level !== 'conflict' }
    : holder
      ? { level: 'spells_holder', bits: BITS.loginSpellsName, strong: false }
      : { level: 'null', bits: 0, strong: false };
  const weight = params.priorBits + pick.sum + email.bits + nickname.bits + loginEmail.bits + login.bits;
  // What the two holders themselves state (not who their parcels went to).
  const accountStrong = email.strong || nickname.strong || loginEmail.strong;
  const sharedPhone = pick.phone.strong && phoneIsShared(pick.phone, pick.ra, pick.rb, tf);
  const phoneStrong = pick.phone.strong && !sharedPhone;
  const strong = phoneStrong || accountStrong || login.strong;
  const nameConflict = NAME_CONFLICTS.has(pick.name.level);

  // Households share addresses, surnames and often a phone: a phone says "same person" only with
  // the name agreeing beyond a masked surname (whole names, or a login that spells the other's).
  const nameConfirmed =
    NAME_AGREES.has(pick.name.level) ||
    (a.login !== null && a.login === b.login) ||
    loginSpellsWholeName(a.login, pick.rb) ||
    loginSpellsWholeName(b.login, pick.ra);
  // The same whole mobile as both holders' own: one person, unless the data shows that number with
  // two people or the holders' own names conflict (receivers that may be gifts do not count).
  // Behind a masked name only the surname agrees, and a household member who orders with the
  // family's phone looks the same: the phone is then "one person" only at one home.
  const householdDoubt =
    !nameConfirmed &&
    pick.name.level === 'surname' &&
    pick.address.level !== 'exact' &&
    pick.address.level !== 'road';
  const bPhones = primaryFullPhones(b);
  const holderPhone = primaryFullPhones(a).find((p) => bPhones.includes(p)) ?? null;
  const holderPhoneShared = holderPhone !== null && tf.phoneShared(holderPhone, true, null);
  const holders = holderPhone !== null && !holderPhoneShared ? holderNames(a, b) : 'conflict';
  const phoneDeterministic =
    holders !== 'conflict' &&
    (params.confirmNames
      ? holders === 'confirmed' || nameConfirmed
      : !householdDoubt || holders === 'confirmed');
  const deterministic = email.strong ? 'email' : phoneDeterministic ? 'phone' : null;
  // Holders agreeing on something of their own (a rare nickname or login, their own mobile, a
  // login spelling the other holder's name) are worth a look even when their parcels went
  // elsewhere (gifts, the office).
  // (A masked own mobile is not enough: seven digits meet by chance across a busy shop's accounts.)
  const holdersAgree = accountStrong || holderPhone !== null || holder !== null;
  // A strong phone agreeing while the rest disagrees is mostly one person at another address (the
  // office, a move) or a name typed differently: worth a look a little below the review line; so
  // are ownNumberForSomeoneElse and allVisibleDigitsInOneCity.
  const phoneWorthALook =
    (phoneStrong && weight >= params.reviewThreshold - STRONG_PHONE_REVIEW_MARGIN) ||
    allVisibleDigitsInOneCity(pick, a, b) ||
    ownNumberForSomeoneElse(pick, phoneStrong);

  let zone: Zone | null = null;
  let heldBack: string | null = null;
  if (deterministic) zone = 'auto';
  else if (weight >= params.reviewThreshold || holdersAgree || phoneWorthALook) {
    zone = 'review';
    if (weight >= params.autoThreshold && (strong || sharedPhone)) {
      if (nameConflict) heldBack = 'name_conflict';
      else if (!accountStrong && sharedPhone) heldBack = 'shared_phone';
      else if (!email.strong && loginsConflict(a.login, pick.ra, b.login, pick.rb))
        heldBack = 'login_conflict';
      else if (!accountStrong && !(pick.ra.primary && pick.rb.primary)) heldBack = 'secondary_receiver';
      else if (
        !accountStrong &&
        !(receiverIsHolder(a, pick.ra, pick.rb) && receiverIsHolder(b, pick.rb, pick.ra))
      )
        heldBack = 'receiver_not_confirmed';
      else if (params.confirmNames && !accountStrong && !nameConfirmed) heldBack = 'name_unconfirmed';
      else zone = 'auto';
    }
  }

  const evidence: Evidence[] = [];
  const push = (field: string, c: FieldComparison, x: string | null, y: string | null) => {
    if (c.level !== 'null') evidence.push({ field, level: c.level, bits: round(c.bits), a: x, b: y });
  };
  push('phone', pick.phone, pick.phone.a, pick.phone.b);
  push('name', pick.name, pick.ra.mask ?? pick.ra.name, pick.rb.mask ?? pick.rb.name);
  push('address', pick.address, addressText(pick.ra), addressText(pick.rb));
  const [loginShown, nameSpelled] = spelled ?? holder ?? [null, null];
  push('login', login, loginShown, nameSpelled);
  push('email', email, email.value, email.value);
  push('nickname', nickname, a.nickname, b.nickname);
  push('login_email', loginEmail, loginEmail.value, loginEmail.value);
  return { weight: round(weight), strong, zone, heldBack, deterministic, evidence };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
