/** Messages any part of the app may use. */
import type { Templates } from './index.js';

export const commonMessages = {
  'internal.unexpected': {
    'zh-CN': '出现了意外错误：{detail}。数据没有被修改；请重试，若再次出现请把这段文字发给我们。',
    en: 'Something unexpected went wrong: {detail}. Nothing was changed; try again, and if it happens again send us this text.',
  },
} as const satisfies Record<string, Templates>;
