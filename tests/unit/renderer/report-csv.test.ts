import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { BatchResult } from '../../../main/api/contract';
import { reportCsv } from '../../../renderer/src/features/import/report-csv';

const t = ((key: string) => key) as unknown as TFunction;

const batch = (over: Partial<BatchResult>): BatchResult => ({
  id: 1,
  file: '订单.csv',
  platform: 'tmall',
  shop: '青禾',
  encoding: 'gb18030',
  rows: 3,
  rowsImported: 3,
  rowsRefused: 0,
  orders: { inserted: 2, updated: 0, unchanged: 0 },
  lines: { inserted: 0, updated: 0, unchanged: 0 },
  currency: 'CNY',
  money: { paidFen: 123456, refundFen: 5 },
  ...over,
});

describe('the downloadable import report', () => {
  it('starts with a BOM (Excel reads UTF-8 Chinese), one row per batch, exact amounts in the batch currency', () => {
    const text = reportCsv(
      [
        batch({}),
        batch({ id: 2, file: 'orders_export.csv', currency: 'JPY', money: { paidFen: 500, refundFen: 0 } }),
      ],
      new Map(),
      t,
      'zh-CN',
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]!.endsWith(',1234.56,0.05,CNY')).toBe(true);
    expect(lines[2]!.endsWith(',500,0,JPY')).toBe(true);
    // rows read, imported, refused: every row accounted for.
    expect(lines[0]).toContain('report.rows,report.rowsImported,report.rowsRefused,');
    expect(lines[1]).toContain(',3,3,0,');
  });

  it('lists every refused row with file, row, column and reason (in the chosen language) after the batches', () => {
    const problems = new Map([
      [
        1,
        [
          {
            row: 7,
            column: '订单编号',
            code: 'row.notMoney' as const,
            params: { column: '金额', value: '1,2' },
          },
        ],
      ],
    ]);
    const lines = (lang: 'zh-CN' | 'en') =>
      reportCsv([batch({})], problems, t, lang)
        .slice(1)
        .trimEnd()
        .split('\r\n');
    expect(lines('zh-CN')[2]).toBe('');
    expect(lines('zh-CN')[3]).toBe('report.file,import.problemRow,import.problemColumn,import.problemReason');
    expect(lines('zh-CN')[4]).toBe('订单.csv,7,订单编号,"「金额」的值「1,2」不是金额"');
    expect(lines('en')[4]).toBe('订单.csv,7,订单编号,"“1,2” in “金额” is not an amount"');
  });
});
