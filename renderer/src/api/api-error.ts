import type { ApiErrorPayload } from '../../../main/api/contract';
import { formatPlacedMessage, type MessageLanguage } from '../../../main/shared/messages/index';

/** An error the app answered with: its code and parameters are put into words by the screen. */
export class ApiError extends Error {
  readonly kind: ApiErrorPayload['kind'];
  readonly details: unknown;
  constructor(readonly payload: ApiErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.kind = payload.kind;
    this.details = payload.details;
  }
}

/** Any error in words, in the UI's language: an ApiError by its code, anything else by its message. */
export function errorText(error: unknown, lang: MessageLanguage): string {
  if (error instanceof ApiError) return formatPlacedMessage(error.payload, lang);
  return error instanceof Error ? error.message : String(error);
}
