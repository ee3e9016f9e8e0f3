/**
 * Errors in the UI's language: an ApiError carries a message code and its parameters (the server
 * never chooses the words), put into words here with the language the user picked.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../main/api/contract';
import {
  formatMessage,
  formatPlacedMessage,
  type Message,
  type PlacedMessage,
} from '../../../main/shared/messages/index';
import { errorText } from '../api/api-error';

/** `(error) => text` in the current UI language; also puts a placed message or a row's reason into words. */
export function useErrorText() {
  const { i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const ofError = useCallback((error: unknown) => errorText(error, lang), [lang]);
  const ofMessage = useCallback((message: PlacedMessage) => formatPlacedMessage(message, lang), [lang]);
  const ofReason = useCallback((reason: Message) => formatMessage(reason.code, reason.params, lang), [lang]);
  return { errorText: ofError, messageText: ofMessage, reasonText: ofReason, lang };
}
