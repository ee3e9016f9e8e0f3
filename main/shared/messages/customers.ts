/** Messages of the Customers list, the customer page and `huike customers`. */
import type { Templates } from './index.js';

export const customersMessages = {
  'customers.notFound': {
    'zh-CN': '找不到客户 #{id}：它可能已随所在的导入一起被撤销，或已与另一位客户合并。',
    en: 'Customer #{id} is not there any more: it may have gone with an import that was undone, or been merged into another customer.',
  },
  'customers.exportEmpty': {
    'zh-CN': '没有符合当前筛选条件的客户，没有可导出的内容。',
    en: 'No customers match the current filters: there is nothing to export.',
  },
  'customers.unknownSegment': {
    'zh-CN': '没有名为「{segment}」的客户分群。现有的分群：{known}。',
    en: 'There is no customer segment called “{segment}”. The segments there are: {known}.',
  },
  'customers.badLimit': {
    'zh-CN': '--limit「{value}」应为正整数。',
    en: '--limit “{value}” should be a whole number, 1 or more.',
  },
  // The Customers inputs, named as the page names them (api/input-errors.ts fieldName).
  'field.firstFrom': { 'zh-CN': '首次下单的开始日期', en: 'The first order’s start date' },
  'field.firstTo': { 'zh-CN': '首次下单的结束日期', en: 'The first order’s end date' },
  'field.lastFrom': { 'zh-CN': '最近下单的开始日期', en: 'The last order’s start date' },
  'field.lastTo': { 'zh-CN': '最近下单的结束日期', en: 'The last order’s end date' },
  'field.spendCurrency': { 'zh-CN': '消费金额的币种', en: 'The currency of the spend range' },
  'field.spendMin': { 'zh-CN': '最低消费金额', en: 'The lowest spend' },
  'field.spendMax': { 'zh-CN': '最高消费金额', en: 'The highest spend' },
  'field.ordersMin': { 'zh-CN': '最少订单数', en: 'The fewest orders' },
  'field.ordersMax': { 'zh-CN': '最多订单数', en: 'The most orders' },
  'field.note': { 'zh-CN': '备注', en: 'The note' },
  'field.tags': { 'zh-CN': '标签', en: 'The tag list' },
} as const satisfies Record<string, Templates>;
