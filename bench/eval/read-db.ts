/**
 * What the merge left in the database, read-only: every buyer account with its customer, every
 * order with its shop's platform and its account, the scored links (auto and review) and the
 * merge runs. The harness reads the tables the schema defines (db/migrations/0001-initial.ts) and
 * nothing of the engine's internals; a table or column the database lacks is reported, not guessed.
 */
import Database from 'better-sqlite3';

export interface DbAccount {
  id: number;
  platform: string;
  keyKind: string;
  key: string;
  customerId: number | null;
  /** How it joined its customer (single, deterministic, auto, manual), when the schema says. */
  via: string | null;
}

export interface DbOrder {
  platform: string;
  platformOrderId: string;
  accountId: number | null;
}

export interface DbLink {
  a: number;
  b: number;
  zone: string;
  weight: number;
  rule: string | null;
  blockedReason: string | null;
}

export interface DbRun {
  opId: number;
  mode: string;
  stats: Record<string, unknown>;
}

export interface DbSnapshot {
  accounts: DbAccount[];
  orders: DbOrder[];
  /** null when the database has no merge_links table. */
  links: DbLink[] | null;
  runs: DbRun[];
  customers: number | null;
  /** Each account's blocking keys (merge_keys); null when the database has no such table. */
  keys: Map<number, string[]> | null;
}

function columns(db: Database.Database, table: string): Set<string> {
  return new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
}

export function readDatabase(file: string): DbSnapshot {
  const runs = readMergeRuns(file);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const accountCols = columns(db, 'buyer_accounts');
    const via = accountCols.has('customer_via') ? 'customer_via' : 'NULL';
    const accounts = db
      .prepare(
        `SELECT id, platform, key_kind AS keyKind, account_key AS key, customer_id AS customerId, ${via} AS via
         FROM buyer_accounts ORDER BY id`,
      )
      .all() as DbAccount[];
    const orders = db
      .prepare(
        `SELECT s.platform AS platform, o.platform_order_id AS platformOrderId, o.buyer_account_id AS accountId
         FROM orders o JOIN shops s ON s.id = o.shop_id`,
      )
      .all() as DbOrder[];
    const hasLinks = columns(db, 'merge_links').size > 0;
    const links = hasLinks
      ? (db
          .prepare(
            `SELECT account_a AS a, account_b AS b, zone, weight, rule, blocked_reason AS blockedReason FROM merge_links`,
          )
          .all() as DbLink[])
      : null;
    const customers =
      columns(db, 'customers').size > 0
        ? (db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n
        : null;
    let keys: Map<number, string[]> | null = null;
    if (columns(db, 'merge_keys').size > 0) {
      keys = new Map();
      const rows = db.prepare('SELECT account_id, key FROM merge_keys').raw().iterate() as IterableIterator<
        [number, string]
      >;
      for (const [id, key] of rows) {
        const list = keys.get(id);
        if (list) list.push(key);
        else keys.set(id, [key]);
      }
    }
    return { accounts, orders, links, runs, customers, keys };
  } finally {
    db.close();
  }
}

/** Only the merge runs (cheap, for timing): each run's mode and stats. */
export function readMergeRuns(file: string): DbRun[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (columns(db, 'merge_runs').size === 0) return [];
    return (
      db.prepare(`SELECT op_id AS opId, mode, stats_json AS stats FROM merge_runs ORDER BY op_id`).all() as {
        opId: number;
        mode: string;
        stats: string;
      }[]
    ).map((r) => ({ opId: r.opId, mode: r.mode, stats: parseObject(r.stats) }));
  } finally {
    db.close();
  }
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
