/**
 * The buyer merge through the application's handlers on a real database: the incremental run after
 * each import, full runs keeping customer ids, the owner's decisions (split → cannot-links, must-
 * links, lock) surviving re-runs and new imports, undo of a run and of an import, and the preview.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import { query } from '../../helpers/shop-files.js';
import { testApp } from '../../helpers/test-app.js';
import { MODEL_VERSION } from '../../../main/domain/merge/index.js';
import { HOME, HOME_YOUZAN, tmallFile, youzanFile } from '../../fixtures/merge-files.js';

let dir: string;
let app: HuikeApp;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huike-merge-'));
});
beforeEach(async () => {
  app = await testApp({ onDisk: true });
});
afterEach(() => app.close());

async function commit(file: string) {
  const staged = await app.stagePath(file);
  const { batches } = await app.invoke('import.commit', {
    files: [{ fileId: staged.fileId }],
    skipInvalidRows: true,
  });
  return batches[0]!;
}

interface AccountRow {
  id: number;
  platform: string;
  key: string;
  customer: number | null;
  via: string | null;
}

function accounts(): Map<string, AccountRow> {
  const rows = query<AccountRow>(
    app,
    `SELECT id, platform, account_key AS key, customer_id AS customer, customer_via AS via FROM buyer_accounts ORDER BY id`,
  );
  return new Map(rows.map((r) => [r.key, r]));
}

/** The one number a `SELECT count(*) AS n …` gives. */
function countOf(sql: string, ...params: unknown[]): number {
  return query<{ n: number }>(app, sql, ...params)[0]!.n;
}

/** 张伟 on 有赞 (whole phone), his wife 李娜 at the same address with her own phone. */
async function importYouzan(name = 'youzan.csv') {
  return commit(
    await youzanFile(dir, name, [
      { id: 'E1', receiver: '张伟', phone: '13812345678', address: HOME_YOUZAN, buyerPhone: '13812345678' },
      { id: 'E2', receiver: '张伟', phone: '13812345678', address: HOME_YOUZAN, buyerPhone: '13812345678' },
      { id: 'E3', receiver: '李娜', phone: '13987654321', address: HOME_YOUZAN, buyerPhone: '13987654321' },
    ]),
  );
}

/** 张伟's Tmall account: masked name and phone, his login. */
async function importTmall(name = 'tmall.csv', ids = ['1001', '1002']) {
  return commit(
    await tmallFile(
      dir,
      name,
      ids.map((id) => ({
        id,
        member: 'zhangwei1988',
        receiver: '张**',
        phone: '138****5678',
        address: HOME,
      })),
    ),
  );
}

const ZHANG = '13812345678';
const LI = '13987654321';
const TMALL = 'zhangwei1988';
const NOW = '2024-12-01T00:00:00.000Z';

