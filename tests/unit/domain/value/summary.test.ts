import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  dayNumber,
  dayText,
  summarizeTransactions,
  type TransactionColumns,
} from '../../../../main/domain/value/index.js';
import { readTransactionText } from '../../../../main/domain/value/transaction-file.js';
import { cdnowPath, readCdnowSummary } from '../../../helpers/cdnow.js';

/** Transactions from readable rows: [customer, YYYY-MM-DD, amount]. */
function rows(list: [string, string, number][]): TransactionColumns<string> {
  return {
    customer: list.map((r) => r[0]),
    day: list.map((r) => dayNumber(r[1])),
    amount: list.map((r) => r[2]),
  };
}

describe('transaction summary (x, t_x, T, monetary)', () => {
  it('rebuilds the published CDNOW summary of all 2,357 customers from CDNOW_sample.txt', async () => {
    const file = await readTransactionText(
      readFileSync(cdnowPath('CDNOW_sample.txt'), 'utf8'),
      'CDNOW_sample.txt',
    );
    const summary = summarizeTransactions(file.transactions, {
      unit: 'week',
      calibrationEnd: dayNumber('1997-09-30'),
    });
    const reference = readCdnowSummary();
    expect(summary.ids).toHaveLength(2357);
    expect(reference).toHaveLength(2357);
    const mismatches: string[] = [];
    reference.forEach((ref, i) => {
      // The sample ids are 0001 … 2357 and the customers appear in that order.
      const same =
        Number(summary.ids[i]) === ref.id &&
        summary.frequency[i] === ref.x &&
        Math.abs(summary.recency[i]! - ref.tx) <= 0.005 + 1e-9 &&
        Math.abs(summary.age[i]! - ref.T) <= 0.005 + 1e-9 &&
        Math.abs(summary.monetary[i]! - ref.zbar) <= 0.005 + 1e-9;
      if (!same) mismatches.push(`ID ${ref.id}`);
    });
    expect(mismatches).toEqual([]);
    // The reference's 2-decimal values are roundings of day counts / 7: customer 1 bought on
    // 1997-01-01, 01-18, 08-02: t_x = 213 / 7, T = 272 / 7, zbar = (29.73 + 14.96) / 2.
    expect(summary.recency[0]).toBe(213 / 7);
    expect(summary.age[0]).toBe(272 / 7);
    expect(summary.monetary[0]).toBeCloseTo(22.345, 12);
    expect(summary.totalValue[0]).toBeCloseTo(29.33 + 29.73 + 14.96, 12);
  });

  it('counts purchases on the same day as one purchase, amounts summed', () => {
    const s = summarizeTransactions(
      rows([
        ['a', '2024-01-01', 10],
        ['a', '2024-01-01', 5],
        ['a', '2024-01-03', 7],
        ['a', '2024-01-03', 3],
        ['a', '2024-01-10', 20],
      ]),
      { unit: 'day', calibrationEnd: dayNumber('2024-01-31') },
    );
    expect(s.frequency[0]).toBe(2);
    expect(s.recency[0]).toBe(9);
    expect(s.age[0]).toBe(30);
    // Repeat days: 01-03 (7 + 3 = 10) and 01-10 (20); the first day (15) is left out of monetary.
    expect(s.monetary[0]).toBe(15);
    expect(s.totalValue[0]).toBe(45);
  });

  it('gives a one-time buyer x = 0, t_x = 0, monetary 0, whatever they spent', () => {
    const s = summarizeTransactions(rows([['solo', '2024-03-01', 99]]), {
      unit: 'day',
      calibrationEnd: dayNumber('2024-03-31'),
    });
    expect([s.frequency[0], s.recency[0], s.age[0], s.monetary[0], s.totalValue[0]]).toEqual([
      0, 0, 30, 0, 99,
    ]);
  });

  it('cuts at the calibration end, the end day included, and leaves out customers who start after it', () => {
    const s = summarizeTransactions(
      rows([
        ['a', '2024-01-01', 1],
        ['a', '2024-01-31', 2],
        ['a', '2024-02-01', 4],
        ['late', '2024-02-02', 8],
      ]),
      { unit: 'day', calibrationEnd: dayNumber('2024-01-31') },
    );
    expect(s.ids).toEqual(['a']);
    expect(s.frequency[0]).toBe(1);
    expect(s.recency[0]).toBe(30);
    expect(s.age[0]).toBe(30);
    expect(s.monetary[0]).toBe(2);
    expect(dayText(s.calibrationEnd)).toBe('2024-01-31');
  });

  it('ends at the last transaction by default and measures weeks as days / 7', () => {
    const s = summarizeTransactions(
      rows([
        ['a', '2024-01-01', 1],
        ['a', '2024-01-08', 1],
        ['b', '2024-01-15', 1],
      ]),
      { unit: 'week' },
    );
    expect(dayText(s.calibrationEnd)).toBe('2024-01-15');
    expect([s.frequency[0], s.recency[0], s.age[0]]).toEqual([1, 1, 2]);
    expect([s.frequency[1], s.recency[1], s.age[1]]).toEqual([0, 0, 0]);
  });

  it('does not depend on the order of the transactions', () => {
    const list: [string, string, number][] = [
      ['b', '2024-02-10', 3],
      ['a', '2024-01-05', 1],
      ['b', '2024-01-20', 2],
      ['a', '2024-01-05', 4],
      ['a', '2024-03-01', 6],
      ['b', '2024-02-10', 5],
    ];
    const options = { unit: 'day' as const, calibrationEnd: dayNumber('2024-03-31') };
    const forward = summarizeTransactions(rows(list), options);
    const backward = summarizeTransactions(rows([...list].reverse()), options);
    const byId = (s: typeof forward, id: string) => {
      const i = s.ids.indexOf(id);
      return [s.frequency[i], s.recency[i], s.age[i], s.monetary[i], s.totalValue[i]];
    };
    for (const id of ['a', 'b']) expect(byId(backward, id)).toEqual(byId(forward, id));
    expect(byId(forward, 'b')).toEqual([1, 21, 71, 8, 10]);
  });

  it('sorts a heavy buyer with many transactions (the comparison-sort path)', () => {
    const list: [string, string, number][] = [];
    for (let d = 40; d >= 1; d--)
      list.push(['heavy', `2024-01-${String(Math.min(d, 28)).padStart(2, '0')}`, d]);
    const s = summarizeTransactions(rows(list), { unit: 'day', calibrationEnd: dayNumber('2024-01-31') });
    // Days 1 … 28, the 28th holding the 13 rows of d = 28 … 40 (442); the first day (1) is not repeat.
    expect(s.frequency[0]).toBe(27);
    expect(s.recency[0]).toBe(27);
    expect(s.monetary[0]).toBeCloseTo((377 + 442) / 27, 12);
    expect(s.totalValue[0]).toBe((40 * 41) / 2);
  });
});

describe('day numbers', () => {
  it('round-trips calendar days and refuses impossible ones', () => {
    expect(dayText(dayNumber('1997-09-30'))).toBe('1997-09-30');
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2024-02-30')).toBeNaN();
    expect(dayNumber('2024-2-3')).toBeNaN();
  });
});
