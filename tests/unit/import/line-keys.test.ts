/** Line keys within a file: repeated items numbered, repeated sub-order ids refused. */
import { describe, expect, it } from 'vitest';
import { LineKeyRegistry } from '../../../main/domain/import/index.js';
import type { ParsedOrder } from '../../../main/domain/orders/types.js';

const row = (order: string, key: string, keyIsPlatformId?: boolean): ParsedOrder => ({
  platformOrderId: order,
  sourceRows: [],
  lines: [{ lineKey: key, ...(keyIsPlatformId ? { keyIsPlatformId } : {}) }],
});

describe('LineKeyRegistry', () => {
  it('numbers the second and third occurrence of an item in an order, even rows apart', () => {
    const keys = new LineKeyRegistry();
    const seen = [
      keys.assign(row('A', 'cup'), 2),
      keys.assign(row('B', 'cup'), 3),
      keys.assign(row('A', 'cup'), 4),
      keys.assign(row('A', 'cup'), 5),
    ].map((r) => r.fragment!.lines![0]!.lineKey);
    expect(seen).toEqual(['cup', 'cup', 'cup#2', 'cup#3']);
  });

  it('refuses a platform sub-order id seen twice in one order, naming the first row', () => {
    const keys = new LineKeyRegistry();
    expect(keys.assign(row('A', '9001', true), 2).problems).toEqual([]);
    const again = keys.assign(row('A', '9001', true), 7, '子订单编号');
    expect(again.fragment).toBeNull();
    expect(again.problems).toEqual([
      expect.objectContaining({
        row: 7,
        column: '子订单编号',
        code: 'row.duplicateSubOrder',
        params: { lineKey: '9001', firstRow: 2 },
      }),
    ]);
    // The same sub-order id under another order is another line.
    expect(keys.assign(row('B', '9001', true), 8).problems).toEqual([]);
  });
});
