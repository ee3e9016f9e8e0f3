/**
 * Reading identity records (domain/merge/records.ts) from the database: each account's own identity
 * and the distinct receivers of its orders with their order counts. All accounts (a full run), or
 * those listed in temp.merge_scope (an incremental run's new accounts and their block partners).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { assignRoles, loginLetters, type AccountRecord, type Receiver } from '../../domain/merge/index.js';

type Sqlite = BetterSqlite3.Database;

/** Accounts already loaded, by id (a run loads in several steps). */
export type RecordMap = Map<number, AccountRecord>;

const ACCOUNT_COLUMNS = `a.id, a.platform, a.key_kind, a.identity_email, a.identity_email_phone,
  a.identity_phone_class, a.identity_phone, a.identity_nickname, a.identity_nickname_generic`;

const RECEIVER_COLUMNS = `o.buyer_account_id, o.identity_name, o.identity_surname, o.identity_name_mask,
  o.identity_name_pinyin, o.identity_phone_class, o.identity_phone, o.identity_prov_code,
  o.identity_city_code, o.identity_dist_code, o.identity_addr_detail, o.identity_addr_fp,
  o.identity_pickup, o.identity_email`;

type AccountRow = [
  number,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  number | null,
];
type ReceiverRow = [
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  number | null,
  string | null,
];

export const SCOPE_TABLE = `CREATE TEMP TABLE IF NOT EXISTS merge_scope (id INTEGER PRIMARY KEY)`;

function accountRecord(row: AccountRow): AccountRecord {
  const [id, platform, keyKind, email, emailPhone, phoneClass, phone, nickname, generic] = row;
  const phones: string[] = [];
  if (phoneClass === 'mobile' && phone) phones.push(phone);
  if (emailPhone && emailPhone !== phone && /^1\d{10}$/.test(emailPhone)) phones.push(emailPhone);
  return {
    id,
    platform,
    keyKind,
    emails: email ? [email] : [],
    phones,
    maskedPhones: phoneClass === 'masked_mobile' && phone ? [phone] : [],
    nickname: nickname && generic === 0 ? nickname : null,
    login:
      loginLetters(nickname && generic === 0 ? nickname : null) ??
      loginLetters(email ? email.split('@')[0]! : null),
    receivers: [],
    orders: 0,
  };
}

/** Only mobiles and masked mobiles are compared; virtual, landline, cipher and unknown are not. */
function receiverOf(row: ReceiverRow): Receiver {
  const phoneClass = row[5];
  const phoneKnown = (phoneClass === 'mobile' || phoneClass === 'masked_mobile') && row[6] !== null;
  return {
    name: row[1],
    surname: row[2],
    mask: row[3],
    pinyin: row[4],
    phone: phoneKnown ? row[6] : null,
    phoneFull: phoneClass === 'mobile',
    prov: row[7],
    city: row[8],
    dist: row[9],
    detail: row[10],
    fp: row[11],
    pickup: row[12] === 1,
    email: row[13],
    orders: 1,
    primary: true,
  };
}

/**
 * An order's identity values as one text: the account id, a bit mask of the NULL columns, then the
 * values ('' for NULL), separated by U+001F. One string per order crosses from SQLite instead of a
 * row array of fourteen (half the reading time at 1.4M orders), and an order repeating a receiver
 * the account already has is recognised by comparing that text, without taking it apart.
 */
const RECEIVER_VALUES = RECEIVER_COLUMNS.split(',')
  .map((c) => c.trim())
  .slice(1);
const NULL_MASK = RECEIVER_VALUES.map((c, i) => `((${c} IS NULL) << ${i})`).join(' | ');
const RECEIVER_TEXT = [
  'o.buyer_account_id',
  `(${NULL_MASK})`,
  ...RECEIVER_VALUES.map((c) => `ifnull(${c}, '')`),
].join(` || char(31) || `);
const SEPARATOR = '\x1f';

/** A value of the separator inside some order's identity column: the text cannot be split. */
class UnsplittableText extends Error {}

function parseReceiverText(text: string): ReceiverRow {
  const parts = text.split(SEPARATOR);
  if (parts.length !== RECEIVER_VALUES.length + 2) throw new UnsplittableText();
  const nulls = Number(parts[1]);
  const row: (string | number | null)[] = [Number(parts[0])];
  for (let i = 0; i < RECEIVER_VALUES.length; i++) row.push((nulls >> i) & 1 ? null : parts[i + 2]!);
  // identity_pickup is an integer column.
  if (row[12] !== null) row[12] = Number(row[12]);
  return row as ReceiverRow;
}

