/**
 * A transaction file for `huike clv fit`: one row per purchase with who, when and how much.
 *
 * - CSV (comma, tab or semicolon; UTF-8, GBK or UTF-16, as the importer reads them) with a header
 *   naming the columns in Chinese or English (客户ID / customer_id, 日期 / date, 金额 / amount and
 *   the usual variants below), or with no header and the columns in the order customer, date, amount;
 * - the CDNOW whitespace layouts from Fader & Hardie's data: `CDNOW_sample.txt` (master id, sample
 *   id, YYYYMMDD, CDs, dollars; no header; the sample id is the customer, as in the published
 *   summaries) and `CDNOW_master.txt` (a header line, then id, YYYYMMDD, CDs, dollars), or any
 *   whitespace-separated file whose header names the three columns.
 *
 * Dates are read as the calendar day written in the file (an offset such as `+08:00` is ignored:
 * the day is the shop's as written). Amounts are money as written (yuan, dollars), read exactly to
 * the cent. The first bad row stops the read with a message naming the file, row and column: a fit
 * on silently dropped rows would be a different fit.
 */
import { UserError } from '../errors.js';
import type { Message } from '../../shared/messages/index.js';
import { cleanValue } from '../import/clean-value.js';
import { parseCsvText } from '../import/csv-records.js';
import { parseDateTime } from '../import/date-time.js';
import { parseMoney } from '../import/money.js';
import { dayNumber, type TransactionColumns } from './summary.js';

export type TransactionLayout = 'csv' | 'cdnow-sample' | 'cdnow-master' | 'whitespace';

export interface TransactionFile {
  layout: TransactionLayout;
  /** The columns read, as the file names them (or their letters when it has no header). */
  columns: { customer: string; date: string; amount: string };
  transactions: TransactionColumns<string> & { customer: string[]; day: Int32Array; amount: Float64Array };
}

type Field = 'customer' | 'date' | 'amount';
const FIELDS: readonly Field[] = ['customer', 'date', 'amount'];

/**
 * Header names per field, compared after `headerKey` (lower case, no spaces, _ - . / or units in
 * brackets). Earlier names win when several columns match (customer_id before a bare id).
 */
const HEADER_NAMES: Record<Field, readonly string[]> = {
  customer: words(`
    customer customerid customerno customernumber customername cust custid client clientid user userid
    uid buyer buyerid buyername member memberid account accountid
    客户 客户id 客户编号 客户名称 客户姓名 客户账号 用户 用户id 用户名 会员 会员id 会员编号 会员名 会员卡号
    买家 买家id 买家昵称 买家会员名 买家账号 买家姓名 顾客 顾客id 顾客编号
    email phone 手机号 手机号码 id`),
  date: words(`
    date day orderdate purchasedate transactiondate txndate saledate invoicedate datetime time timestamp
    orderedat createdat paidat ordertime purchasetime
    日期 时间 下单日期 下单时间 订单日期 订单时间 交易日期 交易时间 购买日期 购买时间 付款日期 付款时间
    支付日期 支付时间 订单创建时间 创建时间 成交时间 成交日期 消费日期 消费时间`),
  amount: words(`
    amount value revenue sales total price spend dollarvalue ordervalue ordertotal orderamount paid
    paidamount payment money gmv netsales totalprice
    金额 实付金额 订单金额 买家实付金额 实收金额 支付金额 付款金额 销售额 成交金额 交易金额 消费金额 总金额
    应付金额 实付款 订单总额 商品金额`),
};

function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

function headerKey(cell: string): string {
  return cleanValue(cell)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/[\s_\-./]/g, '');
}

const HEADER_INDEX = new Map<string, Field>(
  FIELDS.flatMap((field) => HEADER_NAMES[field].map((name) => [name, field] as const)),
);

/** Reads a whole transaction file's text (decoded). `file` is the name messages use. */
export async function readTransactionText(text: string, file: string): Promise<TransactionFile> {
  const firstLine = /^[^\r\n]*/.exec(text.replace(/^\uFEFF/, '').replace(/^\s*\n/, ''))![0];
  if (/^\s*\S+(\s+\S+){2,}\s*$/.test(firstLine) && !/[,;\t]/.test(firstLine.trim())) {
    return readWhitespace(text, file);
  }
  return readCsv(text, file);
}

class Collector {
  readonly customer: string[] = [];
  readonly day: number[] = [];
  readonly amount: number[] = [];

  constructor(
    private readonly file: string,
    private readonly names: Record<Field, string>,
  ) {}

  add(row: number, customer: string | undefined, date: string | undefined, amount: string | undefined): void {
    const id = cleanValue(customer);
    if (id === '') this.fail(row, 'customer', { code: 'value.row.noCustomer', params: { row } });
    const day = readDay(date);
    if (Number.isNaN(day))
      this.fail(row, 'date', { code: 'value.row.badDate', params: { row, value: date ?? '' } });
    const money = parseMoney(amount, { digits: 2 });
    if (!money.ok || money.value === null)
      this.fail(row, 'amount', { code: 'value.row.badAmount', params: { row, value: amount ?? '' } });
    this.customer.push(id);
    this.day.push(day);
    this.amount.push(money.value / 100);
  }

  fail(row: number, field: Field, message: Message): never {
    const column = this.names[field];
    throw new UserError({ ...message, params: { ...message.params, column }, file: this.file, row, column });
  }

