/**
 * Finished exports waiting to be fetched by the screen, chunk by chunk. A file is dropped once its
 * last chunk is read, or after a while unread (a closed window, a reload); at most a few are kept.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../../domain/errors.js';

/** Base64 of 3 MiB is 4 MiB: comfortable for an IPC message or an HTTP response. */
export const EXPORT_CHUNK_BYTES = 3 * 1024 * 1024;
const UNREAD_TTL_MS = 10 * 60_000;
const MAX_FILES = 4;

interface Held {
  bytes: Buffer;
  touched: number;
}

export function createExportStore(clock: () => number = Date.now) {
  const files = new Map<string, Held>();
  const sweep = () => {
    const now = clock();
    for (const [id, f] of files) if (now - f.touched > UNREAD_TTL_MS) files.delete(id);
    while (files.size > MAX_FILES) files.delete(files.keys().next().value!);
  };
  return {
    put(bytes: Buffer): string {
      const id = randomUUID();
      files.set(id, { bytes, touched: clock() });
      sweep();
      return id;
    },
    read(id: string, offset: number): { offset: number; base64: string; done: boolean } {
      sweep();
      const held = files.get(id);
      if (!held) throw new UserError({ code: 'orders.exportGone' });
      held.touched = clock();
      const end = Math.min(offset + EXPORT_CHUNK_BYTES, held.bytes.length);
      const done = end >= held.bytes.length;
      const base64 = held.bytes.subarray(offset, end).toString('base64');
      if (done) files.delete(id);
      return { offset, base64, done };
    },
    get size(): number {
      return files.size;
    },
  };
}
export type ExportStore = ReturnType<typeof createExportStore>;
