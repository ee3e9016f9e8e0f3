/** Messages about shops, the sample shop, backups and restores. */
import type { Templates } from './index.js';

export const shopMessages = {
  'shops.notFound': {
    'zh-CN': '店铺 #{shopId} 不存在（可能已被合并或删除），请刷新后再试。',
    en: 'Shop #{shopId} does not exist (it may have been merged or removed); refresh and try again.',
  },
  'shops.nameTaken': {
    'zh-CN':
      '同一平台下已经有名为「{name}」的店铺了。店铺名在同一平台内不能重复；若它们本是同一个店铺，请用“合并”。',
    en: 'This platform already has a shop named “{name}”. Shop names are unique per platform; if they are one shop, merge them.',
  },
  'shops.timezoneUnknown': {
    'zh-CN': '「{timezone}」不是可识别的时区，请从列表中选择（例如 Asia/Shanghai）。',
    en: '“{timezone}” is not a time zone Huike knows; choose one from the list (for example Asia/Shanghai).',
  },
  'shops.currencyFixed': {
    'zh-CN': '「{name}」所在的平台只用人民币结算，币种只能是 CNY。',
    en: '“{name}” sells on a platform that settles only in Chinese yuan: its currency can only be CNY.',
  },
  'shops.currencyDigitsDiffer': {
    'zh-CN':
      '「{name}」已有订单，金额按 {from} 的最小单位保存；{to} 的最小单位不同，直接改币种会让金额差上百倍。请撤销这些导入，选对币种后重新导入。',
    en: '“{name}” has orders stored in the minor unit of {from}; {to} has a different minor unit, so relabelling would be off by a factor of 100 or more. Undo those imports and import them again with the right currency.',
  },
  'shops.mergeSame': {
    'zh-CN': '请选择两个不同的店铺进行合并。',
    en: 'Choose two different shops to merge.',
  },
  'shops.mergeSample': {
    'zh-CN':
      '「{name}」是示例店铺，示例数据与你自己的数据分开保存，不能合并。需要时可以在设置中删除示例数据。',
    en: '“{name}” is the sample shop: sample data is kept apart from your own and cannot be merged. You can remove the sample data in Settings.',
  },
  'shops.mergePlatformDiffers': {
    'zh-CN': '「{from}」和「{into}」属于不同的平台，不能合并。只有同一平台的同一个店铺才能合并。',
    en: '“{from}” and “{into}” are on different platforms and cannot be merged: only one shop on one platform can be.',
  },
  'shops.mergeCurrencyDiffers': {
    'zh-CN': '「{from}」用 {fromCurrency} 结算，「{into}」用 {intoCurrency} 结算，币种不同的店铺不能合并。',
    en: '“{from}” is in {fromCurrency} and “{into}” in {intoCurrency}: shops in different currencies cannot be merged.',
  },
  'shops.sampleNotForImport': {
    'zh-CN': '「{shop}」是示例店铺，不能往里导入真实订单。请选择你自己的店铺，或输入一个新店铺名。',
    en: '“{shop}” is the sample shop and cannot take real orders. Choose one of your own shops, or type a name for a new one.',
  },
  'demo.confirmMixed': {
    'zh-CN':
      '数据库里已有你自己的 {orders} 笔订单。示例店铺会单独标记为“示例”，与你的数据分开，之后可以一键删除。确定要载入吗？（命令行请加 --yes）',
    en: 'The database already holds {orders} orders of your own. The sample shop is labelled as sample data, kept apart from yours, and can be removed in one step later. Load it? (In the terminal, add --yes.)',
  },
  'backup.sameFile': {
    'zh-CN': '不能把备份保存到正在使用的数据文件 {file} 上，请换一个位置。',
    en: 'A backup cannot be written over the database in use ({file}); choose another place.',
  },
  'backup.targetExists': {
    'zh-CN': '{file} 已经存在。为免覆盖，请换一个文件名。',
    en: '{file} already exists; choose another name so nothing is overwritten.',
  },
  'backup.notHuike': {
    'zh-CN': '{file} 不是汇客的数据备份（不是汇客的 SQLite 数据库），没有做任何改动。',
    en: '{file} is not a Huike backup (not a Huike SQLite database); nothing was changed.',
  },
  'backup.damaged': {
    'zh-CN': '{file} 已损坏，无法恢复：{detail}。没有做任何改动。',
    en: '{file} is damaged and cannot be restored: {detail}. Nothing was changed.',
  },
  'backup.newerSchema': {
    'zh-CN':
      '{file} 来自更新版本的汇客（数据结构 {version}），当前版本无法打开。请先升级汇客，再恢复它。没有做任何改动。',
    en: '{file} comes from a newer version of Huike (schema {version}) that this version cannot open. Update Huike, then restore it. Nothing was changed.',
  },
  'backup.busy': {
    'zh-CN': '有任务正在进行（导入、撤销或生成示例），请等它结束后再恢复备份。',
    en: 'A task is running (an import, an undo or the sample shop); restore the backup once it has finished.',
  },
} as const satisfies Record<string, Templates>;
