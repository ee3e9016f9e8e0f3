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

export type AccountRow = [
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
 * A receiver's identity values as one text: the account id, a bit mask of the NULL columns, then
 * the values ('' for NULL), separated by U+001F. One string per row crosses from SQLite instead of
 * a row array of fourteen (half the reading time at 1.4M orders).
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

/** The order count and the row of a text (count, then RECEIVER_TEXT). */
function parseReceiverText(text: string): [number, ReceiverRow] {
  const parts = text.split(SEPARATOR);
  if (parts.length !== RECEIVER_VALUES.length + 3) throw new UnsplittableText();
  const nulls = Number(parts[2]);
  const row: (string | number | null)[] = [Number(parts[1])];
  for (let i = 0; i < RECEIVER_VALUES.length; i++) row.push((nulls >> i) & 1 ? null : parts[i + 3]!);
  // identity_pickup is an integer column.
  if (row[12] !== null) row[12] = Number(row[12]);
  return [Number(parts[0]), row as ReceiverRow];
}

/** Accounts chosen by SQL over buyer_accounts a ('1' for all), with the statement's parameters. */
interface Selection {
  where: string;
  params: unknown[];
}

/** The orders of the selected accounts, one row per account and distinct receiver values. */
function receiversFrom(selection: Selection): string {
  const condition =
    selection.where === '1'
      ? 'o.buyer_account_id IS NOT NULL'
      : `o.buyer_account_id IN (SELECT a.id FROM buyer_accounts a WHERE ${selection.where})`;
  // Orders with the same values count once: in the index's order, without sorting (1.57M orders
  // are 0.7M distinct receivers at 500k accounts).
  return `FROM orders o WHERE ${condition} GROUP BY ${RECEIVER_COLUMNS}`;
}

const COUNTED_TEXT = `count(*) || char(31) || ${RECEIVER_TEXT}`;

/** The selection of the accounts whose ids are in a JSON array (one parameter). */
function idsIn(idsJson: string): Selection {
  return { where: 'a.id IN (SELECT value FROM json_each(?))', params: [idsJson] };
}

/** The selected accounts' own rows. */
function accountRowsOf(sqlite: Sqlite, selection: Selection): IterableIterator<AccountRow> {
  return sqlite
    .prepare(`SELECT ${ACCOUNT_COLUMNS} FROM buyer_accounts a WHERE ${selection.where}`)
    .raw()
    .iterate(...selection.params) as IterableIterator<AccountRow>;
}

/** Records of these account rows put into `into`, except those already there; returns the new ones. */
function addAccounts(rows: Iterable<AccountRow>, into: RecordMap): Map<number, AccountRecord> {
  const fresh = new Map<number, AccountRecord>();
  for (const row of rows) {
    if (into.has(row[0])) continue;
    const record = accountRecord(row);
    fresh.set(record.id, record);
    into.set(record.id, record);
  }
  return fresh;
}

/**
 * Adds the receivers of `texts` to the fresh accounts. When a value holds the separator (the texts
 * cannot be split) the accounts start over from the columns themselves.
 */
function addReceivers(
  sqlite: Sqlite,
  selection: Selection,
  fresh: Map<number, AccountRecord>,
  texts: Iterable<string>,
): void {
  try {
    readReceiverTexts(texts, fresh);
  } catch (error) {
    if (!(error instanceof UnsplittableText)) throw error;
    for (const row of accountRowsOf(sqlite, selection)) {
      const record = fresh.get(row[0]);
      if (record) Object.assign(record, accountRecord(row));
    }
    const rows = sqlite.prepare(`SELECT ${RECEIVER_COLUMNS}, count(*) ${receiversFrom(selection)}`).raw();
    for (const row of rows.iterate(...selection.params) as IterableIterator<[...ReceiverRow, number]>) {
      const record = fresh.get(row[0]);
      if (record) addOrders(record, row as unknown as ReceiverRow, row[14]);
    }
  }
  for (const record of fresh.values()) assignRoles(record.receivers);
}

/**
 * Loads the accounts `where` selects (SQL over buyer_accounts a; '1' for all) with their receivers,
 * into `into` (accounts already there are skipped), from orders_buyer, which carries the identity
 * columns: all accounts in one pass over it, a subset by lookups into it. Either way an account's
 * receivers come in the index's order, so a full and an incremental run see them alike.
 */
export function loadRecords(sqlite: Sqlite, where: string, into: RecordMap = new Map()): RecordMap {
  const selection = { where, params: [] };
  const fresh = addAccounts(accountRowsOf(sqlite, selection), into);
  if (fresh.size === 0) return into;
  const texts = sqlite.prepare(`SELECT ${COUNTED_TEXT} ${receiversFrom(selection)}`).pluck();
  addReceivers(sqlite, selection, fresh, texts.iterate() as IterableIterator<string>);
  return into;
}

/** Accounts' own rows and receiver texts, read on another connection (side-reads.ts). */
export interface RecordRows {
  ids: number[];
  accounts: AccountRow[];
  /** The order count, then RECEIVER_TEXT. */
  texts: string[];
}

/** The rows of the accounts with these ids, for loadRecordRows on the thread that scores them. */
export function recordRowsOf(sqlite: Sqlite, ids: number[]): RecordRows {
  const selection = idsIn(JSON.stringify(ids));
  const texts = sqlite.prepare(`SELECT ${COUNTED_TEXT} ${receiversFrom(selection)}`).pluck();
  return {
    ids,
    accounts: [...accountRowsOf(sqlite, selection)],
    texts: texts.all(...selection.params) as string[],
  };
}

/** Loads the accounts of these rows (those not in `into` yet) into `into`. */
export function loadRecordRows(sqlite: Sqlite, rows: RecordRows, into: RecordMap): void {
  const fresh = addAccounts(rows.accounts, into);
  if (fresh.size > 0) addReceivers(sqlite, idsIn(JSON.stringify(rows.ids)), fresh, rows.texts);
}

function readReceiverTexts(texts: Iterable<string>, fresh: Map<number, AccountRecord>): void {
  for (const text of texts) {
    const [count, row] = parseReceiverText(text);
    const record = fresh.get(row[0]);
    if (record) addOrders(record, row, count);
  }
}

/** `count` orders of the account with these values: counted, the e-mail kept, the receiver added or counted. */
function addOrders(record: AccountRecord, row: ReceiverRow, count: number): void {
  record.orders += count;
  if (row[13] && !record.emails.includes(row[13])) record.emails.push(row[13]);
  // Identical receivers collapse into one with an order count (design §5.1's identity record).
  const known = record.receivers.find((r) => sameReceiver(r, row));
  if (known) {
    known.orders += count;
    return;
  }
  const receiver = receiverOf(row);
  receiver.orders = count;
  if (hasAnyValue(receiver)) record.receivers.push(receiver);
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
