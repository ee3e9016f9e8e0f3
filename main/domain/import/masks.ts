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

/**
 * Ciphertext instead of a value: 抖店 (and other platforms' open APIs) export receivers encrypted
 * unless the shop has decrypt rights — `##…##`, `$…$1$`, `~…~`, a cell that says 密文, or a long
 * base64-like string. Such a value is unknown, never a name, a phone or an address.
 */
export function isCiphertext(value: string | null | undefined): boolean {
  if (!value) return false;
  const v = value.trim();
  if (v.includes('密文')) return true;
  // Wrapped in the platform's markers: #name#, $phone$, ~address~ (doubled or with a key index).
  if (/^([#$~])\1?[^\s]{2,}\1\1?$/.test(v)) return true;
  if (/^[#$~][A-Za-z0-9+/=]{8,}[#$~][0-9A-Za-z+/=$#~]*$/.test(v)) return true;
  // A long unbroken run of base64 characters with no CJK, no spaces: no real name or address.
  return v.length >= 24 && /^[A-Za-z0-9+/=_-]+$/.test(v) && /[A-Za-z]/.test(v) && /\d/.test(v);
}
