/**
 * The native menu as data. Built by a pure function from callbacks so a unit test checks labels
 * and accelerators without Electron (the import below is types only and vanishes at build time).
 */
import type { MenuItemConstructorOptions } from 'electron';

export const NAVIGATE_COMMANDS = [
  'navigate:dashboard',
  'navigate:orders',
  'navigate:import',
  'navigate:customers',
  'navigate:profit',
  'navigate:value',
  'navigate:vip',
  'navigate:settings',
] as const;
export type NavigateCommand = (typeof NAVIGATE_COMMANDS)[number];
/** What the main process sends on 'huike:menu'. */
export type MenuCommand = NavigateCommand;

const NAVIGATE_LABELS: Record<NavigateCommand, string> = {
  'navigate:dashboard': '总览',
  'navigate:orders': '订单',
  'navigate:import': '导入',
  'navigate:customers': '客户',
  'navigate:profit': '利润',
  'navigate:value': '客户价值',
  'navigate:vip': '会员名单',
  'navigate:settings': '设置',
};

export interface MenuActions {
  importFiles(): void;
  backup(): void;
  navigate(command: MenuCommand): void;
  about(): void;
  openDataFolder(): void;
}

export interface MenuOptions {
  platform: string;
  /** Developer tools are offered only in development builds. */
  isPackaged: boolean;
  appName: string;
  actions: MenuActions;
}

export function buildMenuTemplate({
  platform,
  isPackaged,
  appName,
  actions,
}: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { label: `关于${appName}`, click: () => actions.about() },
      sep,
      { label: '服务', role: 'services' },
      sep,
      { label: `隐藏${appName}`, role: 'hide' },
      { label: '隐藏其他', role: 'hideOthers' },
      { label: '全部显示', role: 'unhide' },
      sep,
      { label: `退出${appName}`, role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: '文件',
    submenu: [
      { label: '导入订单…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
      { label: '备份…', accelerator: 'CmdOrCtrl+Shift+B', click: () => actions.backup() },
      sep,
      // On macOS quitting lives in the app menu; the file menu closes the window as other Mac apps do.
      isMac ? { label: '关闭窗口', role: 'close' } : { label: '退出', role: 'quit' },
    ],
  };

  // Roles, not custom items: they are what makes Cmd+C/Cmd+V work in text inputs on macOS.
  const editMenu: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      { label: '撤销', role: 'undo' },
      { label: '重做', role: 'redo' },
      sep,
      { label: '剪切', role: 'cut' },
      { label: '复制', role: 'copy' },
      { label: '粘贴', role: 'paste' },
      { label: '全选', role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '视图',
    submenu: [
      ...NAVIGATE_COMMANDS.map((command, i): MenuItemConstructorOptions => ({
        label: NAVIGATE_LABELS[command],
        accelerator: `CmdOrCtrl+${i + 1}`,
        click: () => actions.navigate(command),
      })),
      sep,
      { label: '重新加载', role: 'reload' },
      ...(isPackaged ? [] : [{ label: '开发者工具', role: 'toggleDevTools' } as MenuItemConstructorOptions]),
      sep,
      { label: '实际大小', role: 'resetZoom' },
      { label: '放大', role: 'zoomIn' },
      { label: '缩小', role: 'zoomOut' },
      sep,
      { label: '全屏', role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = { label: '窗口', role: 'windowMenu' };

  const helpMenu: MenuItemConstructorOptions = {
    label: '帮助',
    role: 'help',
    submenu: [
      { label: `关于${appName}`, click: () => actions.about() },
      { label: '打开数据文件夹', click: () => actions.openDataFolder() },
    ],
  };

  return [
    ...(isMac ? [appMenu] : []),
    fileMenu,
    editMenu,
    viewMenu,
    ...(isMac ? [windowMenu] : []),
    helpMenu,
  ];
}
