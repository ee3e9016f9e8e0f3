/**
 * Line keys within one file. A reader keys a line by a sub-order id when the platform issues one,
 * else by what identifies the item (sku|title|attributes). An order may list the same item on two
 * rows — two separate purchases of one SKU, a gift line, a split shipment — and those are two lines:
 * the n-th occurrence of a content key within its order becomes `key#n`. Numbering follows file
 * order, so re-importing the same file yields the same keys and changes nothing.
 *
 * A platform-issued sub-order id seen twice in one order is the same line described twice; the
 * second row is refused and named, never merged silently.
 */
import type { ParsedOrder, RowProblem } from '../orders/types.js';

export interface LineKeyResult {
  fragment: ParsedOrder | null;
  problems: RowProblem[];
}

/** Rows are below 2^31; times seen is packed above them so one number per line is kept. */
const ROW_BITS = 2 ** 31;

export class LineKeyRegistry {
  /** `order id \u0001 line key` → times seen × 2^31 + row of the first occurrence (flat: a 1M-line file). */
  private readonly seen = new Map<string, number>();

  /**
   * Gives each line of a row's fragment its file-wide unique key, or refuses the row.
   * @param idColumn the sub-order id column as the user sees it, named in a refusal.
   */
  assign(fragment: ParsedOrder, row: number, idColumn: string | null = null): LineKeyResult {
    const lines = fragment.lines;
    if (!lines || lines.length === 0) return { fragment, problems: [] };
    const problems: RowProblem[] = [];
    const numbered = lines.map((line) => {
      const id = `${fragment.platformOrderId}\u0001${line.lineKey}`;
      const entry = this.seen.get(id);
      if (entry === undefined) {
        this.seen.set(id, ROW_BITS + row);
        return line;
      }
      const firstRow = entry % ROW_BITS;
      if (line.keyIsPlatformId) {
        problems.push({
          row,
          column: idColumn,
          code: 'row.duplicateSubOrder',
          params: { lineKey: line.lineKey, firstRow },
        });
        return line;
      }
      const times = Math.floor(entry / ROW_BITS) + 1;
      this.seen.set(id, times * ROW_BITS + firstRow);
      return { ...line, lineKey: `${line.lineKey}#${times}` };
    });
    if (problems.length > 0) return { fragment: null, problems };
    return { fragment: { ...fragment, lines: numbered }, problems: [] };
  }
}
