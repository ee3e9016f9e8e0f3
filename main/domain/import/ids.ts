/**
 * Order and sub-order ids. Tmall ids are 16–19 digits: Excel keeps only 15 significant digits and
 * shows them as `1.23457E+18` once a user opens and re-saves the CSV. That damage cannot be undone,
 * so such a row is refused with a message telling the user to import the original export.
 * (An id Excel rounded to trailing zeros without switching to scientific notation is not detectable.)
 */
import type { Message } from '../../shared/messages/index.js';
import { cleanValue } from './clean-value.js';

const SCIENTIFIC = /^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/;

export function isScientificNotation(value: string): boolean {
  return SCIENTIFIC.test(value.trim());
}

export type IdResult = { ok: true; value: string } | { ok: false; reason: Message };

/** An id cell: cleaned of `="…"` and `'`; empty or Excel-destroyed ids are refused. */
export function parseId(raw: string | undefined, column: string): IdResult {
  const v = cleanValue(raw);
  if (v === '') return { ok: false, reason: { code: 'row.idEmpty', params: { column } } };
  if (isScientificNotation(v)) {
    return { ok: false, reason: { code: 'row.idScientific', params: { column, value: v } } };
  }
  // Excel turns a numeric id into "123456.0" style only through other tools; keep the digits.
  return { ok: true, value: v };
}
