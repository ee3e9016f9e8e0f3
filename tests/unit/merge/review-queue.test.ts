/**
 * merge.review.list on a Tmall and a JD export imported through the handlers, with suggestions
 * seeded as the buyer merge writes them: the queue's order (not skipped first, strongest first),
 * what it leaves out (automatic links, decided pairs, pairs already in one customer), both sides
 * with masked values and their latest orders, and the evidence with its agreeing characters.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../main/domain/errors.js';
import { formatMessage } from '../../../main/shared/messages/index.js';
import { joinAutomatically, reviewWorld, seedLinks, type ReviewWorld } from './review-fixture.js';

let w: ReviewWorld;
beforeEach(async () => {
  w = await reviewWorld();
  await seedLinks(w, [
    {
      a: 't**9',
      b: 'jd_user2',
      weight: 8.5,
      evidence: [
        { field: 'phone', level: 'masked_compatible', bits: 8, a: '186****0001', b: '1******0001' },
        { field: 'name', level: 'surname_differs', bits: -2.3, a: '王*', b: '孙*' },
      ],
    },
    {
      a: 'tb_alice',
      b: 'rds3199358',
      weight: 3.2,
      evidence: [
        // As the merge compared them: an own shop's whole phone is masked again for the screen.
        { field: 'phone', level: 'masked_compatible', bits: 6, a: '13812345678', b: '138****5678' },
        { field: 'district', level: 'same_city', bits: 3, a: '杭州市西湖区', b: '西湖区' },
      ],
    },
    { a: 'tb_bob', b: 'jd_user3', weight: 9.9, deferred: true, evidence: [] },
    // Not in the queue: an automatic merge's link, a pair the owner decided.
    { a: 'tb_carol', b: 'jd_user2', weight: 12, zone: 'auto', evidence: [] },
    { a: 'tb_dave', b: 'rds3199358', weight: 7, evidence: [] },
  ]);
  const [dave, rds] = [w.account('tb_dave'), w.account('rds3199358')];
  await w.db.writer.transaction(async (tx) => {
    const op = Number(
      tx.sqlite.prepare("INSERT INTO operations (kind, created_at) VALUES ('merge_decision', 'x')").run()
        .lastInsertRowid,
    );
    tx.sqlite
      .prepare(
        `INSERT INTO merge_assertions (kind, a_platform, a_key_kind, a_key, b_platform, b_key_kind, b_key, op_id, created_at)
         VALUES ('cannot', ?, ?, 'rds3199358', ?, ?, 'tb_dave', ?, 'x')`,
      )
      .run(rds.platform, rds.key_kind, dave.platform, dave.key_kind, op);
  });
});
afterEach(() => w.close());

const pairKeys = (page: { pairs: Array<{ a: { key: string }; b: { key: string } }> }) =>
  page.pairs.map((p) => `${p.a.key}~${p.b.key}`);

describe('the review queue', () => {
  it('lists undecided review pairs across customers: not skipped first, strongest first, in pages', async () => {
    const page = await w.app.invoke('merge.review.list', {});
    expect(pairKeys(page)).toEqual(['t**9~jd_user2', 'tb_alice~rds3199358', 'tb_bob~jd_user3']);
    expect(page).toMatchObject({ total: 3, deferred: 1, offset: 0, focusPosition: null });
    expect(page.pairs.map((p) => [p.position, p.weight, p.deferred])).toEqual([
      [0, 8.5, false],
      [1, 3.2, false],
      [2, 9.9, true],
    ]);
    const second = await w.app.invoke('merge.review.list', { offset: 1, limit: 1 });
    expect(pairKeys(second)).toEqual(['tb_alice~rds3199358']);
    expect(second.total).toBe(3);
  });

  it('leaves out a pair whose accounts are in one customer already, and keeps to one customer on request', async () => {
    await joinAutomatically(w, 'jd_user2', 't**9');
    expect(pairKeys(await w.app.invoke('merge.review.list', {}))).toEqual([
      'tb_alice~rds3199358',
      'tb_bob~jd_user3',
    ]);
    const alice = w.account('tb_alice');
    const mine = await w.app.invoke('merge.review.list', {
      customerId: alice.customer_id,
      focus: { accountA: w.account('rds3199358').id, accountB: alice.id },
    });
    expect(pairKeys(mine)).toEqual(['tb_alice~rds3199358']);
    expect(mine).toMatchObject({ total: 1, focusPosition: 0 });
  });

  it('shows both accounts side by side, masked, with their shops, totals and latest orders', async () => {
    const [pair] = (await w.app.invoke('merge.review.list', { limit: 1, offset: 1 })).pairs;
    expect(pair!.a).toMatchObject({
      platform: 'tmall',
      key: 'tb_alice',
      name: '张*',
      phone: '138****5678',
      address: '浙江省 杭州市 西湖区 文三****',
      shops: [expect.objectContaining({ name: '汇客旗舰店' })],
      customerAccounts: 1,
      customerLocked: false,
      orders: 1,
      paidOrders: 1,
      spend: [{ currency: 'CNY', paidOrders: 1, paidFen: 16_800, refundFen: 0, netFen: 16_800 }],
      latestOrders: [
        expect.objectContaining({ platformOrderId: '1001000000000000001', paidFen: 16_800, currency: 'CNY' }),
      ],
    });
    expect(pair!.b).toMatchObject({
      platform: 'jd',
      key: 'rds3199358',
      name: '赵*',
      phone: '1******6198',
      address: '北京市 朝阳区 建国****',
      orders: 1,
    });
    expect(pair!.b.latestOrders[0]).toMatchObject({
      platformOrderId: '11729384072',
      orderDate: '2015-12-31',
    });
  });

  it('masks the evidence as shown elsewhere and names the characters the two values agree on', async () => {
    const page = await w.app.invoke('merge.review.list', {});
    expect(page.pairs[0]!.evidence).toEqual([
      {
        field: 'phone',
        level: 'masked_compatible',
        bits: 8,
        a: '186****0001',
        b: '1******0001',
        agreeA: [0, 7, 8, 9, 10],
        agreeB: [0, 7, 8, 9, 10],
      },
      { field: 'name', level: 'surname_differs', bits: -2.3, a: '王*', b: '孙*', agreeA: [], agreeB: [] },
    ]);
    const alice = page.pairs[1]!.evidence;
    expect(alice[0]).toMatchObject({ a: '138****5678', b: '138****5678', agreeA: [0, 1, 2, 7, 8, 9, 10] });
    expect(alice[1]).toMatchObject({ agreeA: [3, 4, 5], agreeB: [0, 1, 2] });
    expect(JSON.stringify(page)).not.toMatch(/13812345678|13900000002|李四/);
  });

  it('refuses to decide on a pair that is not in the queue, in the user’s words', async () => {
    const [carol, jd2] = [w.account('tb_carol'), w.account('jd_user2')];
    const error = await w.app
      .invoke('merge.review.decide', { accountA: carol.id, accountB: jd2.id, decision: 'merge' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('review.notInQueue');
    expect(formatMessage((error as UserError).code, (error as UserError).params, 'en')).toContain(
      'no longer in the review queue',
    );
  });
});
