/**
 * Counts a file's distinct orders and lines and its money (each paid order once) for the preview,
 * in a private temporary on-disk SQLite database so a 1M-row preview keeps memory bounded.
 */
import { openSqlite } from '../../../db/open-sqlite.js';
import type { ParsedOrder } from '../../domain/orders/types.js';
import { isPaidFragment } from './order-columns.js';

export interface OrderTally {
  add(order: ParsedOrder): void;
  summary(): {
    orders: number;
    lines: number;
    first: string | null;
    last: string | null;
    paidFen: number;
    refundFen: number;
  };
  close(): void;
}

export function createOrderTally(): OrderTally {
  // An empty filename makes SQLite create a temporary database file that is deleted on close.
  const sqlite = openSqlite('');
  sqlite.exec(`
    CREATE TABLE orders (order_key TEXT PRIMARY KEY, created_at TEXT, paid INTEGER, paid_fen INTEGER, refund_fen INTEGER)
      WITHOUT ROWID;
    CREATE TABLE lines (order_key TEXT NOT NULL, line_key TEXT NOT NULL, PRIMARY KEY (order_key, line_key)) WITHOUT ROWID;
  `);
  const addOrder = sqlite.prepare(
    `INSERT INTO orders VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET
       created_at = coalesce(excluded.created_at, created_at), paid = coalesce(excluded.paid, paid),
       paid_fen = coalesce(excluded.paid_fen, paid_fen), refund_fen = coalesce(excluded.refund_fen, refund_fen)`,
  );
  const addLine = sqlite.prepare('INSERT OR IGNORE INTO lines VALUES (?, ?)');
  // One open transaction for the tally's whole life: it is thrown away on close, never committed.
  sqlite.exec('BEGIN');
  const add = (o: ParsedOrder) => {
    const paid = isPaidFragment(o);
    addOrder.run(
      o.platformOrderId,
      o.createdAt ?? null,
      paid === undefined ? null : paid ? 1 : 0,
      o.paidFen ?? null,
      o.refundFen ?? null,
    );
    for (const l of o.lines ?? []) addLine.run(o.platformOrderId, l.lineKey);
  };

  return {
    add: (order: ParsedOrder) => add(order),
    summary() {
      const o = sqlite
        .prepare(
          `SELECT count(*) AS orders, min(created_at) AS first, max(created_at) AS last,
             coalesce(sum(CASE WHEN paid = 1 THEN paid_fen END), 0) AS paidFen,
             coalesce(sum(CASE WHEN paid = 1 THEN refund_fen END), 0) AS refundFen FROM orders`,
        )
        .get() as {
        orders: number;
        first: string | null;
        last: string | null;
        paidFen: number;
        refundFen: number;
      };
      const l = sqlite.prepare('SELECT count(*) AS n FROM lines').get() as { n: number };
      return { ...o, lines: l.n };
    },
    close: () => {
      sqlite.close();
    },
  };
}
