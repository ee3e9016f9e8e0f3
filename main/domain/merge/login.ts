/**
 * Whether a receiver is the buyer: a marketplace account (Tmall 会员名, JD 下单帐号) states no
 * name, but people make logins from their names (zhangwei1988, wei_0412, zw2019, xiaowei88). A
 * login that spells the receiver's name (its pinyin, given-name pinyin or initials) says the
 * receiver is the account's holder, not someone it sent a gift to.
 */
import { pinyin } from 'pinyin-pro';

const surnameMemo = new Map<string, string>();

/** Toneless pinyin of a surname with surname readings (单 → shan). */
export function surnamePinyin(surname: string): string {
  let value = surnameMemo.get(surname);
  if (value === undefined) {
    value = (pinyin(surname, { toneType: 'none', type: 'array', surname: 'all', v: true }) as string[])
      .join('')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    if (surnameMemo.size > 10_000) surnameMemo.clear();
    surnameMemo.set(surname, value);
  }
  return value;
}

/** The letters of a login (lower case), when it is a Latin one; null otherwise. */
export function loginLetters(login: string | null): string | null {
  if (!login || !/^[a-z0-9_.-]+$/i.test(login)) return null;
  const letters = login.toLowerCase().replace(/[^a-z]/g, '');
  return letters.length >= 2 ? letters : null;
}

export interface NameForLogin {
  /** Toneless pinyin of the whole name (zhangwei), when known. */
  pinyin: string | null;
  surname: string | null;
}

/**
 * Whether `letters` (a login's) spell this name: with the whole name known, the full or given-name
 * pinyin appears in it or it starts with the initials; with only the surname, it starts with the
 * surname's pinyin.
 */
export function loginSpellsName(letters: string, name: NameForLogin): boolean {
  if (!name.surname) return false;
  const sp = surnamePinyin(name.surname);
  if (!sp) return false;
  if (name.pinyin && name.pinyin.startsWith(sp)) {
    const given = name.pinyin.slice(sp.length);
    if (letters.includes(name.pinyin)) return true;
    // The given name leads the login (yanling, xiaoyanling): all of it, with at most two more
    // letters after it (initials). A short given name inside a longer one (yan in yanling) is
    // someone else's.
    const core = letters.startsWith('xiao') ? letters.slice(4) : letters;
    const head = given.slice(0, 6);
    return given.length >= 3 && core.startsWith(head) && core.length - head.length <= 2;
  }
  return sp.length >= 2 && letters.startsWith(sp);
}

/**
 * Whether two accounts' logins say they are two people of one family: both spell the surname and
 * then differ (cuiyuexiu vs cuilongjun), or one spells the surname and a given name that is not
 * the other side's whole name (zhangqiang vs 张阳平). A household shares address, phone and surname;
 * the login is often all that tells its members apart when the platforms mask the names.
 */
export function loginsConflict(
  a: string | null,
  aName: NameForLogin,
  b: string | null,
  bName: NameForLogin,
): boolean {
  const surname = aName.surname ?? bName.surname;
  if (!surname) return false;
  const sp = surnamePinyin(surname);
  if (sp.length < 2) return false;
  const spells = (letters: string | null) =>
    letters !== null && letters.startsWith(sp) && letters.length > sp.length + 1;
  if (spells(a) && spells(b) && a !== b && !a!.startsWith(b!) && !b!.startsWith(a!)) return true;
  const against = (letters: string | null, other: NameForLogin) =>
    spells(letters) &&
    other.pinyin !== null &&
    other.pinyin.startsWith(sp) &&
    !loginSpellsName(letters!, other);
  return against(a, bName) || against(b, aName);
}
