/**
 * Files the user drops on the window arrive as bytes in chunks (never as paths): begin → chunk… →
 * end. Each upload feeds an async queue that `app.stageBytes` consumes while the chunks arrive, so a
 * large export is never held in memory whole. Free of Electron so it is unit-tested in Node.
 */
import { randomUUID } from 'node:crypto';
import type { StagedFile } from '../api/contract.js';
import { UserError } from '../api/errors.js';
import { MAX_CHUNK_BYTES, MAX_UPLOAD_NAME_LENGTH } from './ipc-protocol.js';

export interface UploadSink {
  stageBytes(name: string, chunks: AsyncIterable<Uint8Array>): Promise<StagedFile>;
}

export interface UploadLimits {
  /** Largest file accepted; order exports of a busy shop for a year stay far below it. */
  maxFileBytes: number;
  maxChunkBytes: number;
  /** Uploads open at once per window. */
  maxOpen: number;
  /** An upload with no chunk for this long is dropped (a crashed or reloaded page). */
  idleMs: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: 2 * 1024 * 1024 * 1024,
  maxChunkBytes: MAX_CHUNK_BYTES,
  maxOpen: 32,
  idleMs: 2 * 60 * 1000,
};

interface Pending {
  bytes: Uint8Array;
  taken: () => void;
  refused: (error: Error) => void;
}

/**
 * A single-consumer queue of chunks. `push` resolves when the consumer has taken the chunk, which
 * gives the renderer back-pressure: it sends the next chunk while the previous one is written.
 */
export class ChunkQueue implements AsyncIterable<Uint8Array> {
  private readonly items: Pending[] = [];
  private wake: (() => void) | null = null;
  private closed = false;
  private failure: Error | null = null;
  private consumerGone = false;
  private iterated = false;

