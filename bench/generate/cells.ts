/**
 * Cell-level writing rules shared by the format generators: money and time the way Chinese back
 * offices print them, CSV quoting the way the real exports quote, and rows addressed by column
 * name (resolved once per file, since the hot loop runs a million times).
 */

/** 2024-01-01 00:00:00 as a UTC instant; generator times are wall-clock seconds after it. */
const BASE_MS = Date.UTC(2024, 0, 1);

/**
 * `16800` → `168.00`. Integer arithmetic: no float rounding surprises in the files. A negative or
 * fractional amount is a generator bug (the importer would refuse the row): fail loudly.
 */
export function yuan(fen: number): string {
  if (fen < 0 || !Number.isInteger(fen)) throw new Error(`bench generator: bad amount ${fen} fen`);
  const cents = fen % 100;
  return `${Math.trunc(fen / 100)}.${cents < 10 ? '0' : ''}${cents}`;
}

/** Wall-clock seconds → `2024-11-11 00:00:05`. */
export function wallTime(seconds: number): string {
  return new Date(BASE_MS + seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Wall-clock seconds → `yyyyMMdd` (有赞 ids start with it; 拼多多 ids with its last six digits). */
export function yyyyMMdd(seconds: number): string {
  const iso = new Date(BASE_MS + seconds * 1000).toISOString();
  return iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

/** `n` as a zero-padded decimal string of `width` digits. */
export function padded(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * `seq` mapped one-to-one onto `width` digits that look random: multiplying by a number coprime
 * with 10 permutes the residues mod 10^width. Gives ids that are unique within a file (seq is)
 * without the long runs of zeros a plain counter shows. BigInt: exact for any width.
 */
export function scrambled(seq: number, width: number): string {
  const modulus = 10n ** BigInt(width);
  return ((BigInt(seq) * 987654321n) % modulus).toString().padStart(width, '0');
}

const NEEDS_QUOTES = /[",\r\n]/;
const EXCEL_TEXT = /^="[^"]*"$/;

/**
 * RFC-4180 quoting where needed. Tmall's `="…"` id cells are written raw, as the real export does
 * (a CSV parser sees an unquoted field that merely contains quotes).
 */
export function csvCell(value: string): string {
  if (!NEEDS_QUOTES.test(value) || EXCEL_TEXT.test(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

/**
 * Rows in header order, addressed by (trimmed) column name. Unknown names throw at set-up, so a
 * typo in a generator fails the first run instead of silently leaving a column empty.
 */
export class RowShape {
  private readonly positions = new Map<string, number>();

  constructor(readonly header: readonly string[]) {
    header.forEach((name, i) => {
      const key = name.trim();
      if (!this.positions.has(key)) this.positions.set(key, i);
    });
  }

  /** The position of a column; for a duplicated header name, the first. */
  col(name: string): number {
    const i = this.positions.get(name);
    if (i === undefined) throw new Error(`bench generator: no column 「${name}」 in this header`);
    return i;
  }

  /** The position of the last column with this name (Youzan writes 分销员 twice). */
  lastCol(name: string): number {
    const i = this.header.findLastIndex((h) => h.trim() === name);
    if (i < 0) throw new Error(`bench generator: no column 「${name}」 in this header`);
    return i;
  }

  /** A row of empty cells; every export leaves most optional columns empty. */
  blank(): string[] {
    return new Array<string>(this.header.length).fill('');
  }
}
