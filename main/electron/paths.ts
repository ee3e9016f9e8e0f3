/**
 * Where the desktop app keeps its files, and which command-line arguments are files to import.
 * Free of Electron (the caller passes app.getPath('userData')) so it is unit-tested in Node.
 */
import path from 'node:path';

export interface AppPaths {
  dbPath: string;
  stageDir: string;
  windowStateFile: string;
}

/** HUIKE_DB points the app at another database file, for support ("send me a copy and I'll open it"). */
export function resolveAppPaths(
  userData: string,
  env: Readonly<Record<string, string | undefined>>,
): AppPaths {
  const override = env.HUIKE_DB?.trim();
  return {
    dbPath: override ? path.resolve(override) : path.join(userData, 'huike.db'),
    stageDir: path.join(userData, 'staging'),
    windowStateFile: path.join(userData, 'window-state.json'),
  };
}

/** The file types Huike reads, which the open dialog offers. */
export const IMPORT_EXTENSIONS = ['csv', 'xlsx', 'txt'] as const;

/**
 * A file opened with the app (a double-click, the dock) may also be a legacy .xls: it is taken so
 * the preview can say to save it as .xlsx, rather than the app ignoring it in silence.
 */
const OPENED_EXTENSIONS: readonly string[] = [...IMPORT_EXTENSIONS, 'xls'];

export const OPEN_DIALOG_FILTERS = [
  { name: '订单导出 Order exports (CSV / Excel .xlsx / TXT)', extensions: [...IMPORT_EXTENSIONS] },
  { name: '所有文件 All files', extensions: ['*'] },
];

/**
 * Files named on a command line (Windows "Open with", a second launch): arguments with an import
 * extension, resolved against the launching process's working directory. Switches Chromium adds
 * (`--allow-file-access-from-files`, `--original-process-start-time=…`) and the executable itself
 * are skipped. Whether the files exist is the caller's check.
 */
export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const arg of argv) {
    if (!arg || arg.startsWith('-')) continue;
    const ext = path.extname(arg).slice(1).toLowerCase();
    if (!OPENED_EXTENSIONS.includes(ext)) continue;
    const resolved = path.resolve(cwd, arg);
    if (!files.includes(resolved)) files.push(resolved);
  }
  return files;
}

/** `汇客备份-20250301.db`, dated in the user's local time (what the user thinks "today" is). */
export function backupFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `汇客备份-${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}.db`;
}

/** True when two paths name the same file (case-insensitively where the file system usually is). */
export function samePath(a: string, b: string, platform: string = process.platform): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  return platform === 'win32' || platform === 'darwin' ? ra.toLowerCase() === rb.toLowerCase() : ra === rb;
}
