// registerIpc against a stand-in for ipcMain: the real 'electron' package is never loaded.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import { UserError } from '../../../main/api/errors.js';

const handlers = vi.hoisted(
  () => new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
);
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
      handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { registerIpc } = await import('../../../main/electron/ipc.js');

const page = 'file:///opt/huike/resources/app.asar/out/renderer/index.html';

function setup(invoke: HuikeApp['invoke'] = vi.fn(async () => ({ version: '0.1.0' })) as HuikeApp['invoke']) {
  const contents = Object.assign(new EventEmitter(), { isDestroyed: () => false });
  const win = { webContents: contents, isDestroyed: () => false };
  const staged: Uint8Array[] = [];
  const app = {
    invoke,
    async stageBytes(name: string, chunks: AsyncIterable<Uint8Array>) {
      for await (const chunk of chunks) staged.push(chunk);
      return { fileId: 'f1', name, size: staged.reduce((n, c) => n + c.byteLength, 0) };
    },
  } as unknown as HuikeApp;
  const unregister = registerIpc({ app, appPageUrl: page, getWindow: () => win as never });
  const mainFrame = { url: `${page}#/import`, parent: null };
  const event = (overrides: Record<string, unknown> = {}) => ({
    sender: contents,
    senderFrame: mainFrame,
    ...overrides,
  });
  const send = (channel: string, ev: unknown, ...args: unknown[]) => handlers.get(channel)!(ev, ...args);
  return { app, contents, event, send, staged, unregister };
}

describe('registerIpc', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it('registers the five invoke channels and removes them again', () => {
    const { unregister } = setup();
    expect([...handlers.keys()].sort()).toEqual([
      'huike:call',
      'huike:print-to-pdf',
      'huike:upload-begin',
      'huike:upload-chunk',
      'huike:upload-end',
    ]);
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('calls the app and wraps the result', async () => {
    const { send, event, app } = setup();
    await expect(send('huike:call', event(), 'app.info', {})).resolves.toEqual({
      ok: true,
      result: { version: '0.1.0' },
    });
    expect(app.invoke).toHaveBeenCalledWith('app.info', {});
  });

  it('returns errors as payloads instead of throwing them across IPC', async () => {
    const { send, event } = setup(
      vi.fn(async () => {
        throw new UserError({ code: 'undo.noBatch', params: { batchId: '1' } }, { row: 3 });
      }) as HuikeApp['invoke'],
    );
    await expect(send('huike:call', event(), 'imports.undo', { batchId: 1 })).resolves.toEqual({
      ok: false,
      error: {
        kind: 'user',
        code: 'undo.noBatch',
        params: { batchId: '1' },
        message: expect.stringContaining('#1'),
        details: { row: 3 },
      },
    });
  });

  it('refuses unknown channels before they reach the app', async () => {
    const { send, event, app } = setup();
    const result = (await send('huike:call', event(), 'constructor', {})) as {
      ok: boolean;
      error: { message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.message).toContain('Unknown channel');
    expect(app.invoke).not.toHaveBeenCalled();
  });

  it.each([
    ['another web contents', { sender: new EventEmitter() }],
    ['a sub-frame', { senderFrame: { url: page, parent: {} } }],
    ['another page', { senderFrame: { url: 'file:///Users/me/Downloads/evil.html', parent: null } }],
    ['a remote page', { senderFrame: { url: 'https://example.com/', parent: null } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses a message from %s', async (_name, overrides) => {
    const { send, event, app } = setup();
    for (const channel of ['huike:call', 'huike:upload-begin', 'huike:upload-chunk', 'huike:upload-end']) {
      const result = (await send(channel, event(overrides), 'app.info', {})) as {
        ok: boolean;
        error: { message: string };
      };
      expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
      expect(result.error.message).toContain('Refused');
    }
    expect(app.invoke).not.toHaveBeenCalled();
  });

  it('stages an upload sent in chunks', async () => {
    const { send, event, staged } = setup();
    const begin = (await send('huike:upload-begin', event(), '京东订单.xlsx', 4)) as {
      ok: true;
      result: string;
    };
    expect(begin.ok).toBe(true);
    await expect(send('huike:upload-chunk', event(), begin.result, new Uint8Array([1, 2]))).resolves.toEqual({
      ok: true,
      result: null,
    });
    await expect(send('huike:upload-chunk', event(), begin.result, new Uint8Array([3, 4]))).resolves.toEqual({
      ok: true,
      result: null,
    });
    await expect(send('huike:upload-end', event(), begin.result)).resolves.toEqual({
      ok: true,
      result: { fileId: 'f1', name: '京东订单.xlsx', size: 4 },
    });
    expect(staged).toHaveLength(2);
  });

  it('validates upload arguments and reports errors as payloads', async () => {
    const { send, event } = setup();
    await expect(send('huike:upload-begin', event(), 42, 4)).resolves.toMatchObject({
      ok: false,
      error: { kind: 'internal' },
    });
    await expect(send('huike:upload-chunk', event(), 'nope', new Uint8Array(1))).resolves.toMatchObject({
      ok: false,
    });
    await expect(send('huike:upload-end', event(), undefined)).resolves.toMatchObject({ ok: false });
  });

  it('drops open uploads when the page reloads', async () => {
    const { send, event, contents } = setup();
    const begin = (await send('huike:upload-begin', event(), 'a.csv', 4)) as { ok: true; result: string };
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    await expect(send('huike:upload-chunk', event(), begin.result, new Uint8Array(1))).resolves.toMatchObject(
      {
        ok: false,
        error: { message: expect.stringContaining('Unknown or expired') },
      },
    );
  });
});
