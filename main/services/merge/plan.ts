/**
 * Computing a merge without writing it: load identity records, block, score, cluster under the
 * constraints, and map the clusters to customer ids. A full run looks at every account and may
 * split as well as join; an incremental run looks at the accounts added since the last run, the
 * accounts they share a blocking key with and those accounts' customers, and only joins.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  assignCustomerIds,
  blockCap,
  blockingKeys,
  cluster,
  paramsFor,
  isBuyerKeyed,
  primaryFullPhones,
  scorePair,
  SharedPhones,
  applyNameLengths,
  lengthKeepingPlatforms,
  type AccountRecord,
  type BlockReason,
  type ClusterEdge,
  type ClusterNode,
  type EdgeKind,
  type MergeParams,
  type PairScore,
  type TermFrequencies,
} from '../../domain/merge/index.js';
import { activeAssertions } from './assertions.js';
import { KeyBlocks } from './key-blocks.js';
import { loadRecordRows, loadRecords, SCOPE_TABLE, type RecordMap } from './load.js';
import { keyRowsOf, type SideReads } from './side-reads.js';

type Sqlite = BetterSqlite3.Database;

export type MergeMode = 'full' | 'incremental';
export type Via = 'single' | 'deterministic' | 'auto' | 'manual';

export interface PlannedLink {
  a: number;
  b: number;
  score: PairScore;
  zone: 'auto' | 'review';
  blockedReason: string | null;
  rule: string;
}

export interface MergePlan {
  mode: MergeMode;
  params: MergeParams;
  /** Accounts whose customer the plan decides. */
  scope: number[];
  clusters: number[][];
  /** Per cluster: the customer id it keeps, or null for a new customer. */
  customerIds: (number | null)[];
  via: Map<number, Via>;
  /** Each scope account's customer and how it joined, now. */
  current: Map<number, { customer: number | null; via: string | null }>;
  links: PlannedLink[];
  /**
   * The run's blocking keys: its first `newKeyEntries` entries are the keys of the accounts the run
   * saw first (all, in a full run), the rest those of earlier accounts it shares with them.
   */
  keys: KeyBlocks;
  newKeyEntries: number;
  /** The checksum of merge_keys the last run left, null when unknown. */
  keysChecksum: number | null;
  surnameShares: Record<string, number>;
  lengthKeeping: string[];
  /** The parameters the owner chose, kept with the run for the runs after it. */
  chosen: Partial<MergeParams>;
  /** The last committed run's operation id, 0 if none. */
  sinceOp: number;
  stats: { accounts: number; newAccounts: number; candidatePairs: number; keys: number };
  /** Milliseconds per step (load, block, score, cluster), for the run's stats. */
  timings: Record<string, number>;
}

function stopwatch(): { lap(name: string): void; laps: Record<string, number> } {
  let last = performance.now();
  const laps: Record<string, number> = {};
  return {
    laps,
    lap(name) {
      const now = performance.now();
      laps[name] = Math.round((laps[name] ?? 0) + now - last);
      last = now;
    },
  };
}

const PACK = 4_194_304; // 2^22 accounts per side of a packed pair

/** The last committed merge run: its operation id and its surname shares (term frequencies). */
export function lastRun(sqlite: Sqlite): {
  opId: number;
  surnameShares: Record<string, number> | null;
  /** Platforms whose masks keep the name's length (name-lengths.ts), as the last run found. */
  lengthKeeping: string[] | null;
  /** The parameters the owner chose (merge settings); the rest are the defaults. */
  chosen: Partial<MergeParams>;
  /** The checksum of merge_keys the last run left (apply.ts writeKeys), null when unknown. */
  keysChecksum: number | null;
  full: boolean;
  /** The model version (params.ts MODEL_VERSION) the last run scored with; null before any. */
  model: string | null;
} {
  const row = sqlite
    .prepare(
      `SELECT r.op_id AS opId, r.params_json AS params, r.stats_json AS stats,
         (SELECT count(*) FROM merge_runs f JOIN operations fo ON fo.id = f.op_id
          WHERE f.mode = 'full' AND fo.state = 'committed') AS fullRuns
       FROM merge_runs r JOIN operations o ON o.id = r.op_id
       WHERE o.state = 'committed' ORDER BY r.op_id DESC LIMIT 1`,
    )
    .get() as { opId: number; params: string; stats: string; fullRuns: number } | undefined;
  if (!row)
    return {
      opId: 0,
      surnameShares: null,
      lengthKeeping: null,
      chosen: {},
      keysChecksum: null,
      full: false,
      model: null,
    };
  const params = JSON.parse(row.params) as {
    surnameShares?: Record<string, number>;
    lengthKeeping?: string[];
    chosen?: Partial<MergeParams>;
    model?: string;
  };
  return {
    opId: row.opId,
    surnameShares: params.surnameShares ?? null,
    lengthKeeping: params.lengthKeeping ?? null,
    chosen: params.chosen ?? {},
    keysChecksum: (JSON.parse(row.stats) as { keysChecksum?: number | null }).keysChecksum ?? null,
    full: row.fullRuns > 0,
    model: params.model ?? null,
  };
}