describe('incremental merge after each import', () => {
  it("joins 张伟's Tmall account to his 有赞 customer, keeps that customer's id, and explains the link", async () => {
    await importYouzan();
    const before = accounts();
    expect(before.get(ZHANG)!.customer).not.toBe(before.get(LI)!.customer);
    await importTmall();
    const after = accounts();
    expect(after.get(TMALL)!.customer).toBe(before.get(ZHANG)!.customer);
    expect(after.get(TMALL)!.via).toBe('auto');
    // The household: same address, another whole phone — never joined.
    expect(after.get(LI)!.customer).not.toBe(after.get(ZHANG)!.customer);
    const link = query<{ zone: string; evidence: string; rule: string }>(
      app,
      `SELECT zone, evidence_json AS evidence, rule FROM merge_links WHERE account_a = ? AND account_b = ?`,
      Math.min(after.get(TMALL)!.id, after.get(ZHANG)!.id),
      Math.max(after.get(TMALL)!.id, after.get(ZHANG)!.id),
    )[0]!;
    expect(link.zone).toBe('auto');
    const fields = (JSON.parse(link.evidence) as { field: string; level: string }[]).map(
      (e) => `${e.field}:${e.level}`,
    );
    expect(fields).toEqual(expect.arrayContaining(['phone:masked7', 'name:surname', 'address:exact']));
    const runs = query<{ mode: string }>(app, 'SELECT mode FROM merge_runs ORDER BY op_id');
    expect(runs.map((r) => r.mode)).toEqual(['incremental', 'incremental']);
    // The customer page's figures follow: one customer, both platforms.
    const stats = query<{ accounts: number; platforms: string }>(
      app,
      'SELECT accounts, platforms FROM customer_stats WHERE customer_id = ?',
      after.get(ZHANG)!.customer,
    )[0]!;
    expect(stats.accounts).toBe(2);
    expect(stats.platforms).toContain('tmall');
  });

  it('after an update that changed the model, the next run looks at every account', async () => {
    await importYouzan();
    // A database the previous version merged: its keys and links are that model's.
    const db = new Database(app.dbPath);
    db.prepare(`UPDATE merge_runs SET params_json = json_set(params_json, '$.model', 'fs-0')`).run();
    db.close();
    await importTmall();
    await importTmall('tmall-2.csv', ['1003']);
    const runs = query<{ mode: string; model: string }>(
      app,
      `SELECT mode, json_extract(params_json, '$.model') AS model FROM merge_runs ORDER BY op_id`,
    );
    expect(runs.map((r) => r.mode)).toEqual(['incremental', 'full', 'incremental']);
    expect(runs[2]!.model).toBe(MODEL_VERSION);
    expect(accounts().get(TMALL)!.customer).toBe(accounts().get(ZHANG)!.customer);
  });

  it('a full run changes nothing the incremental runs decided (stable ids)', async () => {
    await importYouzan();
    await importTmall();
    const before = accounts();
    const run = await app.invoke('merge.run', { mode: 'full' });
    expect(run).toMatchObject({ mode: 'full', merges: 0, splits: 0, accountsMoved: 0 });
    expect(accounts()).toEqual(before);
  });
});

describe("the owner's decisions", () => {
  it('a split holds across a full re-run and a new import (cannot-links)', async () => {
    await importYouzan();
    await importTmall();
    const a = accounts();
    const split = await app.invoke('customers.split', {
      id: a.get(ZHANG)!.customer!,
      accountIds: [a.get(TMALL)!.id],
    });
    expect(accounts().get(TMALL)!.customer).toBe(split.newCustomerId);
    await app.invoke('merge.run', { mode: 'full' });
    expect(accounts().get(TMALL)!.customer).toBe(split.newCustomerId);
    await importTmall('tmall-more.csv', ['1003']);
    await app.invoke('merge.run', { mode: 'full' });
    const after = accounts();
    expect(after.get(TMALL)!.customer).toBe(split.newCustomerId);
    expect(after.get(ZHANG)!.customer).toBe(a.get(ZHANG)!.customer);
  });

  it('a must-link joins what the evidence would not, and survives a full run', async () => {
    await importYouzan();
    const a = accounts();
    // As the review screen writes a "same person" decision (an operation and its assertion).
    const db = new Database(app.dbPath);
    try {
      const op = Number(
        db.prepare("INSERT INTO operations (kind, created_at) VALUES ('merge_decision', ?)").run(NOW)
          .lastInsertRowid,
      );
      db.prepare(
        `INSERT INTO merge_assertions (kind, a_platform, a_key_kind, a_key, b_platform, b_key_kind, b_key, op_id, created_at)
         VALUES ('must', 'youzan', 'phone', ?, 'youzan', 'phone', ?, ?, ?)`,
      ).run(ZHANG, LI, op, NOW);
    } finally {
      db.close();
    }
    expect(a.get(LI)!.customer).not.toBe(a.get(ZHANG)!.customer);
    await app.invoke('merge.run', { mode: 'full' });
    const after = accounts();
    expect(after.get(LI)!.customer).toBe(after.get(ZHANG)!.customer);
    expect(after.get(LI)!.via).toBe('manual');
  });

  it('a locked customer gets no account added; the pair waits in review with the reason', async () => {
    await importYouzan();
    const a = accounts();
    await app.invoke('customers.lock', { id: a.get(ZHANG)!.customer!, locked: true });
    await importTmall();
    const after = accounts();
    expect(after.get(TMALL)!.customer).not.toBe(a.get(ZHANG)!.customer);
    const link = query<{ zone: string; reason: string }>(
      app,
      `SELECT zone, blocked_reason AS reason FROM merge_links WHERE ? IN (account_a, account_b)`,
      after.get(TMALL)!.id,
    )[0]!;
    expect(link).toEqual({ zone: 'review', reason: 'locked' });
  });
});

