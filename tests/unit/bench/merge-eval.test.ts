/**
 * eval:merge's reading of a real database: generated files imported through the handlers, then
 * customers and links written the way the merge engine writes them (buyer_accounts.customer_id,
 * merge_links), and the scores checked against what those clusterings must give.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../../bench/eval/evaluate.js';
import { readDatabase } from '../../../bench/eval/read-db.js';
import { loadTruth, orderKey, type Truth } from '../../../bench/eval/truth.js';
import { ensureDataset } from '../../../bench/identity/dataset.js';
import { testApp } from '../../helpers/test-app.js';

let dir: string;
let dbPath: string;
let truth: Truth;
/** Each database account's person: the buyer (or, for receiver accounts, the receiver) of its orders (the most frequent one). */
let personOf: Map<number, number>;
let db: Database.Database;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huike-merge-eval-'));
  const data = await ensureDataset(dir, {
    preset: 'default',
    size: { unit: 'persons', count: 160 },
    seed: 11,
    monthNewAccounts: 0,
  });
  const app = await testApp({ onDisk: true });
  try {
    for (const f of data.meta.files) {
      const staged = await app.stagePath(path.join(data.dir, f.path));
      await app.invoke('import.commit', { files: [{ fileId: staged.fileId }], skipInvalidRows: true });
    }
  } finally {
    await app.close();
  }
  dbPath = app.dbPath;
  truth = await loadTruth(data.dir);
  const counts = new Map<number, Map<number, number>>();
  const read = readDatabase(dbPath);
  // As the evaluation: an account keyed by the receiver (拼多多, 抖店) is the receiver's.
  const byReceiver = new Set(read.accounts.filter((a) => a.keyKind === 'receiver').map((a) => a.id));
  for (const o of read.orders) {
    if (o.accountId === null) continue;
    const t = truth.orders.get(orderKey(o.platform, o.platformOrderId))!;
    const buyer = byReceiver.has(o.accountId) ? t.receiver : t.buyer;
    const m = counts.get(o.accountId) ?? new Map<number, number>();
    counts.set(o.accountId, m);
    m.set(buyer, (m.get(buyer) ?? 0) + 1);
  }
  personOf = new Map(
    [...counts].map(([a, m]) => [a, [...m].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]![0]] as const),
  );
  db = new Database(dbPath);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  db.exec('DELETE FROM merge_links; UPDATE buyer_accounts SET customer_id = NULL; DELETE FROM customers');
});

