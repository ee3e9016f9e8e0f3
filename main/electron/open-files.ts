/**
 * Files the user opened outside the page (menu, dock, "Open with", a second launch) are staged by
 * the main process, which alone reads paths, and handed to the page as StagedFiles.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
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
      if (!(await stat(file)).isFile()) throw new Error('不是文件');
      staged.push(await app.stagePath(file));
    } catch (error) {
      failed.push(`${path.basename(file)}：${describeFailure(error)}`);
    }
  }
  if (staged.length > 0) await deliverFiles(win, staged);
  if (failed.length > 0)
    await showMessage(win, { type: 'warning', message: '有文件无法打开', detail: failed.join('\n') });
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

function describeFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return '找不到文件 (file not found)';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限 (permission denied)';
  if (code === 'EBUSY') return '文件正被其他程序占用，请先在 Excel 中关闭它 (file is in use)';
  return messageOf(error);
}
