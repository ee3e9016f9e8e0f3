// The REAL bundled main process (out/electron/main.cjs) loaded in Node with a stand-in for the
// `electron` module. The Electron binary cannot run here, so this is how we check that the shipped
// bundle wires everything together: window security, session hardening, IPC, uploads, the menu and
// a clean database close on quit. The database is the real one (better-sqlite3 built for Node), in a
// temporary userData folder.
//
// main.cjs runs main() when it is required and keeps module-level state, so it is loaded ONCE for the
// whole file and the tests below share that one running app. They run in order; the quit test closes
// the database and must stay last.
import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StagedFile } from '../../../main/api/contract.js';
import { IPC } from '../../../main/electron/ipc-protocol.js';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const mainBundle = path.join(repoRoot, 'out', 'electron', 'main.cjs');
/** What main.ts loads into the window, and therefore the only page IPC may come from. */
const appPageUrl = pathToFileURL(path.join(repoRoot, 'out', 'renderer', 'index.html')).href;

// ---------------------------------------------------------------------------------------------
// The stand-in for `electron`: only the APIs main/electron/*.ts call, each one recording what the
// app did with it.

type IpcHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string },
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  origin: string,
  details: { requestingUrl?: string },
) => boolean;
type HeadersReceivedListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;
type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

/** An Electron event: the app under test may call preventDefault on it. */
const electronEvent = (fields: Record<string, unknown> = {}) => ({ preventDefault: vi.fn(), ...fields });

function createElectronStub(userData: string) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getPath: (name: string) => (name === 'userData' ? userData : path.join(userData, name)),
    getAppPath: () => repoRoot,
    getVersion: () => '0.0.0-test',
    requestSingleInstanceLock: vi.fn(() => true),
    enableSandbox: vi.fn(),
    whenReady: () => Promise.resolve(),
    quit: vi.fn(),
    exit: vi.fn(),
  });

  let nextId = 1;
  class FakeWebContents extends EventEmitter {
    readonly id = nextId++;
    readonly mainFrame = { url: '', parent: null };
    readonly send = vi.fn<(channel: string, payload: unknown) => void>();
    windowOpenHandler: WindowOpenHandler | null = null;
    setWindowOpenHandler(handler: WindowOpenHandler) {
      this.windowOpenHandler = handler;
    }
    isDestroyed = () => false;
    isLoadingMainFrame = () => false;
    getURL = () => this.mainFrame.url;
  }

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    readonly loadFile = vi.fn(async (file: string) => {
      this.webContents.mainFrame.url = pathToFileURL(file).href;
    });
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      windows.push(this);
      // Electron announces every new web contents on the app; security.ts hardens them there.
      app.emit('web-contents-created', electronEvent(), this.webContents);
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    isMaximized = () => false;
    isFullScreen = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 820 });
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    maximize = vi.fn();
  }

  const captured = {
    permissionRequest: null as PermissionRequestHandler | null,
    permissionCheck: null as PermissionCheckHandler | null,
    headersReceived: null as HeadersReceivedListener | null,
    menuTemplate: null as MenuItemConstructorOptions[] | null,
  };
  const defaultSession = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: (handler: PermissionRequestHandler) =>
      (captured.permissionRequest = handler),
    setPermissionCheckHandler: (handler: PermissionCheckHandler) => (captured.permissionCheck = handler),
    setDevicePermissionHandler: vi.fn(),
    webRequest: {
      onHeadersReceived: (listener: HeadersReceivedListener) => (captured.headersReceived = listener),
    },
  });

  const ipcHandlers = new Map<string, IpcHandler>();
  const workArea = { x: 0, y: 0, width: 1920, height: 1080 };

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: IpcHandler) => ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
      setApplicationMenu: (menu: MenuItemConstructorOptions[]) => (captured.menuTemplate = menu),
    },
    session: { defaultSession },
    // Every dialog is cancelled by the "user".
    dialog: {
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] })),
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
      showErrorBox: vi.fn((_title: string, _content: string) => {}),
    },
    screen: {
      getPrimaryDisplay: () => ({ workArea }),
      getAllDisplays: () => [{ workArea }],
    },
    shell: {
      openExternal: vi.fn(async (_url: string) => {}),
      openPath: vi.fn(async (_path: string) => ''),
    },
  };
  return { module, app, windows, ipcHandlers, captured };
}