function surnameSharesOf(records: Iterable<AccountRecord>): Record<string, number> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const r of records) {
    const seen = new Set<string>();
    for (const x of r.receivers) if (x.surname) seen.add(x.surname);
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
    total += seen.size;
  }
  const shares: Record<string, number> = {};
  // Rare surnames are left out (and get the rare default): the table stays small.
  for (const [s, n] of counts) if (n >= 3 && total > 0) shares[s] = Math.round((n / total) * 1e6) / 1e6;
  return shares;
}

function termFrequencies(
  blocks: KeyBlocks,
  records: RecordMap,
  shares: Record<string, number>,
  total: number,
): TermFrequencies {
  const rare = total > 0 ? Math.max(1 / total, 1e-4) : 0.005;
  const sharedPhones = new SharedPhones({
    accountsWithKey: (key) => blocks.accountsWithKey(key),
    record: (id) => records.get(id),
  });
  return {
    keyCount: (key) => blocks.count(key),
    surnameShare: (s) => shares[s] ?? Math.min(0.005, rare * 3),
    phoneShared: (phone, full, dist) => sharedPhones.isShared(phone, full, dist),
  };
}

function definedOnly(params: Partial<MergeParams>): Partial<MergeParams> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}

/** The merge settings now: the defaults with what the owner chose (the last committed run's). */
export function currentMergeParams(sqlite: Sqlite): {
  params: MergeParams;
  chosen: Partial<MergeParams>;
  defaults: MergeParams;
} {
  const { chosen } = lastRun(sqlite);
  const accounts = accountCount(sqlite);
  return { params: paramsFor(accounts, chosen), chosen, defaults: paramsFor(accounts, {}) };
}

/** Buyer accounts in the database: the size the default review line is set for (params.ts). */
function accountCount(sqlite: Sqlite): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM buyer_accounts').get() as { n: number }).n;
}

/**
 * Pairs of accounts that share a key of a block within the cap, packed (a * PACK + b, a < b),
 * sorted and distinct; `isNew` limits them to pairs with a new account.
 */
function candidatePairs(
  blocks: KeyBlocks,
  cap: number,
  isNew: ((id: number) => boolean) | null,
): Float64Array {
  const pairing = (ids: Int32Array, keyId: number) =>
    ids.length >= 2 && ids.length <= blockCap(blocks.texts[keyId]!, cap);
  let bound = 0;
  blocks.forEachBlock((ids, keyId) => {
    if (pairing(ids, keyId)) bound += (ids.length * (ids.length - 1)) / 2;
  });
  const packed = new Float64Array(bound);
  let m = 0;
  blocks.forEachBlock((ids, keyId) => {
    if (!pairing(ids, keyId)) return;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const x = ids[i]!;
        const y = ids[j]!;
        if (isNew && !isNew(x) && !isNew(y)) continue;
        packed[m++] = x < y ? x * PACK + y : y * PACK + x;
      }
    }
  });
  const sorted = packed.subarray(0, m).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.subarray(0, n);
}

/**
 * The accounts of earlier runs whose records scoring reads: those in a block within the cap with a
 * new account (the pairs), and every account of a whole-phone or district + suffix block (the
 * shared-phone check looks at all of them, whatever the block's size). Accounts only in larger
 * blocks are counted, not read.
 */
