/**
 * merge.review.decide and merge.review.undo through the handlers on imported Tmall and JD files:
 * merge joins the two customers at once (the older stays, every account of the newer moves, 'manual',
 * summaries fresh) with a must assertion keyed by the accounts' identities; not the same writes a
 * cannot assertion; skip sends the pair to the end. Each is one 'merge_decision' operation, and undo
 * puts back exactly what it changed. A locked customer is never merged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../main/domain/errors.js';
import { formatMessage } from '../../../main/shared/messages/index.js';
import { expectSummariesFresh } from '../customers/summary-check.js';
import { joinAutomatically, reviewWorld, seedLinks, snapshot, type ReviewWorld } from './review-fixture.js';

let w: ReviewWorld;
beforeEach(async () => {
  w = await reviewWorld();
  await seedLinks(w, [
    {
      a: 't**9',
      b: 'jd_user2',
      weight: 8.5,
      evidence: [{ field: 'phone', level: 'masked_compatible', bits: 8, a: '186****0001', b: '1******0001' }],
    },
    { a: 'tb_alice', b: 'rds3199358', weight: 3.2, evidence: [] },
  ]);
});
afterEach(() => w.close());

const decide = (a: string, b: string, decision: 'merge' | 'notSame' | 'skip') =>
  w.app.invoke('merge.review.decide', { accountA: w.account(b).id, accountB: w.account(a).id, decision });

const queueKeys = async () =>
  (await w.app.invoke('merge.review.list', {})).pairs.map((p) => `${p.a.key}~${p.b.key}`);

function assertions() {
  return w.db.readSqlite
    .prepare(
      'SELECT kind, a_platform, a_key_kind, a_key, b_platform, b_key_kind, b_key, op_id FROM merge_assertions',
    )
    .all();
}

function operation(id: number) {
  return w.db.readSqlite.prepare('SELECT kind, state, summary_json FROM operations WHERE id = ?').get(id) as {
    kind: string;
    state: string;
    summary_json: string;
  };
}

describe('merge', () => {
  it('joins the newer customer’s every account into the older one, at once, with a must assertion', async () => {
    // jd_user2's customer has two accounts already (an automatic merge): both move.
    await joinAutomatically(w, 'jd_user3', 'jd_user2');
    const [tmall, jd2, jd3] = [w.account('t**9'), w.account('jd_user2'), w.account('jd_user3')];
    const gone = jd2.customer_id;
    const result = await decide('t**9', 'jd_user2', 'merge');
    expect(result).toMatchObject({
      decision: 'merge',
      accountA: tmall.id,
      accountB: jd2.id,
      customerId: tmall.customer_id,
      mergedCustomerId: gone,
      remaining: 1,
    });
    expect([w.account('jd_user2'), w.account('jd_user3')].map((a) => a.customer_id)).toEqual([
      tmall.customer_id,
      tmall.customer_id,
    ]);
    const via = w.db.readSqlite
      .prepare('SELECT account_key, customer_via FROM buyer_accounts WHERE customer_id = ? ORDER BY id')
      .all(tmall.customer_id);
    expect(via).toEqual([
      { account_key: 't**9', customer_via: 'single' },
      { account_key: 'jd_user2', customer_via: 'manual' },
      { account_key: 'jd_user3', customer_via: 'manual' },
    ]);
    expect(w.db.readSqlite.prepare('SELECT id FROM customers WHERE id = ?').get(gone)).toBeUndefined();
    expect(assertions()).toEqual([
      {
        kind: 'must',
        a_platform: 'tmall',
        a_key_kind: tmall.key_kind,
        a_key: 't**9',
        b_platform: 'jd',
        b_key_kind: jd2.key_kind,
        b_key: 'jd_user2',
        op_id: result.opId,
      },
    ]);
    expect(operation(result.opId)).toMatchObject({ kind: 'merge_decision', state: 'committed' });
    expect(jd3.customer_id).toBe(gone);

    // The customer page and the list see one customer of both platforms; the pair left the queue.
    const page = await w.app.invoke('customers.get', { id: tmall.customer_id });
    expect(page.accounts.map((a) => a.platform)).toEqual(['tmall', 'jd', 'jd']);
    expect(page.links).toEqual([expect.objectContaining({ zone: 'review', decision: 'must' })]);
    const orders = await w.app.invoke('customers.orders', { id: tmall.customer_id });
    expect(orders.rows.map((o) => o.platform).sort()).toEqual(['jd', 'jd', 'tmall']);
    expect(await queueKeys()).toEqual(['tb_alice~rds3199358']);
    await expectSummariesFresh(w.db);
  });

  it('keeps the joined customer’s note and tags on the one that stays', async () => {
    const [tmall, jd] = [w.account('t**9'), w.account('jd_user2')];
    await w.app.invoke('customers.update', { id: tmall.customer_id, note: '老客户', tags: ['VIP'] });
    await w.app.invoke('customers.update', { id: jd.customer_id, note: '京东上也买', tags: ['VIP', '京东'] });
    await decide('t**9', 'jd_user2', 'merge');
    const page = await w.app.invoke('customers.get', { id: tmall.customer_id });
    expect(page).toMatchObject({ note: '老客户\n京东上也买', tags: ['VIP', '京东'] });
  });

  it('refuses a locked customer on either side, in the user’s words, and changes nothing', async () => {
    const jd = w.account('jd_user2');
    await w.db.writer.transaction(async (tx) => {
      tx.sqlite.prepare('UPDATE customers SET locked = 1 WHERE id = ?').run(jd.customer_id);
    });
    const before = snapshot(w.db);
    const operations = () => w.db.readSqlite.prepare('SELECT count(*) AS n FROM operations').get();
    const count = operations();
    const error = await decide('t**9', 'jd_user2', 'merge').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const { code, params } = error as UserError;
    expect(code).toBe('review.customerLocked');
    expect(formatMessage(code, params, 'zh-CN')).toBe(
      `客户 #${jd.customer_id} 已锁定：它的账号不再变动。要合并，请先在客户页面解除锁定。`,
    );
    expect(formatMessage(code, params, 'en')).toContain(`Customer #${jd.customer_id} is locked`);
    expect(snapshot(w.db)).toEqual(before);
    expect(operations()).toEqual(count);
    // Saying they are not the same person changes no customer: a locked one may be told so.
    await decide('t**9', 'jd_user2', 'notSame');
    expect(assertions()).toEqual([expect.objectContaining({ kind: 'cannot' })]);
  });
});

describe('not the same, skip', () => {
  it('not the same writes a cannot assertion with both accounts’ keys and takes the pair out of the queue', async () => {
    const before = snapshot(w.db);
    const result = await decide('tb_alice', 'rds3199358', 'notSame');
    expect(result).toMatchObject({ decision: 'notSame', customerId: null, remaining: 1 });
    expect(assertions()).toEqual([
      expect.objectContaining({
        kind: 'cannot',
        a_platform: 'tmall',
        a_key: 'tb_alice',
        b_platform: 'jd',
        b_key: 'rds3199358',
        op_id: result.opId,
      }),
    ]);
    expect(await queueKeys()).toEqual(['t**9~jd_user2']);
    // No customer changed.
    const after = snapshot(w.db);
    expect({ ...after, assertions: [] }).toEqual({ ...before, assertions: [] });
  });

  it('skip sends the pair to the end of the queue', async () => {
    expect(await queueKeys()).toEqual(['t**9~jd_user2', 'tb_alice~rds3199358']);
    const result = await decide('t**9', 'jd_user2', 'skip');
    expect(result).toMatchObject({ decision: 'skip', remaining: 2 });
    const page = await w.app.invoke('merge.review.list', {});
    expect(page.pairs.map((p) => [p.a.key, p.deferred])).toEqual([
      ['tb_alice', false],
      ['t**9', true],
    ]);
    expect(page.deferred).toBe(1);
    expect(assertions()).toEqual([]);
  });
});

describe('undo', () => {
  for (const decision of ['merge', 'notSame', 'skip'] as const) {
    it(`puts back exactly what ${decision} changed, and marks the operation undone`, async () => {
      await joinAutomatically(w, 'jd_user3', 'jd_user2');
      await w.app.invoke('customers.update', {
        id: w.account('jd_user2').customer_id,
        note: '京东',
        tags: ['a'],
      });
      const before = snapshot(w.db);
      const { opId } = await decide('t**9', 'jd_user2', decision);
      expect(snapshot(w.db)).not.toEqual(before);
      const undone = await w.app.invoke('merge.review.undo', {});
      expect(undone).toMatchObject({ opId, decision, remaining: 2 });
      expect(snapshot(w.db)).toEqual(before);
      expect(operation(opId).state).toBe('undone');
      expect(await queueKeys()).toEqual(['t**9~jd_user2', 'tb_alice~rds3199358']);
      await expectSummariesFresh(w.db);
    });
  }

  it('undoes the latest decision first, then the one before; then there is nothing to undo', async () => {
    const before = snapshot(w.db);
    await decide('t**9', 'jd_user2', 'merge');
    const second = await decide('tb_alice', 'rds3199358', 'merge');
    expect((await w.app.invoke('merge.review.undo', {})).opId).toBe(second.opId);
    expect(await queueKeys()).toEqual(['tb_alice~rds3199358']);
    await w.app.invoke('merge.review.undo', {});
    expect(snapshot(w.db)).toEqual(before);
    const error = await w.app.invoke('merge.review.undo', {}).catch((e: unknown) => e);
    expect((error as UserError).code).toBe('review.nothingToUndo');
  });

  it('is refused while a later change builds on the merge', async () => {
    const { customerId } = await decide('t**9', 'jd_user2', 'merge');
    const edit = await w.app.invoke('customers.update', { id: customerId!, note: '合并之后写的' });
    const error = await w.app.invoke('merge.review.undo', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('review.undoBlocked');
    expect(formatMessage((error as UserError).code, (error as UserError).params, 'en')).toContain(
      `#${edit.operationId}`,
    );
  });
});

describe('undo after an unrelated change', () => {
  it('a consent mark on the merged customer does not build on the merge: the undo goes through and keeps it', async () => {
    const { customerId } = await decide('t**9', 'jd_user2', 'merge');
    await w.app.invoke('privacy.setConsent', { customerId: customerId!, consent: false });
    await w.app.invoke('merge.review.undo', {});
    const row = w.db.readSqlite
      .prepare('SELECT marketing_consent AS consent FROM customers WHERE id = ?')
      .get(customerId) as { consent: number | null };
    expect(row.consent).toBe(0);
    expect(w.account('t**9').customer_id).not.toBe(w.account('jd_user2').customer_id);
  });
});
