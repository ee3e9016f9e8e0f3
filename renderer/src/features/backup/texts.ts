/** The backup feature's texts: backing the data up to one file and restoring it from one. */
const zhCN = {
  title: '备份与恢复',
  hint: '备份会把全部数据（店铺、订单、买家、设置）保存为一个文件，导入或使用中也可以备份。恢复会用备份文件替换当前数据，替换前会先在数据文件旁保存一份当前数据。',
  backup: '备份数据',
  backupDone: '已备份到 {{path}}',
  backupDownloaded: '备份文件「{{name}}」已开始下载',
  restore: '从备份恢复…',
  restoreTitle: '用「{{name}}」替换当前数据？',
  restoreExplain:
    '当前的全部数据会被这个备份替换。替换前，汇客会先在数据文件旁保存一份当前数据（文件名带日期和时间），需要时可以再恢复它。',
  restoreConfirm: '恢复',
  restoring: '正在恢复备份',
  restoredTitle: '已从「{{file}}」恢复',
  restoredBody: '现在有 {{shops}} 个店铺、{{orders}} 笔订单。恢复前的数据保存在：',
  failed: '操作没有完成',
} as const;

type Texts = { readonly [K in keyof typeof zhCN]: string };

const en: Texts = {
  title: 'Backup and restore',
  hint: 'A backup saves all your data (shops, orders, buyers, settings) as one file, even while the app is in use. Restoring replaces the current data with a backup; the current data is first saved beside the database.',
  backup: 'Back up data',
  backupDone: 'Backed up to {{path}}',
  backupDownloaded: 'The backup “{{name}}” is downloading',
  restore: 'Restore from a backup…',
  restoreTitle: 'Replace the current data with “{{name}}”?',
  restoreExplain:
    'All current data is replaced by this backup. Before that, Huike saves a copy of the current data beside the database (named with the date and time), so you can restore it again if needed.',
  restoreConfirm: 'Restore',
  restoring: 'Restoring the backup',
  restoredTitle: 'Restored from “{{file}}”',
  restoredBody:
    'There are now {{shops}} shops and {{orders}} orders. The data from before the restore is saved at:',
  failed: 'That did not work',
};

export const backupTexts = { 'zh-CN': zhCN, en } as const;
