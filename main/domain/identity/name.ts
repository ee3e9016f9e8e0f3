/**
 * A receiver's (or buyer's) name, normalised for matching.
 *
 * Platforms mask names in their exports: Tmall and 拼多多 keep the surname (`张**`), JD keeps the
 * surname and the last character (`张*伟`), some tools keep only the last (`*伟`). Masks are
 * recognised, never "repaired": a masked name has no `full` value and no pinyin, only what is
 * visible. Mask characters: `*` (and full-width `＊`), `×`, `✱`, `●`, bullets and middle dots used
 * as fillers (`张··`), `x`/`X` in a Chinese name (`张xx`), and `某` after the first character (`张某某`).
 * A single middle dot between two parts is a separator, not a mask (`买买提·艾力`).
 *
 * Compound surnames (欧阳, 司马, 诸葛, 上官 …) come from pinyin-pro's surname dictionary: in its
 * surname mode the first segment of a name is its surname, and a two-character first segment is a
 * compound surname. The same call gives the surname readings (单 shan, 曾 zeng, 区 ou).
 *
 * Latin names (Shopify `John Smith`): lower-case tokens in the order written; the surname is the
 * last token (own shops abroad write given name first); the "pinyin" is the letters without
 * spaces, so a Chinese buyer who types `Zhang Wei` surname-first meets 张伟's `zhangwei`.
 */
import { OutputFormat, segment } from 'pinyin-pro';
import { isCiphertext } from '../import/masks.js';
import { halfWidth, hasCjk, isCjk, toSimplified } from './text.js';

export interface NameIdentity {
  /** The whole name normalised (`张伟`, `john smith`); null when any character is masked. */
  full: string | null;
  /**
   * The surname as far as it is visible: `欧阳` when both characters show, else the first
   * character (`欧***` → `欧`); the last token of a Latin name; null when it is hidden (`*伟`).
   */
  surname: string | null;
  /** The visible pattern, one `*` per hidden character (`张**`, `张*伟`, `*伟`); a full name itself. */
  mask: string;
  /** Characters in the name as written; null when the text does not say (`张先生`). */
  length: number | null;
  /** Toneless pinyin of a full Chinese name with surname readings (`zhangwei`); a Latin name's letters. */
  pinyin: string | null;
}

/** Mask characters after NFKC (`＊` is already `*`). */
const MASK_CHARS = new Set(['*', '×', '✱', '●', '○', '◆', '■', '?', '？']);
/** Dots that are a separator between two parts, or a mask when they stand at an end or in a run. */
const DOTS = new Set(['·', '・', '•']);
/** A name that is a surname and a form of address: the given name is not known. */
const HONORIFIC = /^(.{1,2}?)(先生|女士|小姐|太太)$/u;
/** Remarks in brackets after a name: `张伟(收)`, `李四【代收】`. */
const BRACKETED = /[([【{<《「][^)\]】}>》」]*[)\]】}>》」]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Normalises a name; null when there is none (empty, ciphertext, nothing but punctuation). */
export function normalizeName(raw: string | null | undefined): NameIdentity | null {
  if (!raw || isCiphertext(raw)) return null;
  const text = toSimplified(halfWidth(raw)).replace(BRACKETED, '').trim();
  if (!text) return null;
  if (!hasCjk(text) && /[a-z]/i.test(text)) return latinName(text);
  return chineseName(text);
}

