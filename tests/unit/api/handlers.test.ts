import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import { UserError } from '../../../main/domain/errors.js';
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

  it('validate every input and name the wrong field', async () => {
    await expect(app.invoke('imports.undo', { batchId: 'x' })).rejects.toThrow(/batchId/);
    await expect(app.invoke('imports.undo', { batchId: 'x' })).rejects.toBeInstanceOf(UserError);
    await expect(app.invoke('dashboard.summary', { from: '2026/1/1' })).rejects.toThrow(
      /from: expected a date/,
    );
    await expect(app.invoke('nope.nothing' as 'app.info', {})).rejects.toThrow(/unknown channel/);
  });

  it('remember the language', async () => {
    expect(await app.invoke('settings.get', {})).toEqual({ language: 'zh-CN' });
    await app.invoke('settings.set', { language: 'en' });
    expect(await app.invoke('settings.get', {})).toEqual({ language: 'en' });
    await expect(app.invoke('settings.set', { language: 'fr' })).rejects.toThrow(/language/);
  });

  it('refuse a file dialog where there is none, and a staged file id that does not exist', async () => {
    await expect(app.invoke('files.pick', {})).rejects.toThrow(/upload/);
    await expect(app.invoke('import.preview', { files: [{ fileId: 'missing' }] })).rejects.toThrow(/已失效/);
  });

  it('report that cancelling an unknown job cancelled nothing', async () => {
    expect(await app.invoke('jobs.cancel', { jobId: 'nothing-running' })).toEqual({ cancelled: false });
  });
});
