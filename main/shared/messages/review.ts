/** Messages of the buyer-merge review queue (merge.review.*). */
import type { Templates } from './index.js';

export const reviewMessages = {
  'review.notInQueue': {
    'zh-CN':
      '账号 #{accountA} 与 #{accountB} 已不在待确认合并列表中：可能已经有了决定、已合并，或随撤销的导入一起移除。请刷新列表。',
    en: 'Accounts #{accountA} and #{accountB} are no longer in the review queue: they may have been decided or merged already, or gone with an undone import. Refresh the queue.',
  },
  'review.customerLocked': {
    'zh-CN': '客户 #{id} 已锁定：它的账号不再变动。要合并，请先在客户页面解除锁定。',
    en: 'Customer #{id} is locked: its accounts stay as they are. Unlock it on the customer page to merge it.',
  },
  'review.nothingToUndo': {
    'zh-CN': '没有可以撤销的合并决定。',
    en: 'There is no merge decision to undo.',
  },
  'review.undoBlocked': {
    'zh-CN': '不能撤销这个合并决定：之后的操作 {later} 改动了同样的客户或账号。请先撤销 {later}。',
    en: 'This merge decision cannot be undone while the later changes {later}, which touched the same customers or accounts, are in place: undo {later} first.',
  },
  'field.accountA': { 'zh-CN': '账号 A', en: 'Account A' },
  'field.accountB': { 'zh-CN': '账号 B', en: 'Account B' },
  'field.decision': { 'zh-CN': '决定', en: 'The decision' },
  'field.customerId': { 'zh-CN': '客户编号', en: 'The customer id' },
} as const satisfies Record<string, Templates>;