/**
 * Loads the accounts `where` selects (SQL over buyer_accounts a; '1' for all) with their receivers,
 * into `into` (accounts already there are skipped), from orders_buyer, which carries the identity
 * columns: all accounts in one pass over it, a subset by lookups into it. Either way an account's
 * orders come in the index's order, so a full and an incremental run see its receivers alike.
 */
export function loadRecords(sqlite: Sqlite, where: string, into: RecordMap = new Map()): RecordMap {
  const fresh = new Map<number, AccountRecord>();
  const accounts = sqlite.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM buyer_accounts a WHERE ${where}`).raw();
  for (const row of accounts.iterate() as IterableIterator<AccountRow>) {
    if (into.has(row[0])) continue;
    const record = accountRecord(row);
    fresh.set(record.id, record);
    into.set(record.id, record);
  }
  if (fresh.size === 0) return into;
  const from =
    where === '1'
      ? `FROM orders o WHERE o.buyer_account_id IS NOT NULL`
      : `FROM orders o WHERE o.buyer_account_id IN (SELECT a.id FROM buyer_accounts a WHERE ${where})`;
  try {
    readReceiverTexts(sqlite.prepare(`SELECT ${RECEIVER_TEXT} ${from}`).pluck(), fresh);
  } catch (error) {
    if (!(error instanceof UnsplittableText)) throw error;
    // Start these accounts over, from the columns themselves.
    for (const row of accounts.iterate() as IterableIterator<AccountRow>) {
      const record = fresh.get(row[0]);
      if (record) Object.assign(record, accountRecord(row));
    }
    const rows = sqlite.prepare(`SELECT ${RECEIVER_COLUMNS} ${from}`).raw();
    for (const row of rows.iterate() as IterableIterator<ReceiverRow>) {
      const record = fresh.get(row[0]);
      if (record) addOrder(record, row);
    }
  }
  for (const record of fresh.values()) assignRoles(record.receivers);
  return into;
}

function readReceiverTexts(statement: BetterSqlite3.Statement, fresh: Map<number, AccountRecord>): void {
  // Per account: the texts seen so far, each followed by the receiver it went to, or by its values
  // when it went to none (a receiver added since may match them: they are looked at again).
  const seen = new Map<number, (string | Receiver | ReceiverRow)[]>();
  for (const text of statement.iterate() as IterableIterator<string>) {
    const cut = text.indexOf(SEPARATOR);
    const id = Number(text.slice(0, cut));
    const record = fresh.get(id);
    if (!record) continue;
    const values = text.slice(cut + 1);
    const known = seen.get(id);
    if (known) {
      let i = 0;
      while (i < known.length && known[i] !== values) i += 2;
      if (i < known.length) {
        const target = known[i + 1]!;
        if (Array.isArray(target)) addOrder(record, target);
        else {
          // The same values as an earlier order (its e-mail is kept): the same receiver.
          record.orders++;
          (target as Receiver).orders++;
        }
        continue;
      }
    }
    const row = parseReceiverText(text);
    const receiver = addOrder(record, row) ?? row;
    if (known) known.push(values, receiver);
    else seen.set(id, [values, receiver]);
  }
}

/** One order of the account: counted, its e-mail kept, its receiver added or counted (returned). */
function addOrder(record: AccountRecord, row: ReceiverRow): Receiver | null {
  record.orders++;
  if (row[13] && !record.emails.includes(row[13])) record.emails.push(row[13]);
  // Identical receivers collapse into one with an order count (design §5.1's identity record).
  const known = record.receivers.find((r) => sameReceiver(r, row));
  if (known) {
    known.orders++;
    return known;
  }
  const receiver = receiverOf(row);
  if (!hasAnyValue(receiver)) return null;
  record.receivers.push(receiver);
  return receiver;
}

function sameReceiver(r: Receiver, row: ReceiverRow): boolean {
  return (
    r.mask === row[3] &&
    r.name === row[1] &&
    r.detail === row[10] &&
    r.dist === row[9] &&
    (r.phone ?? null) === (row[5] === 'mobile' || row[5] === 'masked_mobile' ? row[6] : null) &&
    r.fp === row[11]
  );
}

function hasAnyValue(r: Receiver): boolean {
  return r.surname !== null || r.phone !== null || r.prov !== null || r.email !== null;
}
