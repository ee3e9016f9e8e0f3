/** An error in the reader's language: a coded refusal is put into words here, anything else as it came. */
import i18next from 'i18next';
import { formatMessage, isMessageCode, type MessageLanguage } from '../../../../main/shared/messages';
import { ApiError } from '../../api/client';

export function errorText(error: unknown): string {
  if (error instanceof ApiError && error.code && isMessageCode(error.code)) {
    const lang: MessageLanguage = i18next.language === 'en' ? 'en' : 'zh-CN';
    return formatMessage(error.code, error.params ?? {}, lang);
  }
  return error instanceof Error ? error.message : String(error);
}
