/**
 * Writing a merge plan as one operation (kind 'merge', a merge_runs row): the accounts that change
 * customer (their before-images in operation_changes), the customers it creates (first_op_id) and
 * empties (deleted, their rows kept as before-images), the links it replaces (before-images) and
 * writes, and the blocking keys of the accounts it saw first. Then the touched customers' summaries
 * are recomputed. undo.ts puts all of it back.
 */
import type { WriteTx } from '../../../db/index.js';
import { MODEL_VERSION } from '../../domain/merge/index.js';
import { noteStaleCustomers, refreshStaleCustomers } from '../customers/stats.js';
import { newOperation, recordRows, setSummary } from '../operation-log.js';
import { addToChecksum, entryHash } from './key-blocks.js';
import { planChanges, type MergePlan } from './plan.js';

export interface AppliedMerge {
  opId: number;
  accounts: number;
  customers: number;
  autoMerged: number;
  /** Open suggestions after the run; null when the caller did not ask (the import's own run). */
  reviewQueue: number | null;
  merges: number;
  splits: number;
  accountsMoved: number;
}

const LINK_COLUMNS = [
  'account_a',
  'account_b',
  'weight',
  'zone',
  'strong',
  'evidence_json',
  'blocked_reason',
  'rule',
  'deferred',
  'run_op_id',
];

/** Records merge_links rows matching `where` (over l) as deleted by `opId` (row_id: account_a). */
export function recordLinks(tx: WriteTx, opId: number, where: string): void {
  const { lastSeq } = tx.sqlite
    .prepare('SELECT coalesce(max(seq), 0) AS lastSeq FROM operation_changes WHERE op_id = ?')
    .get(opId) as { lastSeq: number };
  tx.sqlite
    .prepare(
      `INSERT INTO operation_changes (op_id, seq, table_name, row_id, action, before_json)
       SELECT @op, @lastSeq + row_number() OVER (ORDER BY l.account_a, l.account_b), 'merge_links', l.account_a,
         'delete', json_object(${LINK_COLUMNS.map((c) => `'${c}', l.${c}`).join(', ')})
       FROM merge_links l WHERE ${where}`,
    )
    .run({ op: opId, lastSeq });
}

