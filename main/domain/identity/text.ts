/**
 * Text normalisation shared by the identity normalisers: the same person's name or address written
 * on two platforms should compare equal however it was typed.
 *
 * - NFKC folds full-width letters, digits and punctuation to half width (`１３８` → `138`, `Ａ座` →
 *   `A座`, the ideographic space U+3000 → a space), and compatibility forms (`＊` → `*`).
 * - OpenCC (opencc-js, the generic Traditional → Mainland-Simplified converter) folds traditional
 *   characters: buyers in Hong Kong and Taiwan, and phones set to traditional input, write `張偉`,
 *   `廣州市天河區華夏路10號`.
 * - Spaces and punctuation carry no identity: `张 伟`, `张伟。`, `文三路100号,` are the same values.
 */
import { Converter } from 'opencc-js/t2cn';

type Convert = (text: string) => string;
let traditionalToSimplified: Convert | null = null;

/** The first code point that can be a CJK ideograph (CJK Extension A starts at U+3400). */
const FIRST_CJK = 0x3400;

/** `張偉` → `张伟`. Text without CJK characters (most phones, e-mails, Latin names) is returned as is. */
export function toSimplified(text: string): string {
  let cjk = false;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= FIRST_CJK) {
      cjk = true;
      break;
    }
  }
  if (!cjk) return text;
  // Built on first use: the dictionary is about 100 kB and only the parse worker needs it.
  const convert = (traditionalToSimplified ??= Converter({ from: 'hk', to: 'cn' }));
  return convert(text);
}

/** Full width → half width and compatibility forms folded (NFKC). */
export function halfWidth(text: string): string {
  return text.normalize('NFKC');
}

/** Any space or punctuation mark (Unicode categories Z and P), and the control characters. */
const SPACE_OR_PUNCTUATION = /[\p{Z}\p{P}\s\p{Cc}\p{Cf}]+/gu;

/** Removes spaces and punctuation (`张 伟。` → `张伟`). Symbols such as `+` and `×` stay. */
export function stripSpaceAndPunctuation(text: string): string {
  return text.replace(SPACE_OR_PUNCTUATION, '');
}

/**
 * The normal form of free text for comparing: NFKC, traditional → simplified, lower case, no spaces
 * or punctuation. `null` when nothing is left.
 */
export function normalizeText(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = stripSpaceAndPunctuation(toSimplified(halfWidth(raw)).toLowerCase());
  return text.length > 0 ? text : null;
}

/** True for a CJK ideograph (the Unified block and Extension A, where names and places are written). */
export function isCjk(char: string): boolean {
  const c = char.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** True when the text contains at least one CJK ideograph. */
export function hasCjk(text: string): boolean {
  for (const ch of text) if (isCjk(ch)) return true;
  return false;
}
