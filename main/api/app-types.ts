import type { Readable } from 'node:stream';
import type { Channel, ChannelResult, ProgressEvent, StagedFile } from './contract.js';

export interface CreateAppOptions {
  /** The SQLite file; ':memory:' in tests. */
  dbPath: string;
  /** False: refuse a database file that does not exist instead of creating it (default true). */
  createDatabase?: boolean;
  /** A private folder where uploaded files are kept until imported. */
  stageDir: string;
  appVersion: string;
  /** The clock; tests fix it. */
  now?: () => Date;
  /** Electron only: shows the native open dialog, returns the chosen paths (main process). */
  pickFiles?: () => Promise<string[]>;
  /** Electron only: the save dialog for a backup; null when cancelled (main process). */
  chooseBackupPath?: () => Promise<string | null>;
}

/** The running application behind every front door. */
export interface HuikeApp {
  /** Validates `input` against the channel's schema, runs the handler; throws UserError etc. */
  invoke<C extends Channel>(channel: C, input: unknown): Promise<ChannelResult<C>>;
  /** Stages a file the main process or the CLI itself opened (never a path from a renderer). */
  stagePath(path: string): Promise<StagedFile>;
  /** Stages uploaded bytes (web upload, Electron drop) into stageDir. */
  stageBytes(name: string, chunks: AsyncIterable<Uint8Array>): Promise<StagedFile>;
  onProgress(listener: (event: ProgressEvent) => void): () => void;
  /**
   * Writes a consistent copy of the database to `path` (a path the main process or the CLI chose);
   * an existing file only with `overwrite` (the save dialog asked).
   */
  backupTo(path: string, options?: { overwrite?: boolean }): Promise<{ path: string; size: number }>;
  /** A staged download (a backup for the browser): its name and bytes, handed over once. */
  takeDownload(
    fileId: string,
  ): Promise<{ name: string; size: number; stream: Readable; done(): Promise<void> }>;
  readonly dbPath: string;
  /** True when opening created the database file. */
  readonly dbCreated: boolean;
  close(): Promise<void>;
}
