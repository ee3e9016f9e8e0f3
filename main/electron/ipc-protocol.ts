/**
 * The wire protocol between the preload and the main process. Shared by both sides so the names
 * cannot drift; no imports with side effects, so the sandboxed preload bundle stays small.
 */
import type { ApiEnvelope } from '../api/contract.js';

export const IPC = {
  /** invoke(channel, input) → IpcResult: every API channel, including 'files.pick'. */
  call: 'huike:call',
  /** invoke(name, size) → IpcResult<uploadId> */
  uploadBegin: 'huike:upload-begin',
  /** invoke(uploadId, bytes) → IpcResult<null>; resolves once the main process took the chunk. */
  uploadChunk: 'huike:upload-chunk',
  /** invoke(uploadId) → IpcResult<StagedFile> */
  uploadEnd: 'huike:upload-end',
  /**
   * invoke(fileName, landscape) → IpcResult<path | null>: the window's page printed to PDF
   * (Chromium's printToPDF, the page's own @page size) into a file the save dialog chose.
   */
  printToPdf: 'huike:print-to-pdf',
  /** main → renderer: ProgressEvent */
  progress: 'huike:progress',
  /** main → renderer: StagedFile[] (files opened from the menu, the dock or a second launch) */
  filesOpened: 'huike:files-opened',
  /** main → renderer: a MenuCommand string */
  menu: 'huike:menu',
} as const;

/** Electron flattens errors thrown across IPC to a bare message, so handlers return this instead. */
export type IpcResult<T> = ApiEnvelope<T>;

/** Chunks the renderer may send in one IPC message: large enough to be fast, small enough to copy. */
export const MAX_CHUNK_BYTES = 8 * 1024 * 1024;
export const MAX_UPLOAD_NAME_LENGTH = 255;