function partnersToRead(blocks: KeyBlocks, cap: number, isNew: (id: number) => boolean): Set<number> {
  const partners = new Set<number>();
  blocks.forEachBlock((ids, keyId) => {
    const text = blocks.texts[keyId]!;
    const rule = text.slice(0, 3);
    if (ids.length < 2 || (ids.length > blockCap(text, cap) && rule !== 'pf:' && rule !== 'd4:')) return;
    for (const id of ids) if (!isNew(id)) partners.add(id);
  });
  return partners;
}

/**
 * Earlier accounts that have one of these keys, each with the keys it has: present accounts only
 * (the keys of accounts an undone import removed point nowhere). Looked up on the worker thread
 * when there is one (side-reads.ts): this one writes the new keys meanwhile (planMerge's
 * duringKeyLookup). Without one they are looked up here before this returns, so before any write.
 */
async function accountsSharingKeys(
  sqlite: Sqlite,
  keys: readonly string[],
  cap: number,
  isNew: (id: number) => boolean,
  side: SideReads | null,
): Promise<Map<number, string[]>> {
  const rows = side ? await side.keyRows([...keys], cap) : keyRowsOf(sqlite, keys, cap);
  const keysOf = new Map<number, string[]>();
  rows.accounts.forEach((id, i) => {
    if (isNew(id)) return;
    const list = keysOf.get(id);
    if (list) list.push(rows.keys[i]!);
    else keysOf.set(id, [rows.keys[i]!]);
  });
  return keysOf;
}

/** The items this thread reads and those the worker reads, when there is a worker to share with. */
function halves<T>(items: readonly T[], side: SideReads | null): [T[], T[]] {
  if (!side || items.length < side.splitFrom) return [[...items], []];
  const cut = Math.floor(items.length / 2);
  return [items.slice(0, cut), items.slice(cut)];
}

const INERT: ClusterNode = { platform: '', buyerKeyed: false, phones: [] };

/** Puts ids into a temporary id table in one statement (one per id costs ~1 µs more each). */
function insertIds(
  sqlite: Sqlite,
  table: 'temp.merge_read' | 'temp.merge_scope',
  ids: Iterable<number>,
): void {
  sqlite
    .prepare(`INSERT OR IGNORE INTO ${table} (id) SELECT value FROM json_each(?)`)
    .run(JSON.stringify([...ids]));
}

/**
 * Reads the records of these accounts (those not read yet): half of them on the worker thread
 * while this one reads the other half (side-reads.ts).
 */
async function loadIds(
  sqlite: Sqlite,
  ids: Iterable<number>,
  records: RecordMap,
  side: SideReads | null,
): Promise<void> {
  const unread: number[] = [];
  for (const id of ids) if (!records.has(id)) unread.push(id);
  const [here, there] = halves(unread, side);
  const theirs = there.length > 0 ? side!.recordRows(there) : null;
  if (here.length > 0) {
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS merge_read (id INTEGER PRIMARY KEY)');
    sqlite.exec('DELETE FROM temp.merge_read');
    insertIds(sqlite, 'temp.merge_read', here);
    loadRecords(sqlite, 'a.id IN (SELECT id FROM temp.merge_read)', records);
    sqlite.exec('DELETE FROM temp.merge_read');
  }
  if (theirs) loadRecordRows(sqlite, await theirs, records);
}

/**
 * The scope's accounts an edge may join: the edges' own and every account of their customers (a
 * cluster's constraints look at all its accounts). The others stay in their customers whatever
 * this run decides, so an incremental run need not read their orders.
 */
function joinable(
  scope: readonly number[],
  edges: readonly ClusterEdge[],
  current: ReadonlyMap<number, { customer: number | null }>,
): number[] {
  const ends = new Set<number>();
  const customers = new Set<number>();
  for (const e of edges)
    for (const n of [e.a, e.b]) {
      const id = scope[n]!;
      ends.add(id);
      const c = current.get(id)?.customer;
      if (c != null) customers.add(c);
    }
  return scope.filter((id) => {
    if (ends.has(id)) return true;
    const c = current.get(id)?.customer;
    return c != null && customers.has(c);
  });
}

