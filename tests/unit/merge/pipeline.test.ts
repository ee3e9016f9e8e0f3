/**
 * The merge pipeline's mechanics that exist for speed (issue 9): interned blocking keys, identity
 * records read as one text per distinct receiver (checked against the plain per-column reading they replace),
 * the stored keys brought to exactly the run's by a diff, and the review queue counted in one pass
 * (checked against the SQL join it replaces).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import {
  assignRoles,
  blockingKeys,
  type AccountRecord,
  type Receiver,
} from '../../../main/domain/merge/index.js';
import { countReviewQueue } from '../../../main/services/merge/apply.js';
import { addToChecksum, entryHash, KeyBlocks } from '../../../main/services/merge/key-blocks.js';
import { loadRecords } from '../../../main/services/merge/load.js';
import { planMerge, type MergePlan } from '../../../main/services/merge/plan.js';
import { sideReadsOf } from '../../../main/services/merge/run.js';
import { workerIdle } from '../../../main/services/import/worker-jobs.js';
import { testApp } from '../../helpers/test-app.js';
import { HOME, HOME_YOUZAN, tmallFile, youzanFile } from '../../fixtures/merge-files.js';

describe('KeyBlocks', () => {
  function blocks(): KeyBlocks {
    const b = new KeyBlocks();
    b.addAccount(1, ['pf:13812345678', 'af:440106|华夏路|10', 'nc:4401|zhangwei']);
    b.addAccount(2, ['p7:1385678', 'af:440106|华夏路|10', 'nc:4401|zhangwei']);
    b.addAccount(3, ['pf:13812345678', 'em:a@b.cn']);
    b.seal();
    return b;
  }

  it('counts the accounts of each key (1 for a key nobody has) and lists each block once', () => {
    const b = blocks();
    expect(b.count('af:440106|华夏路|10')).toBe(2);
    expect(b.count('em:a@b.cn')).toBe(1);
    expect(b.count('pf:00000000000')).toBe(1);
    const seen: number[][] = [];
    b.forEachBlock((ids) => seen.push([...ids]));
    expect(seen).toEqual([[1, 3], [1, 2], [1, 2], [2], [3]]);
    expect(b.entries).toBe(8);
  });

  it('names the strongest shared rule, manual when nothing is shared', () => {
    const b = blocks();
    expect(b.sharedRule(1, 3)).toBe('pf');
    expect(b.sharedRule(1, 2)).toBe('af');
    expect(b.sharedRule(2, 3)).toBe('manual');
    expect(b.sharedRule(1, 99)).toBe('manual');
  });

  it('finds an entry by key and account', () => {
    const b = blocks();
    const id = b.idOfKey('em:a@b.cn')!;
    const entry = b.entryOf(id, 3);
    expect(b.keyIdAt(entry)).toBe(id);
    expect(b.accountAt(entry)).toBe(3);
    expect(b.entryOf(id, 1)).toBe(-1);
    expect(() => b.addAccount(4, [])).toThrow(/sealed/);
  });
});

let dir: string;
let app: HuikeApp;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huike-merge-pipeline-'));
});
beforeEach(async () => {
  app = await testApp({ onDisk: true });
});
afterEach(() => app.close());

async function commit(file: string) {
  const staged = await app.stagePath(file);
  await app.invoke('import.commit', { files: [{ fileId: staged.fileId }], skipInvalidRows: true });
}

/** 张伟 and 李娜 on 有赞, 张伟's Tmall account with four orders. */
async function importShop() {
  await commit(
    await youzanFile(dir, 'youzan.csv', [
      { id: 'E1', receiver: '张伟', phone: '13812345678', address: HOME_YOUZAN, buyerPhone: '13812345678' },
      { id: 'E2', receiver: '张伟', phone: '13812345678', address: HOME_YOUZAN, buyerPhone: '13812345678' },
      { id: 'E3', receiver: '李娜', phone: '13987654321', address: HOME_YOUZAN, buyerPhone: '13987654321' },
    ]),
  );
  await commit(
    await tmallFile(
      dir,
      'tmall.csv',
      ['1001', '1002', '1003', '1004'].map((id) => ({
        id,
        member: 'zhangwei1988',
        receiver: '张**',
        phone: '138****5678',
        address: HOME,
      })),
    ),
  );
}

