/**
 * The one window. Its webPreferences are the security defaults of the architecture; its bounds are
 * remembered in userData/window-state.json.
 */
import { BrowserWindow, screen } from 'electron';
import {
  clampWindowState,
  debounce,
  readWindowState,
  writeWindowState,
  type SizeLimits,
  type WindowState,
} from './window-state.js';

export const WINDOW_TITLE = '汇客 Huike';

const SIZE: SizeLimits = { defaultWidth: 1280, defaultHeight: 820, minWidth: 1024, minHeight: 640 };

export interface MainWindowOptions {
  preloadPath: string;
  indexHtmlPath: string;
  windowStateFile: string;
  iconPath?: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  const state = clampWindowState(readWindowState(options.windowStateFile), workAreas, SIZE);

  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: SIZE.minWidth,
    minHeight: SIZE.minHeight,
    title: WINDOW_TITLE,
    show: false,
    backgroundColor: '#ffffff',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  });

  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  // The page's <title> would replace ours; the window keeps the product name.
  win.on('page-title-updated', (event) => event.preventDefault());

  trackWindowState(win, options.windowStateFile);
  void win.loadFile(options.indexHtmlPath);
  return win;
}

function trackWindowState(win: BrowserWindow, file: string): void {
  const current = (): WindowState => ({
    // The normal bounds, so un-maximizing after a restart returns to the size the user chose.
    bounds: win.getNormalBounds(),
    maximized: win.isMaximized(),
  });
  const save = debounce(() => {
    if (!win.isDestroyed() && !win.isMinimized() && !win.isFullScreen()) writeWindowState(file, current());
  }, 500);
  win.on('resize', save);
  win.on('move', save);
  win.on('maximize', save);
  win.on('unmaximize', save);
  win.on('close', () => {
    save.cancel();
    if (!win.isMinimized() && !win.isFullScreen()) writeWindowState(file, current());
  });
}