export async function planMerge(
  sqlite: Sqlite,
  options: {
    mode: MergeMode;
    params?: Partial<MergeParams>;
    /** The worker thread's reads, for an incremental run on a database file (side-reads.ts). */
    side?: SideReads | null;
    /**
     * Called while the new accounts' keys are looked up (on the worker thread, if any): the run
     * writes them then (apply.ts writeKeys), instead of after the plan. Given the run's keys, how
     * many entries are the new accounts', and the checksum the last run left.
     */
    duringKeyLookup?: (keys: KeyBlocks, newKeyEntries: number, keysChecksum: number | null) => void;
  },
): Promise<MergePlan> {
  const side = options.side ?? null;
  const watch = stopwatch();
  const last = lastRun(sqlite);
  // The owner's settings live with the runs: a run with new parameters keeps them for the runs
  // after it (imports' incremental runs included), and undoing that run brings the old ones back.
  const chosen: Partial<MergeParams> = { ...last.chosen, ...definedOnly(options.params ?? {}) };
  const params = paramsFor(accountCount(sqlite), chosen);
  // Before any run every account is new: the full path does the same work without key lookups.
  const full = options.mode === 'full' || last.opId === 0;
  sqlite.exec(SCOPE_TABLE);
  sqlite.exec('DELETE FROM temp.merge_scope');

  const records: RecordMap = new Map();
  const blocks = new KeyBlocks();
  let isNew: ((id: number) => boolean) | null = null;
  let newAccounts = 0;

  // The sample shop's buyers are made up: never merged with the owner's (nor among themselves).
  const hasSample = sqlite.prepare('SELECT 1 FROM shops WHERE is_sample = 1').get() !== undefined;
  const owners = hasSample
    ? ` AND EXISTS (SELECT 1 FROM orders so JOIN shops ss ON ss.id = so.shop_id
          WHERE so.buyer_account_id = a.id AND ss.is_sample = 0)`
    : '';
  if (full) {
    loadRecords(sqlite, '1' + owners, records);
    newAccounts = records.size;
  } else {
    loadRecords(sqlite, 'a.first_op_id > ' + Number(last.opId) + owners, records);
    newAccounts = records.size;
    const fresh = new Set(records.keys());
    isNew = (id) => fresh.has(id);
  }
  watch.lap('load');
  for (const r of records.values()) blocks.addAccount(r.id, blockingKeys(r));
  const newKeyEntries = blocks.entries;
  watch.lap('keys');
  // Earlier runs' accounts that share a key with a new account (present ones: the keys of accounts
  // an undone import removed point nowhere). Their records are read only where scoring needs them.
  const partners: number[] = [];
  if (!full && newKeyEntries > 0) {
    const sharing = accountsSharingKeys(sqlite, blocks.texts, params.maxBlockSize, isNew!, side);
    if (options.duringKeyLookup) {
      options.duringKeyLookup(blocks, newKeyEntries, last.keysChecksum);
      watch.lap('writeKeys');
    }
    for (const [id, keys] of await sharing) {
      blocks.addAccount(id, keys);
      partners.push(id);
    }
    watch.lap('partners');
  }
  blocks.seal();
  if (!full && partners.length > 0) {
    // Without the last run's surname shares or length-keeping platforms they are counted over
    // every account the run sees.
    const everyone = !last.surnameShares || !last.lengthKeeping;
    await loadIds(
      sqlite,
      everyone ? partners : partnersToRead(blocks, params.maxBlockSize, isNew!),
      records,
      side,
    );
  }

  watch.lap('block');
  const surnameShares = full || !last.surnameShares ? surnameSharesOf(records.values()) : last.surnameShares;
  const lengthKeeping =
    full || !last.lengthKeeping ? lengthKeepingPlatforms(records.values()) : last.lengthKeeping;
  applyNameLengths(records.values(), lengthKeeping);
  const tf = termFrequencies(blocks, records, surnameShares, full ? records.size : 0);
  const pairs = candidatePairs(blocks, params.maxBlockSize, isNew);

  const scored: { a: number; b: number; score: PairScore }[] = [];
  for (const p of pairs) {
    const a = Math.floor(p / PACK);
    const b = p - a * PACK;
    const score = scorePair(records.get(a)!, records.get(b)!, tf, params);
    if (score.zone !== null) scored.push({ a, b, score });
  }

  watch.lap('score');
  // The accounts whose customer this run decides.
  const assertions = activeAssertions(sqlite);
  let scope: number[];
  if (full) scope = [...records.keys()];
  else {
    // The new accounts and those an automatic link reaches; an earlier account no such link
    // reaches stays in its customer whatever this run decides (an incremental run only joins), so
    // its customer is left out: a busy month's 50k block partners are 70k accounts with their
    // customers, the links' ends a few thousand.
    const touched = new Set<number>();
    for (const id of records.keys()) if (isNew!(id)) touched.add(id);
    for (const s of scored)
      if (s.score.zone === 'auto') {
        touched.add(s.a);
        touched.add(s.b);
      }
    const partnerSet = new Set(partners);
    for (const x of assertions)
      if (x.kind === 'must' && [x.a, x.b].some((id) => touched.has(id) || partnerSet.has(id))) {
        touched.add(x.a);
        touched.add(x.b);
      }
    sqlite.exec('DELETE FROM temp.merge_scope');
    insertIds(sqlite, 'temp.merge_scope', touched);
    // Whole customers: the constraints look at every account of a cluster.
    sqlite.exec(`INSERT OR IGNORE INTO temp.merge_scope (id)
      SELECT a.id FROM buyer_accounts a WHERE a.customer_id IN (
        SELECT b.customer_id FROM temp.merge_scope s JOIN buyer_accounts b ON b.id = s.id)`);
    scope = (sqlite.prepare('SELECT id FROM temp.merge_scope ORDER BY id').raw().all() as [number][]).map(
      (r) => r[0],
    );
  }

  watch.lap('scope');
  const current = new Map<number, { customer: number | null; via: string | null }>();
  // A full run starts from locked customers only (joined, fixed); an incremental one from every
  // customer in scope. So a full run reads no customer row per account, only the locked ones.
  const locked = new Set(
    sqlite.prepare('SELECT id FROM customers WHERE locked = 1').pluck().all() as number[],
  );
  const customerRows = full
    ? sqlite.prepare('SELECT a.id, a.customer_id, a.customer_via FROM buyer_accounts a')
    : sqlite.prepare(
        `SELECT a.id, a.customer_id, a.customer_via FROM temp.merge_scope s JOIN buyer_accounts a ON a.id = s.id`,
      );
  const byCustomer = new Map<number, { members: number[]; locked: boolean }>();
  for (const [id, customer, via] of customerRows.raw().iterate() as IterableIterator<
    [number, number | null, string | null]
  >) {
    current.set(id, { customer, via });
    if (customer === null || (full && !locked.has(customer))) continue;
    const g = byCustomer.get(customer);
    if (g) g.members.push(id);
    else byCustomer.set(customer, { members: [id], locked: locked.has(customer) });
  }

  // Clustering over the scope's accounts, by index.
  const index = new Map<number, number>();
  scope.forEach((id, i) => index.set(id, i));
  const groups: number[][] = [];
  const lockedGroups = new Set<number>();
  for (const g of byCustomer.values()) {
    if (!full || g.locked) {
      if (g.locked) lockedGroups.add(groups.length);
      groups.push(g.members.map((id) => index.get(id)!));
    }
  }
  const edges: ClusterEdge[] = [];
  const edgeLink: number[] = [];
  const cannot: [number, number][] = [];
  for (const x of assertions) {
    const a = index.get(x.a);
    const b = index.get(x.b);
    if (a === undefined || b === undefined) continue;
    if (x.kind === 'cannot') cannot.push([a, b]);
    else {
      edges.push({ a, b, weight: Infinity, kind: 'must' });
      edgeLink.push(-1);
    }
  }
  scored.forEach((s, i) => {
    if (s.score.zone !== 'auto') return;
    const a = index.get(s.a);
    const b = index.get(s.b);
    if (a === undefined || b === undefined) return;
    edges.push({ a, b, weight: s.score.weight, kind: s.score.deterministic ? 'deterministic' : 'auto' });
    edgeLink.push(i);
  });
  if (!full) await loadIds(sqlite, joinable(scope, edges, current), records, side);
  const nodes = scope.map((id): ClusterNode => {
    const r = records.get(id);
    // An account of a customer no edge reaches is never joined: what it is does not matter.
    return r ? { platform: r.platform, buyerKeyed: isBuyerKeyed(r), phones: primaryFullPhones(r) } : INERT;
  });
  const result = cluster(nodes, edges, {
    maxClusterSize: params.maxClusterSize,
    samePlatformThreshold: params.samePlatformThreshold,
    groups,
    lockedGroups,
    cannot,
  });
  const blockedOf = new Map<number, BlockReason>();
  const via = new Map<number, Via>();
  const rank: Record<Via, number> = { manual: 3, deterministic: 2, auto: 1, single: 0 };
  const viaOfKind: Record<EdgeKind, Via> = { must: 'manual', deterministic: 'deterministic', auto: 'auto' };
  edges.forEach((e, i) => {
    const reason = result.blocked[i];
    if (reason) {
      if (edgeLink[i]! >= 0) blockedOf.set(edgeLink[i]!, reason);
      return;
    }
    for (const n of [e.a, e.b]) {
      const id = scope[n]!;
      const v = viaOfKind[e.kind];
      if (rank[v] > rank[via.get(id) ?? 'single']) via.set(id, v);
    }
  });

  const members = new Map<number, number[]>();
  scope.forEach((id, i) => {
    const r = result.root[i]!;
    const list = members.get(r);
    if (list) list.push(id);
    else members.set(r, [id]);
  });
  const clusters = [...members.values()];
  for (const c of clusters) {
    for (const id of c) {
      if (c.length === 1) via.set(id, 'single');
      else if (!via.has(id)) {
        const now = current.get(id)?.via as Via | null | undefined;
        via.set(id, now && now !== 'single' ? now : 'auto');
      }
    }
  }
  const customerIds = assignCustomerIds(clusters, (id) => current.get(id)?.customer ?? null);

  watch.lap('cluster');
  const links: PlannedLink[] = scored.map((s, i) => {
    const blocked = blockedOf.get(i) ?? null;
    const zone = s.score.zone === 'auto' && !blocked ? 'auto' : 'review';
    return {
      a: s.a,
      b: s.b,
      score: s.score,
      zone,
      blockedReason: blocked ?? s.score.heldBack,
      rule: s.score.deterministic ?? blocks.sharedRule(s.a, s.b),
    };
  });

  return {
    mode: options.mode,
    params,
    scope,
    clusters,
    customerIds,
    via,
    current,
    links,
    keys: blocks,
    newKeyEntries,
    keysChecksum: last.keysChecksum,
    surnameShares,
    lengthKeeping,
    chosen,
    sinceOp: last.opId,
    // Every account in scope (an incremental run reads the records of those it may join only).
    stats: { accounts: scope.length, newAccounts, candidatePairs: pairs.length, keys: newKeyEntries },
    timings: (watch.lap('links'), watch.laps),
  };
}

/** What applying a plan would change: clusters joining accounts of several customers, customers split apart. */
export function planChanges(plan: MergePlan): { merges: number; splits: number; accountsMoved: number } {
  let merges = 0;
  let accountsMoved = 0;
  const clustersOfCustomer = new Map<number, Set<number>>();
  plan.clusters.forEach((members, i) => {
    const customers = new Set<number>();
    for (const id of members) {
      const c = plan.current.get(id)?.customer ?? null;
      if (c === null) continue;
      customers.add(c);
      const set = clustersOfCustomer.get(c) ?? new Set<number>();
      set.add(i);
      clustersOfCustomer.set(c, set);
      if (c !== plan.customerIds[i]) accountsMoved++;
    }
    if (customers.size > 1) merges += customers.size - 1;
  });
  let splits = 0;
  for (const set of clustersOfCustomer.values()) if (set.size > 1) splits += set.size - 1;
  return { merges, splits, accountsMoved };
}
