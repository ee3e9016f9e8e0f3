/**
 * A real app on a database file with a Tmall and a JD export imported through the handlers, and
 * review suggestions written into merge_links the way the buyer merge writes them (zone 'review',
 * evidence per field as compared, account_a < account_b), so the review channels run on real data.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type HuikeDb } from '../../../db/index.js';
import type { HuikeApp } from '../../../main/api/app-types.js';
import { refreshCustomerStats } from '../../../main/services/customers/stats.js';
import { jdCsvGbk, tmallOrdersGbk } from '../../fixtures/generate.js';
import { testApp } from '../../helpers/test-app.js';

export interface SeededLink {
  a: string;
  b: string;
  weight: number;
  zone?: 'auto' | 'review';
  deferred?: boolean;
  evidence: Array<{ field: string; level: string; bits: number; a: string | null; b: string | null }>;
}

export interface ReviewWorld {
  app: HuikeApp;
  /** A second connection on the same file, to seed and inspect as the engine and the tests do. */
  db: HuikeDb;
  account(key: string): { id: number; customer_id: number; platform: string; key_kind: string };
  close(): Promise<void>;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'huike-review-'));
const files = Promise.all([tmallOrdersGbk(dir), jdCsvGbk(dir)]);

export async function reviewWorld(): Promise<ReviewWorld> {
  const app = await testApp({ onDisk: true });
  for (const fixture of await files) {
    const { fileId } = await app.stagePath(fixture.path);
    await app.invoke('import.commit', { files: [{ fileId }], skipInvalidRows: true });
  }
  const db = await createDb({ filename: app.dbPath });
  return {
    app,
    db,
    account: (key) =>
      db.readSqlite
        .prepare('SELECT id, customer_id, platform, key_kind FROM buyer_accounts WHERE account_key = ?')
        .get(key) as ReturnType<ReviewWorld['account']>,
    close: async () => {
      await db.close();
      await app.close();
    },
  };
}

/** Writes the links as one merge run would (an operation of kind 'merge'). */
export async function seedLinks(world: ReviewWorld, links: SeededLink[]): Promise<void> {
  await world.db.writer.transaction(async (tx) => {
    const op = Number(
      tx.sqlite
        .prepare("INSERT INTO operations (kind, created_at) VALUES ('merge', '2026-11-20T08:00:00.000Z')")
        .run().lastInsertRowid,
    );
    for (const link of links) {
      const [x, y] = [world.account(link.a).id, world.account(link.b).id];
      tx.sqlite
        .prepare(
          `INSERT INTO merge_links (account_a, account_b, weight, zone, strong, evidence_json, rule, deferred, run_op_id)
           VALUES (?, ?, ?, ?, 0, ?, 'phone_suffix', ?, ?)`,
        )
        .run(
          Math.min(x, y),
          Math.max(x, y),
          link.weight,
          link.zone ?? 'review',
          JSON.stringify(link.evidence),
          link.deferred ? 1 : 0,
          op,
        );
    }
  });
}

/** Moves `key`'s account into `into`'s customer as an automatic merge would, summing both up. */
export async function joinAutomatically(world: ReviewWorld, key: string, into: string): Promise<void> {
  const [moved, target] = [world.account(key), world.account(into)];
  await world.db.writer.transaction(async (tx) => {
    tx.sqlite
      .prepare("UPDATE buyer_accounts SET customer_id = ?, customer_via = 'auto' WHERE id = ?")
      .run(target.customer_id, moved.id);
    tx.sqlite.prepare('DELETE FROM customers WHERE id = ?').run(moved.customer_id);
    await refreshCustomerStats(tx, 'SELECT @a UNION SELECT @b', {
      a: moved.customer_id,
      b: target.customer_id,
    });
  });
}

/** Everything a decision may change, as rows: equal snapshots mean nothing changed. */
export function snapshot(db: HuikeDb): Record<string, unknown[]> {
  const all = (sql: string) => db.readSqlite.prepare(sql).all();
  return {
    accounts: all('SELECT id, customer_id, customer_via FROM buyer_accounts ORDER BY id'),
    customers: all('SELECT * FROM customers ORDER BY id'),
    stats: all('SELECT * FROM customer_stats ORDER BY customer_id'),
    spend: all('SELECT * FROM customer_spend ORDER BY customer_id, currency'),
    search: all('SELECT * FROM customer_search ORDER BY customer_id'),
    links: all('SELECT * FROM merge_links ORDER BY account_a, account_b'),
    assertions: all('SELECT * FROM merge_assertions ORDER BY id'),
  };
}
