import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeDb } from '../../../db/index.js';
import { CancelledError } from '../../../main/domain/errors.js';
import type { ParsedOrder } from '../../../main/domain/orders/types.js';
import { undoBatch } from '../../../main/services/import/undo.js';
import { fixedClock, freshDb } from '../../helpers/test-db.js';
import { writeFragments } from '../../helpers/write-fragments.js';

let h: HuikeDb;
beforeEach(async () => {
  h = await freshDb();
});
afterEach(() => h.close());

const order = (id: string, extra: Partial<ParsedOrder> = {}): ParsedOrder => ({
  platformOrderId: id,
  sourceRows: [2],
  status: 'completed',
  statusRaw: '交易成功',
  orderedAt: '2026-11-01T02:00:00.000Z',
  paidAt: '2026-11-01T02:01:00.000Z',
  paidFen: 10_000,
  refundFen: 0,
  buyer: { kind: 'member_name', key: 'tb_buyer_1' },
  ...extra,
});

const dump = () => ({
  orders: h.readSqlite.prepare('SELECT * FROM orders ORDER BY id').all(),
  lines: h.readSqlite.prepare('SELECT * FROM order_lines ORDER BY id').all(),
  accounts: h.readSqlite.prepare('SELECT * FROM buyer_accounts ORDER BY id').all(),
});

describe('the set-based commit', () => {
  it('inserts orders, lines and buyer accounts and sums paid orders once', async () => {
    const r = await writeFragments(h, [
      order('A', { lines: [{ lineKey: 'sku1', quantity: 2, unitPriceFen: 5000 }] }),
      order('B', {
        paidAt: null,
        status: 'awaiting_payment',
        paidFen: 0,
        buyer: { kind: 'member_name', key: 'tb_buyer_2' },
      }),
      // A JD-style repeat of order A's money on a second line must not be counted twice.
      order('A', { lines: [{ lineKey: 'sku2', quantity: 1, unitPriceFen: 0 }] }),
    ]);
    expect(r.orders).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(r.lines).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(r.money).toEqual({ paidFen: 10_000, refundFen: 0 });
    expect(dump().accounts).toHaveLength(2);
  });

  it('changes nothing when the same fragments come again', async () => {
    const fragments = [order('A', { lines: [{ lineKey: 'x', quantity: 1 }] }), order('B')];
    await writeFragments(h, fragments, 'a.csv');
    const before = dump();
    const again = await writeFragments(h, fragments, 'a.csv');
    expect(again.orders).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    expect(again.lines).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    expect(dump()).toEqual(before);
  });

  it('keeps what a partial fragment does not say (undefined) and updates what it says', async () => {
    await writeFragments(h, [order('A', { receiver: { name: '张**', phone: '138****5678' } })]);
    const r = await writeFragments(h, [
      { platformOrderId: 'A', sourceRows: [2], refundFen: 3000, refundStatus: '退款成功' },
    ]);
    expect(r.orders).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const row = dump().orders[0] as Record<string, unknown>;
    expect(row).toMatchObject({
      paid_fen: 10_000,
      refund_fen: 3000,
      receiver_name: '张**',
      receiver_phone: '138****5678',
    });
  });
});

describe('undo', () => {
  it('deletes what a batch inserted and restores what it updated', async () => {
    const first = await writeFragments(h, [order('A'), order('B')], 'old.csv');
    const afterFirst = dump();
    const second = await writeFragments(
      h,
      [order('A', { status: 'closed', refundFen: 10_000 }), order('C')],
      'new.csv',
    );
    expect(second.orders).toEqual({ inserted: 1, updated: 1, unchanged: 0 });
    const undone = await undoBatch(h, second.batchId, { now: fixedClock });
    expect(undone).toMatchObject({ ordersDeleted: 1, ordersRestored: 1 });
    expect(dump()).toEqual(afterFirst);
    await undoBatch(h, first.batchId, { now: fixedClock });
    expect(dump()).toEqual({ orders: [], lines: [], accounts: [] });
  });

  it('refuses to undo an older batch under a newer one that changed the same orders', async () => {
    const first = await writeFragments(h, [order('A')], 'old.csv');
    const second = await writeFragments(h, [order('A', { refundFen: 500 })], 'new.csv');
    const before = dump();
    await expect(undoBatch(h, first.batchId, { now: fixedClock })).rejects.toThrow(
      new RegExp(`#${second.batchId}`),
    );
    expect(dump()).toEqual(before);
    await undoBatch(h, second.batchId, { now: fixedClock });
    await undoBatch(h, first.batchId, { now: fixedClock });
    expect(dump().orders).toEqual([]);
  });

  it('refuses to undo a batch whose orders later batches added lines to', async () => {
    const orders = await writeFragments(h, [order('A')], 'orders.csv');
    await writeFragments(
      h,
      [{ platformOrderId: 'A', sourceRows: [2], lines: [{ lineKey: 'k', quantity: 1 }] }],
      'items.csv',
    );
    await expect(undoBatch(h, orders.batchId, { now: fixedClock })).rejects.toThrow(/不能撤销/);
  });

  it('restores every updated order of a batch larger than one page of changes', async () => {
    const ids = Array.from({ length: 2500 }, (_, i) => `O${i}`);
    await writeFragments(
      h,
      ids.map((id) => order(id)),
      'old.csv',
    );
    const before = dump();
    const refunds = await writeFragments(
      h,
      ids.map((id) => order(id, { refundFen: 100 })),
      'refunds.csv',
    );
    expect(refunds.orders.updated).toBe(2500);
    const undone = await undoBatch(h, refunds.batchId, { now: fixedClock });
    expect(undone.ordersRestored).toBe(2500);
    expect(dump()).toEqual(before);
  });

  it('reports progress and, when cancelled midway, leaves every row as it was', async () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `C${i}`);
    const b = await writeFragments(
      h,
      ids.map((id) => order(id, { lines: [{ lineKey: 'x', quantity: 1 }] })),
    );
    const before = dump();
    const controller = new AbortController();
    const seen: number[] = [];
    const undo = undoBatch(h, b.batchId, {
      now: fixedClock,
      signal: controller.signal,
      progress: (_phase, done) => {
        seen.push(done);
        controller.abort();
      },
    });
    await expect(undo).rejects.toBeInstanceOf(CancelledError);
    expect(seen.length).toBeGreaterThan(0);
    expect(dump()).toEqual(before);
    const history = h.readSqlite.prepare('SELECT state FROM operations WHERE id = ?').get(b.batchId);
    expect(history).toEqual({ state: 'committed' });
  });

  it('refuses a second undo of the same batch', async () => {
    const b = await writeFragments(h, [order('A')]);
    await undoBatch(h, b.batchId, { now: fixedClock });
    await expect(undoBatch(h, b.batchId, { now: fixedClock })).rejects.toThrow(/已经撤销/);
  });
});