  push(bytes: Uint8Array): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed || this.consumerGone) return Promise.reject(new Error('The upload is already finished.'));
    return new Promise<void>((taken, refused) => {
      this.items.push({ bytes, taken, refused });
      this.notify();
    });
  }

  /** No more chunks: the consumer sees the end of the stream once it took the queued ones. */
  close(): void {
    this.closed = true;
    this.notify();
  }

  /** Aborts: the consumer's next read throws (so it can delete a partial file), pushes are refused. */
  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.refuseQueued(error);
    this.notify();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    if (this.iterated) throw new Error('A ChunkQueue can be read only once.');
    this.iterated = true;
    try {
      for (;;) {
        if (this.failure) throw this.failure;
        const next = this.items.shift();
        if (next) {
          next.taken();
          yield next.bytes;
          continue;
        }
        if (this.closed) return;
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    } finally {
      // The consumer stopped (done, failed, or broke out of its loop): nobody will take more chunks.
      this.consumerGone = true;
      this.refuseQueued(this.failure ?? new Error('The upload is already finished.'));
    }
  }

  private refuseQueued(error: Error): void {
    for (const item of this.items.splice(0)) item.refused(error);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

interface Upload {
  name: string;
  size: number;
  received: number;
  queue: ChunkQueue;
  staged: Promise<StagedFile>;
  /** Set once staging failed, so later calls report the real cause. */
  error: Error | null;
  timer: ReturnType<typeof setTimeout> | null;
}

export interface UploadRegistryOptions {
  limits?: Partial<UploadLimits>;
  newId?: () => string;
}

/** The uploads of one window. Every method validates its (untrusted) arguments itself. */
export class UploadRegistry {
  private readonly uploads = new Map<string, Upload>();
  private readonly limits: UploadLimits;
  private readonly newId: () => string;

  constructor(
    private readonly sink: UploadSink,
    options: UploadRegistryOptions = {},
  ) {
    this.limits = { ...DEFAULT_UPLOAD_LIMITS, ...options.limits };
    this.newId = options.newId ?? randomUUID;
  }

  get openCount(): number {
    return this.uploads.size;
  }

  begin(name: unknown, size: unknown): string {
    if (typeof name !== 'string' || name.length === 0 || name.length > MAX_UPLOAD_NAME_LENGTH) {
      throw new TypeError(`upload name must be a string of 1 to ${MAX_UPLOAD_NAME_LENGTH} characters`);
    }
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
      throw new TypeError('upload size must be a non-negative integer');
    }
    if (size > this.limits.maxFileBytes) {
      throw new UserError({
        code: 'file.tooLarge',
        params: { file: name, size: mib(size), max: mib(this.limits.maxFileBytes) },
        file: name,
      });
    }
    if (this.uploads.size >= this.limits.maxOpen) {
      throw new UserError({ code: 'upload.tooMany', params: { max: this.limits.maxOpen } });
    }
    const id = this.newId();
    const queue = new ChunkQueue();
    const staged = this.sink.stageBytes(name, queue);
    const upload: Upload = { name, size, received: 0, queue, staged, error: null, timer: null };
    // Staging may fail before `end` is called (disk full, bad name): remember why, stop the queue,
    // and keep the rejection from going unhandled.
    staged.catch((error: unknown) => {
      upload.error = error instanceof Error ? error : new Error(String(error));
      queue.fail(upload.error);
    });
    this.uploads.set(id, upload);
    this.touch(id, upload);
    return id;
  }

  async chunk(uploadId: unknown, bytes: unknown): Promise<void> {
    const [id, upload] = this.get(uploadId);
    if (!(bytes instanceof Uint8Array)) throw new TypeError('upload chunk must be a Uint8Array');
    if (bytes.byteLength > this.limits.maxChunkBytes) {
      throw new TypeError(`upload chunk must be at most ${this.limits.maxChunkBytes} bytes`);
    }
    if (upload.error) throw this.drop(id, upload, upload.error);
    if (upload.received + bytes.byteLength > upload.size) {
      // The file changed on disk while it was being sent.
      throw this.drop(id, upload, incomplete(upload.name, 'more bytes arrived than announced'));
    }
    upload.received += bytes.byteLength;
    this.touch(id, upload);
    try {
      await upload.queue.push(bytes);
    } catch (error) {
      throw this.drop(id, upload, upload.error ?? asError(error));
    }
  }

  async end(uploadId: unknown): Promise<StagedFile> {
    const [id, upload] = this.get(uploadId);
    if (upload.received !== upload.size) {
      throw this.drop(
        id,
        upload,
        incomplete(upload.name, `upload incomplete (${upload.received} of ${upload.size} bytes)`),
      );
    }
    this.forget(id, upload);
    upload.queue.close();
    return upload.staged;
  }

  /** Drops every open upload, e.g. when the page reloads or the window closes. */
  abortAll(reason = 'The window was closed during the upload.'): void {
    for (const [id, upload] of [...this.uploads]) this.drop(id, upload, new Error(reason));
  }

  private get(uploadId: unknown): [string, Upload] {
    if (typeof uploadId !== 'string') throw new TypeError('uploadId must be a string');
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new Error('Unknown or expired upload.');
    return [uploadId, upload];
  }

  private drop(id: string, upload: Upload, error: Error): Error {
    this.forget(id, upload);
    upload.queue.fail(error);
    return error;
  }

  private forget(id: string, upload: Upload): void {
    if (upload.timer) clearTimeout(upload.timer);
    upload.timer = null;
    this.uploads.delete(id);
  }

  private touch(id: string, upload: Upload): void {
    if (upload.timer) clearTimeout(upload.timer);
    upload.timer = setTimeout(
      () => this.drop(id, upload, incomplete(upload.name, 'upload timed out')),
      this.limits.idleMs,
    );
    upload.timer.unref?.();
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function mib(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

/** The user is told to drop the file again; `why` stays with the error for the log. */
function incomplete(file: string, why: string): UserError {
  return new UserError({ code: 'file.uploadIncomplete', params: { file }, file }, { why });
}