/** 王芳 moves in at 张伟 and 李娜's address (another surname and phone), with any more 有赞 orders. */
async function wangFangMovesIn(more: Parameters<typeof youzanFile>[2] = []) {
  await commit(
    await youzanFile(dir, 'youzan-2.csv', [
      { id: 'E9', receiver: '王芳', phone: '13700001111', address: HOME_YOUZAN, buyerPhone: '13700001111' },
      ...more,
    ]),
  );
}

/** The last merge run's mode and stats. */
function lastRunStats<Stats>(db: Database.Database): { mode: string; stats: Stats } {
  const run = db.prepare('SELECT mode, stats_json FROM merge_runs ORDER BY op_id DESC LIMIT 1').get() as {
    mode: string;
    stats_json: string;
  };
  return { mode: run.mode, stats: JSON.parse(run.stats_json) as Stats };
}

const RECEIVER_COLUMNS = `buyer_account_id, identity_name, identity_surname, identity_name_mask, identity_name_pinyin,
  identity_phone_class, identity_phone, identity_prov_code, identity_city_code, identity_dist_code,
  identity_addr_detail, identity_addr_fp, identity_pickup, identity_email`;

type Row = [number, ...(string | null)[]];

/** The records as the plain per-column reading built them: every order's row, compared field by field. */
function referenceReceivers(
  db: Database.Database,
): Map<number, { orders: number; emails: string[]; receivers: Receiver[] }> {
  const out = new Map<number, { orders: number; emails: string[]; receivers: Receiver[] }>();
  const rows = db
    .prepare(`SELECT ${RECEIVER_COLUMNS} FROM orders WHERE buyer_account_id IS NOT NULL`)
    .raw()
    .all() as Row[];
  for (const row of rows) {
    const r = out.get(row[0]) ?? { orders: 0, emails: [], receivers: [] };
    out.set(row[0], r);
    r.orders++;
    const email = row[13] as string | null;
    if (email && !r.emails.includes(email)) r.emails.push(email);
    const phoneKnown = (row[5] === 'mobile' || row[5] === 'masked_mobile') && row[6] !== null;
    const phone = phoneKnown ? (row[6] as string) : null;
    const known = r.receivers.find(
      (x) =>
        x.mask === row[3] &&
        x.name === row[1] &&
        x.detail === row[10] &&
        x.dist === row[9] &&
        x.phone === phone &&
        x.fp === row[11],
    );
    if (known) {
      known.orders++;
      continue;
    }
    const receiver: Receiver = {
      name: row[1] as string | null,
      surname: row[2] as string | null,
      mask: row[3] as string | null,
      pinyin: row[4] as string | null,
      phone,
      phoneFull: row[5] === 'mobile',
      prov: row[7] as string | null,
      city: row[8] as string | null,
      dist: row[9] as string | null,
      detail: row[10] as string | null,
      fp: row[11] as string | null,
      pickup: (row[12] as unknown) === 1,
      email,
      orders: 1,
      primary: true,
    };
    if (receiver.surname !== null || receiver.phone !== null || receiver.prov !== null || email !== null)
      r.receivers.push(receiver);
  }
  for (const r of out.values()) assignRoles(r.receivers);
  return out;
}

function expectSameReceivers(db: Database.Database, records: Map<number, AccountRecord>) {
  const reference = referenceReceivers(db);
  expect(records.size).toBeGreaterThan(0);
  for (const [id, record] of records) {
    const want = reference.get(id) ?? { orders: 0, emails: [], receivers: [] };
    expect(record.orders).toBe(want.orders);
    expect(record.receivers).toEqual(want.receivers);
    for (const email of want.emails) expect(record.emails).toContain(email);
  }
}

