/**
 * The sandboxed preload: one function per IPC message, nothing else. ipcRenderer itself never
 * reaches the page, and listeners get the payload only (not the IpcRendererEvent, whose `sender`
 * would hand the page ipcRenderer). Bundled with everything it imports into out/electron/preload.cjs:
 * a sandboxed preload may require 'electron' and little else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS } from '../main/api/channels.js';
import type { ApiErrorPayload, ProgressEvent, StagedFile } from '../main/api/contract.js';
import { IPC, MAX_CHUNK_BYTES, type IpcResult } from '../main/electron/ipc-protocol.js';
import type { PreloadApi } from '../main/api/contract.js';

const channels: ReadonlySet<string> = new Set(CHANNELS);

/** contextBridge keeps an Error's message but drops its fields: `kind` travels in the name. */
function unwrap<T>(response: IpcResult<T>): T {
  if (response.ok) return response.result;
  throw toError(response.error);
}

function toError(payload: ApiErrorPayload): Error {
  const error = new Error(payload.message);
  error.name =
    payload.kind === 'user' ? 'UserError' : payload.kind === 'cancelled' ? 'CancelledError' : 'Error';
  return error;
}

function subscribe<T>(ipcChannel: string, listener: (payload: T) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  const wrapped = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(ipcChannel, wrapped);
  return () => {
    ipcRenderer.removeListener(ipcChannel, wrapped);
  };
}

// Files opened while the page is still starting (a double-clicked export launches the app) arrive
// before React subscribes: keep them for the first listener.
let filesOpenedListeners = 0;
const earlyFiles: StagedFile[][] = [];
ipcRenderer.on(IPC.filesOpened, (_event, files: StagedFile[]) => {
  if (filesOpenedListeners === 0) earlyFiles.push(files);
});

const api: PreloadApi = {
  shell: 'electron',

  call(channel, input) {
    if (!channels.has(channel)) return Promise.reject(new Error(`Unknown channel: ${String(channel)}`));
    return ipcRenderer.invoke(IPC.call, channel, input);
  },

  onProgress: (listener) => subscribe<ProgressEvent>(IPC.progress, listener),

  onFilesOpened(listener) {
    const unsubscribe = subscribe<StagedFile[]>(IPC.filesOpened, listener);
    filesOpenedListeners += 1;
    for (const files of earlyFiles.splice(0)) queueMicrotask(() => listener(files));
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      filesOpenedListeners -= 1;
      unsubscribe();
    };
  },

  onMenuCommand: (listener) => subscribe<string>(IPC.menu, listener),

  async pickFiles() {
    return unwrap<StagedFile[]>(await ipcRenderer.invoke(IPC.call, 'files.pick', {}));
  },

  async uploadBegin(name, size) {
    return unwrap<string>(await ipcRenderer.invoke(IPC.uploadBegin, name, size));
  },

  async uploadChunk(uploadId, bytes) {
    if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes must be a Uint8Array');
    if (bytes.byteLength > MAX_CHUNK_BYTES)
      throw new RangeError(`a chunk may hold at most ${MAX_CHUNK_BYTES} bytes`);
    unwrap(await ipcRenderer.invoke(IPC.uploadChunk, uploadId, bytes));
  },

  async uploadEnd(uploadId) {
    return unwrap<StagedFile>(await ipcRenderer.invoke(IPC.uploadEnd, uploadId));
  },

  async printToPdf(fileName, landscape) {
    if (typeof fileName !== 'string') throw new TypeError('fileName must be a string');
    return unwrap<string | null>(await ipcRenderer.invoke(IPC.printToPdf, fileName, landscape === true));
  },
};

contextBridge.exposeInMainWorld('huike', api);
