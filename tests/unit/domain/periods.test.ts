import { describe, expect, it } from 'vitest';
import {
  daysIn,
  periodKeys,
  previousPeriod,
  sameRangeLastYear,
  unitFor,
} from '../../../main/domain/reports/periods.js';

describe('report periods', () => {
  it('lists every month between the ends, empty ones included, across years', () => {
    expect(periodKeys({ from: '2020-02-10', to: '2021-01-03' }, 'month')).toEqual([
      '2020-02',
      '2020-03',
      '2020-04',
      '2020-05',
      '2020-06',
      '2020-07',
      '2020-08',
      '2020-09',
      '2020-10',
      '2020-11',
      '2020-12',
      '2021-01',
    ]);
    expect(periodKeys({ from: '2024-11-30', to: '2024-11-30' }, 'month')).toEqual(['2024-11']);
  });

  it('lists days across a month end and a leap day', () => {
    expect(periodKeys({ from: '2024-02-27', to: '2024-03-02' }, 'day')).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2024-03-02',
    ]);
  });

  it('the previous period has the same length and ends the day before', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-01-29',
      to: '2026-02-28',
    });
    expect(daysIn({ from: '2026-01-29', to: '2026-02-28' })).toBe(31);
    expect(previousPeriod({ from: '2026-11-11', to: '2026-11-11' })).toEqual({
      from: '2026-11-10',
      to: '2026-11-10',
    });
  });

  it('the same range last year moves 29 February to the 28th', () => {
    expect(sameRangeLastYear({ from: '2024-02-01', to: '2024-02-29' })).toEqual({
      from: '2023-02-01',
      to: '2023-02-28',
    });
    expect(sameRangeLastYear({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: '2025-11-01',
      to: '2025-11-30',
    });
  });

  it('bars by day up to about two months, by month beyond', () => {
    expect(unitFor({ from: '2026-01-01', to: '2026-03-03' })).toBe('day');
    expect(unitFor({ from: '2026-01-01', to: '2026-03-04' })).toBe('month');
  });
});
