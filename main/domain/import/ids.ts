/**
 * Order and sub-order ids. Tmall ids are 16–19 digits: Excel keeps only 15 significant digits and
 * shows them as `1.23457E+18` once a user opens and re-saves the CSV. That damage cannot be undone,
 * so such a row is refused with a message telling the user to import the original export.
 * (An id Excel rounded to trailing zeros without switching to scientific notation is not detectable.)
 */
import { cleanValue } from './clean-value.js';

const SCIENTIFIC = /^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/;

export function isScientificNotation(value: string): boolean {
  return SCIENTIFIC.test(value.trim());
}

export type IdResult = { ok: true; value: string } | { ok: false; reason: string };

/** An id cell: cleaned of `="…"` and `'`; empty or Excel-destroyed ids are refused. */
export function parseId(raw: string | undefined, column: string): IdResult {
  const v = cleanValue(raw);
  if (v === '') return { ok: false, reason: `「${column}」为空：无法识别这一行属于哪个订单` };
  if (isScientificNotation(v)) return { ok: false, reason: scientificIdReason(column, v) };
  // Excel turns a numeric id into "123456.0" style only through other tools; keep the digits.
  return { ok: true, value: v };
}

export function scientificIdReason(column: string, value: string): string {
  return `「${column}」的值「${value}」是科学计数法：文件被 Excel 另存过，长编号已损坏，请导入平台导出的原始文件`;
}