describe('identity records read as one text per distinct receiver', () => {
  it('match the per-column reading: repeated orders, an order with no values, a province-only order', async () => {
    await importShop();
    const db = new Database(app.dbPath);
    try {
      const tmall = db.prepare(
        `SELECT id FROM orders WHERE platform_order_id IN ('1002', '1003', '1004') ORDER BY id`,
      );
      const ids = (tmall.raw().all() as [number][]).map((r) => r[0]);
      expect(ids).toHaveLength(3);
      const blank = `UPDATE orders SET identity_name = NULL, identity_surname = NULL, identity_name_mask = NULL,
        identity_name_pinyin = NULL, identity_phone_class = NULL, identity_phone = NULL, identity_prov_code = NULL,
        identity_city_code = NULL, identity_dist_code = NULL, identity_addr_detail = NULL, identity_addr_fp = NULL,
        identity_pickup = NULL, identity_email = NULL WHERE id = ?`;
      // 1002: nothing known (no receiver); 1003: only the province, a receiver whose compared values
      // 1002's also match; 1004: 1002 again. Which receiver the blank orders count for depends on
      // the reading order (orders_buyer's): both readings must agree on it.
      for (const id of ids) db.prepare(blank).run(id);
      db.prepare(`UPDATE orders SET identity_prov_code = '44' WHERE id = ?`).run(ids[1]);
      const records = loadRecords(db, '1');
      expectSameReceivers(db, records);
      const tmallAccount = [...records.values()].find((r) => r.platform === 'tmall')!;
      expect(tmallAccount.orders).toBe(4);
      const provinceOnly = tmallAccount.receivers.filter((r) => r.prov === '44' && r.dist === null);
      expect(provinceOnly).toHaveLength(1);
    } finally {
      db.close();
    }
  });

  it('fall back to the columns when a value holds the separator', async () => {
    await importShop();
    const db = new Database(app.dbPath);
    try {
      db.prepare(
        `UPDATE orders SET identity_addr_detail = identity_addr_detail || char(31) || 'x'
         WHERE platform_order_id = '1001'`,
      ).run();
      const records = loadRecords(db, '1');
      expectSameReceivers(db, records);
      const tmallAccount = [...records.values()].find((r) => r.platform === 'tmall')!;
      expect(tmallAccount.receivers.some((r) => r.detail?.endsWith('\u001fx'))).toBe(true);
      // A subset reads the same way.
      const subset = loadRecords(db, `a.id = ${tmallAccount.id}`);
      expect(subset.get(tmallAccount.id)).toEqual(tmallAccount);
    } finally {
      db.close();
    }
  });
});

