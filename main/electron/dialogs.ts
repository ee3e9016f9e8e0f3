/**
 * Native dialogs, attached to the window when there is one (sheets on macOS, modal on Windows).
 */
import {
  app,
  dialog,
  type BrowserWindow,
  type MessageBoxOptions,
  type MessageBoxReturnValue,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import path from 'node:path';
import { errorText, languageOfLocale } from '../api/errors.js';
import { backupFileName, OPEN_DIALOG_FILTERS } from './paths.js';

type Win = BrowserWindow | null;

const live = (win: Win): BrowserWindow | null => (win && !win.isDestroyed() ? win : null);

export function showMessage(win: Win, options: MessageBoxOptions): Promise<MessageBoxReturnValue> {
  const parent = live(win);
  return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
}

export async function showOpen(win: Win, options: OpenDialogOptions): Promise<string[]> {
  const parent = live(win);
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

export async function showSave(win: Win, options: SaveDialogOptions): Promise<string | null> {
  const parent = live(win);
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** The `pickFiles` port of createApp: order exports, several at once. */
export function pickOrderFiles(win: Win): Promise<string[]> {
  return showOpen(win, {
    title: '选择订单导出文件',
    buttonLabel: '导入',
    properties: ['openFile', 'multiSelections'],
    filters: OPEN_DIALOG_FILTERS,
  });
}

/** The `chooseBackupPath` port of createApp, and the menu's 备份…: the dialog asks before replacing. */
export function chooseBackupTarget(win: Win, documentsDir: string): Promise<string | null> {
  return showSave(win, {
    title: '备份数据',
    defaultPath: path.join(documentsDir, backupFileName(new Date())),
    filters: [{ name: '汇客备份 (SQLite)', extensions: ['db'] }],
  });
}

/** An error in words for a native dialog, in the OS's language (the window's is in the database). */
export function messageOf(error: unknown): string {
  return errorText(error, languageOfLocale(app.getLocale()));
}
