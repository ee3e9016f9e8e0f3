/**
 * The two real exports in ../shared/fixtures/real import through the real `huike import`, with the
 * counts and totals a hand check of the files gives (computed independently with Python's csv and
 * Decimal: paid orders are those with a pay time / Financial Status paid, amounts summed once per order).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';

const realDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/fixtures/real',
);
const present = existsSync(realDir);
if (!present) console.warn(`skipping real-sample tests: ${realDir} is absent`);

interface ImportJson {
  batches: Array<{
    platform: string;
    rows: number;
    encoding: string;
    orders: { inserted: number; updated: number; unchanged: number };
    lines: { inserted: number };
    money: { paidFen: number; refundFen: number };
    problems: unknown[];
  }>;
}

describe.skipIf(!present)('real sample exports', () => {
  it('Tmall 订单报表 extract (Tianchi, 28,010 orders, no buyer column): anonymous orders, exact totals', () => {
    const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'huike-real-')), 'a.db');
    const file = path.join(realDir, 'tmall_order_report_tianchi_2020-02.csv');
    const r = runCli(['--db', db, 'import', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const b = (JSON.parse(r.stdout) as ImportJson).batches[0]!;
    expect(b).toMatchObject({ platform: 'tmall', rows: 28_010, encoding: 'utf-8', problems: [] });
    expect(b.orders).toEqual({ inserted: 28_010, updated: 0, unchanged: 0 });
    // 24,087 paid orders: ¥1,902,487.15 paid, ¥572,335.92 refunded.
    expect(b.money).toEqual({ paidFen: 190_248_715, refundFen: 57_233_592 });

    const sqlite = new Database(db, { readonly: true });
    const q = (s: string) => (sqlite.prepare(s).get() as { n: number }).n;
    expect(q('SELECT count(*) AS n FROM orders WHERE paid_at IS NULL')).toBe(3_923);
    expect(q('SELECT count(*) AS n FROM orders WHERE buyer_account_id IS NOT NULL')).toBe(0);
    expect(q('SELECT count(*) AS n FROM buyer_accounts')).toBe(0);
    expect(
      q("SELECT count(*) AS n FROM orders WHERE receiver_province IS NULL OR receiver_province = ''"),
    ).toBe(0);
    sqlite.close();

    const again = runCli(['--db', db, 'import', file, '--json']);
    expect((JSON.parse(again.stdout) as ImportJson).batches[0]!.orders).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 28_010,
    });
  });

  it('Shopify orders export (51 orders on 121 line rows, INR): one order per Name, lines kept', () => {
    const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'huike-real-')), 'a.db');
    const r = runCli([
      '--db',
      db,
      'import',
      path.join(realDir, 'shopify_orders_export_1_devstore.csv'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const b = (JSON.parse(r.stdout) as ImportJson).batches[0]!;
    expect(b).toMatchObject({ platform: 'shopify', rows: 121, problems: [] });
    expect(b.orders.inserted).toBe(51);
    expect(b.lines.inserted).toBe(121);
    // All 51 are paid; Σ Total = ₹590,683.29, nothing refunded.
    expect(b.money).toEqual({ paidFen: 59_068_329, refundFen: 0 });
    const sqlite = new Database(db, { readonly: true });
    const row = sqlite
      .prepare('SELECT count(DISTINCT currency) AS n, min(currency) AS c FROM orders')
      .get() as { n: number; c: string };
    expect(row).toEqual({ n: 1, c: 'INR' });
    expect(
      (
        sqlite.prepare("SELECT count(*) AS n FROM buyer_accounts WHERE key_kind = 'email'").get() as {
          n: number;
        }
      ).n,
    ).toBeGreaterThan(0);
    sqlite.close();
  });
});
