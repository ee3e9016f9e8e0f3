/**
 * Every message a person can be shown about something they can fix travels as a code with
 * parameters, and is put into words at the last moment, in the reader's language: by the renderer
 * (the UI language) and by the CLI (its --lang, else the app's language). Each area keeps its own
 * catalog file here; this module joins them and formats.
 *
 * Templates name their parameters in braces: `{file}`, `{row}`. A number parameter is written with
 * the language's thousands separators (pass ids as text: batch #12345 is not "#12,345"). A parameter
 * may itself be a message (a field's name, a format's name) or a list of them, put into words in
 * the same language, so nothing reaches an English reader half in Chinese.
 */
import { commonMessages } from './common.js';
import { shopMessages } from './shops.js';
import { databaseMessages } from './database.js';
import { fileMessages } from './files.js';
import { importMessages } from './import.js';
import { rowMessages } from './rows.js';
import { undoMessages } from './undo.js';
import { cliMessages } from './cli.js';
import { ordersMessages } from './orders.js';
import { valueMessages } from './value.js';
import { profitMessages } from './profit.js';
import { customersMessages } from './customers.js';
import { vipMessages } from './vip.js';
import { reviewMessages } from './review.js';
import { mergeMessages } from './merge.js';

export const MESSAGE_LANGUAGES = ['zh-CN', 'en'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/** A template per language. */
export type Templates = Readonly<Record<MessageLanguage, string>>;

export const CATALOG = {
  ...commonMessages,
  ...shopMessages,
  ...databaseMessages,
  ...fileMessages,
  ...importMessages,
  ...rowMessages,
  ...undoMessages,
  ...cliMessages,
  ...ordersMessages,
  ...valueMessages,
  ...profitMessages,
  ...customersMessages,
  ...vipMessages,
  ...reviewMessages,
  ...mergeMessages,
} as const satisfies Record<string, Templates>;

export type MessageCode = keyof typeof CATALOG;
export type ParamValue = string | number | Message | readonly Message[];
export type MessageParams = Readonly<Record<string, ParamValue>>;

/** What a failure says, before it is put into words. */
export interface Message {
  code: MessageCode;
  params?: MessageParams;
}

/** A message about the user's input, with where in it the trouble is. */
export interface PlacedMessage extends Message {
  file?: string;
  row?: number;
  column?: string;
}

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(CATALOG, code);
}

export function isMessageLanguage(value: string | null | undefined): value is MessageLanguage {
  return (MESSAGE_LANGUAGES as readonly (string | null | undefined)[]).includes(value);
}

const NUMBER_FORMATS: Record<MessageLanguage, Intl.NumberFormat> = {
  'zh-CN': new Intl.NumberFormat('zh-CN'),
  en: new Intl.NumberFormat('en-US'),
};

/** Between the items of a list parameter. */
const LIST_SEPARATORS: Record<MessageLanguage, string> = { 'zh-CN': '；', en: '; ' };

/** A count with the language's thousands separators: 12,345. */
export function formatCount(n: number, lang: MessageLanguage = 'zh-CN'): string {
  return NUMBER_FORMATS[lang].format(n);
}

function paramText(value: ParamValue, lang: MessageLanguage): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return NUMBER_FORMATS[lang].format(value);
  if (Array.isArray(value)) {
    return (value as readonly Message[])
      .map((m) => formatMessage(m.code, m.params, lang))
      .join(LIST_SEPARATORS[lang]);
  }
  const message = value as Message;
  return formatMessage(message.code, message.params, lang);
}

/** The message in words. An unknown parameter stays visible as `{name}` rather than vanishing. */
export function formatMessage(
  code: MessageCode,
  params: MessageParams = {},
  lang: MessageLanguage = 'zh-CN',
): string {
  const templates: Templates | undefined = (CATALOG as Record<string, Templates>)[code];
  // A code from a newer or older build (a saved problem row): show the code rather than nothing.
  if (!templates) return code;
  return templates[lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : paramText(value, lang);
  });
}

/**
 * A message about input, in words: the file is named first when the template does not name it
 * itself (a reader's message does not know which of five files it is about).
 */
export function formatPlacedMessage(message: PlacedMessage, lang: MessageLanguage = 'zh-CN'): string {
  const text = formatMessage(message.code, message.params, lang);
  const templates: Templates | undefined = (CATALOG as Record<string, Templates>)[message.code];
  const namesFile = templates?.[lang].includes('{file}') && message.params?.file !== undefined;
  return message.file && !namesFile ? `${message.file}: ${text}` : text;
}
