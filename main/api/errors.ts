/**
 * Errors as they cross a front door: a payload with the message code, its parameters and the
 * place (the renderer and the CLI put it into words in their language), and the same in words for
 * a front door that shows text itself (a start-up dialog, the web server's console).
 */
import { CancelledError, UserError } from '../domain/errors.js';
import {
  formatMessage,
  formatPlacedMessage,
  type MessageCode,
  type MessageLanguage,
} from '../shared/messages/index.js';
import type { ApiErrorPayload } from './contract.js';

export { CancelledError, UserError };

export function toErrorPayload(error: unknown): ApiErrorPayload {
  if (error instanceof UserError) {
    const payload: ApiErrorPayload = {
      kind: 'user',
      message: error.message,
      ...error.toMessage(),
      params: error.params,
    };
    return error.details === undefined ? payload : { ...payload, details: error.details };
  }
  if (error instanceof CancelledError) {
    return { kind: 'cancelled', code: error.code, params: {}, message: error.message };
  }
  const detail = error instanceof Error ? error.message : String(error);
  const params = { detail };
  return {
    kind: 'internal',
    code: 'internal.unexpected',
    params,
    message: formatPlacedMessage({ code: 'internal.unexpected', params }),
  };
}

/** Any error in words, in `lang`: what a dialog or a console shows. */
export function errorText(error: unknown, lang: MessageLanguage): string {
  return formatPlacedMessage(toErrorPayload(error), lang);
}

/** The language of a window that has no setting to go by yet: the operating system's. */
export function languageOfLocale(locale: string): MessageLanguage {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** A native error dialog's title and text (the desktop app's start-up, an error outside any window). */
export function errorDialog(
  error: unknown,
  lang: MessageLanguage,
  title: MessageCode = 'app.failed',
): { title: string; message: string } {
  return { title: formatMessage(title, {}, lang), message: errorText(error, lang) };
}
