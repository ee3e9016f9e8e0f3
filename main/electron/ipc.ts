/**
 * The IPC front door: every message is checked for its sender (our window, our page, its main
 * frame) and its arguments before it reaches the app; the app validates channel inputs with zod.
 * Handlers never throw: Electron would reduce the error to a string, so they return an IpcResult.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  app as electronApp,
  ipcMain,
  type BrowserWindow,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import type { HuikeApp } from '../api/app-types.js';
import { toErrorPayload } from '../api/errors.js';
import { showSave } from './dialogs.js';
import { IPC, type IpcResult } from './ipc-protocol.js';
import { isAppPageUrl, isChannel } from './ipc-validation.js';
import { UploadRegistry } from './uploads.js';

export interface IpcOptions {
  app: HuikeApp;
  /** file:// URL of out/renderer/index.html */
  appPageUrl: string;
  getWindow(): BrowserWindow | null;
}

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** Registers the handlers; returns a function that removes them. */
export function registerIpc({ app, appPageUrl, getWindow }: IpcOptions): () => void {
  const registries = new WeakMap<WebContents, UploadRegistry>();

  const uploadsOf = (contents: WebContents): UploadRegistry => {
    let registry = registries.get(contents);
    if (!registry) {
      const created = new UploadRegistry(app);
      registry = created;
      registries.set(contents, created);
      // A reload or a crash leaves uploads nobody will finish: drop them and their partial files.
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument)
          created.abortAll('The page reloaded during the upload.');
      });
      contents.on('render-process-gone', () => created.abortAll('The page crashed during the upload.'));
      contents.once('destroyed', () => created.abortAll());
    }
    return registry;
  };

  const isTrustedSender = (event: IpcMainInvokeEvent): boolean => {
    const win = getWindow();
    const frame = event.senderFrame;
    return (
      win !== null &&
      !win.isDestroyed() &&
      event.sender === win.webContents &&
      frame !== null &&
      frame.parent === null &&
      isAppPageUrl(frame.url, appPageUrl)
    );
  };

  const handle = (channel: string, handler: Handler) => {
    ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event)) {
        console.warn(`[huike] refused ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return {
          ok: false,
          error: toErrorPayload(new Error('Refused: the request did not come from the Huike window.')),
        };
      }
      try {
        return { ok: true, result: await handler(event, ...args) };
      } catch (error) {
        return { ok: false, error: toErrorPayload(error) };
      }
    });
  };

  handle(IPC.call, (_event, channel, input) => {
    if (!isChannel(channel)) throw new Error(`Unknown channel: ${String(channel).slice(0, 100)}`);
    return app.invoke(channel, input);
  });
  handle(IPC.uploadBegin, (event, name, size) => uploadsOf(event.sender).begin(name, size));
  handle(IPC.uploadChunk, async (event, uploadId, bytes) => {
    await uploadsOf(event.sender).chunk(uploadId, bytes);
    return null;
  });
  handle(IPC.uploadEnd, (event, uploadId) => uploadsOf(event.sender).end(uploadId));
  // 保存为 PDF on the VIP print preview: the page as laid out for paper (its @page size and
  // margins), written where the owner chooses.
  handle(IPC.printToPdf, async (event, fileName, landscape) => {
    const base = typeof fileName === 'string' ? path.basename(fileName).slice(0, 200) : '';
    const name = base ? (base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`) : 'huike.pdf';
    const target = await showSave(getWindow(), {
      defaultPath: path.join(electronApp.getPath('documents'), name),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (!target) return null;
    const pdf = await event.sender.printToPDF({
      pageSize: 'A4',
      landscape: landscape === true,
      printBackground: true,
      preferCSSPageSize: true,
    });
    await writeFile(target, pdf);
    return target;
  });

  return () => {
    for (const channel of [IPC.call, IPC.uploadBegin, IPC.uploadChunk, IPC.uploadEnd, IPC.printToPdf])
      ipcMain.removeHandler(channel);
  };
}

/** Sends to the window's page if it is still there (the window may close while work finishes). */
export function sendToWindow(win: BrowserWindow | null, channel: string, payload: unknown): void {
  if (win && !win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(channel, payload);
}
