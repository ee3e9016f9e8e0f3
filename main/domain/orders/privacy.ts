/**
 * How buyers' personal data is shown on screen and in exports unless the owner asks otherwise:
 * a name keeps its first character (张三 → 张*; 张三丰 → 张*丰), a phone its first three and last four digits
 * (138****5678) or, when it is not a Chinese mobile, its last four, an address its province, city
 * and district with the street cut short. Values a platform already masked are shown as they came
 * (a JD phone 1******6198 keeps its own pattern): never "repaired", never masked twice into noise.
 */
import { hasMask, isCiphertext } from '../import/masks.js';

const MASK = '*';

/** A Chinese name of three or more characters, none of them hidden: 张小明, 欧阳娜娜. */
const FULL_CJK_NAME = /^[\u3400-\u9fff]{3,}$/u;

/**
 * 张小明 → 张*明 (a name of three or more Chinese characters keeps its first and last), 张三 → 张*,
 * 张** → 张*, Ivan Garcia → I*. Ciphertext (抖店) is unknown: null.
 */
export function maskPersonName(name: string | null | undefined): string | null {
  const text = name?.trim();
  if (!text || isCiphertext(text)) return null;
  const chars = [...text];
  if (FULL_CJK_NAME.test(text)) return `${chars[0]}${MASK}${chars.at(-1)}`;
  return `${chars[0]}${MASK}`;
}

/** A Chinese mobile number, written as digits only (after +86 / 0086 / spaces are dropped). */
const CN_MOBILE = /^1\d{10}$/;

function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  // +86 138…, 0086 138…: the country code is not part of what a seller recognises.
  if (/^(0086|86)1\d{10}$/.test(digits)) return digits.replace(/^(0086|86)/, '');
  return digits;
}

/** 13812345678 → 138****5678; +1 555-002-2188 → *******2188; 138****5678 stays as it is. */
export function maskPhone(phone: string | null | undefined): string | null {
  const text = phone?.trim();
  if (!text || isCiphertext(text)) return null;
  if (hasMask(text)) return text;
  const digits = phoneDigits(text);
  if (digits.length === 0) return null;
  // +1 555 002 2188 has eleven digits starting with 1 too: a foreign country code rules it out.
  const foreign = /^\+(?!86)/.test(text) || /^00(?!86)/.test(text);
  if (!foreign && CN_MOBILE.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 4) return MASK.repeat(digits.length);
  return `${MASK.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** 文三路100号5幢301 → 文三**** : enough to tell two addresses of one district apart, no door. */
export function maskStreet(street: string | null | undefined): string | null {
  const text = street?.trim();
  if (!text || isCiphertext(text)) return null;
  const chars = [...text];
  const keep = Math.min(2, Math.max(0, chars.length - 2));
  return `${chars.slice(0, keep).join('')}****`;
}

/** wang.fang@example.com → w***@example.com */
export function maskEmail(email: string | null | undefined): string | null {
  const text = email?.trim();
  if (!text) return null;
  const at = text.indexOf('@');
  if (at <= 0) return `${[...text][0]}***`;
  return `${text[0]}***${text.slice(at)}`;
}

/**
 * A buyer account's key as it may be shown: member names and nicknames are public handles on
 * their platform and stay; a phone or an email (Youzan, Shopify) is personal data and is masked.
 */
export function maskBuyerKey(kind: string, key: string): string {
  if (kind === 'phone') return maskPhone(key) ?? key;
  if (kind === 'email') return maskEmail(key) ?? key;
  return key;
}
