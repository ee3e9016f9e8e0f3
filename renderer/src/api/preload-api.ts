/**
 * What the Electron preload exposes as `window.huike`. The preload forwards; it does not unwrap
 * errors, so every call resolves with an envelope and the renderer's client turns `ok: false`
 * into a thrown ApiError, the same way it does for the browser build's HTTP answers.
 */
import type {
  ApiErrorPayload,
  Channel,
  ChannelInput,
  ChannelResult,
  ProgressEvent,
  StagedFile,
} from '../../../main/api/contract';

export type CallEnvelope<C extends Channel> =
  { ok: true; result: ChannelResult<C> } | { ok: false; error: ApiErrorPayload };

export interface PreloadApi {
  readonly shell: 'electron';
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<CallEnvelope<C>>;
  onProgress(listener: (event: ProgressEvent) => void): () => void;
  /** Files dropped on the Dock icon / opened from the File menu, staged by the main process. */
  onFilesOpened(listener: (files: StagedFile[]) => void): () => void;
  /** Application-menu commands such as 'import', 'navigate:settings'. */
  onMenuCommand(listener: (command: string) => void): () => void;
  /** Shows the native open dialog in the main process; returns the chosen files staged. */
  pickFiles(): Promise<StagedFile[]>;
  /** Chunked upload of a file the user dropped on the window (bytes only, never a path). */
  uploadBegin(name: string, size: number): Promise<string>;
  uploadChunk(uploadId: string, bytes: Uint8Array): Promise<void>;
  uploadEnd(uploadId: string): Promise<StagedFile>;
}

declare global {
  interface Window {
    huike?: PreloadApi;
  }
}
