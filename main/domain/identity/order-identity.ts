/**
 * The identity of one order fragment as the import stores it: its receiver's normalised name,
 * phone and address, the buyer's e-mail, and — for an order whose file names no buyer — the
 * receiver fingerprint its buyer account is keyed by; and a buyer account's own identity. Computed
 * in the parse worker for every fragment.
 *
 * What repeats across a shop's orders with few distinct values is remembered (names, and the codes
 * of the province / city / district columns, address.ts); what is nearly unique per buyer (phones,
 * address details, member names) is normalised again each time: on this data a lookup in a memo
 * of tens of thousands of buyers costs about as much as the normalising, and keeping them all
 * costs memory and garbage collection (measured: see the import benchmark notes in the report).
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
import { normalizeAddress } from './address.js';
import { normalizeEmail } from './email.js';
import { IDENTITY_FIELDS } from './fields.js';
import { detach, Memo } from './memo.js';
import { normalizeName, type NameIdentity } from './name.js';
import { normalizeNickname } from './nickname.js';
import { normalizePhone, type PhoneClass } from './phone.js';

/** The receiver identity fields of an order; `undefined` = the fragment does not say. */
export interface OrderIdentity {
  name?: string | null;
  surname?: string | null;
  nameMask?: string | null;
  namePinyin?: string | null;
  phoneClass?: PhoneClass | null;
  phone?: string | null;
  provCode?: string | null;
  cityCode?: string | null;
  distCode?: string | null;
  addrDetail?: string | null;
  addrFp?: string | null;
  /** 1 = a pickup point, 0 = an address that is not; null without an address. */
  pickup?: 0 | 1 | null;
  /** The fields above in IDENTITY_FIELDS order, for code that stores them column by column. */
  values: readonly (string | number | null | undefined)[];
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

/** Names repeat (masked ones a great deal) and a full name's pinyin costs a segmentation. */
const names = new Memo<NameIdentity | null>();

function nameOf(raw: string): NameIdentity | null {
  const known = names.get(raw);
  if (known !== undefined) return known;
  const kept = detach(raw);
  return names.set(kept, normalizeName(kept));
}

/**
 * Every identity object has all fields, in this order, so the code reading them (the staging
 * encoder, once per column per order) always meets one object shape.
 */
function identity(): OrderIdentity {
  return {
    name: undefined,
    surname: undefined,
    nameMask: undefined,
    namePinyin: undefined,
    phoneClass: undefined,
    phone: undefined,
    provCode: undefined,
    cityCode: undefined,
    distCode: undefined,
    addrDetail: undefined,
    addrFp: undefined,
    pickup: undefined,
    values: [],
  };
}

/** Fills in `values` once the fields are set. */
function seal(out: OrderIdentity): OrderIdentity {
  out.values = IDENTITY_FIELDS.map((f) => out[f]);
  return out;
}

function setNoName(out: OrderIdentity): void {
  out.name = null;
  out.surname = null;
  out.nameMask = null;
  out.namePinyin = null;
}

function setNoAddress(out: OrderIdentity): void {
  out.provCode = null;
  out.cityCode = null;
  out.distCode = null;
  out.addrDetail = null;
  out.addrFp = null;
  out.pickup = null;
}

const NOTHING = seal(identity());
const CIPHER = identity();
setNoName(CIPHER);
setNoAddress(CIPHER);
CIPHER.phoneClass = 'cipher';
CIPHER.phone = null;
seal(CIPHER);

/** The receiver identity a fragment states (`undefined`: not said). Do not modify the result. */
export function orderIdentity(order: ParsedOrder): Readonly<OrderIdentity> {
  const r = order.receiver;
  if (r === undefined) return NOTHING;
  if (r.ciphertext) return CIPHER;
  return receiverIdentity(r);
}

function receiverIdentity(r: ParsedReceiver): OrderIdentity {
  const out = identity();
  if (r.name !== undefined) {
    const n = r.name === null ? null : nameOf(r.name);
    if (n) {
      out.name = n.full;
      out.surname = n.surname;
      out.nameMask = n.mask;
      out.namePinyin = n.pinyin;
    } else setNoName(out);
  }
  if (r.phone !== undefined) {
    const p = r.phone === null ? null : normalizePhone(r.phone);
    out.phoneClass = p?.class ?? 'none';
    out.phone = p?.value ?? null;
  }
  const said =
    r.province !== undefined ||
    r.city !== undefined ||
    r.district !== undefined ||
    r.detail !== undefined ||
    r.raw !== undefined;
  if (said) {
    const a = normalizeAddress(r);
    if (a) {
      out.provCode = a.provCode;
      out.cityCode = a.cityCode;
      out.distCode = a.distCode;
      out.addrDetail = a.detail;
      out.addrFp = a.fp;
      out.pickup = a.pickup ? 1 : 0;
    } else setNoAddress(out);
  }
  return seal(out);
}

/**
 * The buyer's e-mail as the order states it, lower case: null when the buyer has none (or a masked
 * one), undefined when the fragment says nothing of the buyer.
 */
export function orderEmail(order: ParsedOrder): string | null | undefined {
  const b = order.buyer;
  if (b === undefined) return undefined;
  const raw = b?.email ?? (b?.kind === 'email' ? b.key : null);
  return raw ? (normalizeEmail(raw)?.email ?? null) : null;
}

/**
 * The account key of an order whose file names no buyer (拼多多 and 抖店 exports often do not): the
 * receiver's fingerprint `<name pattern>|<phone>|<place code>` (`张**|138****5678|440106`), from a
 * receiver that is not ciphertext and has a name and a mobile number, full or masked. The place is
 * the district code, else the city's, else the province's, else empty. A buyer's home and office in
 * one district are one account; the address detail is left out so a differently written address
 * does not split it. Null when the receiver cannot key an account.
 */
export function receiverAccountKey(identity: Readonly<OrderIdentity>): string | null {
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
  const customerPhone = kind === 'customer' && !customerEmail ? normalizePhone(key) : null;
  const emailRaw = buyer.email ?? (kind === 'email' ? key : customerEmail);
  const email = emailRaw ? normalizeEmail(emailRaw) : null;
  const phoneRaw =
    buyer.phone ?? (kind === 'phone' ? key : customerPhone && customerPhone.class !== 'invalid' ? key : null);
  const phone = phoneRaw ? normalizePhone(phoneRaw) : null;
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
