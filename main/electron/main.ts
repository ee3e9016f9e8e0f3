/**
 * The Electron main process: a thin shell around createApp. It opens the window, applies the
 * security defaults, forwards IPC, and is the only place that turns user-chosen paths into files.
 * Bundled by build-electron.mjs into out/electron/main.cjs.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app as electronApp, dialog, type BrowserWindow } from 'electron';
import type { HuikeApp } from '../api/app-types.js';
import { createApp } from '../api/create-app.js';
import { errorDialog, languageOfLocale } from '../api/errors.js';
import { chooseBackupTarget, pickOrderFiles } from './dialogs.js';
import { IPC } from './ipc-protocol.js';
import { registerIpc, sendToWindow } from './ipc.js';
import { installMenu } from './menu.js';
import { stageAndOpen } from './open-files.js';
import { filesFromArgv, resolveAppPaths } from './paths.js';
import { enableProcessSandbox, hardenAllWebContents, hardenDefaultSession } from './security.js';
import { createMainWindow } from './window.js';

let huike: HuikeApp | null = null;
let win: BrowserWindow | null = null;
/** Set once started; macOS may have closed the last window while the app keeps running. */
let openWindow: (() => void) | null = null;
/** Files named before the app was ready (macOS open-file, the first launch's command line). */
const pendingFiles: string[] = [];

const getWindow = () => (win && !win.isDestroyed() ? win : null);
const ensureWindow = () => {
  if (!getWindow()) openWindow?.();
  return getWindow();
};

function openFiles(files: readonly string[]): void {
  if (files.length === 0) return;
  if (!huike) {
    pendingFiles.push(...files);
    return;
  }
  void stageAndOpen(huike, ensureWindow(), files).catch(reportError);
}

function focusWindow(): void {
  const current = ensureWindow();
  if (!current) return;
  if (current.isMinimized()) current.restore();
  current.show();
  current.focus();
}

/** The language of native dialogs: the OS's (the window's setting lives in the database). */
const dialogLanguage = () => languageOfLocale(electronApp.getLocale());

function reportError(error: unknown): void {
  console.error('[huike]', error);
  const { title, message } = errorDialog(error, dialogLanguage());
  dialog.showErrorBox(title, message);
}

/** The database cannot be opened (not Huike's, a read-only folder …): its message names the file. */
function reportStartFailure(error: unknown): void {
  console.error('[huike]', error);
  const { title, message } = errorDialog(error, dialogLanguage(), 'app.cannotStart');
  dialog.showErrorBox(title, message);
  electronApp.exit(1);
}

async function start(): Promise<void> {
  const userDataPath = electronApp.getPath('userData');
  const paths = resolveAppPaths(userDataPath, process.env);
  const appRoot = electronApp.getAppPath();
  const indexHtmlPath = path.join(appRoot, 'out', 'renderer', 'index.html');
  const appPageUrl = pathToFileURL(indexHtmlPath).href;

  hardenDefaultSession(appPageUrl);

  try {
    huike = await createApp({
      dbPath: paths.dbPath,
      stageDir: paths.stageDir,
      appVersion: electronApp.getVersion(),
      pickFiles: () => pickOrderFiles(getWindow()),
      chooseBackupPath: () => chooseBackupTarget(getWindow(), electronApp.getPath('documents')),
    });
  } catch (error) {
    // A database that is not Huike's, a read-only folder, or better-sqlite3 built for Node rather
    // than Electron: each message names the file or the fix.
    reportStartFailure(error);
    return;
  }
  const running = huike;

  registerIpc({ app: running, appPageUrl, getWindow });
  running.onProgress((event) => sendToWindow(getWindow(), IPC.progress, event));
  installMenu({ app: running, getWindow, ensureWindow, userDataPath });

  const iconPath = path.join(appRoot, 'resources', 'icon.png');
  openWindow = () => {
    win = createMainWindow({
      preloadPath: path.join(appRoot, 'out', 'electron', 'preload.cjs'),
      indexHtmlPath,
      windowStateFile: paths.windowStateFile,
      ...(existsSync(iconPath) ? { iconPath } : {}),
    });
    win.on('closed', () => (win = null));
  };
  openWindow();

  // macOS keeps the app running without windows; clicking the dock icon opens one again.
  electronApp.on('activate', () => void ensureWindow());

  openFiles(pendingFiles.splice(0));
}

function main(): void {
  // A second launch (double-clicking an export while the app runs) hands its files to the first.
  if (!electronApp.requestSingleInstanceLock()) {
    electronApp.quit();
    return;
  }

  enableProcessSandbox();
  hardenAllWebContents();

  process.on('uncaughtException', reportError);
  process.on('unhandledRejection', reportError);

  pendingFiles.push(...filesFromArgv(process.argv.slice(1), process.cwd()));

  electronApp.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    openFiles(filesFromArgv(argv, workingDirectory));
  });

  // macOS: a file dropped on the dock icon or opened with the app; may arrive before 'ready'.
  electronApp.on('open-file', (event, file) => {
    event.preventDefault();
    openFiles([file]);
  });

  electronApp.on('window-all-closed', () => {
    if (process.platform !== 'darwin') electronApp.quit();
  });

  // Close the database cleanly (WAL checkpoint) before the process ends.
  let closed = false;
  let closing = false;
  electronApp.on('will-quit', (event) => {
    if (closed || !huike) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    huike
      .close()
      .catch((error: unknown) => console.error('[huike] closing the database failed', error))
      .finally(() => {
        closed = true;
        electronApp.quit();
      });
  });

  electronApp.whenReady().then(start).catch(reportStartFailure);
}

main();
