/** Messages of the Orders page: the list, an order's detail, exports. */
import type { Templates } from './index.js';

export const ordersMessages = {
  'orders.notFound': {
    'zh-CN': '找不到订单 #{id}：它可能已随所在的导入一起被撤销。',
    en: 'Order #{id} is not there any more: it may have gone with an import that was undone.',
  },
  'orders.exportEmpty': {
    'zh-CN': '没有符合当前筛选条件的订单，没有可导出的内容。',
    en: 'No orders match the current filters: there is nothing to export.',
  },
  'orders.exportTooManyForExcel': {
    'zh-CN': 'Excel 工作表最多容纳 {max} 笔订单，当前筛选出 {orders} 笔。请缩小筛选范围，或导出为 CSV。',
    en: 'An Excel sheet holds at most {max} orders and the filters select {orders}. Narrow the filters, or export as CSV.',
  },
  'orders.exportGone': {
    'zh-CN': '导出的文件已不在了（超过 10 分钟未取走，或已下载过），请重新导出。',
    en: 'The exported file is no longer there (not fetched within 10 minutes, or already downloaded). Export again.',
  },
} as const satisfies Record<string, Templates>;
