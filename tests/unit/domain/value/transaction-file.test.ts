/** Reading transaction files for `huike clv fit`: layouts, header names, and what a bad row says. */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../../main/domain/errors.js';
import { dayText } from '../../../../main/domain/value/index.js';
import { readTransactionText } from '../../../../main/domain/value/transaction-file.js';
import { formatPlacedMessage } from '../../../../main/shared/messages/index.js';

async function failure(text: string): Promise<UserError> {
  try {
    await readTransactionText(text, 'orders.csv');
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('transaction files', () => {
  it('finds the columns by their Chinese names, whatever their order and the other columns', async () => {
    const file = await readTransactionText(
      '订单号,下单时间,买家昵称,买家实付金额（元）\nT1,2024-11-11 00:05:12,张**,168.00\nT2,2024/11/12 9:30,李**,"¥1,234.50"\n',
      'orders.csv',
    );
    expect(file.layout).toBe('csv');
    expect(file.columns).toEqual({ customer: '买家昵称', date: '下单时间', amount: '买家实付金额（元）' });
    expect(file.transactions.customer).toEqual(['张**', '李**']);
    expect(Array.from(file.transactions.day, dayText)).toEqual(['2024-11-11', '2024-11-12']);
    expect(Array.from(file.transactions.amount)).toEqual([168, 1234.5]);
  });

  it('finds English names, prefers customer_id over a bare id, and reads the day as written', async () => {
    const file = await readTransactionText(
      'id;Customer ID;Order Date;Total\n9;c-1;2025-12-06 23:36:17 -0500;10.5\n10;c-2;20251207;3\n',
      'shop.csv',
    );
    expect(file.columns.customer).toBe('Customer ID');
    expect(file.transactions.customer).toEqual(['c-1', 'c-2']);
    // The offset is ignored: the shop's day is the one written, not UTC's 2025-12-07.
    expect(Array.from(file.transactions.day, dayText)).toEqual(['2025-12-06', '2025-12-07']);
  });

  it('reads a file without a header as customer, date, amount', async () => {
    const file = await readTransactionText('a,2024-01-01,10\nb,2024-01-02,5\n', 'plain.csv');
    expect(file.columns).toEqual({ customer: 'A', date: 'B', amount: 'C' });
    expect(file.transactions.customer).toEqual(['a', 'b']);
  });

  it('reads both CDNOW layouts: the sample (its second id is the customer) and the master (with its header)', async () => {
    const sample = await readTransactionText(
      ' 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n 00021 0002 19970101  3   63.34\r\n',
      'CDNOW_sample.txt',
    );
    expect(sample.layout).toBe('cdnow-sample');
    expect(sample.transactions.customer).toEqual(['0001', '0001', '0002']);
    expect(Array.from(sample.transactions.amount)).toEqual([29.33, 29.73, 63.34]);
    const master = await readTransactionText(
      ' customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n 00002 19970112  1   12.00\r\n',
      'CDNOW_master.txt',
    );
    expect(master.layout).toBe('cdnow-master');
    expect(master.columns).toEqual({ customer: 'customer_id', date: 'date', amount: 'dollar_value' });
    expect(Array.from(master.transactions.day, dayText)).toEqual(['1997-01-01', '1997-01-12']);
  });

  it('names the file, row and column of a date it cannot read', async () => {
    const error = await failure('客户,日期,金额\na,2024-01-01,10\nb,昨天,5\n');
    expect(error.toMessage()).toEqual({
      code: 'value.row.badDate',
      params: { row: 3, value: '昨天', column: '日期' },
      file: 'orders.csv',
      row: 3,
      column: '日期',
    });
    expect(formatPlacedMessage(error.toMessage(), 'en')).toBe(
      'orders.csv: Row 3: “昨天” in “日期” is not a date (expected a date such as 2024-11-11, 2024/11/11 or 20241111)',
    );
  });

  it('names an amount it cannot read, and a row without a customer', async () => {
    expect((await failure('customer,date,amount\na,2024-01-01,ten\n')).toMessage()).toMatchObject({
      code: 'value.row.badAmount',
      row: 2,
      column: 'amount',
    });
    expect((await failure('customer,date,amount\n,2024-01-01,10\n')).toMessage()).toMatchObject({
      code: 'value.row.noCustomer',
      row: 2,
      column: 'customer',
    });
    expect((await failure('customer,date,amount\na,2024-01-01,\n')).toMessage()).toMatchObject({
      code: 'value.row.badAmount',
      row: 2,
    });
  });

  it('says which columns it could not find', async () => {
    const error = await failure('客户,备注\na,x\n');
    expect(error.code).toBe('value.file.columnsNotFound');
    expect(formatPlacedMessage(error.toMessage(), 'zh-CN')).toMatch(/^orders\.csv 中找不到日期；金额列/);
  });

  it('refuses a CDNOW line with the wrong number of fields, and a file with no transactions', async () => {
    const ragged = await failure(' 00004 0001 19970101  2   29.33\n 00004 0001 19970118  2\n');
    expect(ragged.toMessage()).toMatchObject({
      code: 'value.row.fieldCount',
      row: 2,
      params: { count: 4, expected: 5 },
    });
    expect((await failure('customer,date,amount\n')).code).toBe('value.file.noTransactions');
    expect((await failure('customer,date,amount\na,2024-01-01,"10\n')).code).toBe('value.row.cutOff');
  });
});

describe('whitespace files other than CDNOW', () => {
  it('finds the columns of a whitespace file by its header, and refuses one whose header names none', async () => {
    const file = await readTransactionText(
      'amount customer date\n12.5 a 2024-01-01\n3 b 2024-01-02\n',
      'w.txt',
    );
    expect(file.layout).toBe('whitespace');
    expect(file.transactions.customer).toEqual(['a', 'b']);
    expect(Array.from(file.transactions.amount)).toEqual([12.5, 3]);
    await expect(
      readTransactionText('who when what much\nx 2024-01-01 y 3\n', 'w.txt'),
    ).rejects.toMatchObject({
      code: 'value.file.columnsNotFound',
    });
  });
});