describe('a full run writes only what changed', () => {
  it('brings merge_keys to exactly the run’s keys and rewrites no unchanged link', async () => {
    await importShop();
    await app.invoke('merge.run', { mode: 'full' });
    const db = new Database(app.dbPath);
    const keys = () =>
      (
        db.prepare('SELECT key, account_id FROM merge_keys ORDER BY key, account_id').raw().all() as [
          string,
          number,
        ][]
      ).map(([k, id]) => `${id} ${k}`);
    try {
      const expected = [...loadRecords(db, '1').values()].flatMap((r) =>
        blockingKeys(r).map((k) => `${r.id} ${k}`),
      );
      expect(keys()).toEqual(expect.arrayContaining(expected));
      expect(keys()).toHaveLength(expected.length);
      const links = db.prepare('SELECT * FROM merge_links ORDER BY account_a, account_b').all();
      expect(links.length).toBeGreaterThan(0);
      // A key gone and a stale one: the next full run puts exactly the run's keys back.
      const [first] = db.prepare('SELECT key, account_id FROM merge_keys LIMIT 1').raw().all() as [
        string,
        number,
      ][];
      db.prepare('DELETE FROM merge_keys WHERE key = ? AND account_id = ?').run(...first!);
      db.prepare(`INSERT INTO merge_keys (key, account_id) VALUES ('pf:19900000000', ?)`).run(first![1]);
      // Only merge runs write merge_keys, and each leaves the table's checksum: a full run trusts it
      // to skip reading the table. Changed behind its back, the checksum must be forgotten too.
      db.prepare(
        `UPDATE merge_runs SET stats_json = json_set(stats_json, '$.keysChecksum', NULL)
         WHERE op_id = (SELECT max(op_id) FROM merge_runs)`,
      ).run();
      db.close();

      const run = await app.invoke('merge.run', { mode: 'full' });
      expect(run).toMatchObject({ merges: 0, splits: 0, accountsMoved: 0 });
      const after = new Database(app.dbPath, { readonly: true });
      try {
        const now = (
          after.prepare('SELECT key, account_id FROM merge_keys').raw().all() as [string, number][]
        ).map(([k, id]) => `${id} ${k}`);
        expect(now.sort()).toEqual([...expected].sort());
        expect(after.prepare('SELECT * FROM merge_links ORDER BY account_a, account_b').all()).toEqual(links);
        const rewritten = after
          .prepare(
            `SELECT count(*) FROM operation_changes WHERE table_name = 'merge_links'
             AND op_id = (SELECT max(op_id) FROM merge_runs)`,
          )
          .pluck()
          .get();
        expect(rewritten).toBe(0);
      } finally {
        after.close();
      }
    } finally {
      if (db.open) db.close();
    }
  });
});

describe('the keys checksum', () => {
  function tableChecksum(): { table: number; stored: number | null; mode: string } {
    const db = new Database(app.dbPath, { readonly: true });
    try {
      let table = 0;
      for (const [key, id] of db.prepare('SELECT key, account_id FROM merge_keys').raw().all() as [
        string,
        number,
      ][])
        table = addToChecksum(table, entryHash(key, id));
      const run = lastRunStats<{ keysChecksum: number | null }>(db);
      return { table, stored: run.stats.keysChecksum, mode: run.mode };
    } finally {
      db.close();
    }
  }

  it('each run leaves the checksum of the table it wrote: the first, a full one with nothing to write, an incremental one', async () => {
    await importShop();
    const first = tableChecksum();
    expect(first.stored).not.toBeNull();
    expect(first.stored).toBe(first.table);
    await app.invoke('merge.run', { mode: 'full' });
    expect(tableChecksum()).toEqual({ ...first, mode: 'full' });
    await wangFangMovesIn();
    const third = tableChecksum();
    expect(third.mode).toBe('incremental');
    expect(third.stored).toBe(third.table);
    expect(third.table).not.toBe(first.table);
  });
});

