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
import { planChanges, type MergePlan } from './plan.js';

export interface AppliedMerge {
  opId: number;
  accounts: number;
  customers: number;
  autoMerged: number;
  reviewQueue: number;
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
): Promise<AppliedMerge> {
  const sqlite = tx.sqlite;
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

  writeLinks(tx, plan, opId);
  writeKeys(tx, plan);

  const customers = (sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
  const accounts = (sqlite.prepare('SELECT count(*) AS n FROM buyer_accounts').get() as { n: number }).n;
  const autoMerged = plan.links.filter((l) => l.zone === 'auto').length;
  const reviewQueue = (
    sqlite
      .prepare(
        `SELECT count(*) AS n FROM merge_links l JOIN buyer_accounts a ON a.id = l.account_a
         JOIN buyer_accounts b ON b.id = l.account_b
         WHERE l.zone = 'review' AND a.customer_id IS NOT b.customer_id`,
      )
      .get() as { n: number }
  ).n;
  await refreshStaleCustomers(tx);

  const stats = {
    ...plan.stats,
    autoLinks: autoMerged,
    reviewLinks: plan.links.length - autoMerged,
    reviewQueue,
    ...changes,
    customers,
    durationMs: durationMs(),
  };
  sqlite
    .prepare(
      'INSERT INTO merge_runs (op_id, mode, params_json, stats_json, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(
      opId,
      plan.mode,
      JSON.stringify({ model: MODEL_VERSION, ...plan.params, surnameShares: plan.surnameShares }),
      JSON.stringify(stats),
      now,
    );
  setSummary(tx, opId, { mode: plan.mode, ...changes, autoMerged, reviewQueue });
  return { opId, accounts, customers, autoMerged, reviewQueue, ...changes };
}

/** The run's links: a full run replaces all, an incremental one those of the pairs it scored. */
function writeLinks(tx: WriteTx, plan: MergePlan, opId: number): void {
  const sqlite = tx.sqlite;
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS merge_new_links (
    account_a INTEGER NOT NULL, account_b INTEGER NOT NULL, weight REAL NOT NULL, zone TEXT NOT NULL,
    strong INTEGER NOT NULL, evidence_json TEXT NOT NULL, blocked_reason TEXT, rule TEXT NOT NULL,
    PRIMARY KEY (account_a, account_b)) WITHOUT ROWID`);
  sqlite.exec('DELETE FROM temp.merge_new_links');
  const add = sqlite.prepare('INSERT OR REPLACE INTO temp.merge_new_links VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const l of plan.links) {
    const [a, b] = l.a < l.b ? [l.a, l.b] : [l.b, l.a];
    add.run(
      a,
      b,
      l.score.weight,
      l.zone,
      l.score.strong ? 1 : 0,
      JSON.stringify(l.score.evidence),
      l.blockedReason,
      l.rule,
    );
  }
  const replaced =
    plan.mode === 'full'
      ? '1'
      : 'EXISTS (SELECT 1 FROM temp.merge_new_links n WHERE n.account_a = l.account_a AND n.account_b = l.account_b)';
  recordLinks(tx, opId, replaced);
  // A suggestion the owner skipped stays skipped when it is scored again.
  sqlite.exec(
    `CREATE TEMP TABLE IF NOT EXISTS merge_deferred (account_a INTEGER, account_b INTEGER, PRIMARY KEY (account_a, account_b)) WITHOUT ROWID`,
  );
  sqlite.exec('DELETE FROM temp.merge_deferred');
  sqlite.exec(
    `INSERT INTO temp.merge_deferred SELECT account_a, account_b FROM merge_links l WHERE l.deferred = 1 AND ${replaced}`,
  );
  sqlite.exec(`DELETE FROM merge_links AS l WHERE ${replaced}`);
  sqlite
    .prepare(
      `INSERT INTO merge_links (account_a, account_b, weight, zone, strong, evidence_json, blocked_reason, rule, deferred, run_op_id)
       SELECT n.account_a, n.account_b, n.weight, n.zone, n.strong, n.evidence_json, n.blocked_reason, n.rule,
         EXISTS (SELECT 1 FROM temp.merge_deferred d WHERE d.account_a = n.account_a AND d.account_b = n.account_b), ?
       FROM temp.merge_new_links n`,
    )
    .run(opId);
  sqlite.exec('DELETE FROM temp.merge_new_links');
}

/** Blocking keys of the accounts the run saw first; a full run rewrites them all. */
function writeKeys(tx: WriteTx, plan: MergePlan): void {
  const sqlite = tx.sqlite;
  if (plan.mode === 'full') sqlite.exec('DELETE FROM merge_keys');
  const insert = sqlite.prepare('INSERT OR IGNORE INTO merge_keys (key, account_id) VALUES (?, ?)');
  for (const [key, id] of plan.keys) insert.run(key, id);
}
