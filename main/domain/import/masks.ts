/**
 * Masked personal data. Since PIPL, JD masks phones (`1******6198`) and recent Tmall exports mask
 * names and phones (`张**`, `138****5678`). Masked values are kept verbatim — never "repaired" and
 * never treated as a real identity — and these helpers let identity matching recognise them.
 */

/** `*`, full-width `＊`, `×`, and the bullets some tools use. */
const MASK_CHAR = /[*＊×✱•●]/;
const MASK_CHARS = /[*＊×✱•●]/g;

export function hasMask(value: string | null | undefined): boolean {
  return !!value && MASK_CHAR.test(value);
}

/** A phone with some digits replaced by mask characters (`138****5678`, `1******6198`). */
export function isMaskedPhone(value: string | null | undefined): boolean {
  if (!value || !MASK_CHAR.test(value)) return false;
  const rest = value.replace(MASK_CHARS, '');
  return /^[+\d\s()-]*$/.test(rest) && /\d/.test(rest);
}

/** A name with characters replaced by mask characters (`张**`, `*明`, `＊＊＊`). */
export function isMaskedName(value: string | null | undefined): boolean {
  if (!value || !MASK_CHAR.test(value)) return false;
  return !isMaskedPhone(value);
}
