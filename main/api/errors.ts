import { CancelledError, UserError } from '../domain/errors.js';
import type { ApiErrorPayload } from './contract.js';

export { CancelledError, UserError };

export function toErrorPayload(error: unknown): ApiErrorPayload {
  if (error instanceof UserError) {
    const coded = error.code ? { code: error.code, params: error.params } : {};
    return { kind: 'user', message: error.message, ...coded, ...error.place, details: error.details };
  }
  if (error instanceof CancelledError) return { kind: 'cancelled', message: error.message };
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}
