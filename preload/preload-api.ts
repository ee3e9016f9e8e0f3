/**
 * What the preload exposes as `window.huike` in the Electron window. The renderer keeps an identical
 * interface in renderer/src/api/preload-api.ts (it may not import from here) and builds the
 * HuikeBridge of the contract on top of it.
 */
import type {
  Channel,
  ChannelInput,
  ChannelResult,
  ProgressEvent,
  StagedFile,
} from '../main/api/contract.js';
import type { IpcResult } from '../main/electron/ipc-protocol.js';

export type { IpcResult };

export interface PreloadApi {
  readonly shell: 'electron';
  /** Resolves to { ok, result } or { ok: false, error: ApiErrorPayload }; rejects only for an unknown channel. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelResult<C>>>;
  onProgress(listener: (event: ProgressEvent) => void): () => void;
  /** Files opened from the menu, the dock or a second launch; ones sent before the first listener are kept for it. */
  onFilesOpened(listener: (files: StagedFile[]) => void): () => void;
  /** 'navigate:dashboard' | 'navigate:import' | … | 'navigate:settings' */
  onMenuCommand(listener: (command: string) => void): () => void;
  /** The open dialog of the main process; [] when cancelled. Rejects with the error's message. */
  pickFiles(): Promise<StagedFile[]>;
  /** Dropped files: begin, send chunks of at most 8 MiB in order, end. Each rejects on error. */
  uploadBegin(name: string, size: number): Promise<string>;
  uploadChunk(uploadId: string, bytes: Uint8Array): Promise<void>;
  uploadEnd(uploadId: string): Promise<StagedFile>;
}
