import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  buildMenuTemplate,
  NAVIGATE_COMMANDS,
  type MenuActions,
} from '../../../main/electron/menu-template.js';

function actions(): MenuActions {
  return {
    importFiles: vi.fn(),
    backup: vi.fn(),
    navigate: vi.fn(),
    about: vi.fn(),
    openDataFolder: vi.fn(),
  };
}

function build(platform: string, isPackaged = true, a = actions()) {
  return { menu: buildMenuTemplate({ platform, isPackaged, appName: '汇客', actions: a }), actions: a };
}

function submenu(menu: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const top = menu.find((m) => m.label === label);
  expect(top, label).toBeDefined();
  return top!.submenu as MenuItemConstructorOptions[];
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((i) => i.label === label);
  expect(found, label).toBeDefined();
  return found!;
}

const click = (i: MenuItemConstructorOptions) => (i.click as () => void)();

describe('buildMenuTemplate', () => {
  it('has 文件, 编辑, 视图, 帮助 on Windows and Linux', () => {
    for (const platform of ['win32', 'linux']) {
      expect(build(platform).menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    }
  });

  it('puts the app menu first on macOS, and a window menu', () => {
    const { menu } = build('darwin');
    expect(menu.map((m) => m.label)).toEqual(['汇客', '文件', '编辑', '视图', '窗口', '帮助']);
    expect(item(submenu(menu, '汇客'), '退出汇客').role).toBe('quit');
    expect(item(submenu(menu, '文件'), '关闭窗口').role).toBe('close');
  });

  it('imports with CmdOrCtrl+O and backs up with CmdOrCtrl+Shift+B', () => {
    const { menu, actions: a } = build('win32');
    const file = submenu(menu, '文件');
    expect(item(file, '导入订单…').accelerator).toBe('CmdOrCtrl+O');
    expect(item(file, '备份…').accelerator).toBe('CmdOrCtrl+Shift+B');
    expect(file[2]?.type).toBe('separator');
    expect(item(file, '退出').role).toBe('quit');
    click(item(file, '导入订单…'));
    click(item(file, '备份…'));
    expect(a.importFiles).toHaveBeenCalledOnce();
    expect(a.backup).toHaveBeenCalledOnce();
  });

  it('uses the edit roles so text inputs get copy and paste', () => {
    const roles = submenu(build('darwin').menu, '编辑')
      .map((i) => i.role)
      .filter(Boolean);
    expect(roles).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('navigates with CmdOrCtrl+1 … CmdOrCtrl+8', () => {
    const { menu, actions: a } = build('linux');
    const view = submenu(menu, '视图');
    const pages = ['总览', '订单', '导入', '客户', '利润', '客户价值', '会员名单', '设置'];
    pages.forEach((label, i) => {
      const entry = item(view, label);
      expect(entry.accelerator).toBe(`CmdOrCtrl+${i + 1}`);
      click(entry);
      expect(a.navigate).toHaveBeenLastCalledWith(NAVIGATE_COMMANDS[i]);
    });
    expect(NAVIGATE_COMMANDS).toEqual([
      'navigate:dashboard',
      'navigate:orders',
      'navigate:import',
      'navigate:customers',
      'navigate:profit',
      'navigate:value',
      'navigate:vip',
      'navigate:settings',
    ]);
    expect(view.map((i) => i.role).filter(Boolean)).toEqual([
      'reload',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });

  it('offers developer tools only when not packaged', () => {
    const roles = (isPackaged: boolean) =>
      submenu(build('win32', isPackaged).menu, '视图').map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('has about and the data folder in 帮助', () => {
    const { menu, actions: a } = build('win32');
    const help = submenu(menu, '帮助');
    click(item(help, '关于汇客'));
    click(item(help, '打开数据文件夹'));
    expect(a.about).toHaveBeenCalledOnce();
    expect(a.openDataFolder).toHaveBeenCalledOnce();
  });

  it('uses no accelerator twice', () => {
    for (const platform of ['darwin', 'win32']) {
      const accelerators = build(platform)
        .menu.flatMap((m) => (m.submenu as MenuItemConstructorOptions[] | undefined) ?? [])
        .map((i) => i.accelerator)
        .filter(Boolean);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });
});