export async function applyPlan(
  tx: WriteTx,
  plan: MergePlan,
  now: string,
  durationMs: () => number,
  options: {
    countQueue?: boolean;
    /** The run wrote the plan's keys already (planMerge's duringKeyLookup), leaving this checksum. */
    keysWritten?: { checksum: number | null } | null;
  } = {},
): Promise<AppliedMerge> {
  const sqlite = tx.sqlite;
  // Milliseconds per step, after the plan's own (the customers' assignment counts from here).
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    plan.timings[name] = Math.round(now - t);
    t = now;
  };
  const changes = planChanges(plan);
  const opId = newOperation(tx, 'merge', now, { mode: plan.mode });

  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS merge_assign (
    account_id INTEGER PRIMARY KEY, cluster INTEGER NOT NULL, customer_id INTEGER, via TEXT NOT NULL)`);
  sqlite.exec('DELETE FROM temp.merge_assign');
  // New customers for the clusters that keep none, numbered after the existing ones.
  const { base } = sqlite.prepare('SELECT coalesce(max(id), 0) AS base FROM customers').get() as {
    base: number;
  };
  let next = base;
  const customerOfCluster = plan.customerIds.map((id) => id ?? ++next);
  if (next > base) {
    const create = sqlite.prepare('INSERT INTO customers (id, first_op_id, created_at) VALUES (?, ?, ?)');
    for (let id = base + 1; id <= next; id++) create.run(id, opId, now);
  }
  const assign = sqlite.prepare(
    'INSERT INTO temp.merge_assign (account_id, cluster, customer_id, via) VALUES (?, ?, ?, ?)',
  );
  plan.clusters.forEach((members, i) => {
    const customer = customerOfCluster[i]!;
    for (const id of members) {
      const via = plan.via.get(id) ?? 'single';
      const now = plan.current.get(id);
      if (now?.customer === customer && now.via === via) continue;
      assign.run(id, i, customer, via);
    }
  });
  const moved = `id IN (SELECT account_id FROM temp.merge_assign)`;
  noteStaleCustomers(tx, `SELECT customer_id FROM buyer_accounts WHERE ${moved}`);
  recordRows(tx, opId, {
    table: 'buyer_accounts',
    action: 'update',
    columns: ['customer_id', 'customer_via'],
    where: moved,
  });
  sqlite.exec(`UPDATE buyer_accounts SET customer_id = m.customer_id, customer_via = m.via
    FROM temp.merge_assign m WHERE buyer_accounts.id = m.account_id`);
  noteStaleCustomers(tx, 'SELECT customer_id FROM temp.merge_assign');
  // Customers left without an account are deleted (their rows kept, for undo).
  const emptied = `id IN (SELECT id FROM temp.stale_customers)
    AND NOT EXISTS (SELECT 1 FROM buyer_accounts a WHERE a.customer_id = t.id)`;
  recordRows(tx, opId, { table: 'customers', action: 'delete', where: emptied });
  sqlite.exec(`DELETE FROM customers AS t WHERE ${emptied}`);

  lap('assign');
  writeLinks(tx, plan, opId);
  lap('writeLinks');
  let keysChecksum: number | null;
  if (options.keysWritten) keysChecksum = options.keysWritten.checksum;
  else {
    keysChecksum = writeKeys(tx, plan);
    lap('writeKeys');
  }

  const customers = (sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
  const accounts = (sqlite.prepare('SELECT count(*) AS n FROM buyer_accounts').get() as { n: number }).n;
  const autoMerged = plan.links.filter((l) => l.zone === 'auto').length;
  // Counting reads every account and link (~0.4 s at 500k): only for a caller that shows it.
  const reviewQueue = options.countQueue === false ? null : countReviewQueue(sqlite);
  lap('counts');
  await refreshStaleCustomers(tx);
  lap('refreshStats');

  const stats = {
    ...plan.stats,
    autoLinks: autoMerged,
    reviewLinks: plan.links.length - autoMerged,
    reviewQueue,
    ...changes,
    customers,
    durationMs: durationMs(),
    timings: plan.timings,
    keysChecksum,
  };
  sqlite
    .prepare(
      'INSERT INTO merge_runs (op_id, mode, params_json, stats_json, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(
      opId,
      plan.mode,
      JSON.stringify({
        model: MODEL_VERSION,
        ...plan.params,
        surnameShares: plan.surnameShares,
        lengthKeeping: plan.lengthKeeping,
        chosen: plan.chosen,
      }),
      JSON.stringify(stats),
      now,
    );
  setSummary(tx, opId, { mode: plan.mode, ...changes, autoMerged, reviewQueue });
  return { opId, accounts, customers, autoMerged, reviewQueue, ...changes };
}

/**
 * Iterates two single-column queries over the same rows in the same order (one index scan each),
 * pairwise: plain numbers and strings cross from SQLite, not an array per row — at millions of rows
 * in a run with a large heap, those arrays cost more in garbage collection than the reading.
 */
function* zipColumns<A, B>(
  sqlite: WriteTx['sqlite'],
  first: string,
  second: string,
): Generator<[A, B], void, undefined> {
  const as = sqlite.prepare(first).pluck().iterate() as IterableIterator<A>;
  const bs = sqlite.prepare(second).pluck().iterate() as IterableIterator<B>;
  const pair: [A, B] = [undefined as A, undefined as B];
  for (;;) {
    const a = as.next();
    const b = bs.next();
    if (a.done !== b.done) throw new Error('zipColumns: the two scans differ in length');
    if (a.done || b.done) return;
    pair[0] = a.value;
    pair[1] = b.value;
    yield pair;
  }
}

/**
 * Review links between accounts of different customers (the review queue): two sequential reads,
 * every account's customer and the review links, from their indexes, instead of two lookups in
 * buyer_accounts per link. A link whose account is gone does not count (as with a join).
 */
export function countReviewQueue(sqlite: WriteTx['sqlite']): number {
  const maxId = sqlite.prepare('SELECT coalesce(max(id), 0) FROM buyer_accounts').pluck().get() as number;
  // Per account id: its customer, 0 without one, -1 for no such account.
  const customerOf = new Int32Array(maxId + 1).fill(-1);
  const accounts = 'FROM buyer_accounts INDEXED BY buyer_accounts_customer';
  for (const [id, customer] of zipColumns<number, number>(
    sqlite,
    `SELECT id ${accounts}`,
    `SELECT coalesce(customer_id, 0) ${accounts}`,
  ))
    customerOf[id] = customer;
  let n = 0;
  const links = "FROM merge_links INDEXED BY merge_links_zone WHERE zone = 'review'";
  for (const [a, b] of zipColumns<number, number>(
    sqlite,
    `SELECT account_a ${links}`,
    `SELECT account_b ${links}`,
  )) {
    const ca = a <= maxId ? customerOf[a]! : -1;
    const cb = b <= maxId ? customerOf[b]! : -1;
    // customer_id IS NOT customer_id: two accounts without a customer are not a pair to review.
    if (ca >= 0 && cb >= 0 && ca !== cb) n++;
  }
  return n;
}

/**
 * The run's links: a full run's set replaces all links, an incremental run's those of the pairs it
 * scored. Only the difference is written — links that changed or went (their rows kept as
 * before-images, for undo) and new ones; an unchanged link keeps the run that wrote it and the
 * owner's "skip" (deferred).
 */
function writeLinks(tx: WriteTx, plan: MergePlan, opId: number): void {
  const sqlite = tx.sqlite;
  const PACK = 4_194_304;
  const wanted = new Map<
    number,
    {
      a: number;
      b: number;
      weight: number;
      zone: string;
      strong: number;
      evidence: string;
      reason: string | null;
      rule: string;
    }
  >();
  for (const l of plan.links) {
    const [a, b] = l.a < l.b ? [l.a, l.b] : [l.b, l.a];
    wanted.set(a * PACK + b, {
      a,
      b,
      weight: l.score.weight,
      zone: l.zone,
      strong: l.score.strong ? 1 : 0,
      evidence: JSON.stringify(l.score.evidence),
      reason: l.blockedReason,
      rule: l.rule,
    });
  }
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS merge_touched_links (
    a INTEGER NOT NULL, b INTEGER NOT NULL, deferred INTEGER NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID`);
  sqlite.exec('DELETE FROM temp.merge_touched_links');
  const touch = sqlite.prepare('INSERT INTO temp.merge_touched_links (a, b, deferred) VALUES (?, ?, ?)');
  const columns = 'account_a, account_b, weight, zone, strong, evidence_json, blocked_reason, rule, deferred';
  // A full run compares with every link; an incremental one only with those of the pairs it scored.
  const one = sqlite
    .prepare(`SELECT ${columns} FROM merge_links WHERE account_a = ? AND account_b = ?`)
    .raw();
  const existing = (
    plan.mode === 'full'
      ? sqlite.prepare(`SELECT ${columns} FROM merge_links`).raw().all()
      : [...wanted.values()].map((w) => one.get(w.a, w.b)).filter((r) => r !== undefined)
  ) as Row[];
  const deferredOf = new Map<number, number>();
  const touches: [number, number, number][] = [];
  type Row = [number, number, number, string, number, string, string | null, string, number];
  for (const [a, b, weight, zone, strong, evidence, reason, rule, deferred] of existing) {
    const key = a * PACK + b;
    const w = wanted.get(key);
    if (!w) {
      if (plan.mode === 'full') touches.push([a, b, deferred]);
      continue;
    }
    if (
      w.weight === weight &&
      w.zone === zone &&
      w.strong === strong &&
      w.evidence === evidence &&
      w.reason === reason &&
      w.rule === rule
    ) {
      wanted.delete(key);
      continue;
    }
    touches.push([a, b, deferred]);
    deferredOf.set(key, deferred);
  }
  for (const [a, b, deferred] of touches) touch.run(a, b, deferred);
  // account_a IN (…) first: the links' primary key finds them without reading every link.
  const touched = `l.account_a IN (SELECT a FROM temp.merge_touched_links)
    AND EXISTS (SELECT 1 FROM temp.merge_touched_links t WHERE t.a = l.account_a AND t.b = l.account_b)`;
  recordLinks(tx, opId, touched);
  sqlite.exec(`DELETE FROM merge_links AS l WHERE ${touched}`);
  const insert = sqlite.prepare(
    `INSERT INTO merge_links (account_a, account_b, weight, zone, strong, evidence_json, blocked_reason, rule, deferred, run_op_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // In key order: appends to the table's B-tree.
  for (const key of [...wanted.keys()].sort((x, y) => x - y)) {
    const w = wanted.get(key)!;
    insert.run(
      w.a,
      w.b,
      w.weight,
      w.zone,
      w.strong,
      w.evidence,
      w.reason,
      w.rule,
      deferredOf.get(key) ?? 0,
      opId,
    );
  }
  sqlite.exec('DELETE FROM temp.merge_touched_links');
}

/** What writing a run's keys needs of its plan. */
export type KeyWrite = Pick<MergePlan, 'mode' | 'keys' | 'newKeyEntries' | 'keysChecksum'>;

/**
 * Blocking keys of the accounts the run saw first. A full run brings the table to exactly its keys,
 * writing only the difference (keys change only when an account gets orders with new values): each
 * stored key is looked up among the run's interned keys, not collected into sets per account. When
 * the checksum the last run left (and the row count) says the table already holds exactly the
 * run's keys — a full run with no import since — it is not read at all.
 *
 * Returns the table's checksum after the write (KeyBlocks.checksum), null when it is not known: an
 * incremental run adds to the last run's, which may itself be unknown.
 */
export function writeKeys(tx: WriteTx, plan: KeyWrite): number | null {
  const sqlite = tx.sqlite;
  const blocks = plan.keys;
  const stored = new Uint8Array(plan.newKeyEntries);
  if (plan.mode === 'full') {
    const wanted = blocks.checksum(0, plan.newKeyEntries);
    if (plan.keysChecksum === wanted) {
      const rows = sqlite.prepare('SELECT count(*) FROM merge_keys').pluck().get() as number;
      if (rows === plan.newKeyEntries) return wanted;
    }
    // The stored keys in their primary key's order: each key once with how many accounts have it,
    // and beside it the accounts, as plain strings and numbers (2M rows at 500k accounts).
    const accounts: number[] = [];
    for (const id of sqlite
      .prepare('SELECT account_id FROM merge_keys')
      .pluck()
      .iterate() as IterableIterator<number>)
      accounts.push(id);
    const stale: [string, number][] = [];
    let next = 0;
    for (const [key, count] of zipColumns<string, number>(
      sqlite,
      'SELECT key FROM merge_keys GROUP BY key',
      'SELECT count(*) FROM merge_keys GROUP BY key',
    )) {
      const keyId = blocks.idOfKey(key);
      for (const end = next + count; next < end; next++) {
        const id = accounts[next]!;
        const entry = keyId === undefined ? -1 : blocks.entryOf(keyId, id);
        if (entry >= 0 && entry < plan.newKeyEntries) stored[entry] = 1;
        else stale.push([key, id]);
      }
    }
    if (next !== accounts.length) throw new Error('writeKeys: the stored keys changed while read');
    const remove = sqlite.prepare('DELETE FROM merge_keys WHERE key = ? AND account_id = ?');
    for (const [key, id] of stale) remove.run(key, id);
    insertKeys(sqlite, plan, stored);
    return wanted;
  }
  // Into an empty table (the first run) the checksum starts from nothing.
  const empty = sqlite.prepare('SELECT 1 FROM merge_keys LIMIT 1').get() === undefined;
  let checksum = empty ? 0 : plan.keysChecksum;
  for (const [key, id, inserted] of insertKeys(sqlite, plan, stored))
    if (checksum !== null && inserted) checksum = addToChecksum(checksum, entryHash(key, id));
  return checksum;
}

/** Inserts the run's keys not marked `stored`, in key order; says which were new to the table. */
function insertKeys(
  sqlite: WriteTx['sqlite'],
  plan: KeyWrite,
  stored: Uint8Array,
): [string, number, boolean][] {
  const blocks = plan.keys;
  const accountsOf = new Map<string, number[]>();
  for (let e = 0; e < plan.newKeyEntries; e++) {
    if (stored[e]) continue;
    const key = blocks.texts[blocks.keyIdAt(e)]!;
    const list = accountsOf.get(key);
    if (list) list.push(blocks.accountAt(e));
    else accountsOf.set(key, [blocks.accountAt(e)]);
  }
  const insert = sqlite.prepare('INSERT OR IGNORE INTO merge_keys (key, account_id) VALUES (?, ?)');
  const out: [string, number, boolean][] = [];
  // In key order: appends to the table's B-tree instead of inserts all over it. The distinct keys
  // sort natively (a comparator over [key, account] pairs took 60 ms at 80k entries).
  for (const key of [...accountsOf.keys()].sort())
    for (const id of accountsOf.get(key)!.sort((x, y) => x - y))
      out.push([key, id, insert.run(key, id).changes > 0]);
  return out;
}
