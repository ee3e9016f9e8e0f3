/**
 * Files waiting to be previewed and imported. The renderer only ever holds a fileId: paths come
 * from the main process's own dialog, the CLI's arguments, or bytes uploaded into stageDir.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { UserError } from '../domain/errors.js';

export interface StagedEntry {
  fileId: string;
  name: string;
  path: string;
  size: number;
  /** True when the stage made the copy and must delete it. */
  owned: boolean;
}

export function createFileStage(stageDir: string) {
  const entries = new Map<string, StagedEntry>();

  return {
    async stagePath(filePath: string): Promise<StagedEntry> {
      let info;
      const named = { params: { file: filePath }, file: filePath };
      try {
        info = await stat(filePath);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const denied = code === 'EACCES' || code === 'EPERM';
        throw new UserError({ code: denied ? 'file.unreadable' : 'file.notFound', ...named });
      }
      if (!info.isFile()) throw new UserError({ code: 'file.notAFile', ...named });
      const entry = {
        fileId: randomUUID(),
        name: path.basename(filePath),
        path: filePath,
        size: info.size,
        owned: false,
      };
      entries.set(entry.fileId, entry);
      return entry;
    },

    async stageBytes(name: string, chunks: AsyncIterable<Uint8Array>): Promise<StagedEntry> {
      await mkdir(stageDir, { recursive: true });
      const fileId = randomUUID();
      const safeName = path.basename(name).slice(0, 255) || 'upload';
      const target = path.join(stageDir, fileId);
      const out = createWriteStream(target);
      let size = 0;
      try {
        for await (const chunk of chunks) {
          size += chunk.byteLength;
          if (!out.write(chunk)) await once(out, 'drain');
        }
      } finally {
        out.end();
        await once(out, 'close');
      }
      const entry = { fileId, name: safeName, path: target, size, owned: true };
      entries.set(fileId, entry);
      return entry;
    },

    /**
     * A file this process wrote into stageDir for the user to take (a backup for the browser to
     * download): staged like an upload, deleted when taken or when the app closes.
     */
    async adopt(name: string, filePath: string): Promise<StagedEntry> {
      const info = await stat(filePath);
      const entry = { fileId: randomUUID(), name, path: filePath, size: info.size, owned: true };
      entries.set(entry.fileId, entry);
      return entry;
    },

    /**
     * Hands a file the stage made over as a download, once: its bytes as a stream, and `done`
     * to call when they are sent (the file is deleted then).
     */
    takeDownload(fileId: string) {
      const entry = entries.get(fileId);
      if (!entry?.owned) throw new UserError({ code: 'file.expired' });
      entries.delete(fileId);
      return {
        name: entry.name,
        size: entry.size,
        stream: createReadStream(entry.path),
        done: () => rm(entry.path, { force: true }),
      };
    },

    get(fileId: string): StagedEntry {
      const entry = entries.get(fileId);
      if (!entry) throw new UserError({ code: 'file.expired' });
      return entry;
    },

    async clear(): Promise<void> {
      for (const entry of entries.values()) if (entry.owned) await rm(entry.path, { force: true });
      entries.clear();
    },
  };
}

export type FileStage = ReturnType<typeof createFileStage>;
