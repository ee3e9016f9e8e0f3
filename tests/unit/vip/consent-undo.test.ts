/**
 * Consent an import set is undone with it: an import that changes `accepts_marketing` on accounts
 * that were there before records their earlier consent in the operation log, and undoing the
 * import puts it back (a real app on a real database, Shopify files written here).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import { testApp } from '../../helpers/test-app.js';
import { query, writeTemp } from '../../helpers/shop-files.js';

const HEADER =
  'Name,Email,Financial Status,Paid at,Accepts Marketing,Currency,Subtotal,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Id';

/** A Shopify orders export: one line per order, the buyer by e-mail with the consent given. */
function shopifyCsv(orders: Array<{ name: string; email: string; marketing: 'yes' | 'no' | '' }>): string {
  const rows = orders.map(
    (o, i) =>
      `${o.name},${o.email},paid,2025-12-0${i + 1} 10:00:00 -0500,${o.marketing},USD,10.00,10.00,` +
      `2025-12-0${i + 1} 10:00:00 -0500,1,Coffee,10.00,CB-1,${9000 + Number(o.name.slice(1))}`,
  );
  return [HEADER, ...rows].join('\n') + '\n';
}

let app: HuikeApp;
beforeEach(async () => {
  app = await testApp({ onDisk: true });
});
afterEach(() => app.close());

async function importCsv(name: string, text: string) {
  const staged = await app.stagePath(writeTemp(name, text));
  const { batches } = await app.invoke('import.commit', {
    files: [{ fileId: staged.fileId }],
    skipInvalidRows: false,
  });
  expect(batches).toHaveLength(1);
  return batches[0]!;
}

const consentOf = (email: string) =>
  query<{ accepts_marketing: number | null }>(
    app,
    'SELECT accepts_marketing FROM buyer_accounts WHERE account_key = ?',
    email,
  )[0]?.accepts_marketing;

describe('marketing consent from an import', () => {
  it('undoing the import that changed an existing account’s consent puts the earlier one back', async () => {
    const first = await importCsv(
      'a.csv',
      shopifyCsv([
        { name: '#1001', email: 'alice@example.com', marketing: 'yes' },
        { name: '#1002', email: 'bob@example.com', marketing: '' },
        { name: '#1003', email: 'carol@example.com', marketing: 'no' },
      ]),
    );
    expect(first.platform).toBe('shopify');
    expect([
      consentOf('alice@example.com'),
      consentOf('bob@example.com'),
      consentOf('carol@example.com'),
    ]).toEqual([1, null, 0]);

    // Alice now refuses, Bob says yes for the first time, Carol says nothing (hers stays), Dan is new.
    const second = await importCsv(
      'b.csv',
      shopifyCsv([
        { name: '#1004', email: 'alice@example.com', marketing: 'no' },
        { name: '#1005', email: 'bob@example.com', marketing: 'yes' },
        { name: '#1006', email: 'carol@example.com', marketing: '' },
        { name: '#1007', email: 'dan@example.com', marketing: 'no' },
      ]),
    );
    expect([
      consentOf('alice@example.com'),
      consentOf('bob@example.com'),
      consentOf('carol@example.com'),
      consentOf('dan@example.com'),
    ]).toEqual([0, 1, 0, 0]);
    // The before-images are the accounts' earlier consent; the new account has none (it goes with
    // the undo); none of it counts as an updated order.
    const images = query<{ account_key: string; before_json: string }>(
      app,
      `SELECT a.account_key, c.before_json FROM operation_changes c JOIN buyer_accounts a ON a.id = c.row_id
       WHERE c.op_id = ? AND c.table_name = 'buyer_accounts' ORDER BY a.account_key`,
      second.id,
    );
    expect(images).toEqual([
      { account_key: 'alice@example.com', before_json: '{"accepts_marketing":1}' },
      { account_key: 'bob@example.com', before_json: '{"accepts_marketing":null}' },
    ]);
    expect(second.orders).toEqual({ inserted: 4, updated: 0, unchanged: 0 });
    const refused = async () =>
      (await app.invoke('segments.count', { filter: { marketing: 'refused' } })).total;
    expect(await refused()).toBe(3);

    await app.invoke('imports.undo', { batchId: second.id });
    expect([
      consentOf('alice@example.com'),
      consentOf('bob@example.com'),
      consentOf('carol@example.com'),
    ]).toEqual([1, null, 0]);
    expect(consentOf('dan@example.com')).toBeUndefined();
    expect(await refused()).toBe(1);
  });

  it('the same file again changes nothing and records nothing; a later consent change blocks undoing the earlier one', async () => {
    const file = shopifyCsv([{ name: '#2001', email: 'erin@example.com', marketing: 'yes' }]);
    const first = await importCsv('c.csv', file);
    const again = await importCsv('c2.csv', file);
    const recorded = (op: number) =>
      query<{ n: number }>(
        app,
        `SELECT count(*) AS n FROM operation_changes WHERE op_id = ? AND table_name = 'buyer_accounts'`,
        op,
      )[0]!.n;
    expect(recorded(again.id)).toBe(0);

    const change = await importCsv(
      'd.csv',
      shopifyCsv([{ name: '#2002', email: 'erin@example.com', marketing: 'no' }]),
    );
    const undoChange = await importCsv(
      'e.csv',
      shopifyCsv([{ name: '#2003', email: 'erin@example.com', marketing: 'yes' }]),
    );
    expect(recorded(change.id)).toBe(1);
    expect(recorded(undoChange.id)).toBe(1);
    // `change`'s before-image would put back what `undoChange` changed since: refused until that goes.
    await expect(app.invoke('imports.undo', { batchId: change.id })).rejects.toMatchObject({
      code: 'undo.blocked',
    });
    await app.invoke('imports.undo', { batchId: undoChange.id });
    expect(consentOf('erin@example.com')).toBe(0);
    await app.invoke('imports.undo', { batchId: change.id });
    expect(consentOf('erin@example.com')).toBe(1);
    expect(first.id).toBeLessThan(change.id);
  });
});
