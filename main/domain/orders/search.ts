/**
 * What a seller types in the Orders search box, read the way 千牛 and 有赞 read it: part of an
 * order id, a buyer's account or nickname, a receiver's name, or some digits of a phone.
 *
 * Phones are often stored masked (Tmall 138****5678, JD 1******6198), so digits match where they
 * are visible: "5678" and "138" find 138****5678, "385" does not (those digits straddle the mask).
 * A whole phone number finds a masked phone of the same length whose visible digits all agree.
 */

export interface OrderSearch {
  /** The text as typed, trimmed; matched as a substring (order id, names, accounts). */
  text: string;
  /** The phone digits when the text reads as (part of) a phone number: at least 3 digits. */
  phoneDigits: string | null;
  /**
   * A whole phone number (7 or more digits): it also finds masked phones whose visible digits
   * agree with it. The last four are always visible in the masks platforms use.
   */
  wholePhone: string | null;
}

/** Phone separators people type or paste: 138-1234-5678, 138 1234 5678, (021) 5555 1234, +86… */
const PHONE_TEXT = /^[+\d\s()-]+$/;

/** Fewer digits than this would match nearly every phone: they still search order ids. */
const MIN_PHONE_DIGITS = 3;
const MIN_WHOLE_PHONE_DIGITS = 7;

/** The search, or null when the text is empty. */
export function parseOrderSearch(q: string | null | undefined): OrderSearch | null {
  const text = (q ?? '').trim();
  if (!text) return null;
  let phoneDigits: string | null = null;
  if (PHONE_TEXT.test(text)) {
    let digits = text.replace(/\D/g, '');
    // +86 138…: the country code is never part of a stored Chinese mobile.
    if (/^(0086|86)1\d{10}$/.test(digits)) digits = digits.replace(/^(0086|86)/, '');
    if (digits.length >= MIN_PHONE_DIGITS) phoneDigits = digits;
  }
  const wholePhone = phoneDigits && phoneDigits.length >= MIN_WHOLE_PHONE_DIGITS ? phoneDigits : null;
  return { text, phoneDigits, wholePhone };
}

/** `%text%` for SQL LIKE with `\` as the escape character. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