type ElectronStub = ReturnType<typeof createElectronStub>;

/**
 * `npm test` builds main.cjs first; a bare `vitest run` may find none, or one older than the sources
 * (testing yesterday's bundle would be worse than no test). The source map lists the project files
 * the bundle was built from.
 */
function bundleIsStale(): boolean {
  if (!existsSync(mainBundle) || !existsSync(`${mainBundle}.map`)) return true;
  const builtAt = statSync(mainBundle).mtimeMs;
  const { sources } = JSON.parse(readFileSync(`${mainBundle}.map`, 'utf8')) as { sources: string[] };
  return sources
    .filter((source) => !source.includes('node_modules'))
    .map((source) => path.resolve(path.dirname(mainBundle), source))
    .some((file) => existsSync(file) && statSync(file).mtimeMs > builtAt);
}

/** Node's CommonJS loader; `_load` is internal but stable, and the one hook every require goes through. */
interface ModuleLoader {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
}

/** Requires main.cjs with `require('electron')` answered by the stub (and only for that require). */
function loadMainBundle(electron: unknown): void {
  const loader = require('node:module') as ModuleLoader;
  const originalLoad = loader._load;
  // main() reads files to open from the command line; vitest's own arguments are none of its business.
  const originalArgv = process.argv;
  loader._load = function (this: unknown, request, parent, isMain) {
    return request === 'electron' ? electron : originalLoad.call(this, request, parent, isMain);
  };
  process.argv = [process.execPath, mainBundle];
  try {
    delete require.cache[mainBundle];
    require(mainBundle);
  } finally {
    loader._load = originalLoad;
    process.argv = originalArgv;
  }
}

// ---------------------------------------------------------------------------------------------

let userData: string;
let stub: ElectronStub;
let databaseClosed = false;
/** The upload test's staged copy (userData/staging/<fileId>); closing the app deletes it. */
let stagedCopy: string | null = null;
const savedHuikeDb = process.env.HUIKE_DB;
const processListenersBefore = {
  uncaught: process.listeners('uncaughtException'),
  unhandled: process.listeners('unhandledRejection'),
};

