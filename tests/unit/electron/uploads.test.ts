import { describe, expect, it, vi } from 'vitest';
import type { StagedFile } from '../../../main/api/contract.js';
import { toErrorPayload } from '../../../main/api/errors.js';
import { ChunkQueue, UploadRegistry, type UploadSink } from '../../../main/electron/uploads.js';

/** A sink that reads the stream like app.stageBytes does, collecting the bytes. */
function collectingSink(options: { failAfter?: number } = {}) {
  const received = new Map<string, Uint8Array[]>();
  const errors: unknown[] = [];
  const sink: UploadSink = {
    async stageBytes(name, chunks): Promise<StagedFile> {
      const parts: Uint8Array[] = [];
      received.set(name, parts);
      try {
        for await (const chunk of chunks) {
          parts.push(chunk);
          if (options.failAfter !== undefined && parts.length >= options.failAfter)
            throw new Error('disk full');
        }
      } catch (error) {
        errors.push(error);
        throw error;
      }
      return { fileId: `f-${name}`, name, size: parts.reduce((n, p) => n + p.byteLength, 0) };
    },
  };
  return { sink, received, errors };
}

let counter = 0;
const newId = () => `u${++counter}`;
const bytes = (...values: number[]) => new Uint8Array(values);

describe('UploadRegistry', () => {
  it('streams the chunks, in order, into stageBytes', async () => {
    const { sink, received } = collectingSink();
    const uploads = new UploadRegistry(sink, { newId });
    const id = uploads.begin('淘宝订单.csv', 5);
    await uploads.chunk(id, bytes(1, 2));
    await uploads.chunk(id, bytes(3, 4, 5));
    await expect(uploads.end(id)).resolves.toEqual({
      fileId: 'f-淘宝订单.csv',
      name: '淘宝订单.csv',
      size: 5,
    });
    expect(received.get('淘宝订单.csv')).toEqual([bytes(1, 2), bytes(3, 4, 5)]);
    expect(uploads.openCount).toBe(0);
  });

  it('stages an empty file', async () => {
    const uploads = new UploadRegistry(collectingSink().sink, { newId });
    const id = uploads.begin('empty.csv', 0);
    await expect(uploads.end(id)).resolves.toMatchObject({ size: 0 });
  });

  it.each([
    ['a missing name', undefined, 1],
    ['an empty name', '', 1],
    ['a name of 256 characters', 'a'.repeat(256), 1],
    ['a name that is not a string', { toString: (): string => 'x.csv' }, 1],
    ['a negative size', 'a.csv', -1],
    ['a fractional size', 'a.csv', 1.5],
    ['a size given as a string', 'a.csv', '10'],
    ['an infinite size', 'a.csv', Infinity],
  ])('refuses to begin with %s', (_name, name, size) => {
    const uploads = new UploadRegistry(collectingSink().sink, { newId });
    expect(() => uploads.begin(name, size)).toThrow(TypeError);
    expect(uploads.openCount).toBe(0);
  });

  it('refuses a file over the size limit and too many open uploads as user errors', () => {
    const uploads = new UploadRegistry(collectingSink().sink, {
      newId,
      limits: { maxFileBytes: 100, maxOpen: 2 },
    });
    expect(toErrorPayload(catchError(() => uploads.begin('big.xlsx', 101)))).toMatchObject({
      kind: 'user',
      code: 'file.tooLarge',
      file: 'big.xlsx',
    });
    uploads.begin('a.csv', 1);
    uploads.begin('b.csv', 1);
    expect(toErrorPayload(catchError(() => uploads.begin('c.csv', 1)))).toMatchObject({
      kind: 'user',
      code: 'upload.tooMany',
      params: { max: 2 },
    });
    uploads.abortAll();
  });

  it('validates chunk and end arguments', async () => {
    const uploads = new UploadRegistry(collectingSink().sink, { newId, limits: { maxChunkBytes: 4 } });
    const id = uploads.begin('a.csv', 10);
    await expect(uploads.chunk(42, bytes(1))).rejects.toThrow(TypeError);
    await expect(uploads.chunk('nope', bytes(1))).rejects.toThrow('Unknown or expired upload');
    await expect(uploads.chunk(id, [1, 2])).rejects.toThrow(TypeError);
    await expect(uploads.chunk(id, 'abc')).rejects.toThrow(TypeError);
    await expect(uploads.chunk(id, bytes(1, 2, 3, 4, 5))).rejects.toThrow('at most 4 bytes');
    await expect(uploads.end({})).rejects.toThrow(TypeError);
    // Bad arguments are refused without spoiling the upload.
    await uploads.chunk(id, Buffer.from([1, 2, 3, 4]));
    expect(uploads.openCount).toBe(1);
    uploads.abortAll();
  });

  it('drops an upload that sends more bytes than announced', async () => {
    const { sink, errors } = collectingSink();
    const uploads = new UploadRegistry(sink, { newId });
    const id = uploads.begin('a.csv', 3);
    await uploads.chunk(id, bytes(1, 2));
    await expect(uploads.chunk(id, bytes(3, 4))).rejects.toMatchObject({
      code: 'file.uploadIncomplete',
      details: { why: 'more bytes arrived than announced' },
    });
    await expect(uploads.end(id)).rejects.toThrow('Unknown or expired upload');
    await vi.waitFor(() => expect(errors).toHaveLength(1));
  });

  it('drops an upload that ends early, and stageBytes sees the stream fail', async () => {
    const { sink, errors } = collectingSink();
    const uploads = new UploadRegistry(sink, { newId });
    const id = uploads.begin('a.csv', 3);
    await uploads.chunk(id, bytes(1, 2));
    await expect(uploads.end(id)).rejects.toMatchObject({
      code: 'file.uploadIncomplete',
      details: { why: 'upload incomplete (2 of 3 bytes)' },
    });
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(uploads.openCount).toBe(0);
  });

  it('reports the staging error to the next chunk and forgets the upload', async () => {
    const uploads = new UploadRegistry(collectingSink({ failAfter: 1 }).sink, { newId });
    const id = uploads.begin('a.csv', 3);
    await uploads.chunk(id, bytes(1));
    await vi.waitFor(async () => {
      await expect(uploads.chunk(id, bytes(2))).rejects.toThrow(/disk full|Unknown or expired/);
    });
    expect(uploads.openCount).toBe(0);
  });

  it('passes a user error from stageBytes through end', async () => {
    const { UserError } = await import('../../../main/api/errors.js');
    const uploads = new UploadRegistry(
      {
        async stageBytes(_name, chunks) {
          for await (const _ of chunks) {
            // read everything
          }
          throw new UserError({ code: 'file.binary', params: { file: 'a.pdf' }, file: 'a.pdf' });
        },
      },
      { newId },
    );
    const id = uploads.begin('a.pdf', 1);
    await uploads.chunk(id, bytes(1));
    const error = await uploads.end(id).catch((e: unknown) => e);
    expect(toErrorPayload(error)).toMatchObject({
      kind: 'user',
      code: 'file.binary',
      params: { file: 'a.pdf' },
      file: 'a.pdf',
    });
  });

  it('abortAll fails every open upload so partial files are removed', async () => {
    const { sink, errors } = collectingSink();
    const uploads = new UploadRegistry(sink, { newId });
    const a = uploads.begin('a.csv', 10);
    uploads.begin('b.csv', 10);
    await uploads.chunk(a, bytes(1));
    uploads.abortAll('The page reloaded during the upload.');
    expect(uploads.openCount).toBe(0);
    await vi.waitFor(() => expect(errors).toHaveLength(2));
    expect(String(errors[0])).toContain('reloaded');
    await expect(uploads.chunk(a, bytes(2))).rejects.toThrow('Unknown or expired upload');
  });

  it('drops an upload that goes quiet', async () => {
    vi.useFakeTimers();
    try {
      const { sink, errors } = collectingSink();
      const uploads = new UploadRegistry(sink, { newId, limits: { idleMs: 1000 } });
      const id = uploads.begin('a.csv', 10);
      vi.advanceTimersByTime(900);
      const pending = uploads.chunk(id, bytes(1));
      vi.advanceTimersByTime(900);
      await pending;
      expect(uploads.openCount).toBe(1);
      vi.advanceTimersByTime(200);
      expect(uploads.openCount).toBe(0);
      await vi.waitFor(() => expect(errors[0]).toMatchObject({ details: { why: 'upload timed out' } }));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('ChunkQueue', () => {
  it('resolves a push only when the consumer takes the chunk (back-pressure)', async () => {
    const queue = new ChunkQueue();
    let taken = false;
    const push = queue.push(bytes(1)).then(() => (taken = true));
    await Promise.resolve();
    expect(taken).toBe(false);
    const iterator = queue[Symbol.asyncIterator]();
    await expect(iterator.next()).resolves.toEqual({ done: false, value: bytes(1) });
    await push;
    expect(taken).toBe(true);
    queue.close();
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it('refuses pushes once the consumer stopped reading', async () => {
    const queue = new ChunkQueue();
    const first = queue.push(bytes(1));
    const second = queue.push(bytes(2));
    for await (const _ of queue) break;
    await first;
    await expect(second).rejects.toThrow('already finished');
    await expect(queue.push(bytes(3))).rejects.toThrow('already finished');
  });

  it('can be read once only', async () => {
    const queue = new ChunkQueue();
    queue.close();
    for await (const _ of queue) {
      // empty
    }
    await expect(queue[Symbol.asyncIterator]().next()).rejects.toThrow('read only once');
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
