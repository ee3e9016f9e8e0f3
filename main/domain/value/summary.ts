/**
 * Transactions → the per-customer summary the BG/NBD and Gamma-Gamma models take: frequency x,
 * recency t_x, age T and the mean value of the repeat purchases. The conventions are those of
 * `lifetimes.utils.summary_data_from_transaction_data` (design/customer-value.md §1.1), which
 * rebuild the published CDNOW summary exactly:
 *
 * - a purchase period is a calendar day: several transactions of one customer on one day are ONE
 *   purchase, their amounts summed (without this 80 CDNOW customers come out wrong);
 * - transactions after the calibration end are ignored; the end day itself is included;
 * - x = number of purchase days − 1 (repeat purchases only);
 * - t_x = time from the first to the last purchase day (0 when x = 0);
 * - T = time from the first purchase day to the calibration end;
 * - monetary = mean value of the repeat purchase days, the first purchase excluded (0 when x = 0):
 *   the code's convention, not the lifetimes docs' wording, and Hardie's (repeat purchases only).
 *
 * Times are in the unit asked for: days, or weeks = days / 7 (CDNOW's t_x = 30.43 is 213 days / 7).
 * Days are the shop's calendar days: the caller turns instants into local days first.
 */

export type TimeUnit = 'day' | 'week';

export const TIME_UNITS: readonly TimeUnit[] = ['day', 'week'];

/** Calendar days per model time unit. */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { day: 1, week: 7 };

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2024-11-11` → days since 1970-01-01 (a plain count: no time zone can shift it). NaN if not a day. */
export function dayNumber(day: string): number {
  const m = DAY_PATTERN.exec(day);
  if (!m) return Number.NaN;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, date);
  // Date.UTC rolls 2024-02-30 over into March: such a text is not a day.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== date)
    return Number.NaN;
  return ms / DAY_MS;
}

/** Days since 1970-01-01 → `YYYY-MM-DD`. */
export function dayText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The transactions, column by column (one entry per transaction, in any order): columns travel to
 * a worker thread as typed arrays at no cost, and 1M rows of objects would not.
 */
export interface TransactionColumns<Id extends string | number = string | number> {
  /** Who bought: any stable key (a merged customer's id, a buyer account). */
  customer: ArrayLike<Id>;
  /** The shop-local calendar day of each transaction, as `dayNumber` gives it. */
  day: ArrayLike<number>;
  /** Its value (revenue or profit, in any one money unit; may be 0 or negative for a refund). */
  amount: ArrayLike<number>;
}

export interface SummaryOptions {
  unit: TimeUnit;
  /** Last day of the calibration period, included (default: the last transaction's day). */
  calibrationEnd?: number;
}

/**
 * One entry per customer who bought on or before the calibration end, in the order the customers
 * first appear in the transactions. Columns are indexed alike: `frequency[i]` is `ids[i]`'s x.
 */
export interface CustomerSummaries<Id extends string | number = string | number> {
  unit: TimeUnit;
  /** The calibration end as a day number (`dayText` for the text). */
  calibrationEnd: number;
  ids: Id[];
  /** x: repeat purchase days. */
  frequency: Float64Array;
  /** t_x: first to last purchase day, in `unit`. */
  recency: Float64Array;
  /** T: first purchase day to the calibration end, in `unit`. */
  age: Float64Array;
  /** Mean value of the repeat purchase days (0 when x = 0): Gamma-Gamma's m (z̄). */
  monetary: Float64Array;
  /** Value of all purchases, the first included (the simple rules' average order value). */
  totalValue: Float64Array;
  firstDay: Int32Array;
  lastDay: Int32Array;
}

/** Transactions at one customer above which a comparison sort beats insertion sort. */
const INSERTION_SORT_MAX = 24;

export function summarizeTransactions<Id extends string | number>(
  transactions: TransactionColumns<Id>,
  options: SummaryOptions,
): CustomerSummaries<Id> {
  const { customer, day, amount } = transactions;
  const n = customer.length;
  if (day.length !== n || amount.length !== n) throw new Error('transaction columns differ in length');
  let end = options.calibrationEnd;
  if (end === undefined) {
    end = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) if (day[i]! > end) end = day[i]!;
  }

  // Customers in order of first appearance; rows counted per customer (counting sort, O(n)).
  const indexOf = new Map<Id, number>();
  const ids: Id[] = [];
  const customerOfRow = new Int32Array(n).fill(-1);
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!(day[i]! <= end)) continue;
    const id = customer[i]!;
    let c = indexOf.get(id);
    if (c === undefined) {
      c = ids.length;
      indexOf.set(id, c);
      ids.push(id);
      counts.push(0);
    }
    customerOfRow[i] = c;
    counts[c]!++;
  }
  const customers = ids.length;
  const start = new Int32Array(customers + 1);
  for (let c = 0; c < customers; c++) start[c + 1] = start[c]! + counts[c]!;
  const fill = start.slice(0, customers);
  const rows = new Int32Array(start[customers]!);
  for (let i = 0; i < n; i++) {
    const c = customerOfRow[i]!;
    if (c >= 0) rows[fill[c]!++] = i;
  }

  const out: CustomerSummaries<Id> = {
    unit: options.unit,
    calibrationEnd: end,
    ids,
    frequency: new Float64Array(customers),
    recency: new Float64Array(customers),
    age: new Float64Array(customers),
    monetary: new Float64Array(customers),
    totalValue: new Float64Array(customers),
    firstDay: new Int32Array(customers),
    lastDay: new Int32Array(customers),
  };
  const perUnit = DAYS_PER_UNIT[options.unit];
  for (let c = 0; c < customers; c++) {
    const from = start[c]!;
    const to = start[c + 1]!;
    sortRowsByDay(rows, from, to, day);
    const first = day[rows[from]!]!;
    let firstValue = 0;
    let repeatDays = 0;
    let repeatValue = 0;
    let current = first;
    for (let k = from; k < to; k++) {
      const row = rows[k]!;
      const d = day[row]!;
      if (d === first) firstValue += amount[row]!;
      else {
        // A new day is a new purchase; later rows of the same day add to it.
        if (d !== current) {
          repeatDays++;
          current = d;
        }
        repeatValue += amount[row]!;
      }
    }
    out.frequency[c] = repeatDays;
    out.recency[c] = (current - first) / perUnit;
    out.age[c] = (end - first) / perUnit;
    out.monetary[c] = repeatDays > 0 ? repeatValue / repeatDays : 0;
    out.totalValue[c] = firstValue + repeatValue;
    out.firstDay[c] = first;
    out.lastDay[c] = current;
  }
  return out;
}

/** Sorts rows[from, to) by their day; ties keep their order. */
function sortRowsByDay(rows: Int32Array, from: number, to: number, day: ArrayLike<number>): void {
  if (to - from <= INSERTION_SORT_MAX) {
    for (let i = from + 1; i < to; i++) {
      const row = rows[i]!;
      const d = day[row]!;
      let j = i - 1;
      while (j >= from && day[rows[j]!]! > d) {
        rows[j + 1] = rows[j]!;
        j--;
      }
      rows[j + 1] = row;
    }
    return;
  }
  const sorted = Array.from(rows.subarray(from, to)).sort((p, q) => day[p]! - day[q]! || p - q);
  rows.set(sorted, from);
}

/** Customers with at least one repeat purchase. */
export function countRepeatCustomers(summaries: Pick<CustomerSummaries, 'frequency'>): number {
  let count = 0;
  for (const x of summaries.frequency) if (x > 0) count++;
  return count;
}
