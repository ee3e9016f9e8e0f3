/**
 * The identity of one order fragment as the import stores it: its receiver's normalised name,
 * phone and address, the buyer's e-mail, and — for an order whose file names no buyer — the
 * receiver fingerprint its buyer account is keyed by. Computed in the parse worker for every
 * fragment; the values repeat a lot (a buyer's name, phone and address come back with each of their
 * orders), so each normaliser's result is remembered by its input.
 *
 * "Not said" stays `undefined`, as everywhere in the import: a field is computed from what the
 * fragment states, per group — the name from `receiver.name`, the phone from `receiver.phone`, the
 * address from any of the address parts, the e-mail from the buyer — so a file that carries no
 * receiver leaves a stored identity alone, and one that says "empty" clears it.
 *
 * A ciphertext receiver (抖店 and 拼多多 without decrypt rights) is unknown: every identity value is
 * null, the phone class says `cipher`, and it never keys an account.
 */
import type { ParsedBuyer, ParsedOrder, ParsedReceiver } from '../orders/types.js';
import { normalizeAddress, type AddressIdentity } from './address.js';
import { normalizeEmail } from './email.js';
import { normalizeName, type NameIdentity } from './name.js';
import { normalizeNickname } from './nickname.js';
import { normalizePhone, type PhoneClass, type PhoneIdentity } from './phone.js';

/** The identity fields of an order; `undefined` = the fragment does not say. */
export interface OrderIdentity {
  name?: string | null;
  surname?: string | null;
  nameMask?: string | null;
  namePinyin?: string | null;
  phoneClass?: PhoneClass | null;
  phone?: string | null;
  email?: string | null;
  provCode?: string | null;
  cityCode?: string | null;
  distCode?: string | null;
  addrDetail?: string | null;
  addrFp?: string | null;
  /** 1 = a pickup point, 0 = an address that is not; null without an address. */
  pickup?: 0 | 1 | null;
}

/** A buyer account's own identity values (own-shop e-mail and phone, nickname). */
export interface AccountIdentity {
  email: string | null;
  /** A mobile number used as the e-mail's local part. */
  emailPhone: string | null;
  qq: string | null;
  phoneClass: PhoneClass | null;
  phone: string | null;
  nickname: string | null;
  /** 1 when the nickname is one a platform generates (jd_…, tb…, 用户…): no evidence. */
  nicknameGeneric: 0 | 1 | null;
}

/** Entries kept per memo before it starts afresh: a shop's buyers, many times over. */
const MEMO_LIMIT = 50_000;

function memo<T>(compute: (key: string) => T): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined && !seen.has(key)) {
      if (seen.size >= MEMO_LIMIT) seen.clear();
      value = compute(key);
      seen.set(key, value);
    }
    return value as T;
  };
}

const nameOf = memo<NameIdentity | null>(normalizeName);
const phoneOf = memo<PhoneIdentity>(normalizePhone);
const SEP = '\u0001';
const addressOf = memo<AddressIdentity | null>((key) => {
  const [province, city, district, detail, raw] = key.split(SEP).map((p) => (p === '' ? null : p));
  return normalizeAddress({ province, city, district, detail, raw });
});

const NO_RECEIVER_NAME = { name: null, surname: null, nameMask: null, namePinyin: null } as const;
const NO_ADDRESS = {
  provCode: null,
  cityCode: null,
  distCode: null,
  addrDetail: null,
  addrFp: null,
  pickup: null,
} as const;

/** The identity fields a fragment states. */
export function orderIdentity(order: ParsedOrder): OrderIdentity {
  const out: OrderIdentity = {};
  const r = order.receiver;
  if (r !== undefined) {
    if (r.ciphertext) Object.assign(out, NO_RECEIVER_NAME, NO_ADDRESS, { phoneClass: 'cipher', phone: null });
    else receiverIdentity(r, out);
  }
  if (order.buyer !== undefined) {
    const b = order.buyer;
    const raw = b?.email ?? (b?.kind === 'email' ? b.key : null);
    out.email = raw ? (normalizeEmail(raw)?.email ?? null) : null;
  }
  return out;
}

function receiverIdentity(r: ParsedReceiver, out: OrderIdentity): void {
  if (r.name !== undefined) {
    const n = r.name === null ? null : nameOf(r.name);
    if (n) {
      out.name = n.full;
      out.surname = n.surname;
      out.nameMask = n.mask;
      out.namePinyin = n.pinyin;
    } else Object.assign(out, NO_RECEIVER_NAME);
  }
  if (r.phone !== undefined) {
    const p = r.phone === null ? null : phoneOf(r.phone);
    out.phoneClass = p?.class ?? 'none';
    out.phone = p?.value ?? null;
  }
  const said = [r.province, r.city, r.district, r.detail, r.raw].some((v) => v !== undefined);
  if (said) {
    const key = [r.province, r.city, r.district, r.detail, r.raw].map((v) => v ?? '').join(SEP);
    const a = key.length > 4 ? addressOf(key) : null;
    if (a) {
      out.provCode = a.provCode;
      out.cityCode = a.cityCode;
      out.distCode = a.distCode;
      out.addrDetail = a.detail;
      out.addrFp = a.fp;
      out.pickup = a.pickup ? 1 : 0;
    } else Object.assign(out, NO_ADDRESS);
  }
}

/**
 * The account key of an order whose file names no buyer (拼多多 and 抖店 exports often do not): the
 * receiver's fingerprint `<name pattern>|<phone>|<place code>` (`张**|138****5678|440106`), from a
 * receiver that is not ciphertext and has a name and a mobile number, full or masked. The place is
 * the district code, else the city's, else the province's, else empty. A buyer's home and office in
 * one district are one account; the address detail is left out so a differently written address
 * does not split it. Null when the receiver cannot key an account.
 */
export function receiverAccountKey(identity: OrderIdentity): string | null {
  if (!identity.nameMask || !identity.phone) return null;
  if (identity.phoneClass !== 'mobile' && identity.phoneClass !== 'masked_mobile') return null;
  const place = identity.distCode ?? identity.cityCode ?? identity.provCode ?? '';
  return `${identity.nameMask}|${identity.phone}|${place}`;
}

/** A buyer account's identity, from the buyer as the file names it. */
export function accountIdentity(buyer: ParsedBuyer): AccountIdentity {
  const key = buyer.key;
  const kind = buyer.kind;
  // A mapped "customer" column may hold an e-mail, a phone or a name: whichever it looks like.
  const customerEmail = kind === 'customer' && key.includes('@') ? key : null;
  const customerPhone = kind === 'customer' && !customerEmail ? phoneOf(key) : null;
  const emailRaw = buyer.email ?? (kind === 'email' ? key : customerEmail);
  const email = emailRaw ? normalizeEmail(emailRaw) : null;
  const phoneRaw =
    buyer.phone ?? (kind === 'phone' ? key : customerPhone && customerPhone.class !== 'invalid' ? key : null);
  const phone = phoneRaw ? phoneOf(phoneRaw) : null;
  const nickRaw =
    buyer.nickname ??
    (kind === 'member_name' || kind === 'nickname' || (kind === 'customer' && !emailRaw && !phoneRaw)
      ? key
      : null);
  const nick = nickRaw ? normalizeNickname(nickRaw) : null;
  return {
    email: email?.email ?? null,
    emailPhone: email?.phone ?? null,
    qq: email?.qq ?? null,
    phoneClass: phone?.class ?? null,
    phone: phone?.value ?? null,
    nickname: nick?.nickname ?? null,
    nicknameGeneric: nick ? (nick.generic ? 1 : 0) : null,
  };
}
