/**
 * Rows → orders: the walk every import, preview and test takes through a sheet. Each record is read
 * by its format's reader; its lines get file-unique keys (see line-keys.ts); consecutive rows of one
 * order (JD, Shopify, 宝贝报表, 抖店 write one row per line) merge into one fragment; and the order
 * fields a file states only per line are derived from the lines once the order is complete.
 *
 * Every data row is counted: it either becomes part of an order (imported) or is refused with its
 * problems. rowsRead = rowsImported + rowsRefused always holds.
 */
import { deriveOrderFromLines } from '../orders/derive.js';
import type { ParsedOrder, RowProblem } from '../orders/types.js';
import type { LineKeyRegistry } from './line-keys.js';
import { displayHeaderName } from './header-names.js';
import { mergeFragments } from './merge-fragments.js';
import type { OrderReader, SourceRecord } from './reader-types.js';

export interface RowOutcome {
  /** The order the previous rows completed, when this row starts another. */
  completed: ParsedOrder | null;
  /** Empty when the row was imported; else why it was refused. */
  problems: RowProblem[];
}

export interface RowCounts {
  rowsRead: number;
  rowsImported: number;
  rowsRefused: number;
}

export class OrderAssembler {
  private pending: ParsedOrder | null = null;
  private read = 0;
  private refused = 0;

  constructor(
    private readonly reader: OrderReader,
    private readonly keys: LineKeyRegistry,
    /** Named in problems when a workbook has several sheets. */
    private readonly sheetName: string | null = null,
    /** The sheet's header: a last row with fewer cells was cut off; a bad cell is named by it. */
    private readonly header: readonly string[] = [],
  ) {
    // Trailing empty header cells (a header ending in a comma) are not columns a row must fill.
    let named = header.length;
    while (named > 0 && header[named - 1]!.trim() === '') named--;
    this.namedColumns = named;
  }

  private readonly namedColumns: number;

  push(record: SourceRecord): RowOutcome {
    this.read++;
    const damage = this.damage(record);
    if (damage) {
      this.refused++;
      return { completed: null, problems: [this.sheetName ? this.inSheet(damage) : damage] };
    }
    const result = this.reader.readRow(record);
    let fragment = result.fragment;
    let problems = result.problems;
    if (fragment) {
      const keyed = this.keys.assign(fragment, record.row, this.reader.lineIdColumn ?? null);
      fragment = keyed.fragment;
      problems = keyed.problems;
    }
    if (!fragment) {
      this.refused++;
      return { completed: null, problems: this.sheetName ? problems.map((p) => this.inSheet(p)) : problems };
    }
    if (this.pending && this.pending.platformOrderId === fragment.platformOrderId) {
      this.pending = mergeFragments(this.pending, fragment);
      return { completed: null, problems: [] };
    }
    const completed = this.flush();
    this.pending = fragment;
    return { completed, problems: [] };
  }

  /** The last order, complete once the sheet has no more rows. */
  flush(): ParsedOrder | null {
    const done = this.pending;
    this.pending = null;
    return done ? deriveOrderFromLines(done) : null;
  }

  counts(): RowCounts {
    return { rowsRead: this.read, rowsImported: this.read - this.refused, rowsRefused: this.refused };
  }

  /**
   * A row the file's bytes spoilt, refused before it is read: a file cut off while being written or
   * downloaded ends mid-row (its last cell would be imported short, or with half a character), and
   * undecodable bytes mean a wrong encoding or a damaged file (an address with a broken character).
   */
  private damage(record: SourceRecord): RowProblem | null {
    const cutShort = record.unterminated === true && record.cells.length < this.namedColumns;
    if (record.cutOff || cutShort) return { row: record.row, column: null, code: 'row.cutOff', params: {} };
    if (record.undecodable === undefined) return null;
    const column = this.columnName(record.undecodable);
    return { row: record.row, column, code: 'row.badCharacter', params: { column } };
  }

  private columnName(index: number): string {
    const name = displayHeaderName(this.header[index] ?? '').trim();
    return name || `#${index + 1}`;
  }

  private inSheet(problem: RowProblem): RowProblem {
    return { ...problem, sheet: this.sheetName };
  }
}