describe('an incremental run’s scope', () => {
  it('is the new accounts and those an automatic link reaches, not every account of their blocks', async () => {
    await importShop();
    // The address key makes 王芳 and the two earlier accounts block partners (scored), but another
    // surname and phone join nobody, so no earlier account's customer is decided again.
    await wangFangMovesIn();
    const db = new Database(app.dbPath, { readonly: true });
    try {
      const { mode, stats } = lastRunStats<{ accounts: number; newAccounts: number; candidatePairs: number }>(
        db,
      );
      expect(mode).toBe('incremental');
      expect(stats.newAccounts).toBe(1);
      expect(stats.candidatePairs).toBeGreaterThanOrEqual(2);
      expect(stats.accounts).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe('an incremental run’s reads on the worker thread', () => {
  it('plan what the writing thread plans alone', async () => {
    await importShop();
    await wangFangMovesIn([
      { id: 'E10', receiver: '李娜', phone: '13987654321', address: HOME_YOUZAN, buyerPhone: '13987654321' },
    ]);
    await commit(
      await tmallFile(dir, 'tmall-2.csv', [
        { id: '2001', member: 'lina_88', receiver: '李*', phone: '139****4321', address: HOME },
      ]),
    );
    const db = new Database(app.dbPath);
    try {
      // Back to the first import's run: the later imports' accounts are new again, the first's
      // their block partners.
      db.prepare(
        `UPDATE operations SET state = 'undone'
         WHERE id IN (SELECT op_id FROM merge_runs WHERE op_id > (SELECT min(op_id) FROM merge_runs))`,
      ).run();
      const alone = await planMerge(db, { mode: 'incremental' });
      // The imports' customer-value fits run in the worker: a read finding it busy stays here.
      await vi.waitFor(() => expect(workerIdle()).toBe(true), { timeout: 10_000 });
      // Every read split, however small: half of it on the worker's own connection.
      const side = sideReadsOf(db, 1)!;
      const fromWorker = { keyRows: 0, records: 0 };
      const shared = await planMerge(db, {
        mode: 'incremental',
        side: {
          splitFrom: 1,
          keyRows: async (keys, cap) => {
            const rows = await side.keyRows(keys, cap);
            fromWorker.keyRows += rows.accounts.length;
            return rows;
          },
          recordRows: async (ids) => {
            const rows = await side.recordRows(ids);
            fromWorker.records += rows.accounts.length;
            return rows;
          },
        },
      });
      expect(fromWorker.keyRows).toBeGreaterThan(0);
      expect(fromWorker.records).toBeGreaterThan(0);
      expect(alone.stats.newAccounts).toBeGreaterThan(0);
      expect(alone.stats.candidatePairs).toBeGreaterThan(0);
      const outcome = (plan: MergePlan) => ({
        clusters: plan.clusters.map((c) => [...c].sort((x, y) => x - y)),
        customerIds: plan.customerIds,
        links: plan.links,
        stats: plan.stats,
      });
      expect(outcome(shared)).toEqual(outcome(alone));
    } finally {
      db.close();
    }
  });
});

describe('the review queue count', () => {
  it('equals the join it replaces, accounts without a customer included', async () => {
    await importShop();
    const db = new Database(app.dbPath);
    try {
      const join = () =>
        db
          .prepare(
            `SELECT count(*) FROM merge_links l JOIN buyer_accounts a ON a.id = l.account_a
             JOIN buyer_accounts b ON b.id = l.account_b
             WHERE l.zone = 'review' AND a.customer_id IS NOT b.customer_id`,
          )
          .pluck()
          .get() as number;
      // The fixture's link (张伟's two accounts, one customer) as a review link, and one between the
      // household's two customers.
      db.exec(`UPDATE merge_links SET zone = 'review'`);
      db.exec(`INSERT INTO merge_links (account_a, account_b, weight, zone, strong, evidence_json, rule, run_op_id)
        SELECT min(a.id, b.id), max(a.id, b.id), 3, 'review', 0, '[]', 'af', (SELECT max(op_id) FROM merge_runs)
        FROM buyer_accounts a, buyer_accounts b
        WHERE a.account_key = '13812345678' AND b.account_key = '13987654321'`);
      const review = db
        .prepare("SELECT account_a, account_b FROM merge_links WHERE zone = 'review'")
        .raw()
        .all() as [number, number][];
      expect(review.length).toBeGreaterThan(1);
      expect(countReviewQueue(db)).toBe(1);
      expect(join()).toBe(1);
      // One side without a customer counts; both sides without one do not (NULL IS NOT NULL is false).
      const [a, b] = review[0]!;
      db.prepare('UPDATE buyer_accounts SET customer_id = NULL WHERE id = ?').run(a);
      expect(countReviewQueue(db)).toBe(join());
      db.prepare('UPDATE buyer_accounts SET customer_id = NULL WHERE id = ?').run(b);
      expect(countReviewQueue(db)).toBe(join());
    } finally {
      db.close();
    }
  });
});
