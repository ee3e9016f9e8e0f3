/**
 * The VIP channels on the whole app (tests/helpers/test-app.ts): Shopify's Accepts Marketing
 * carried from a real export to the customers' consent, the customer page's consent and deletion
 * channels (deletion refused without its confirmation), segments and the print list.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import { testApp } from '../../helpers/test-app.js';
import { query } from '../../helpers/shop-files.js';

const REAL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures/real');
const SHOPIFY = path.join(REAL, 'shopify_orders_export_1_devstore.csv');

let app: HuikeApp;
beforeEach(async () => {
  app = await testApp({ onDisk: true });
});
afterEach(() => app.close());

async function importShopify() {
  const staged = await app.stagePath(SHOPIFY);
  await app.invoke('import.commit', { files: [{ fileId: staged.fileId }], skipInvalidRows: true });
}

const customerByEmail = (email: string) =>
  query<{ customer_id: number; accepts_marketing: number | null }>(
    app,
    'SELECT customer_id, accepts_marketing FROM buyer_accounts WHERE account_key = ?',
    email,
  )[0]!;

describe.skipIf(!existsSync(SHOPIFY))('Shopify Accepts Marketing (real dev-store export)', () => {
  it('sets the accounts’ consent; a "no" leaves the customer out of marketing', async () => {
    await importShopify();
    const no = customerByEmail('test1@gmail.com');
    const yes = customerByEmail('shivagtx@gmail.com');
    expect(no.accepts_marketing).toBe(0);
    expect(yes.accepts_marketing).toBe(1);
    expect(await app.invoke('privacy.consent', { customerId: no.customer_id })).toEqual({
      customerId: no.customer_id,
      consent: null,
      noMarketing: true,
    });
    expect(await app.invoke('privacy.consent', { customerId: yes.customer_id })).toMatchObject({
      noMarketing: false,
    });
    const refused = await app.invoke('segments.count', { filter: { marketing: 'refused' } });
    expect(refused.total).toBe(1);
    // The owner's word overrides what the import said.
    await app.invoke('privacy.setConsent', { customerId: no.customer_id, consent: true });
    expect(await app.invoke('privacy.consent', { customerId: no.customer_id })).toMatchObject({
      consent: true,
      noMarketing: false,
    });
  });

  it('deletion needs its confirmation, then leaves the amounts and no e-mail', async () => {
    await importShopify();
    const { customer_id: id } = customerByEmail('shivagtx@gmail.com');
    await expect(app.invoke('privacy.erase', { customerId: id, confirm: false })).rejects.toMatchObject({
      code: 'vip.eraseNotConfirmed',
    });
    const total = () => query<{ s: number }>(app, 'SELECT sum(paid_fen) AS s FROM orders')[0]!.s;
    const before = total();
    const erased = await app.invoke('privacy.erase', { customerId: id, confirm: true });
    expect(erased.orders).toBeGreaterThan(0);
    expect(total()).toBe(before);
    expect(query(app, `SELECT 1 FROM buyer_accounts WHERE account_key = 'shivagtx@gmail.com'`)).toEqual([]);
    expect(query(app, `SELECT 1 FROM orders WHERE identity_email = 'shivagtx@gmail.com'`)).toEqual([]);
    const detail = await app.invoke('customers.get', { id });
    expect(JSON.stringify(detail)).not.toMatch(/shivagtx/);
  });

  it('segments and the print list: saved filters, masked rows, an unmasked print logged', async () => {
    await importShopify();
    const segment = await app.invoke('segments.save', { name: '全部', filter: {} });
    expect((await app.invoke('segments.list', {})).segments.map((s) => s.name)).toEqual(['全部']);
    const masked = await app.invoke('vip.list', { segmentId: segment.id });
    expect(masked).toMatchObject({ masked: true, segmentName: '全部', truncated: false });
    expect(masked.rows.length).toBe(masked.matched);
    expect(JSON.stringify(masked.rows)).not.toMatch(/shivagtx|test1@/);
    expect(JSON.stringify(masked.rows)).toContain('s***@gmail.com');
    const marketing = await app.invoke('vip.list', { segmentId: segment.id, marketing: true });
    expect(marketing.optedOut).toBe(1);
    expect(marketing.rows.length).toBe(masked.rows.length - 1);
    const full = await app.invoke('vip.list', { segmentId: segment.id, masked: false });
    expect(JSON.stringify(full.rows)).toMatch(/shivagtx@gmail\.com/);
    const log = query<{ summary_json: string }>(
      app,
      `SELECT summary_json FROM operations WHERE kind = 'unmask'`,
    );
    expect(log.map((r) => JSON.parse(r.summary_json) as object)).toEqual([
      expect.objectContaining({ what: 'print', segment: '全部', front: 'app' }),
    ]);
    await expect(app.invoke('vip.list', { segmentId: 999 })).rejects.toMatchObject({
      code: 'vip.segmentIdNotFound',
    });
  });
});
