/**
 * Remembering normalised values in the parse worker, where they repeat with few distinct values
 * (names, the place columns). Kept strings are detached copies: a cell read from a file is a slice
 * of the parser's chunk of text (V8 slices strings of 13 characters and more), and a memo holding
 * slices from every chunk would hold the whole decoded file in memory.
 */

/** Entries a memo keeps before it starts afresh. */
export const MEMO_LIMIT = 50_000;

/** A copy of a string that does not keep alive the text it was cut from. */
export function detach<T>(value: T): T {
  return typeof value === 'string' && value.length >= 13 ? ((' ' + value).slice(1) as T) : value;
}

/** Results remembered by a string (a short one, or a detached one: see above). */
export class Memo<T> {
  private readonly seen = new Map<string, T>();

  get(key: string): T | undefined {
    return this.seen.get(key);
  }

  set(key: string, value: T): T {
    if (this.seen.size >= MEMO_LIMIT) this.seen.clear();
    this.seen.set(key, value);
    return value;
  }
}
