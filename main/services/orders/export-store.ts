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
  /** The file in the pieces it was written in, and where each piece starts. */
  parts: Buffer[];
  starts: number[];
  size: number;
  touched: number;
}

function hold(parts: Buffer[], touched: number): Held {
  const starts: number[] = [];
  let size = 0;
  for (const p of parts) {
    starts.push(size);
    size += p.length;
  }
  return { parts, starts, size, touched };
}

/** Bytes [from, to) of a held file, joined from the pieces they lie in. */
function slice(held: Held, from: number, to: number): Buffer {
  const out: Buffer[] = [];
  // The last piece starting at or before `from` (binary search: a big export has thousands).
  let lo = 0;
  let hi = held.parts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (held.starts[mid]! <= from) lo = mid;
    else hi = mid - 1;
  }
  for (let i = lo; i < held.parts.length && held.starts[i]! < to; i++) {
    const start = held.starts[i]!;
    out.push(held.parts[i]!.subarray(Math.max(0, from - start), Math.min(held.parts[i]!.length, to - start)));
  }
  return Buffer.concat(out);
}

export function createExportStore(clock: () => number = Date.now) {
  const files = new Map<string, Held>();
  const sweep = () => {
    const now = clock();
    for (const [id, f] of files) if (now - f.touched > UNREAD_TTL_MS) files.delete(id);
    while (files.size > MAX_FILES) files.delete(files.keys().next().value!);
  };
  return {
    /** Holds a file (its bytes in pieces); returns its id. */
    put(parts: Buffer[]): string {
      const id = randomUUID();
      files.set(id, hold(parts, clock()));
      sweep();
      return id;
    },
    read(id: string, offset: number): { offset: number; base64: string; done: boolean } {
      sweep();
      const held = files.get(id);
      if (!held) throw new UserError({ code: 'orders.exportGone' });
      held.touched = clock();
      const end = Math.min(offset + EXPORT_CHUNK_BYTES, held.size);
      const done = end >= held.size;
      const base64 = slice(held, offset, end).toString('base64');
      if (done) files.delete(id);
      return { offset, base64, done };
    },
    get size(): number {
      return files.size;
    },
  };
}
export type ExportStore = ReturnType<typeof createExportStore>;