describe('undo', () => {
  it('after an import is undone, the next run passes over the keys its accounts left behind', async () => {
    // The Tmall account first, so that its id is not the largest (SQLite would give it out again).
    const tmallBatch = await importTmall();
    await importYouzan();
    const removed = accounts().get(TMALL)!.id;
    await app.invoke('imports.undo', { batchId: tmallBatch.id });
    // merge_keys is the runs' own: an undone import leaves its accounts' keys there.
    const left = countOf(
      'SELECT count(*) AS n FROM merge_keys WHERE account_id = ? AND account_id NOT IN (SELECT id FROM buyer_accounts)',
      removed,
    );
    expect(left).toBeGreaterThan(0);
    // Imported again, the account (a new id) joins 张伟; the one that went is in no link.
    await importTmall('tmall-again.csv');
    const now = accounts();
    expect(now.get(TMALL)!.id).not.toBe(removed);
    expect(now.get(TMALL)!.customer).toBe(now.get(ZHANG)!.customer);
    const mentions = countOf(
      'SELECT count(*) AS n FROM merge_links WHERE ? IN (account_a, account_b)',
      removed,
    );
    expect(mentions).toBe(0);
  });

  it('undoing a merge run puts accounts and customers back; undoing an import removes its accounts, keeping decisions', async () => {
    await importYouzan();
    const tmallBatch = await importTmall();
    const joined = accounts();
    const lastRun = query<{ op: number }>(app, 'SELECT max(op_id) AS op FROM merge_runs')[0]!.op;
    await app.invoke('merge.undo', { opId: lastRun });
    const undone = accounts();
    expect(undone.get(TMALL)!.customer).not.toBe(joined.get(ZHANG)!.customer);
    expect(undone.get(TMALL)!.via).toBe('single');
    await expect(app.invoke('merge.undo', { opId: lastRun })).rejects.toMatchObject({
      code: 'merge.alreadyUndone',
    });

    // Join again, split (a decision), then undo the Tmall import: its account goes, the decision stays.
    await app.invoke('merge.run', { mode: 'incremental' });
    expect(accounts().get(TMALL)!.customer).toBe(joined.get(ZHANG)!.customer);
    const split = await app.invoke('customers.split', {
      id: joined.get(ZHANG)!.customer!,
      accountIds: [accounts().get(TMALL)!.id],
    });
    await app.invoke('imports.undo', { batchId: tmallBatch.id });
    expect(accounts().has(TMALL)).toBe(false);
    const customers = query<{ id: number }>(
      app,
      'SELECT id FROM customers WHERE id = ?',
      split.newCustomerId,
    );
    expect(customers).toEqual([]);
    expect(
      countOf("SELECT count(*) AS n FROM merge_assertions WHERE kind = 'cannot' AND revoked_op_id IS NULL"),
    ).toBe(1);
    // Imported again, the account is a customer of its own: the cannot-link still holds.
    await importTmall('tmall-again.csv');
    await app.invoke('merge.run', { mode: 'full' });
    const again = accounts();
    expect(again.get(TMALL)!.customer).not.toBe(again.get(ZHANG)!.customer);
  });
});

describe('preview', () => {
  it('says what a higher threshold would split, writing nothing', async () => {
    await importYouzan();
    await importTmall();
    const before = accounts();
    const runs = countOf('SELECT count(*) AS n FROM merge_runs');
    const preview = await app.invoke('merge.preview', { params: { autoThreshold: 60 } });
    expect(preview).toMatchObject({ merges: 0, splits: 1, accountsMoved: 1 });
    expect(accounts()).toEqual(before);
    expect(countOf('SELECT count(*) AS n FROM merge_runs')).toBe(runs);
  });
});

