// The preload against a stand-in for Electron's renderer modules: the real 'electron' package is
// never loaded (it needs the Electron binary).
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { PreloadApi } from '../../../main/api/contract.js';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: null as unknown as Mock<(...args: unknown[]) => Promise<unknown>>,
  emitter: null as unknown as import('node:events').EventEmitter,
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value) },
  ipcRenderer: {
    on: (channel: string, listener: (...args: unknown[]) => void) => fake.emitter.on(channel, listener),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      fake.emitter.removeListener(channel, listener),
    invoke: (...args: unknown[]) => fake.invoke(...args),
  },
}));

async function loadPreload(): Promise<PreloadApi> {
  vi.resetModules();
  fake.exposed.clear();
  fake.emitter = new EventEmitter();
  fake.invoke = vi.fn();
  await import('../../../preload/index.js');
  return fake.exposed.get('huike') as PreloadApi;
}

/** What ipcRenderer passes listeners first: it must never reach the page. */
const ipcEvent = { sender: { invoke: 'ipcRenderer itself' } };
const staged = { fileId: 'f1', name: '订单.csv', size: 3 };

describe('preload', () => {
  let api: PreloadApi;
  beforeEach(async () => {
    api = await loadPreload();
  });

  it('exposes window.huike with one function per message and nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['huike']);
    expect(Object.keys(api).sort()).toEqual(
      [
        'call',
        'onFilesOpened',
        'onMenuCommand',
        'onProgress',
        'pickFiles',
        'printToPdf',
        'shell',
        'uploadBegin',
        'uploadChunk',
        'uploadEnd',
      ].sort(),
    );
    expect(api.shell).toBe('electron');
  });

  it('forwards calls as huike:call and returns the envelope untouched', async () => {
    const envelope = { ok: false, error: { kind: 'user', message: '日期格式不对' } };
    fake.invoke.mockResolvedValue(envelope);
    await expect(api.call('dashboard.summary', { from: '2025-01-01' })).resolves.toEqual(envelope);
    expect(fake.invoke).toHaveBeenCalledWith('huike:call', 'dashboard.summary', { from: '2025-01-01' });
  });

  it('rejects unknown channels without sending them', async () => {
    await expect(api.call('fs.readFile' as 'app.info', {})).rejects.toThrow('Unknown channel');
    await expect(api.call('__proto__' as 'app.info', {})).rejects.toThrow('Unknown channel');
    expect(fake.invoke).not.toHaveBeenCalled();
  });

  it('unwraps pickFiles and the upload calls, throwing the error message', async () => {
    fake.invoke.mockResolvedValueOnce({ ok: true, result: [staged] });
    await expect(api.pickFiles()).resolves.toEqual([staged]);
    expect(fake.invoke).toHaveBeenLastCalledWith('huike:call', 'files.pick', {});

    fake.invoke.mockResolvedValueOnce({ ok: true, result: 'u1' });
    await expect(api.uploadBegin('订单.csv', 3)).resolves.toBe('u1');
    expect(fake.invoke).toHaveBeenLastCalledWith('huike:upload-begin', '订单.csv', 3);

    fake.invoke.mockResolvedValueOnce({ ok: true, result: null });
    await expect(api.uploadChunk('u1', new Uint8Array([1, 2, 3]))).resolves.toBeUndefined();
    expect(fake.invoke).toHaveBeenLastCalledWith('huike:upload-chunk', 'u1', new Uint8Array([1, 2, 3]));

    fake.invoke.mockResolvedValueOnce({ ok: true, result: staged });
    await expect(api.uploadEnd('u1')).resolves.toEqual(staged);
    expect(fake.invoke).toHaveBeenLastCalledWith('huike:upload-end', 'u1');

    fake.invoke.mockResolvedValueOnce({ ok: false, error: { kind: 'user', message: '文件太大' } });
    await expect(api.uploadBegin('big.xlsx', 1)).rejects.toThrow('文件太大');
  });

  it('checks chunks before sending them', async () => {
    await expect(api.uploadChunk('u1', [1, 2] as unknown as Uint8Array)).rejects.toThrow(TypeError);
    await expect(api.uploadChunk('u1', new Uint8Array(8 * 1024 * 1024 + 1))).rejects.toThrow(RangeError);
    expect(fake.invoke).not.toHaveBeenCalled();
  });

  it('passes listeners the payload only, and unsubscribes', () => {
    const progress = vi.fn();
    const menu = vi.fn();
    const offProgress = api.onProgress(progress);
    api.onMenuCommand(menu);
    const event = { jobId: 'j', phase: 'reading', done: 1, total: 2 };
    fake.emitter.emit('huike:progress', ipcEvent, event);
    fake.emitter.emit('huike:menu', ipcEvent, 'navigate:vip');
    expect(progress).toHaveBeenCalledWith(event);
    expect(progress.mock.calls[0]).toHaveLength(1);
    expect(menu).toHaveBeenCalledWith('navigate:vip');
    expect(menu.mock.calls[0]).toHaveLength(1);
    offProgress();
    fake.emitter.emit('huike:progress', ipcEvent, event);
    expect(progress).toHaveBeenCalledTimes(1);
    expect(() => api.onProgress('alert(1)' as unknown as () => void)).toThrow(TypeError);
  });

  it('keeps files opened before the page subscribed for the first listener', async () => {
    fake.emitter.emit('huike:files-opened', ipcEvent, [staged]);
    const listener = vi.fn();
    const off = api.onFilesOpened(listener);
    await Promise.resolve();
    expect(listener).toHaveBeenCalledWith([staged]);
    fake.emitter.emit('huike:files-opened', ipcEvent, [staged]);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(listener.mock.calls[1]).toHaveLength(1);
    off();
    off();
    fake.emitter.emit('huike:files-opened', ipcEvent, [staged]);
    expect(listener).toHaveBeenCalledTimes(2);
    // Nobody listens again: the next subscriber gets what arrived in between.
    const later = vi.fn();
    api.onFilesOpened(later);
    await Promise.resolve();
    expect(later).toHaveBeenCalledWith([staged]);
  });
});
