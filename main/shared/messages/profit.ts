/** Profit: its inputs, their files, undoing them, and the report's warnings. */
import type { Templates } from './index.js';

export const profitMessages = {
  'profit.noOperation': {
    'zh-CN': '没有编号为 #{opId} 的成本或费用操作（huike profit history 列出所有操作）。',
    en: 'There is no cost or fee operation #{opId} (huike profit history lists them).',
  },
  'profit.alreadyUndone': {
    'zh-CN': '操作 #{opId} 已经撤销过了。',
    en: 'Operation #{opId} was already undone.',
  },
  'profit.undoBlocked': {
    'zh-CN': '不能撤销操作 #{opId}：之后的操作 {later} 修改了同样的数据。请先撤销 {later}。',
    en: 'Operation #{opId} cannot be undone while the later operations {later}, which changed the same data, are in place: undo {later} first.',
  },
  'profit.noShop': {
    'zh-CN': '没有编号为 #{shopId} 的店铺（huike shops 列出所有店铺）。',
    en: 'There is no shop #{shopId} (huike shops lists them).',
  },
  'profit.fileUnknown': {
    'zh-CN':
      '看不出「{file}」是哪种文件：成本表需要 SKU 和成本两列，结算文件需要订单号和费用列（{expected}）。',
    en: 'Cannot tell what “{file}” is: a cost sheet needs SKU and cost columns, a settlement file an order number and fee columns ({expected}).',
  },
  'profit.fileEmpty': {
    'zh-CN': '「{file}」里没有可读的数据行。',
    en: '“{file}” has no data rows that could be read.',
  },
  'profit.badAmount': {
    'zh-CN': '「{value}」不是金额。',
    en: '“{value}” is not an amount.',
  },
  'profit.badDay': {
    'zh-CN': '「{value}」不是日期（例如 2026-03-01）。',
    en: '“{value}” is not a date (such as 2026-03-01).',
  },
  'profit.badRate': {
    'zh-CN': '「{value}」不是汇率（1 单位外币合多少人民币，例如 7.1234）。',
    en: '“{value}” is not a rate (yuan per unit of the currency, such as 7.1234).',
  },
  'profit.shopNeeded': {
    'zh-CN': '这类文件要说明属于哪个店铺（--shop）。',
    en: 'Say which shop this file belongs to (--shop).',
  },
  'profit.warnMissingCosts': {
    'zh-CN': '{lines} 条商品明细没有成本（按 0 计入，利润偏高）：{skus}',
    en: 'Order lines without a goods cost: {lines} (counted as 0, so profit is overstated): {skus}',
  },
  'profit.warnNoFees': {
    'zh-CN': '「{shop}」{month} 有 {orders} 笔订单既没有费率规则也没有实际费用。',
    en: '“{shop}” {month}: {orders} orders have neither a fee rule nor actual fees.',
  },
  'profit.warnNoRate': {
    'zh-CN': '{month} 没有 {currency} 的汇率：这个月 {currency} 店铺的数字没有计入。',
    en: 'No {currency} rate for {month}: that month of the {currency} shops is left out.',
  },
  'profit.badDateArg': {
    'zh-CN': '{name} 的值「{value}」不是日期（YYYY-MM-DD）。',
    en: '{name} “{value}” is not a date (YYYY-MM-DD).',
  },
  'profit.badPercentArg': {
    'zh-CN': '{name} 的值「{value}」不是 0 到 100 之间、最多两位小数的百分数（例如 2.9）。',
    en: '{name} “{value}” is not a percentage from 0 to 100 with at most two decimals (such as 2.9).',
  },
  'profit.badAmountArg': {
    'zh-CN': '{name} 的值「{value}」不是金额（例如 6.00）。',
    en: '{name} “{value}” is not an amount (such as 6.00).',
  },
} as const satisfies Record<string, Templates>;
