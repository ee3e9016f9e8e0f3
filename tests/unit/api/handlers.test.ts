import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import { UserError } from '../../../main/domain/errors.js';
import { formatPlacedMessage } from '../../../main/shared/messages/index.js';
import { testApp } from '../../helpers/test-app.js';

let app: HuikeApp;
beforeEach(async () => {
  app = await testApp();
});
afterEach(() => app.close());

describe('handlers through createApp', () => {
  it('report an empty database on first run', async () => {
    expect(await app.invoke('app.info', {})).toEqual({
      version: '0.0.0-test',
      dbPath: ':memory:',
      hasData: false,
    });
    const summary = await app.invoke('dashboard.summary', {});
    expect(summary).toMatchObject({
      currency: null,
      currencies: [],
      current: { paidOrders: 0, paidFen: 0, buyers: 0 },
      byPlatform: [],
      series: { points: [] },
    });
    expect(await app.invoke('imports.list', {})).toEqual({ batches: [] });
  });

  it("validate every input and name the wrong field in the user's words", async () => {
    const refusal = (channel: string, input: unknown): Promise<UserError> =>
      app.invoke(channel as 'app.info', input).then(
        () => {
          throw new Error(`${channel} accepted ${JSON.stringify(input)}`);
        },
        (e: unknown) => e as UserError,
      );
    const undo = await refusal('imports.undo', { batchId: 'x' });
    expect(undo).toBeInstanceOf(UserError);
    expect(undo.code).toBe('input.invalid');
    expect(formatPlacedMessage(undo.toMessage(), 'en')).toBe(
      'The batch number is not valid: expected a number.',
    );
    expect((await refusal('dashboard.summary', { from: '2026/1/1' })).message).toBe(
      '开始日期无效：应为日期，格式为 YYYY-MM-DD。',
    );
    const currency = await refusal('import.preview', {
      files: [{ fileId: 'f' }, { fileId: 'g', currency: '元' }],
    });
    expect(formatPlacedMessage(currency.toMessage(), 'en')).toBe(
      'The currency of file 2 is not valid: expected a three-letter currency code such as CNY or USD.',
    );
    expect((await refusal('nope.nothing', {})).code).toBe('input.unknownChannel');
  });

  it('refuse an unknown column-mapping field, listing the fields there are', async () => {
    const refused = await app
      .invoke('import.preview', { files: [{ fileId: 'f', mapping: { orderId: '单号', amount: '金额' } }] })
      .then(
        () => null,
        (e: unknown) => e as UserError,
      );
    expect(refused?.code).toBe('mapping.unknownKey');
    const text = formatPlacedMessage(refused!.toMessage(), 'en');
    expect(text).toContain('"amount"');
    expect(text).toContain('orderId, orderedAt, paidAt');
    expect(text).toContain('statusValues');
    expect(text).not.toContain('files.0');
    const status = await app
      .invoke('import.preview', {
        files: [{ fileId: 'f', mapping: { orderId: '单号', statusValues: { 已退: 'returned' } } }],
      })
      .then(
        () => null,
        (e: unknown) => e as UserError,
      );
    expect(status?.code).toBe('mapping.badStatus');
    expect(status?.message).toContain('已退');
  });

  it('remember the language', async () => {
    expect(await app.invoke('settings.get', {})).toEqual({ language: 'zh-CN' });
    await app.invoke('settings.set', { language: 'en' });
    expect(await app.invoke('settings.get', {})).toEqual({ language: 'en' });
    await expect(app.invoke('settings.set', { language: 'fr' })).rejects.toThrow(
      '语言无效：应为以下之一：zh-CN, en',
    );
  });

  it('refuse a file dialog where there is none, and a staged file id that does not exist', async () => {
    await expect(app.invoke('files.pick', {})).rejects.toMatchObject({ code: 'files.noDialog' });
    await expect(app.invoke('import.preview', { files: [{ fileId: 'missing' }] })).rejects.toMatchObject({
      code: 'file.expired',
      message: expect.stringContaining('已失效'),
    });
  });

  it('report that cancelling an unknown job cancelled nothing', async () => {
    expect(await app.invoke('jobs.cancel', { jobId: 'nothing-running' })).toEqual({ cancelled: false });
  });
});