function chineseName(text: string): NameIdentity | null {
  const chars = [...text];
  let pattern = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (MASK_CHARS.has(ch) || ch === 'x' || ch === 'X' || (ch === '某' && pattern.length > 0)) {
      pattern += '*';
    } else if (DOTS.has(ch)) {
      // A dot between two visible characters separates the parts of a name; anywhere else it hides one.
      const before = chars[i - 1];
      const after = chars[i + 1];
      const separates =
        before !== undefined &&
        after !== undefined &&
        LETTER_OR_DIGIT.test(before) &&
        LETTER_OR_DIGIT.test(after);
      if (!separates) pattern += '*';
    } else if (LETTER_OR_DIGIT.test(ch)) {
      pattern += ch.toLowerCase();
    }
  }
  if (!pattern) return null;

  const honorific = pattern.includes('*') ? null : HONORIFIC.exec(pattern);
  if (honorific) {
    const visible = honorific[1]!;
    return { full: null, surname: surnameOf(visible, 3), mask: visible + '*', length: null, pinyin: null };
  }

  const length = [...pattern].length;
  const firstMask = pattern.indexOf('*');
  if (firstMask >= 0) {
    const visiblePrefix = pattern.slice(0, firstMask);
    return {
      full: null,
      surname: visiblePrefix ? surnameOf(visiblePrefix, length) : null,
      mask: pattern,
      length,
      pinyin: null,
    };
  }
  const { surname, pinyin } = readFullName(pattern, length);
  return { full: pattern, surname, mask: pattern, length, pinyin };
}

/**
 * The surname at the start of `visible`, a name of `length` characters: pinyin-pro's first
 * segment in surname mode; two characters only when the name is longer than two (a two-character
 * name is a one-character surname and a given name, even 东方).
 */
function surnameOf(visible: string, length: number): string | null {
  const first = [...visible][0];
  if (first === undefined) return null;
  if (length <= 2 || [...visible].length < 2 || !isCjk(first)) return first;
  const head = segment(visible, { format: OutputFormat.ZhSegment, surname: 'head' })[0];
  return head !== undefined && [...head].length === 2 ? head : first;
}

/** Surname and toneless pinyin of a full name, from one segmentation in surname mode. */
function readFullName(name: string, length: number): { surname: string | null; pinyin: string | null } {
  const segments = segment(name, { format: OutputFormat.AllSegment, surname: 'head', toneType: 'none' });
  const head = segments[0];
  const compound = length > 2 && head !== undefined && [...head.origin].length === 2 && isCjk(head.origin);
  const pinyin = hasCjk(name) ? segments.map((s) => s.result).join('') : null;
  return { surname: compound ? head.origin : ([...name][0] ?? null), pinyin };
}

const surnameReadings = new Map<string, string | null>();

/**
 * Whether two different Chinese surnames read alike (汪 / 王, 溜 / 刘): the homophone a pinyin input
 * method offers first is a typo people make in a name. Readings are memoised per surname (a shop
 * has a few hundred).
 */
export function surnamesSoundAlike(a: string, b: string): boolean {
  const ra = surnameReading(a);
  return ra !== null && ra === surnameReading(b);
}

function surnameReading(surname: string): string | null {
  let reading = surnameReadings.get(surname);
  if (reading === undefined) {
    reading = hasCjk(surname) ? readFullName(surname, [...surname].length).pinyin : null;
    surnameReadings.set(surname, reading);
  }
  return reading;
}

function latinName(text: string): NameIdentity | null {
  const tokens: string[] = [];
  let masked = false;
  for (const raw of text.toLowerCase().split(/[\s,.;/_-]+/u)) {
    let token = '';
    for (const ch of raw) {
      if (MASK_CHARS.has(ch) || DOTS.has(ch)) {
        token += '*';
        masked = true;
      } else if (LETTER_OR_DIGIT.test(ch)) token += ch;
    }
    if (token) tokens.push(token);
  }
  if (tokens.length === 0) return null;
  const mask = tokens.join(' ');
  if (masked) return { full: null, surname: null, mask, length: mask.length, pinyin: null };
  return {
    full: mask,
    surname: tokens[tokens.length - 1]!,
    mask,
    length: mask.length,
    pinyin: tokens.join(''),
  };
}

/**
 * Whether two name patterns can be the same name: same length, and wherever both show a character
 * it is the same (`张**` ~ `张三丰`, `张*伟` ~ `张**`, not `张*伟` ~ `张*丽`). Patterns are `mask` values.
 */
export function namesCompatible(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== '*' && y[i] !== '*' && x[i] !== y[i]) return false;
  return true;
}