const mainWindow = () => {
  const win = stub.windows[0];
  if (!win) throw new Error('the app created no window');
  return win;
};
/** An IPC event as Electron builds it: which web contents sent it, and from which frame. */
const ipcEvent = (frameUrl = appPageUrl) => ({
  sender: mainWindow().webContents,
  senderFrame: { url: frameUrl, parent: null },
});
const invoke = (channel: string, event: unknown, ...args: unknown[]) => {
  const handler = stub.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no IPC handler for ${channel}`);
  return handler(event, ...args);
};
const call = (apiChannel: string, input: unknown) => invoke(IPC.call, ipcEvent(), apiChannel, input);

beforeAll(async () => {
  if (bundleIsStale()) {
    execFileSync(process.execPath, ['build-electron.mjs'], { cwd: repoRoot, stdio: 'pipe' });
  }
  userData = mkdtempSync(path.join(os.tmpdir(), 'huike-main-bundle-'));
  // The database must go to the temp userData, not wherever a developer's HUIKE_DB points.
  delete process.env.HUIKE_DB;
  stub = createElectronStub(userData);
  loadMainBundle(stub.module);
  await waitForWindow();
});

/**
 * start() runs after whenReady() and opens the database first: the window is its last step. Fails
 * fast, with the error box's text, when the app gave up instead (e.g. better-sqlite3 built for
 * Electron rather than Node: `npm run rebuild:node`).
 */
async function waitForWindow(): Promise<void> {
  const deadline = Date.now() + 8_000;
  while (stub.windows.length === 0) {
    if (stub.app.quit.mock.calls.length > 0 || stub.app.exit.mock.calls.length > 0) {
      const errors = stub.module.dialog.showErrorBox.mock.calls.map((args) => args.join(': '));
      throw new Error(`main.cjs quit before opening its window. ${errors.join('\n')}`);
    }
    if (Date.now() > deadline) throw new Error('main.cjs opened no window within 8 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

afterAll(async () => {
  try {
    // A window means start() got past createApp, so there is a database to close.
    if (stub && stub.windows.length > 0 && !databaseClosed) {
      // The quit test did not get to close the database: do it so the temp folder can go.
      const quits = stub.app.quit.mock.calls.length;
      stub.app.emit('will-quit', electronEvent());
      await vi.waitFor(() => expect(stub.app.quit.mock.calls.length).toBeGreaterThan(quits), {
        timeout: 5_000,
      });
    }
  } finally {
    // main() installed process-wide error handlers that show a dialog: not wanted in the test runner.
    const added = <T>(before: T[], now: T[]) => now.filter((listener) => !before.includes(listener));
    for (const listener of added(processListenersBefore.uncaught, process.listeners('uncaughtException')))
      process.removeListener('uncaughtException', listener);
    for (const listener of added(processListenersBefore.unhandled, process.listeners('unhandledRejection')))
      process.removeListener('unhandledRejection', listener);
    if (savedHuikeDb === undefined) delete process.env.HUIKE_DB;
    else process.env.HUIKE_DB = savedHuikeDb;
    if (userData) rmSync(userData, { recursive: true, force: true });
  }
});

describe('the bundled Electron main process (out/electron/main.cjs)', () => {
  it('starts: single-instance lock, process sandbox, and no start-up error', () => {
    expect(stub.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(stub.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(stub.module.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(stub.app.exit).not.toHaveBeenCalled();
    expect(stub.app.quit).not.toHaveBeenCalled();
    expect(stub.windows).toHaveLength(1);
  });

  it('opens one window with the secure webPreferences, loading the local page', () => {
    const { options, loadFile } = mainWindow();
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.webPreferences?.preload).toBe(path.join(repoRoot, 'out', 'electron', 'preload.cjs'));
    expect(loadFile).toHaveBeenCalledWith(fileURLToPath(appPageUrl));
    // The default size fits the 1920x1080 work area the stub's screen reports.
    expect(options).toMatchObject({ width: 1280, height: 820, minWidth: 1024, minHeight: 640, show: false });
  });

  it('denies permission requests and checks (except clipboard writes from the app page)', () => {
    const request = stub.captured.permissionRequest;
    const check = stub.captured.permissionCheck;
    expect(request).toBeTypeOf('function');
    expect(check).toBeTypeOf('function');

    for (const permission of ['camera', 'notifications', 'media', 'clipboard-read']) {
      const callback = vi.fn();
      request!(mainWindow().webContents, permission, callback, { requestingUrl: appPageUrl });
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
    }
    expect(check!(mainWindow().webContents, 'geolocation', 'file://', { requestingUrl: appPageUrl })).toBe(
      false,
    );

    // The one exception, so the denials above are the policy and not a handler that says no to all.
    const allowed = vi.fn();
    request!(mainWindow().webContents, 'clipboard-sanitized-write', allowed, { requestingUrl: appPageUrl });
    expect(allowed).toHaveBeenCalledWith(true);
    const elsewhere = vi.fn();
    request!(null, 'clipboard-sanitized-write', elsewhere, { requestingUrl: 'https://evil.example/' });
    expect(elsewhere).toHaveBeenCalledWith(false);
  });

  it('puts its Content-Security-Policy on responses, replacing any the response carried', () => {
    const listener = stub.captured.headersReceived;
    expect(listener).toBeTypeOf('function');
    const callback = vi.fn();
    listener!(
      {
        url: appPageUrl,
        responseHeaders: { 'Content-Type': ['text/html'], 'content-security-policy': ['default-src *'] },
      },
      callback,
    );
    expect(callback).toHaveBeenCalledTimes(1);
    const headers = (callback.mock.calls[0]![0] as { responseHeaders: Record<string, string[]> })
      .responseHeaders;
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Security-Policy']).toHaveLength(1);
    expect(headers['Content-Security-Policy']![0]).toContain("default-src 'self'");
    expect(headers['Content-Security-Policy']![0]).toContain("object-src 'none'");
  });

  it('denies new windows (web links go to the browser) and prevents navigation', () => {
    const contents = mainWindow().webContents;
    const openHandler = contents.windowOpenHandler;
    expect(openHandler).toBeTypeOf('function');

    expect(openHandler!({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    expect(stub.module.shell.openExternal).toHaveBeenCalledWith('https://example.com/help');
    // Anything but a web link is neither opened in the app nor handed to the OS.
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(stub.module.shell.openExternal).toHaveBeenCalledTimes(1);

    const navigate = electronEvent({ url: 'file:///home/me/orders.csv' });
    contents.emit('will-navigate', navigate);
    expect(navigate.preventDefault).toHaveBeenCalled();
    const frameNavigate = electronEvent({ isSameDocument: false });
    contents.emit('will-frame-navigate', frameNavigate);
    expect(frameNavigate.preventDefault).toHaveBeenCalled();
    const redirect = electronEvent();
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
  });

  it('registers the IPC handlers named in ipc-protocol.ts', () => {
    expect([...stub.ipcHandlers.keys()].sort()).toEqual(
      [IPC.call, IPC.uploadBegin, IPC.uploadChunk, IPC.uploadEnd, IPC.printToPdf].sort(),
    );
  });

  it('answers app.info over IPC from the app page, with the database in userData', async () => {
    await expect(call('app.info', {})).resolves.toEqual({
      ok: true,
      result: { version: '0.0.0-test', hasData: false, dbPath: path.join(userData, 'huike.db') },
    });
    expect(existsSync(path.join(userData, 'huike.db'))).toBe(true);
  });

  it('refuses IPC from another page, and reports unknown channels and invalid input', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const refused = await invoke(IPC.call, ipcEvent('https://evil.example/'), 'app.info', {});
      expect(refused).toMatchObject({ ok: false, error: { kind: 'internal' } });
      expect((refused as { error: { message: string } }).error.message).toContain('Refused');
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('https://evil.example/'));
    } finally {
      warn.mockRestore();
    }

    // An unknown channel is a bug in (or an attack by) the page, not the user's to fix: 'internal'.
    const unknown = await call('fs.readFile', {});
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect((unknown as { error: { message: string } }).error.message).toContain('Unknown channel');

    await expect(call('demo.load', { seed: -1 })).resolves.toMatchObject({
      ok: false,
      error: { kind: 'user' },
    });
  });

  it('loads the demo over IPC and sends its progress to the window', async () => {
    const send = mainWindow().webContents.send;
    send.mockClear();
    const result = await call('demo.load', { seed: 1, jobId: 'demo-job' });
    expect(result).toMatchObject({ ok: true, result: { seed: 1, shops: 3 } });

    const progress = send.mock.calls.filter(([channel]) => channel === IPC.progress);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]![1]).toMatchObject({ jobId: 'demo-job', phase: expect.any(String) });
    await expect(call('app.info', {})).resolves.toMatchObject({ ok: true, result: { hasData: true } });
  });

  it('stages a dropped file sent in chunks and previews it', async () => {
    const csv =
      '订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间 ,退款金额\n' +
      '="1001",tb_a,100.00,交易成功,2026-11-01 10:00:00,2026-11-01 10:01:00,0\n' +
      '="1002",tb_b,50.00,交易成功,2026-11-02 10:00:00,2026-11-02 10:01:00,0\n';
    const bytes = new Uint8Array(Buffer.from(csv, 'utf8'));
    const half = Math.floor(bytes.byteLength / 2);

    const begin = (await invoke(IPC.uploadBegin, ipcEvent(), '天猫订单.csv', bytes.byteLength)) as {
      ok: boolean;
      result: string;
    };
    expect(begin).toMatchObject({ ok: true, result: expect.any(String) });
    for (const chunk of [bytes.subarray(0, half), bytes.subarray(half)]) {
      await expect(invoke(IPC.uploadChunk, ipcEvent(), begin.result, chunk)).resolves.toEqual({
        ok: true,
        result: null,
      });
    }
    const end = (await invoke(IPC.uploadEnd, ipcEvent(), begin.result)) as {
      ok: boolean;
      result: StagedFile;
    };
    expect(end).toMatchObject({ ok: true, result: { name: '天猫订单.csv', size: bytes.byteLength } });
    // The bytes were written to the app's private staging folder, under the fileId only.
    stagedCopy = path.join(userData, 'staging', end.result.fileId);
    expect(statSync(stagedCopy).size).toBe(bytes.byteLength);

    const preview = await call('import.preview', { files: [{ fileId: end.result.fileId }] });
    expect(preview).toMatchObject({
      ok: true,
      result: { files: [{ fileId: end.result.fileId, format: 'tmall', orders: 2, error: null }] },
    });
  });

  it('installs the menu: 文件 / 编辑 / 视图 / 帮助, with import, backup and quit', () => {
    const template = stub.captured.menuTemplate;
    expect(template).not.toBeNull();
    const labels = template!.map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['文件', '编辑', '视图', '帮助']));

    const fileMenu = template!.find((item) => item.label === '文件')!.submenu as MenuItemConstructorOptions[];
    expect(fileMenu.find((item) => item.label === '导入订单…')).toMatchObject({ accelerator: 'CmdOrCtrl+O' });
    expect(fileMenu.find((item) => item.label === '备份…')).toBeDefined();
    // On macOS quitting lives in the app menu and 文件 closes the window instead.
    expect(fileMenu.at(-1)).toEqual(
      process.platform === 'darwin' ? { label: '关闭窗口', role: 'close' } : { label: '退出', role: 'quit' },
    );
  });

  it('menu items act: 导入订单… opens the file dialog on the window, 视图 items navigate the page', async () => {
    const template = stub.captured.menuTemplate!;
    const item = (menu: string, label: string) => {
      const submenu = template.find((m) => m.label === menu)!.submenu as MenuItemConstructorOptions[];
      return submenu.find((m) => m.label === label)!.click as () => void;
    };

    item('文件', '导入订单…')();
    await vi.waitFor(() =>
      expect(stub.module.dialog.showOpenDialog).toHaveBeenCalledWith(
        mainWindow(),
        expect.objectContaining({ properties: ['openFile', 'multiSelections'] }),
      ),
    );

    const send = mainWindow().webContents.send;
    send.mockClear();
    item('视图', '客户')();
    expect(send).toHaveBeenCalledWith(IPC.menu, 'navigate:customers');
    // The cancelled dialog is not an error: nothing was reported.
    expect(stub.module.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  // Last: closes the database.
  it('closes the database cleanly on quit, then lets the app quit', async () => {
    const dbFile = path.join(userData, 'huike.db');
    const walFile = `${dbFile}-wal`;
    // The demo's orders are (at least partly) still in the write-ahead log: closing must move them.
    expect(statSync(walFile).size).toBeGreaterThan(0);
    const quitsBefore = stub.app.quit.mock.calls.length;

    const willQuit = electronEvent();
    stub.app.emit('will-quit', willQuit);
    // Quitting waits for the database to close...
    expect(willQuit.preventDefault).toHaveBeenCalled();
    // ...then quits again once it has.
    await vi.waitFor(() => expect(stub.app.quit.mock.calls.length).toBe(quitsBefore + 1), {
      timeout: 5_000,
    });
    databaseClosed = true;

    // The WAL was checkpointed into huike.db: no data is left only in the -wal file.
    expect(!existsSync(walFile) || statSync(walFile).size === 0).toBe(true);
    const reopened = new Database(dbFile, { readonly: true });
    try {
      const { orders } = reopened.prepare('SELECT count(*) AS orders FROM orders').get() as {
        orders: number;
      };
      expect(orders).toBeGreaterThan(0);
    } finally {
      reopened.close();
    }
    // The second will-quit (from that quit) goes through.
    const again = electronEvent();
    stub.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    // Staged uploads were deleted with the app.
    expect(stagedCopy).not.toBeNull();
    expect(existsSync(stagedCopy!)).toBe(false);
  });
});
