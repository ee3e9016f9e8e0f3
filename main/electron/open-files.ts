/**
 * Files the user opened outside the page (menu, dock, "Open with", a second launch) are staged by
 * the main process, which alone reads paths, and handed to the page as StagedFiles.
 */
import { app as electronApp, type BrowserWindow } from 'electron';
import { languageOfLocale } from '../api/errors.js';
import { formatMessage } from '../shared/messages/index.js';
import type { HuikeApp } from '../api/app-types.js';
import type { StagedFile } from '../api/contract.js';
import { messageOf, showMessage } from './dialogs.js';
import { IPC } from './ipc-protocol.js';
import { sendToWindow } from './ipc.js';

export async function stageAndOpen(
  app: HuikeApp,
  win: BrowserWindow | null,
  files: readonly string[],
): Promise<void> {
  if (files.length === 0) return;
  const staged: StagedFile[] = [];
  const failed: string[] = [];
  for (const file of files) {
    try {
      // Names the file and why (not found, a folder, no permission) in a coded message.
      staged.push(await app.stagePath(file));
    } catch (error) {
      failed.push(messageOf(error));
    }
  }
  if (staged.length > 0) await deliverFiles(win, staged);
  if (failed.length > 0) {
    const title = formatMessage('app.filesNotOpened', {}, languageOfLocale(electronApp.getLocale()));
    await showMessage(win, { type: 'warning', message: title, detail: failed.join('\n') });
  }
}

/** Sends once the page has loaded; the preload keeps them until the page subscribes. */
export async function deliverFiles(win: BrowserWindow | null, files: StagedFile[]): Promise<void> {
  if (!win || win.isDestroyed()) return;
  const contents = win.webContents;
  if (contents.isLoadingMainFrame() || contents.getURL() === '') {
    await new Promise<void>((resolve) => {
      const done = () => {
        contents.off('did-finish-load', done);
        contents.off('did-fail-load', done);
        resolve();
      };
      contents.on('did-finish-load', done);
      contents.on('did-fail-load', done);
    });
  }
  if (win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.focus();
  sendToWindow(win, IPC.filesOpened, files);
}
