/**
 * Every message a person can be shown about something they can fix travels as a code with
 * parameters, and is put into words at the last moment, in the reader's language: by the renderer
 * (the UI language) and by the CLI (its --lang, else the app's language). Each area keeps its own
 * catalog file here; this module joins them and formats.
 *
 * Templates name their parameters in braces: `{file}`, `{row}`. A number parameter is written with
 * the language's thousands separators.
 */
import { commonMessages } from './common.js';
import { ordersMessages } from './orders.js';

export const MESSAGE_LANGUAGES = ['zh-CN', 'en'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/** A template per language. */
export type Templates = Readonly<Record<MessageLanguage, string>>;

export const CATALOG = {
  ...commonMessages,
  ...ordersMessages,
} as const satisfies Record<string, Templates>;

export type MessageCode = keyof typeof CATALOG;
export type MessageParams = Readonly<Record<string, string | number>>;

/** What a failure says, before it is put into words. */
export interface Message {
  code: MessageCode;
  params?: MessageParams;
}

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(CATALOG, code);
}

const NUMBER_FORMATS: Record<MessageLanguage, Intl.NumberFormat> = {
  'zh-CN': new Intl.NumberFormat('zh-CN'),
  en: new Intl.NumberFormat('en-US'),
};

/** The message in words. An unknown parameter stays visible as `{name}` rather than vanishing. */
export function formatMessage(
  code: MessageCode,
  params: MessageParams = {},
  lang: MessageLanguage = 'zh-CN',
): string {
  return CATALOG[code][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? NUMBER_FORMATS[lang].format(value) : value;
  });
}
