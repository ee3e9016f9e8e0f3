/**
 * Which characters of two shown (masked) values agree, so the review screen can highlight them:
 * 138****5678 against 1******5678 agree on the 1 and on 5678. Only what is on screen is compared —
 * a mask character agrees with nothing — so the highlight never tells more than the masked values.
 *
 * Phones are compared position by position (a digit means something only at its place); other
 * values by their longest common subsequence, which finds 西湖区文三路 inside 浙江省杭州市西湖区文三路.
 */

const MASK = /[*＊×✱•●]/;

export interface Agreement {
  agreeA: number[];
  agreeB: number[];
}

const NONE: Agreement = { agreeA: [], agreeB: [] };

function isPhoneField(field: string): boolean {
  const f = field.toLowerCase();
  return f.includes('phone') || f.includes('mobile');
}

function comparable(char: string): string | null {
  return MASK.test(char) || /\s/.test(char) ? null : char.toLowerCase();
}

/** Same length: the positions where both show the same character. */
function byPosition(a: string[], b: string[]): Agreement {
  const same: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = comparable(a[i]!);
    if (x !== null && x === comparable(b[i]!)) same.push(i);
  }
  return { agreeA: same, agreeB: [...same] };
}

/** Longest values compared: beyond this the highlight is left out rather than costing time. */
const MAX_LCS = 400;

/** The longest common subsequence of shown characters, as indices into each value. */
function bySubsequence(a: string[], b: string[]): Agreement {
  if (a.length > MAX_LCS || b.length > MAX_LCS) return NONE;
  const n = a.length;
  const m = b.length;
  // table[i][j]: LCS length of a[i..] and b[j..], built from the end so the walk runs forwards.
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const x = comparable(a[i]!);
      table[i]![j] =
        x !== null && x === comparable(b[j]!)
          ? table[i + 1]![j + 1]! + 1
          : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const agreeA: number[] = [];
  const agreeB: number[] = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    const x = comparable(a[i]!);
    if (x !== null && x === comparable(b[j]!)) {
      agreeA.push(i++);
      agreeB.push(j++);
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return { agreeA, agreeB };
}

/** The characters of `a` and `b` (code-point indices) that agree, for the field they belong to. */
export function agreeingCharacters(field: string, a: string | null, b: string | null): Agreement {
  if (a === null || b === null) return NONE;
  const x = [...a];
  const y = [...b];
  if (isPhoneField(field) && x.length === y.length) return byPosition(x, y);
  return bySubsequence(x, y);
}
