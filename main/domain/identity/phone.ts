/**
 * A receiver's (or buyer's) phone, classified and normalised for matching.
 *
 * | class           | value (stored in `identity_phone`)                          | examples                          |
 * | --------------- | ----------------------------------------------------------- | --------------------------------- |
 * | `mobile`        | the 11 digits                                                | `+86 138-1234-5678`, `008613812345678` |
 * | `masked_mobile` | an 11-character pattern of digits and `*`                    | `138****5678`, `1******6198` (JD), `186****1` → `186*******1` |
 * | `virtual`       | the main number (digits or pattern) `-` extension            | `13812345678-1234`, `138****5678-0925` (privacy numbers) |
 * | `landline`      | area code and number as digits (a masked one as written)     | `0571-88886666`, `(010)12345678`  |
 * | `intl`          | `+` and the digits of a number abroad                        | `+1 555 000 1234` (own shops abroad) |
 * | `invalid`       | null                                                         | `12345`, `abc`                    |
 * | `cipher`        | null                                                         | `$AbC…$1$`, `##密文` (抖店, 拼多多 ciphertext) |
 * | `none`          | null                                                         | empty, `-`, `无`                  |
 *
 * A Chinese mobile number always has 11 digits, so a masked one is placed in 11 positions however
 * many mask characters the platform wrote: the visible prefix at the start, the visible suffix at
 * the end (`186****1`, JD's short form, becomes `186*******1`). Only when the mask has more than
 * one run and the written length is not 11 are the inner visible digits dropped: their positions
 * are unknown, and a pattern never claims a digit where it does not know it.
 */
import { isCiphertext } from '../import/masks.js';
import { halfWidth } from './text.js';

export const PHONE_CLASSES = [
  'mobile',
  'masked_mobile',
  'virtual',
  'landline',
  'intl',
  'invalid',
  'cipher',
  'none',
] as const;
export type PhoneClass = (typeof PHONE_CLASSES)[number];

export interface PhoneIdentity {
  class: PhoneClass;
  value: string | null;
}

const NONE: PhoneIdentity = { class: 'none', value: null };
const INVALID: PhoneIdentity = { class: 'invalid', value: null };
const CIPHER: PhoneIdentity = { class: 'cipher', value: null };

