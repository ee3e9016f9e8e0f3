/** Undoing an import batch. */
import type { Templates } from './index.js';

export const undoMessages = {
  'undo.noBatch': {
    'zh-CN': '没有编号为 #{batchId} 的导入批次（huike imports 列出所有批次）。',
    en: 'There is no import batch #{batchId} (huike imports lists them).',
  },
  'undo.alreadyUndone': {
    'zh-CN': '导入批次 #{batchId} 已经撤销过了。',
    en: 'Import batch #{batchId} was already undone.',
  },
  'undo.blocked': {
    'zh-CN':
      '不能撤销批次 #{batchId}：之后的批次 {later} 修改了同样的订单。请先撤销 {later}，再撤销 #{batchId}。',
    en: 'Batch #{batchId} cannot be undone while the later batches {later}, which changed the same orders, are in place: undo {later} first, then #{batchId}.',
  },
} as const satisfies Record<string, Templates>;
