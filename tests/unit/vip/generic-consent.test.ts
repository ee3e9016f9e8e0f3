/**
 * A mapped file (the generic importer) carries marketing consent as Shopify's Accepts Marketing
 * does: an `acceptsMarketing` column or an opt-out column `marketingOptOut`, their words read in
 * Chinese and English, the column names guessed, the consent landing on the buyers' accounts and a
 * refusal leaving the customer out of marketing (a real app on a real database).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import { readConsent } from '../../../main/domain/import/consent-values.js';
import { suggestMapping } from '../../../main/domain/import/mapping.js';
import { testApp } from '../../helpers/test-app.js';
import { query, writeTemp } from '../../helpers/shop-files.js';

describe('consent words', () => {
  it('yes and no answer the column’s question; 接受 / 不接受 and the like mean what they say', () => {
    const read = (column: 'acceptsMarketing' | 'marketingOptOut', values: string[]) =>
      values.map((v) => readConsent(v, column));
    expect(read('acceptsMarketing', ['是', '否', 'Yes', 'NO', 'true', 'false', '1', '0', 'y', 'n'])).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(read('marketingOptOut', ['是', '否', 'yes', 'no', '1', '0'])).toEqual([
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
    for (const column of ['acceptsMarketing', 'marketingOptOut'] as const) {
      expect(read(column, ['不接受', '不接受营销', '退订', 'unsubscribed', 'Opted out'])).toEqual([
        false,
        false,
        false,
        false,
        false,
      ]);
      expect(read(column, ['接受', '同意', '订阅', 'subscribed'])).toEqual([true, true, true, true]);
      // Empty and unknown words say nothing.
      expect(read(column, ['', '  ', '未知', 'maybe'])).toEqual([undefined, undefined, undefined, undefined]);
    }
    expect(readConsent(undefined, 'acceptsMarketing')).toBeUndefined();
  });

  it('the columns are guessed from their names', () => {
    expect(suggestMapping(['订单号', '手机', '是否接受营销', '退订'])).toMatchObject({
      acceptsMarketing: '是否接受营销',
      marketingOptOut: '退订',
    });
    expect(suggestMapping(['Order ID', 'Email', 'Accepts Marketing'])).toMatchObject({
      acceptsMarketing: 'Accepts Marketing',
    });
  });
});

describe('a mapped file with consent columns', () => {
  let app: HuikeApp;
  beforeEach(async () => {
    app = await testApp({ onDisk: true });
  });
  afterEach(() => app.close());

  it('sets the buyers’ accounts’ consent; a refusal in either column wins and leaves them out', async () => {
    const csv = [
      '单号,下单时间,手机,金额,接受营销,不接受营销',
      'G1,2026-05-01 10:00:00,13800000001,10.00,是,',
      'G2,2026-05-01 11:00:00,13800000002,10.00,否,',
      'G3,2026-05-01 12:00:00,13800000003,10.00,,是',
      'G4,2026-05-01 13:00:00,13800000004,10.00,是,是',
      'G5,2026-05-01 14:00:00,13800000005,10.00,,否',
      'G6,2026-05-01 15:00:00,13800000006,10.00,,',
    ].join('\n');
    const staged = await app.stagePath(writeTemp('consent.csv', csv));
    const { batches } = await app.invoke('import.commit', {
      files: [
        {
          fileId: staged.fileId,
          format: 'generic',
          currency: 'CNY',
          shopName: '自建表',
          mapping: {
            orderId: '单号',
            orderedAt: '下单时间',
            buyerPhone: '手机',
            paidAmount: '金额',
            acceptsMarketing: '接受营销',
            marketingOptOut: '不接受营销',
          },
        },
      ],
      skipInvalidRows: false,
    });
    expect(batches[0]!.rowsImported).toBe(6);
    const consent = query<{ account_key: string; accepts_marketing: number | null }>(
      app,
      'SELECT account_key, accepts_marketing FROM buyer_accounts ORDER BY account_key',
    );
    expect(consent.map((a) => a.accepts_marketing)).toEqual([1, 0, 0, 0, 1, null]);
    expect((await app.invoke('segments.count', { filter: { marketing: 'refused' } })).total).toBe(3);

    // Undoing the file takes its consent with it: the accounts were its own, so they go.
    await app.invoke('imports.undo', { batchId: batches[0]!.id });
    expect(query(app, 'SELECT 1 FROM buyer_accounts')).toEqual([]);
  });
});
