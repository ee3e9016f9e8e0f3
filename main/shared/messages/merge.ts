/** Messages of the buyer merge: runs, undo, splitting and locking customers. */
import type { Templates } from './index.js';

export const mergeMessages = {
  'merge.badThreshold': {
    'zh-CN': '--threshold「{value}」应为数字（比特，例如 10）。',
    en: '--threshold “{value}” should be a number of bits, e.g. 10.',
  },
  'merge.noOperation': {
    'zh-CN': '没有可撤销的合并操作 #{opId}。',
    en: 'There is no merge operation #{opId} to undo.',
  },
  'merge.alreadyUndone': {
    'zh-CN': '合并操作 #{opId} 已经撤销过了。',
    en: 'Merge operation #{opId} has already been undone.',
  },
  'merge.undoBlocked': {
    'zh-CN': '合并操作 #{opId} 之后的操作 {later} 又改动了这些客户，请先撤销它们。',
    en: 'Later operations ({later}) changed these customers again after merge operation #{opId}: undo them first.',
  },
  'merge.splitNotMember': {
    'zh-CN': '所选账号不都属于客户 #{id}，无法拆分。',
    en: 'Not every chosen account belongs to customer #{id}, so it cannot be split this way.',
  },
  'merge.splitAll': {
    'zh-CN': '拆分需要在客户 #{id} 中留下至少一个账号。',
    en: 'A split must leave at least one account in customer #{id}.',
  },
} as const satisfies Record<string, Templates>;
