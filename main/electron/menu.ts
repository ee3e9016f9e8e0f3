/**
 * The native menu's actions. The template itself is data (menu-template.ts).
 */
import { app as electronApp, Menu, shell, type BrowserWindow } from 'electron';
import type { HuikeApp } from '../api/app-types.js';
import { chooseBackupTarget, messageOf, showMessage } from './dialogs.js';
import { IPC } from './ipc-protocol.js';
import { sendToWindow } from './ipc.js';
import { buildMenuTemplate } from './menu-template.js';
import { deliverFiles } from './open-files.js';
import { samePath } from './paths.js';

export interface MenuDeps {
  app: HuikeApp;
  getWindow(): BrowserWindow | null;
  /** The window, opened again first if macOS left the app running without one. */
  ensureWindow(): BrowserWindow | null;
  userDataPath: string;
}

export const APP_NAME = '汇客';

export function installMenu({ app, getWindow, ensureWindow, userDataPath }: MenuDeps): void {
  const importFiles = async () => {
    const files = await app.invoke('files.pick', {});
    if (files.length > 0) await deliverFiles(ensureWindow(), files);
  };

  const backup = async () => {
    const win = getWindow();
    const target = await chooseBackupTarget(win, electronApp.getPath('documents'));
    if (!target) return;
    if (samePath(target, app.dbPath)) throw new Error('不能把备份保存到正在使用的数据文件上，请换一个位置。');
    await app.backupTo(target, { overwrite: true });
    await showMessage(win, { type: 'info', message: '备份完成', detail: target });
  };

  const about = async () => {
    const v = process.versions;
    await showMessage(getWindow(), {
      type: 'info',
      title: `关于${APP_NAME}`,
      message: '汇客 Huike',
      detail: [
        `版本 ${electronApp.getVersion()}`,
        `数据文件：${app.dbPath}`,
        `Electron ${v.electron} · Chromium ${v.chrome} · Node ${v.node}`,
      ].join('\n'),
    });
  };

  const openDataFolder = async () => {
    const failure = await shell.openPath(userDataPath);
    if (failure) throw new Error(failure);
  };

  // Menu clicks have nobody to report to: failures become a message box.
  const run = (title: string, action: () => Promise<void>) => () => {
    void action().catch((error: unknown) =>
      showMessage(getWindow(), { type: 'error', message: title, detail: messageOf(error) }),
    );
  };

  const template = buildMenuTemplate({
    platform: process.platform,
    isPackaged: electronApp.isPackaged,
    appName: APP_NAME,
    actions: {
      importFiles: run('导入失败', importFiles),
      backup: run('备份失败', backup),
      about: run('出错了', about),
      openDataFolder: run('无法打开数据文件夹', openDataFolder),
      navigate: (command) => sendToWindow(ensureWindow(), IPC.menu, command),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