function assign(customerOf: (account: number) => number): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO customers (id, created_at) VALUES (?, '2026-01-01T00:00:00Z')`,
  );
  const update = db.prepare('UPDATE buyer_accounts SET customer_id = ? WHERE id = ?');
  db.transaction(() => {
    for (const account of personOf.keys()) {
      const c = customerOf(account);
      insert.run(c);
      update.run(c, account);
    }
  })();
}

function link(a: number, b: number, zone: 'auto' | 'review'): void {
  const op = db
    .prepare(`INSERT INTO operations (kind, created_at) VALUES ('merge', '2026-01-01T00:00:00Z')`)
    .run().lastInsertRowid;
  db.prepare(
    `INSERT INTO merge_links (account_a, account_b, weight, zone, strong, evidence_json, rule, run_op_id)
     VALUES (?, ?, 5, ?, 0, '[]', 'test', ?)`,
  ).run(Math.min(a, b), Math.max(a, b), zone, op);
}

const choose2 = (n: number) => (n * (n - 1)) / 2;

function accountsByPerson(): Map<number, number[]> {
  const by = new Map<number, number[]>();
  for (const [a, p] of personOf) by.set(p, [...(by.get(p) ?? []), a]);
  return by;
}

describe('eval:merge on a real database', () => {
  it('joins every order with the truth; ciphertext orders have no account', () => {
    const e = evaluate(readDatabase(dbPath), truth);
    expect(e.join.unknownInDb).toBe(0);
    expect(e.join.missingInDb).toBe(0);
    expect(e.join.dbOrders).toBe(truth.orders.size);
    const cipher = [...truth.orders.values()].filter((o) => o.phoneShown === 'cipher').length;
    expect(e.join.withoutAccount).toBeGreaterThanOrEqual(cipher);
    expect(e.accounts.scored).toBe(personOf.size);
  });

  it('no merge at all: no predicted pair, recall 0, every true pair still to find', () => {
    const e = evaluate(readDatabase(dbPath), truth);
    const truePairs = [...accountsByPerson().values()].reduce((n, list) => n + choose2(list.length), 0);
    expect(truePairs).toBeGreaterThan(0);
    expect(e.auto.pairwise.all).toMatchObject({
      truth: truePairs,
      predicted: 0,
      correct: 0,
      precision: null,
      recall: 0,
    });
    expect(e.auto.clusters).toBe(personOf.size);
    expect(e.links).toMatchObject({ available: true, auto: 0, review: 0, truePairs, truePairsLinked: 0 });
  });

  it('customers that are the persons score 1 on every subset, with no false merges', () => {
    assign((a) => personOf.get(a)!);
    const e = evaluate(readDatabase(dbPath), truth);
    for (const s of Object.values(e.auto.pairwise)) {
      expect(s.correct).toBe(s.truth);
      expect(s.predicted).toBe(s.truth);
    }
    expect(e.auto.pairwise.all.precision).toBe(1);
    expect(e.auto.pairwise.crossPlatform.recall).toBe(1);
    expect(e.auto.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(e.auto.exactClusters).toBe(1);
    expect(e.auto.household.merged).toBe(0);
    expect(e.auto.gift.merged).toBe(0);
  });

  it('two persons of one household in one customer: exactly their account pairs are false, and household ones', () => {
    const by = accountsByPerson();
    const households = new Map<number, number[]>();
    for (const p of by.keys()) {
      const h = truth.householdOf.get(p)!;
      households.set(h, [...(households.get(h) ?? []), p]);
    }
    const [p, q] = [...households.values()].find((members) => members.length >= 2)!;
    assign((a) => (personOf.get(a) === q ? p! : personOf.get(a)!));
    const e = evaluate(readDatabase(dbPath), truth);
    const wrong = by.get(p!)!.length * by.get(q!)!.length;
    const truePairs = e.auto.pairwise.all.truth;
    expect(e.auto.pairwise.all).toMatchObject({
      predicted: truePairs + wrong,
      correct: truePairs,
      recall: 1,
    });
    expect(e.auto.pairwise.all.precision).toBeCloseTo(truePairs / (truePairs + wrong), 12);
    expect(e.auto.household.merged).toBe(wrong);
  });

  it('review links count in auto + review only, and as the owner’s queue', () => {
    const [person, accounts] = [...accountsByPerson()].find(([, list]) => list.length >= 3)!;
    for (let i = 1; i < accounts.length; i++) link(accounts[i - 1]!, accounts[i]!, 'review');
    const e = evaluate(readDatabase(dbPath), truth);
    const k = accounts.length;
    expect(e.auto.pairwise.all.correct).toBe(0);
    expect(e.autoReview.pairwise.all).toMatchObject({ predicted: choose2(k), correct: choose2(k) });
    expect(e.links).toMatchObject({
      review: k - 1,
      reviewOpen: k - 1,
      reviewOpenTrue: k - 1,
      truePairsLinked: k - 1,
    });
    expect(person).toBeGreaterThan(0);

    // Once the customers are the persons, the same links join accounts already together: no queue.
    assign((a) => personOf.get(a)!);
    expect(evaluate(readDatabase(dbPath), truth).links).toMatchObject({ review: k - 1, reviewOpen: 0 });
  });
});

describe('whose account it is', () => {
  /** Truth: person 5 (household 1) sends order G to person 6 (household 2); 6 buys T and R herself. */
  const order = (platform: string, orderId: string, buyer: number, receiver: number) =>
    [
      orderKey(platform, orderId),
      {
        phase: 'base',
        platform,
        orderId,
        account: 0,
        buyer,
        receiver,
        delivery: buyer === receiver ? ('home' as const) : ('gift' as const),
        phoneShown: 'masked' as const,
        emailShown: false,
      },
    ] as const;
  const handMade: Truth = {
    orders: new Map([
      order('pdd', 'G', 5, 6),
      order('pdd', 'R', 6, 6),
      order('tmall', 'T', 6, 6),
      order('tmall', 'X', 5, 5),
    ]),
    householdOf: new Map([
      [5, 1],
      [6, 2],
    ]),
  };
  const account = (id: number, platform: string, keyKind: string, customerId: number | null) => ({
    id,
    platform,
    keyKind,
    key: `k${id}`,
    customerId,
    via: null,
  });

  it('a receiver-keyed account is its receiver’s; a named buyer’s account is the buyer’s', () => {
    const e = evaluate(
      {
        // The gift G and 6's own R share one receiver fingerprint: one 拼多多 account, person 6.
        // 5's Tmall account X holds 5's own order. Customers: {1, 2} (6's accounts), {3} (5's).
        accounts: [
          account(1, 'pdd', 'receiver', 100),
          account(2, 'tmall', 'member_name', 100),
          account(3, 'tmall', 'member_name', 200),
        ],
        orders: [
          { platform: 'pdd', platformOrderId: 'G', accountId: 1 },
          { platform: 'pdd', platformOrderId: 'R', accountId: 1 },
          { platform: 'tmall', platformOrderId: 'T', accountId: 2 },
          { platform: 'tmall', platformOrderId: 'X', accountId: 3 },
        ],
        links: [],
        runs: [],
        customers: 2,
        keys: new Map([
          [1, ['pf:13800000006', 'd4:440106|0006']],
          [2, ['d4:440106|0006']],
          [3, ['pf:13800000005']],
        ]),
      },
      handMade,
    );
    expect(e.join).toMatchObject({
      unknownInDb: 0,
      missingInDb: 0,
      impureAccounts: 0,
      ordersOfAnotherPerson: 0,
    });
    expect(e.auto.pairwise.all).toMatchObject({ truth: 1, predicted: 1, correct: 1 });
    expect(e.auto.gift).toEqual({ opportunities: 2, merged: 0, rate: 0 });
    // 6's two accounts share a key: the pair could be found (cross-platform; neither shows a full phone).
    expect(e.blocking).toEqual({
      all: { truePairs: 1, sharingKey: 1 },
      crossOneFull: { truePairs: 0, sharingKey: 0 },
      crossBothMasked: { truePairs: 1, sharingKey: 1 },
    });
  });

  it('the same gift in an account keyed by its buyer is the buyer’s: merging it with the receiver is a gift false merge', () => {
    const e = evaluate(
      {
        accounts: [account(1, 'pdd', 'phone', 100), account(2, 'tmall', 'member_name', 100)],
        orders: [
          { platform: 'pdd', platformOrderId: 'G', accountId: 1 },
          { platform: 'tmall', platformOrderId: 'T', accountId: 2 },
          { platform: 'tmall', platformOrderId: 'X', accountId: null },
          { platform: 'jd', platformOrderId: 'unknown', accountId: null },
        ],
        links: null,
        runs: [],
        customers: null,
        keys: null,
      },
      handMade,
    );
    expect(e.join).toMatchObject({ unknownInDb: 1, missingInDb: 1, withoutAccount: 1 });
    expect(e.auto.pairwise.all).toMatchObject({ truth: 0, predicted: 1, correct: 0, precision: 0 });
    expect(e.auto.gift).toEqual({ opportunities: 1, merged: 1, rate: 1 });
    expect(e.links.available).toBe(false);
    expect(e.blocking).toBeNull();
  });
});
