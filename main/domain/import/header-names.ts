/**
 * Header names. Tmall headers carry trailing spaces (`收货地址 `, `订单付款时间 `), files re-saved by
 * some tools start with a BOM, and copy-pasted headers pick up zero-width characters; full-width and
 * half-width punctuation both appear (`商家备注等级（等级1-5为由高到低）`). We match on a normalised
 * form but report problems with the header as the user sees it.
 */

/** BOM, zero-width space/non-joiner/joiner, word joiner. */
const INVISIBLE = /[\uFEFF\u200B-\u200D\u2060]/g;

/** The header as written, minus invisible characters and surrounding spaces: used in messages. */
export function displayHeaderName(name: string): string {
  return name.replace(INVISIBLE, '').trim();
}

/** The form used for matching: NFKC folds full-width letters, digits and punctuation. */
export function normalizeHeaderName(name: string): string {
  return displayHeaderName(name).normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * Column lookup by name with alias lists. Duplicate headers are kept (Youzan writes `分销员` twice):
 * lookups return the first occurrence, `indicesOf` returns all, and rows are read by index.
 */
export class ColumnIndex {
  readonly names: readonly string[];
  readonly display: readonly string[];
  private readonly byName = new Map<string, number[]>();

  constructor(header: readonly string[]) {
    this.display = header.map(displayHeaderName);
    this.names = header.map(normalizeHeaderName);
    this.names.forEach((name, i) => {
      if (!name) return;
      const list = this.byName.get(name);
      if (list) list.push(i);
      else this.byName.set(name, [i]);
    });
  }

  has(name: string): boolean {
    return this.byName.has(normalizeHeaderName(name));
  }

  /** Index of the first alias present, in alias order (aliases are listed best first). */
  find(...aliases: string[]): number | undefined {
    for (const alias of aliases) {
      const hit = this.byName.get(normalizeHeaderName(alias));
      if (hit) return hit[0];
    }
    return undefined;
  }

  indicesOf(name: string): number[] {
    return this.byName.get(normalizeHeaderName(name)) ?? [];
  }

  /** How many of `names` the header contains. */
  countPresent(names: readonly string[]): number {
    return names.reduce((n, name) => n + (this.has(name) ? 1 : 0), 0);
  }

  get length(): number {
    return this.names.length;
  }
}