  result(layout: TransactionLayout): TransactionFile {
    if (this.customer.length === 0)
      throw new UserError({
        code: 'value.file.noTransactions',
        params: { file: this.file },
        file: this.file,
      });
    return {
      layout,
      columns: this.names,
      transactions: {
        customer: this.customer,
        day: Int32Array.from(this.day),
        amount: Float64Array.from(this.amount),
      },
    };
  }
}

/** The calendar day a date cell names, or NaN. */
function readDay(raw: string | undefined): number {
  const text = cleanValue(raw).replace(/\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)$/i, '');
  if (text === '') return Number.NaN;
  const parsed = parseDateTime(text, 'UTC');
  if (!parsed.ok || parsed.value === null) return Number.NaN;
  return dayNumber(parsed.value.slice(0, 10));
}

/**
 * Whitespace-separated columns. With a header line (CDNOW_master's `customer_id date number_of_cds
 * dollar_value`, or any other naming the three columns), the columns are found by name; without
 * one, 5 fields are CDNOW_sample's layout and 4 CDNOW_master's.
 */
function readWhitespace(text: string, file: string): TransactionFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let expected = 0;
  let layout: TransactionLayout = 'cdnow-sample';
  let positions: Record<Field, number> | null = null;
  let collector: Collector | null = null;
  for (const [index, line] of lines.entries()) {
    const row = index + 1;
    const fields = line.trim().split(/\s+/);
    if (fields.length === 1 && fields[0] === '') continue;
    if (!collector) {
      expected = fields.length;
      if (!/^\d+$/.test(fields[0]!)) {
        positions = locateColumns(fields);
        if (!positions) throw columnsNotFound(fields, file);
        layout = fields.join(' ') === CDNOW_MASTER_HEADER ? 'cdnow-master' : 'whitespace';
        collector = new Collector(file, {
          customer: fields[positions.customer]!,
          date: fields[positions.date]!,
          amount: fields[positions.amount]!,
        });
        continue;
      }
      if (expected !== 4 && expected !== 5) throw columnsNotFound([], file);
      layout = expected === 5 ? 'cdnow-sample' : 'cdnow-master';
      positions = expected === 5 ? { customer: 1, date: 2, amount: 4 } : { customer: 0, date: 1, amount: 3 };
      collector = new Collector(
        file,
        expected === 5
          ? { customer: 'B', date: 'C', amount: 'E' }
          : { customer: 'A', date: 'B', amount: 'D' },
      );
    }
    if (fields.length !== expected) {
      throw new UserError({
        code: 'value.row.fieldCount',
        params: { row, count: fields.length, expected },
        file,
        row,
      });
    }
    collector.add(row, fields[positions!.customer], fields[positions!.date], fields[positions!.amount]);
  }
  if (!collector) throw new UserError({ code: 'value.file.noTransactions', params: { file }, file });
  return collector.result(layout);
}

const CDNOW_MASTER_HEADER = 'customer_id date number_of_cds dollar_value';

function columnsNotFound(header: string[], file: string): UserError {
  const missing = FIELDS.filter(
    (field) => !header.some((cell) => HEADER_INDEX.get(headerKey(cell)) === field),
  );
  return new UserError({
    code: 'value.file.columnsNotFound',
    params: { file, missing: missing.map((field) => ({ code: `value.column.${field}` as const })) },
    file,
  });
}

async function* once(text: string): AsyncIterable<string> {
  yield text;
}

async function readCsv(text: string, file: string): Promise<TransactionFile> {
  let positions: Record<Field, number> | null = null;
  let collector: Collector | null = null;
  for await (const record of parseCsvText(once(text), { markUndecodable: false })) {
    if (record.cutOff)
      throw new UserError({ code: 'value.row.cutOff', params: { row: record.row }, file, row: record.row });
    if (!positions) {
      const found = locateColumns(record.cells);
      if (found) {
        positions = found;
        collector = new Collector(file, {
          customer: cleanValue(record.cells[found.customer]),
          date: cleanValue(record.cells[found.date]),
          amount: cleanValue(record.cells[found.amount]),
        });
        continue;
      }
      // No header: the first row must be data in the order customer, date, amount.
      const looksLikeData =
        record.cells.length >= 3 && !Number.isNaN(readDay(record.cells[1])) && parseMoney(record.cells[2]).ok;
      if (!looksLikeData) throw columnsNotFound(record.cells, file);
      positions = { customer: 0, date: 1, amount: 2 };
      collector = new Collector(file, { customer: 'A', date: 'B', amount: 'C' });
    }
    collector!.add(
      record.row,
      record.cells[positions.customer],
      record.cells[positions.date],
      record.cells[positions.amount],
    );
  }
  if (!collector) throw new UserError({ code: 'value.file.noTransactions', params: { file }, file });
  return collector.result('csv');
}

/**
 * Each field's column by its header name, or null unless all three are named. When several
 * columns name a field, the name earlier in HEADER_NAMES wins (customer_id before a bare id).
 */
function locateColumns(cells: string[]): Record<Field, number> | null {
  const found: Partial<Record<Field, number>> = {};
  const rank: Partial<Record<Field, number>> = {};
  cells.forEach((cell, index) => {
    const key = headerKey(cell);
    const field = HEADER_INDEX.get(key);
    if (!field) return;
    const r = HEADER_NAMES[field].indexOf(key);
    if (rank[field] === undefined || r < rank[field]!) {
      found[field] = index;
      rank[field] = r;
    }
  });
  return found.customer !== undefined && found.date !== undefined && found.amount !== undefined
    ? (found as Record<Field, number>)
    : null;
}
