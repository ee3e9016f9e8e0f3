/**
 * Every customer's facts and predictions of the last fit as one columnar snapshot (a blob per
 * column in `value_snapshot`), so the value report reads a few dozen blobs instead of a row per
 * customer: at 300k customers, converting 32 columns of each row took most of the report's time.
 * The customer_value table keeps the same values row by row for lookups and for people to read.
 */
import type { WriteTx } from '../../../db/index.js';
import {
  dayNumber,
  factsAt,
  type CustomerFacts,
  type FactsColumns,
  type PredictionColumns,
  type StoredPrediction,
} from '../../domain/value/index.js';
import { PLATFORMS } from '../../shared/vocabulary.js';
import type { ReadSource } from '../customers/search.js';

const INT_COLUMNS = [
  'id',
  'firstDay',
  'lastDay',
  'orders',
  'discountOrders',
  'holidayOrders',
  'firstPlatform',
  'lastPlatform',
  'platforms',
  'monthsCount',
] as const;
const MONEY_COLUMNS = [
  'revenue',
  'contribution',
  'r6',
  'c6',
  'r8',
  'c8',
  'r12',
  'c12',
  'e3',
  'e6',
  'e12',
  'ec3',
  'ec6',
  'ec12',
  'pAlive',
  'purchases90',
  'purchases365',
  'spendPerOrder',
  'clv',
] as const;

const platformIndex = (p: string) => {
  const i = (PLATFORMS as readonly string[]).indexOf(p);
  return i < 0 ? PLATFORMS.indexOf('other') : i;
};

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * A money column as 32-bit integers when every value is a whole number that fits (sums of fen
 * usually do): half the bytes for the report to read. The reader tells the two apart by length.
 */
function compact(values: Float64Array): Int32Array | Float64Array {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v) || v < INT32_MIN || v > INT32_MAX) return values;
  }
  return Int32Array.from(values);
}

