/**
 * The renderer's one way to reach the app. It builds a HuikeBridge from whichever shell is present
 * (Electron's preload as `window.huike`, else the loopback web server), so no screen knows which.
 */
import type {
  ApiErrorPayload,
  Channel,
  ChannelInput,
  ChannelResult,
  HuikeBridge,
  ProgressEvent,
  StagedFile,
  UploadableFile,
} from '../../../main/api/contract';
import { ApiError } from './api-error';
import type { PreloadApi } from './preload-api';

export { ApiError };

export function isCancelled(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'cancelled';
}

/** Electron's IPC caps message size; 1 MiB chunks keep a 200 MB export flowing without spikes. */
const CHUNK_BYTES = 1024 * 1024;
// Only what is read: a legacy .xls is refused with advice to save it as .xlsx (said beside the button).
const FILE_ACCEPT = '.csv,.xlsx,.txt';

function unwrap<T>(envelope: { ok: true; result: T } | { ok: false; error: ApiErrorPayload }): T {
  if (envelope.ok) return envelope.result;
  throw new ApiError(envelope.error);
}

/** What a broken answer (no JSON, a proxy's page) says: an internal error with the HTTP status. */
function httpFailure(status: number): ApiErrorPayload {
  const detail = `HTTP ${status}`;
  return { kind: 'internal', code: 'internal.unexpected', params: { detail }, message: detail };
}

function asErrorPayload(body: unknown, status: number): ApiErrorPayload {
  const error = (body as { error?: ApiErrorPayload } | null)?.error;
  if (error && typeof error.message === 'string' && typeof error.code === 'string') return error;
  return httpFailure(status);
}

async function readEnvelope<T>(response: Response): Promise<T> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(httpFailure(response.status));
  }
  const envelope = body as { ok?: boolean; result?: T };
  if (response.ok && envelope?.ok === true) return envelope.result as T;
  throw new ApiError(asErrorPayload(body, response.status));
}

function electronBridge(preload: PreloadApi): HuikeBridge {
  return {
    shell: 'electron',
    call: async <C extends Channel>(channel: C, input: ChannelInput<C>) =>
      unwrap(await preload.call(channel, input)),
    onProgress: (listener) => preload.onProgress(listener),
    chooseFiles: () => preload.pickFiles(),
    async uploadFiles(files) {
      const staged: StagedFile[] = [];
      for (const file of files) {
        const uploadId = await preload.uploadBegin(file.name, file.size);
        for (let start = 0; start < file.size; start += CHUNK_BYTES) {
          const bytes = await file.slice(start, Math.min(start + CHUNK_BYTES, file.size)).arrayBuffer();
          await preload.uploadChunk(uploadId, new Uint8Array(bytes));
        }
        staged.push(await preload.uploadEnd(uploadId));
      }
      return staged;
    },
    onFilesOpened: (listener) => preload.onFilesOpened(listener),
    onMenuCommand: (listener) => preload.onMenuCommand(listener),
    printToPdf: (fileName, landscape) => preload.printToPdf(fileName, landscape),
  };
}

/** One EventSource for all listeners; opened on the first subscription. */
function sseProgress() {
  const listeners = new Set<(event: ProgressEvent) => void>();
  let source: EventSource | null = null;
  return (listener: (event: ProgressEvent) => void) => {
    listeners.add(listener);
    if (!source) {
      source = new EventSource('/events');
      source.onmessage = (message: MessageEvent<string>) => {
        let event: ProgressEvent;
        try {
          event = JSON.parse(message.data) as ProgressEvent;
        } catch {
          return;
        }
        for (const l of listeners) l(event);
      };
    }
    return () => {
      listeners.delete(listener);
    };
  };
}

/** The browser has no native dialog to call: a transient file input stands in for it. */
function pickWithInput(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = FILE_ACCEPT;
    input.style.display = 'none';
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => done([]));
    document.body.append(input);
    input.click();
  });
}

function webBridge(): HuikeBridge {
  const headers = { 'X-Huike': '1' };
  const bridge: HuikeBridge = {
    shell: 'web',
    async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>> {
      const response = await fetch(`/rpc/${channel}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      return readEnvelope<ChannelResult<C>>(response);
    },
    onProgress: sseProgress(),
    async chooseFiles() {
      return bridge.uploadFiles(await pickWithInput());
    },
    async uploadFiles(files: ReadonlyArray<UploadableFile>) {
      const staged: StagedFile[] = [];
      for (const file of files) {
        const body = file instanceof Blob ? file : new Blob([await file.slice().arrayBuffer()]);
        const response = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/octet-stream' },
          body,
        });
        staged.push(await readEnvelope<StagedFile>(response));
      }
      return staged;
    },
    // The browser build has no application menu and no OS-level "open with".
    onFilesOpened: () => () => {},
    onMenuCommand: () => () => {},
  };
  return bridge;
}

export const bridge: HuikeBridge = window.huike ? electronBridge(window.huike) : webBridge();

export const call = bridge.call.bind(bridge) as HuikeBridge['call'];
export const onProgress = bridge.onProgress.bind(bridge);
export const chooseFiles = bridge.chooseFiles.bind(bridge);
export const uploadFiles = bridge.uploadFiles.bind(bridge);
export const onFilesOpened = bridge.onFilesOpened.bind(bridge);
export const onMenuCommand = bridge.onMenuCommand.bind(bridge);
export const FILE_INPUT_ACCEPT = FILE_ACCEPT;

/**
 * Saves a file the app made for the user (a backup) with the browser's own download. Only the
 * browser build hands out downloads; the desktop app saves through its dialog instead.
 */
export function downloadStaged(fileId: string, name: string): void {
  const link = document.createElement('a');
  link.href = `/download/${encodeURIComponent(fileId)}`;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

export function newJobId(): string {
  return crypto.randomUUID();
}
