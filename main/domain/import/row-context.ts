/**
 * Typed access to one record's cells for the format readers. Every failed conversion becomes a
 * RowProblem naming the row and the column as the user sees it; the reader then refuses the row.
 * A column the header lacks reads as `undefined` ("the file does not say"); an empty cell as `null`.
 */
import type { Message } from '../../shared/messages/index.js';
import type { RowProblem } from '../orders/types.js';
import { cleanCell, cleanValue } from './clean-value.js';
import { parseDateTime } from './date-time.js';
import type { ColumnIndex } from './header-names.js';
import { parseId } from './ids.js';
import { parseMoney } from './money.js';
import type { OrderReaderOptions, SourceRecord } from './reader-types.js';

export type Col = number | undefined;

export class RowContext {
  readonly problems: RowProblem[] = [];

  constructor(
    private readonly columns: ColumnIndex,
    readonly record: SourceRecord,
    private readonly options: OrderReaderOptions,
  ) {}

  get row(): number {
    return this.record.row;
  }

  columnName(col: number): string {
    // A column without a header name is named by its position, in any language.
    return this.columns.display[col] || `#${col + 1}`;
  }

  problem(col: Col, reason: Message): void {
    this.problems.push({
      row: this.record.row,
      column: col === undefined ? null : this.columnName(col),
      code: reason.code,
      params: reason.params ?? {},
    });
  }

  /** Cleaned text: placeholders (——, -, 无) become null. */
  text(col: Col): string | null | undefined {
    if (col === undefined) return undefined;
    const v = cleanValue(this.record.cells[col]);
    return v === '' ? null : v;
  }

  /** Like text(), but keeps placeholder-looking values (a status or name of `-` is not empty). */
  literal(col: Col): string | null | undefined {
    if (col === undefined) return undefined;
    const v = cleanCell(this.record.cells[col]);
    return v === '' ? null : v;
  }

  has(col: Col): boolean {
    return col !== undefined && this.text(col) != null;
  }

  money(col: Col, options: { refund?: boolean; digits?: number } = {}): number | null | undefined {
    if (col === undefined) return undefined;
    const raw = this.record.cells[col];
    const result = parseMoney(raw, options);
    if (result.ok) return result.value;
    this.problem(col, {
      code: 'row.notMoney',
      params: { column: this.columnName(col), value: cleanCell(raw) },
    });
    return undefined;
  }

  date(col: Col): string | null | undefined {
    if (col === undefined) return undefined;
    const raw = this.record.cells[col];
    const result = parseDateTime(raw, this.options.timezone);
    if (result.ok) return result.value;
    this.problem(col, {
      code: 'row.notDate',
      params: { column: this.columnName(col), value: cleanCell(raw) },
    });
    return undefined;
  }

  /** Quantities: whole numbers, `2.0` accepted (xlsx numeric cells), `2件` tolerated. */
  quantity(col: Col): number | undefined {
    if (col === undefined) return undefined;
    const v = cleanValue(this.record.cells[col])
      .normalize('NFKC')
      .replace(/[件个份]$/, '');
    if (v === '') return undefined;
    const m = /^(\d+)(\.0+)?$/.exec(v);
    if (m) return Number(m[1]);
    this.problem(col, { code: 'row.notQuantity', params: { column: this.columnName(col), value: v } });
    return undefined;
  }

  /** The row's order id; a missing or Excel-destroyed id is a problem (the row is refused). */
  id(col: number): string | undefined {
    const result = parseId(this.record.cells[col], this.columnName(col));
    if (result.ok) return result.value;
    this.problem(col, result.reason);
    return undefined;
  }
}
