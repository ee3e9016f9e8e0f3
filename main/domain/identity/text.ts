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
import { Converter, Locale } from 'opencc-js/t2cn';

type Convert = (text: string) => string;
let traditionalToSimplified: Convert | null = null;
/**
 * Every character a conversion can change: text with none of them comes out as it went in. For a
 * mapping of equal length only the characters that differ count (a phrase such as 乾隆 → 乾隆 or
 * 一乾二淨 → 一干二净 changes nothing a text without 乾/淨 has); for others, every source character.
 */
let convertible: Set<number> | null = null;

/** The conversion's dictionaries are 'source target|…' strings or [source, target] pairs. */
function changingChars(
  dicts: readonly (string | readonly (readonly [string, string])[])[],
  out: Set<number>,
): void {
  const add = (source: string, target: string) => {
    const s = [...source];
    const t = [...target];
    for (let i = 0; i < s.length; i++)
      if (s.length !== t.length || s[i] !== t[i]) out.add(s[i]!.codePointAt(0)!);
  };
  for (const dict of dicts) {
    if (typeof dict !== 'string') for (const [source, target] of dict) add(source, target);
    else
      for (const entry of dict.split('|')) {
        const space = entry.indexOf(' ');
        // A source may list several targets (`乾 干 乾`): the first is the conversion's choice.
        if (space > 0) add(entry.slice(0, space), entry.slice(space + 1).split(' ')[0]!);
      }
  }
}

/** `張偉` → `张伟`. Text that is already simplified (most of it) is returned as it is, unconverted. */
export function toSimplified(text: string): string {
  if (convertible === null) {
    // Built on first use, and the converter itself only when some text needs it: only the parse
    // worker converts, and most files have no traditional character at all.
    convertible = new Set();
    for (const group of [...Locale.from.hk!, ...Locale.to.cn!]) changingChars(group, convertible);
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Surrogates (CJK extension B and beyond) are rare: let the converter look at them.
    if (c >= 0x3400 && (convertible.has(c) || (c >= 0xd800 && c <= 0xdfff))) {
      const convert = (traditionalToSimplified ??= Converter({ from: 'hk', to: 'cn' }));
      return convert(text);
    }
  }
  return text;
}

/** Full width → half width and compatibility forms folded (NFKC). */
export function halfWidth(text: string): string {
  // Most values are ASCII and common CJK ideographs, which NFKC leaves as they are.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && (c < 0x4e00 || c > 0x9fff)) return text.normalize('NFKC');
  }
  return text;
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