/** Replaces the snapshot with these customers (facts in customer order, predictions by id). */
export function writeValueSnapshot(
  tx: WriteTx,
  facts: readonly CustomerFacts[],
  predictionOf: (id: number) => StoredPrediction | null,
): void {
  const n = facts.length;
  const ints = Object.fromEntries(INT_COLUMNS.map((c) => [c, new Int32Array(n)])) as Record<
    (typeof INT_COLUMNS)[number],
    Int32Array
  >;
  const money = Object.fromEntries(MONEY_COLUMNS.map((c) => [c, new Float64Array(n)])) as Record<
    (typeof MONEY_COLUMNS)[number],
    Float64Array
  >;
  const months: number[] = [];
  facts.forEach((c, i) => {
    ints.id[i] = c.id;
    ints.firstDay[i] = dayNumber(c.firstDay);
    ints.lastDay[i] = dayNumber(c.lastDay);
    ints.orders[i] = c.orders;
    ints.discountOrders[i] = c.discountOrders;
    ints.holidayOrders[i] = c.holidayOrders;
    ints.firstPlatform[i] = platformIndex(c.firstPlatform);
    ints.lastPlatform[i] = platformIndex(c.lastPlatform);
    ints.platforms[i] = c.platforms.reduce((mask, p) => mask | (1 << platformIndex(p)), 0);
    ints.monthsCount[i] = c.activeMonths.length;
    months.push(...c.activeMonths);
    money.revenue[i] = c.revenueFen;
    money.contribution[i] = c.contributionFen;
    money.r6[i] = c.revenue6mFen;
    money.r8[i] = c.revenue8mFen;
    money.r12[i] = c.revenue12mFen;
    money.c6[i] = c.contribution6mFen;
    money.c8[i] = c.contribution8mFen;
    money.c12[i] = c.contribution12mFen;
    money.e3[i] = c.first3mRevenueFen;
    money.e6[i] = c.first6mRevenueFen;
    money.e12[i] = c.first12mRevenueFen;
    money.ec3[i] = c.first3mContributionFen;
    money.ec6[i] = c.first6mContributionFen;
    money.ec12[i] = c.first12mContributionFen;
    const p = predictionOf(c.id);
    money.pAlive[i] = p?.pAlive ?? Number.NaN;
    money.purchases90[i] = p?.purchases90 ?? Number.NaN;
    money.purchases365[i] = p?.purchases365 ?? Number.NaN;
    money.spendPerOrder[i] = p?.spendPerOrderFen ?? Number.NaN;
    money.clv[i] = p?.clvFen ?? Number.NaN;
  });
  tx.sqlite.prepare('DELETE FROM value_snapshot').run();
  const insert = tx.sqlite.prepare('INSERT INTO value_snapshot (name, data) VALUES (?, ?)');
  const bytes = (a: Int32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  for (const c of INT_COLUMNS) insert.run(c, bytes(ints[c]));
  for (const c of MONEY_COLUMNS) insert.run(c, bytes(compact(money[c])));
  insert.run('months', bytes(Int32Array.from(months)));
}

/**
 * A blob as a typed array: a view on its bytes when they are aligned for the type (the usual case,
 * better-sqlite3 gives each blob its own buffer), else a copy.
 */
function view<T extends Int32Array | Float64Array>(
  buffer: Buffer,
  Type: {
    new (b: ArrayBuffer, offset: number, length: number): T;
    new (b: ArrayBuffer): T;
    BYTES_PER_ELEMENT: number;
  },
): T {
  const size = Type.BYTES_PER_ELEMENT;
  if (buffer.byteOffset % size === 0)
    return new Type(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength / size);
  return new Type(
    buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer,
  );
}

/** The predictions the analyses do not read (the customer page reads customer_value's row). */
const UNREAD = ['purchases90', 'purchases365', 'spendPerOrder'];

/** The snapshot as columns (no object per customer) and the predictions; null when there is none. */
export function readValueSnapshotColumns({ readSqlite }: Pick<ReadSource, 'readSqlite'>): {
  facts: FactsColumns;
  /** CLV and P(alive) indexed like the facts (NaN: none). */
  predictions: PredictionColumns;
} | null {
  const rows = readSqlite
    .prepare('SELECT name, data FROM value_snapshot WHERE name NOT IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify(UNREAD)) as [string, Buffer][];
  if (rows.length === 0) return null;
  const blobs = new Map(rows);
  const int = (c: string) => view(blobs.get(c)!, Int32Array);
  const customers = blobs.get('id')!.byteLength / Int32Array.BYTES_PER_ELEMENT;
  // A money column kept as 32-bit integers (compact) is read as they are when only summed, and
  // widened where the analyses sort and compare it with doubles.
  const money = (c: string) => {
    const blob = blobs.get(c)!;
    return blob.byteLength === customers * Float64Array.BYTES_PER_ELEMENT
      ? view(blob, Float64Array)
      : view(blob, Int32Array);
  };
  const num = (c: string) => {
    const blob = blobs.get(c)!;
    return blob.byteLength === customers * Float64Array.BYTES_PER_ELEMENT
      ? view(blob, Float64Array)
      : Float64Array.from(view(blob, Int32Array));
  };
  const monthsCount = int('monthsCount');
  const n = monthsCount.length;
  const monthsStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) monthsStart[i + 1] = monthsStart[i]! + monthsCount[i]!;
  return {
    facts: {
      ids: int('id'),
      firstDay: int('firstDay'),
      lastDay: int('lastDay'),
      orders: int('orders'),
      discountOrders: int('discountOrders'),
      holidayOrders: int('holidayOrders'),
      firstPlatform: int('firstPlatform'),
      lastPlatform: int('lastPlatform'),
      platforms: int('platforms'),
      platformNames: PLATFORMS,
      revenue: num('revenue'),
      contribution: num('contribution'),
      r6: money('r6'),
      r8: money('r8'),
      r12: money('r12'),
      c6: money('c6'),
      c8: money('c8'),
      c12: money('c12'),
      e3: money('e3'),
      e6: money('e6'),
      e12: money('e12'),
      ec3: money('ec3'),
      ec6: money('ec6'),
      ec12: money('ec12'),
      monthsStart,
      months: int('months'),
    },
    predictions: { clvFen: num('clv'), pAlive: num('pAlive') },
  };
}

/** The snapshot as plain facts records and predictions; null when there is none. */
export function readValueSnapshot(source: Pick<ReadSource, 'readSqlite'>): {
  facts: CustomerFacts[];
  /** CLV and P(alive) indexed like the facts (NaN: none). */
  predictions: PredictionColumns;
} | null {
  const snapshot = readValueSnapshotColumns(source);
  if (!snapshot) return null;
  const { facts, predictions } = snapshot;
  return { facts: Array.from(facts.ids, (_, i) => factsAt(facts, i)), predictions };
}