/** Mask characters after NFKC (`＊` is `*`), and `x` as some tools write it (`138xxxx5678`). */
const MASK = /[*×✱●•xX]/g;
const MOBILE = /^1[3-9]\d{9}$/;
const MASKED_3_4 = /^1[3-9]\d\*{4}\d{4}$|^1\*{6}\d{4}$/;
/** A number followed by a short extension: a privacy (virtual) number, or an office extension. */
const EXTENSION = /^(.+?)\s*(?:-|_|~|#|,|转|分机)\s*(\d{1,4})$/u;
/** Country prefixes of mainland China in front of a number: +86, 0086, 86. */
const CN_PREFIX = /^(?:\+86|0086|86)(?=1[\d*]{10}$)/;

/** Classifies and normalises a phone as written in an export. */
export function normalizePhone(raw: string | null | undefined): PhoneIdentity {
  if (raw === null || raw === undefined) return NONE;
  // The shapes nearly every export writes, without the general path's work.
  if (raw.length === 11) {
    if (MOBILE.test(raw)) return { class: 'mobile', value: raw };
    if (MASKED_3_4.test(raw)) return { class: 'masked_mobile', value: raw };
  }
  if (isCiphertext(raw)) return CIPHER;
  const text = halfWidth(raw).trim();
  if (!text) return NONE;
  if (!/\d/.test(text) && !/[*×✱●•]/.test(text)) return /[\p{L}]/u.test(text) ? INVALID : NONE;

  const ext = EXTENSION.exec(text);
  if (ext) {
    const main = numberOf(ext[1]!);
    if (main.class === 'mobile' || main.class === 'masked_mobile')
      return { class: 'virtual', value: `${main.value}-${ext[2]}` };
    // An office extension: the landline is the number, the extension is not part of it.
    if (main.class === 'landline') return main;
  }
  return numberOf(text);
}

/** A number without an extension: mobile, masked mobile, landline, abroad, or invalid. */
function numberOf(text: string): PhoneIdentity {
  const abroad = /^(?:\+|00)(?!86)/.test(text.replace(/[\s()-]/g, ''));
  // Separators people and tools put inside numbers: spaces, dashes, dots, brackets.
  let compact = text.replace(/[\s().\-—–]/g, '');
  if (/[^\d+*×✱●•xX]/.test(compact)) return INVALID;
  if (abroad) {
    const digits = compact.replace(/\D/g, '');
    return !/[*×✱●•xX]/.test(compact) && digits.length >= 7 && digits.length <= 15
      ? { class: 'intl', value: `+${digits.replace(/^00/, '')}` }
      : INVALID;
  }
  compact = compact.replace(MASK, '*');
  compact = compact.replace(CN_PREFIX, '');
  // +86 / 0086 in front of a landline drops its trunk 0: +86 571 88886666 is 0571-88886666.
  if (/^(?:\+86|0086)[2-9]\d{8,10}$/.test(compact)) compact = `0${compact.replace(/^(?:\+86|0086)/, '')}`;
  if (compact.includes('+')) return INVALID;
  if (compact.includes('*')) return maskedNumber(compact);
  if (MOBILE.test(compact)) return { class: 'mobile', value: compact };
  if (/^0[1-9]\d{8,10}$/.test(compact) || /^[2-9]\d{6,7}$/.test(compact) || /^[48]00\d{7}$/.test(compact))
    return { class: 'landline', value: compact };
  return INVALID;
}

/** A number with mask characters (`*` only by now). */
function maskedNumber(compact: string): PhoneIdentity {
  const visible = compact.replace(/\*/g, '').length;
  // Nothing visible (`***********`) identifies nobody; more than 11 digits is no Chinese mobile.
  if (visible > 11 || visible === 0) return INVALID;
  const prefix = /^\d*/.exec(compact)![0];
  const suffix = /\d*$/.exec(compact)![0];
  // A masked landline (0571****6666) or short local number: kept as written, never a mobile.
  if (prefix.length > 0 && prefix[0] !== '1') return { class: 'landline', value: compact };
  if (prefix.length > 1 && !/^1[3-9]/.test(prefix)) return INVALID;
  if (compact.length === 11) return { class: 'masked_mobile', value: compact };
  // One run of mask characters, or several whose inner digits have no known position.
  // The mask must hide at least one digit of the 11.
  if (prefix.length + suffix.length >= 11) return INVALID;
  return { class: 'masked_mobile', value: prefix + '*'.repeat(11 - prefix.length - suffix.length) + suffix };
}

/** A stored mobile or masked-mobile value (11 positions, digits and `*`), else null. */
function visiblePositions(value: string): string | null {
  return value.length === 11 && /^[\d*]{11}$/.test(value) ? value : null;
}

/**
 * How many digit positions both values show, and whether they agree on all of them. Works on
 * stored `mobile` and `masked_mobile` values (11 characters); anything else shares nothing.
 */
export function comparePhones(a: string | null, b: string | null): { shared: number; compatible: boolean } {
  const x = a === null ? null : visiblePositions(a);
  const y = b === null ? null : visiblePositions(b);
  if (x === null || y === null) return { shared: 0, compatible: false };
  let shared = 0;
  for (let i = 0; i < 11; i++) {
    const p = x.charCodeAt(i);
    const q = y.charCodeAt(i);
    if (p === 42 /* * */ || q === 42) continue;
    if (p !== q) return { shared: 0, compatible: false };
    shared++;
  }
  return { shared, compatible: shared > 0 };
}

/** Whether two stored phone values can be the same number (every shared visible digit agrees). */
export function phonesCompatible(a: string | null, b: string | null): boolean {
  return comparePhones(a, b).compatible;
}

/** Visible digits both stored values show at the same positions (0 when they disagree anywhere). */
export function sharedVisibleDigits(a: string | null, b: string | null): number {
  return comparePhones(a, b).shared;
}