describe('merge settings', () => {
  /** 张伟's Tmall account under a login that says nothing: only the masked surname agrees. */
  async function importQuietTmall() {
    return commit(
      await tmallFile(
        dir,
        'tmall-quiet.csv',
        ['3001', '3002'].map((id) => ({
          id,
          member: 'tb8830126645',
          receiver: '张**',
          phone: '138****5678',
          address: HOME,
        })),
      ),
    );
  }

  it('by default a masked name waits for the owner; a chosen rule applies to later runs until its run is undone', async () => {
    await importYouzan();
    await importQuietTmall();
    expect(await app.invoke('merge.settings', {})).toMatchObject({
      confirmNames: true,
      autoThreshold: 10,
      defaults: { confirmNames: true, autoThreshold: 10, reviewThreshold: -5 },
    });
    const quiet = () => accounts().get('tb8830126645')!.customer;
    expect(quiet()).not.toBe(accounts().get(ZHANG)!.customer);
    const reason = query<{ reason: string }>(
      app,
      `SELECT blocked_reason AS reason FROM merge_links WHERE zone = 'review'
         AND ? IN (account_a, account_b)`,
      accounts().get('tb8830126645')!.id,
    )[0]!;
    expect(reason.reason).toBe('name_unconfirmed');

    const preview = await app.invoke('merge.preview', { params: { confirmNames: false } });
    expect(preview).toMatchObject({ merges: 1, splits: 0 });
    const run = await app.invoke('merge.run', { mode: 'full', params: { confirmNames: false } });
    expect(quiet()).toBe(accounts().get(ZHANG)!.customer);
    expect(await app.invoke('merge.settings', {})).toMatchObject({ confirmNames: false });

    // The next import's incremental run keeps the chosen rule.
    const batch = await importTmall('tmall-2.csv', ['4001']);
    const last = query<{ op: number; params: string }>(
      app,
      'SELECT op_id AS op, params_json AS params FROM merge_runs ORDER BY op_id DESC LIMIT 1',
    )[0]!;
    expect(last.op).toBeGreaterThan(run.opId);
    expect(JSON.parse(last.params)).toMatchObject({ confirmNames: false, chosen: { confirmNames: false } });

    // Undoing what came after, then the run, brings the customers and the default rule back.
    await app.invoke('merge.undo', { opId: last.op });
    await app.invoke('imports.undo', { batchId: batch.id });
    await app.invoke('merge.undo', { opId: run.opId });
    expect(await app.invoke('merge.settings', {})).toMatchObject({ confirmNames: true });
    expect(quiet()).not.toBe(accounts().get(ZHANG)!.customer);
  });
});

describe('the Tmall buyer’s 支付宝 account', () => {
  /** One order of a Tmall account to 张伟's number and home, with its 支付宝 account as given. */
  async function importOnce(alipay: string) {
    await commit(
      await tmallFile(dir, 'tmall-once.csv', [
        { id: '5001', member: 'tb5550001', receiver: '张**', phone: '138****5678', address: HOME, alipay },
      ]),
    );
    const account = query<{ cls: string | null; phone: string | null }>(
      app,
      `SELECT identity_phone_class AS cls, identity_phone AS phone FROM buyer_accounts WHERE account_key = 'tb5550001'`,
    )[0]!;
    const link = query<{ reason: string | null }>(
      app,
      `SELECT blocked_reason AS reason FROM merge_links WHERE
         (SELECT id FROM buyer_accounts WHERE account_key = 'tb5550001') IN (account_a, account_b) AND
         (SELECT id FROM buyer_accounts WHERE account_key = ?) IN (account_a, account_b)`,
      ZHANG,
    )[0]!;
    return { account, reason: link.reason };
  }

  it('a masked mobile there is the holder’s own: it says a single order went to the buyer', async () => {
    await importYouzan();
    const { account, reason } = await importOnce('138****5678');
    expect(account).toEqual({ cls: 'masked_mobile', phone: '138****5678' });
    // Only the masked name is left, and the default rule waits for the owner on that.
    expect(reason).toBe('name_unconfirmed');
  });

  it('a masked e-mail there says nothing: a single order may be a gift', async () => {
    await importYouzan();
    const { account, reason } = await importOnce('z***@163.com');
    expect(account).toEqual({ cls: null, phone: null });
    expect(reason).toBe('receiver_not_confirmed');
  });
});
