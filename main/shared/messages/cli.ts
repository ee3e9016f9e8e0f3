/** The terminal's own messages: its arguments. */
import type { Templates } from './index.js';

export const cliMessages = {
  'cli.usage': {
    'zh-CN': '命令用法有误：{detail}（huike --help 查看用法）',
    en: 'Wrong usage: {detail} (huike --help shows how to use it)',
  },
  'cli.badBatchId': {
    'zh-CN': '批次号「{value}」应为数字（huike imports 列出所有批次）。',
    en: 'The batch number “{value}” should be a number (huike imports lists them).',
  },
  'cli.badSeed': {
    'zh-CN': '--seed「{value}」应为非负整数。',
    en: '--seed “{value}” should be a whole number, 0 or more.',
  },
  'cli.badShopId': {
    'zh-CN': '{name}「{value}」应为店铺编号（huike shops 列出所有店铺）。',
    en: '{name} “{value}” should be a shop number (huike shops lists them).',
  },
  'cli.internal': {
    'zh-CN': '内部错误：{detail}。数据没有被修改。设置 HUIKE_DEBUG=1 可显示详细信息；请把它发给我们。',
    en: 'Internal error: {detail}. Nothing was changed. Set HUIKE_DEBUG=1 to see the details, and send them to us.',
  },
} as const satisfies Record<string, Templates>;
