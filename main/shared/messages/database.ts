/**
 * Opening the database file: each message names the file and says what to do. `--db` and HUIKE_DB
 * are how a user points Huike at a file, so they are named where a wrong path is the likely cause.
 */
import type { Templates } from './index.js';

export const databaseMessages = {
  'db.created': {
    'zh-CN': '已新建数据库 {path}',
    en: 'Created a new database at {path}',
  },
  'db.notFound': {
    'zh-CN':
      '数据库 {path} 不存在。请检查路径是否拼写正确（--db 或 HUIKE_DB）；要新建数据库，先导入订单（huike import）或载入示例店铺（huike demo）。',
    en: 'There is no database at {path}. Check the path for typos (--db or HUIKE_DB); to start a new one, import orders (huike import) or load the sample shop (huike demo).',
  },
  'db.isFolder': {
    'zh-CN': '{path} 是文件夹，不是数据库文件。请指向其中的数据库文件，例如 {path}/huike.db。',
    en: '{path} is a folder, not a database file. Point to the database file inside it, for example {path}/huike.db.',
  },
  'db.notSqlite': {
    'zh-CN':
      '{path} 不是汇客数据库（它不是 SQLite 数据库文件，可能指错了文件，或文件已损坏）。请检查数据库路径（--db 或 HUIKE_DB）；文件损坏时请用备份。',
    en: '{path} is not a Huike database (it is not an SQLite database file: the wrong file, or a damaged one). Check the database path (--db or HUIKE_DB); if the file is damaged, use a backup.',
  },
  'db.notHuike': {
    'zh-CN':
      '{path} 是其他程序的 SQLite 数据库，不是汇客数据库。汇客不会修改它；请检查数据库路径（--db 或 HUIKE_DB）。',
    en: '{path} is an SQLite database of another program, not a Huike database. Huike leaves it alone; check the database path (--db or HUIKE_DB).',
  },
  'db.newerSchema': {
    'zh-CN':
      '{path} 由更新版本的汇客创建（含有本版本不认识的数据结构 {migration}）。请先升级汇客，再打开它。',
    en: '{path} was written by a newer version of Huike (it has the structure {migration}, unknown to this version). Update Huike to open it.',
  },
  'db.unreadable': {
    'zh-CN': '无法读取数据库 {path}：没有读取权限，或文件正被其他程序锁定。请检查文件权限后重试。',
    en: 'Cannot read the database {path}: no permission to read it, or another program holds it. Check the file’s permissions and try again.',
  },
  'db.cannotCreate': {
    'zh-CN':
      '无法在 {folder} 中创建数据库 {path}：该位置不是可写的文件夹（只读、没有权限，或路径中有同名文件）。请用 --db 或 HUIKE_DB 选择另一个位置。',
    en: 'Cannot create the database {path} in {folder}: it is not a folder Huike may write to (read-only, no permission, or a file of that name is in the path). Choose another place with --db or HUIKE_DB.',
  },
  'db.readOnly': {
    'zh-CN':
      '无法写入数据库 {path}：文件或它所在的文件夹是只读的。请把文件复制到可写的文件夹，或修改权限后重试。',
    en: 'Cannot write to the database {path}: the file or its folder is read-only. Copy the file to a folder you can write to, or change the permissions, and try again.',
  },
  'db.diskFull': {
    'zh-CN': '存放数据库 {path} 的磁盘已满。请腾出一些空间后重试；数据没有被修改。',
    en: 'The disk that holds the database {path} is full. Free some space and try again; nothing was changed.',
  },
  'db.busy': {
    'zh-CN': '数据库 {path} 正被另一个程序使用（可能是另一个汇客窗口或命令）。请等它完成或关闭后重试。',
    en: 'The database {path} is in use by another program (another Huike window or command). Wait for it to finish, or close it, and try again.',
  },
  'db.damaged': {
    'zh-CN': '数据库 {path} 已损坏，无法读取。请用备份替换它（文件 → 备份… 写出的文件）。',
    en: 'The database {path} is damaged and cannot be read. Replace it with a backup (one written by File → Back up…).',
  },
} as const satisfies Record<string, Templates>;
