/**
 * Identity records: what the merge knows of one buyer account. An account has its own identity
 * (e-mail, phone, nickname from the file's buyer columns) and the receivers of its orders, each a
 * distinct (name, phone, address) tuple with its order count. Values are the normalised `identity_*`
 * columns (domain/identity); ciphertext and unknown values are absent, never placeholders.
 */

export interface Receiver {
  /** The whole name (identity_name); null when masked or unknown. */
  name: string | null;
  /** The visible surname; null when hidden. */
  surname: string | null;
  /** The visible pattern (张**, 张*伟), or the whole name. */
  mask: string | null;
  /**
   * The name's length in characters when known: a whole name's, or a mask's where the platform
   * writes one star per character (name-lengths.ts). null: unknown.
   */
  length?: number | null;
  pinyin: string | null;
  /** An 11-character mobile (digits) or masked mobile (digits and '*'); null for anything else. */
  phone: string | null;
  /** Whether `phone` is a whole number (class 'mobile'). */
  phoneFull: boolean;
  prov: string | null;
  city: string | null;
  dist: string | null;
  detail: string | null;
  fp: string | null;
  pickup: boolean;
  email: string | null;
  orders: number;
  /**
   * The account's own receiver (design §5.1): at least 2 orders, or ≥ 30 % of the account's
   * orders, or its only receiver. Others (a one-off gift) may suggest a review, never merge.
   */
  primary: boolean;
}

export interface AccountRecord {
  id: number;
  platform: string;
  keyKind: string;
  /** Whole e-mails of the account and of its orders. */
  emails: string[];
  /** Whole mobiles the account itself states (its phone, a phone-number e-mail). */
  phones: string[];
  /**
   * Masked mobiles the account states as its own (Tmall's 买家支付宝账号 138****5678): compared on
   * their visible digits only, never as a whole number.
   */
  maskedPhones?: string[];
  /** A nickname a person chose (never a generated jd_…/tb… one). */
  nickname: string | null;
  /** The letters of a Latin login or e-mail name (baiqiangyi1998 → baiqiangyi): login.ts. */
  login: string | null;
  receivers: Receiver[];
  orders: number;
}

/** Share of the account's orders that makes a receiver primary when it has a single order. */
const PRIMARY_SHARE = 0.3;

/** Marks each receiver primary or secondary (mutates and returns the list). */
export function assignRoles(receivers: Receiver[]): Receiver[] {
  const total = receivers.reduce((n, r) => n + r.orders, 0);
  for (const r of receivers)
    r.primary = receivers.length === 1 || r.orders >= 2 || r.orders >= PRIMARY_SHARE * total;
  return receivers;
}

/**
 * The whole mobiles a record shows as its holder's own: the account's, and those of receivers that
 * are surely the holder (a 拼多多/抖店 receiver account's, or a receiver of several orders). A
 * single order's receiver may be a gift to someone else: its phone is not the holder's.
 */
export function primaryFullPhones(record: AccountRecord): string[] {
  const cached = holderPhones.get(record);
  if (cached) return cached;
  const phones = computeHolderPhones(record);
  holderPhones.set(record, phones);
  return phones;
}

/** Computed once per record (a run scores each account against many). */
const holderPhones = new WeakMap<AccountRecord, string[]>();

function computeHolderPhones(record: AccountRecord): string[] {
  const out = new Set(record.phones);
  // An account that states its own mobile says whose it is: its receivers' other numbers are
  // someone else's, however many parcels went there.
  if (record.phones.length > 0 && record.keyKind !== 'receiver') return [...out];
  for (const r of record.receivers)
    if (r.phoneFull && r.phone && (record.keyKind === 'receiver' || isMainReceiver(record, r)))
      out.add(r.phone);
  return [...out];
}

/**
 * The receiver most of the account's orders go to (by phone, which stays when the address is the
 * office or a pickup point): at least 2 orders and more than half of them. Gifts repeat, but rarely as often.
 */
export function isMainReceiver(record: AccountRecord, r: Receiver): boolean {
  let total = 0;
  let same = 0;
  for (const x of record.receivers) {
    total += x.orders;
    if (x === r || (r.phone !== null && x.phone === r.phone)) same += x.orders;
  }
  return same >= 2 && same * 2 > total;
}

/** Whether the account is keyed by a buyer identity (not a receiver fingerprint). */
export function isBuyerKeyed(record: Pick<AccountRecord, 'keyKind'>): boolean {
  return record.keyKind !== 'receiver';
}
