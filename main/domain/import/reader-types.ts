/**
 * The seam between reading an export (this folder, pure) and writing it (main/services/import).
 * A file is opened into sheets of records; each sheet's header picks a format; the format's
 * OrderReader turns each record into an order fragment (see ParsedOrder: undefined = "not said").
 */
import type { GenericField, MappedStatus, TextEncoding } from '../../shared/vocabulary.js';
export {
  GENERIC_FIELDS,
  MAPPED_STATUSES,
  TEXT_ENCODINGS,
  type GenericField,
  type MappedStatus,
  type TextEncoding,
} from '../../shared/vocabulary.js';
import type { ImportFormat, ParsedOrder, RowProblem } from '../orders/types.js';

/** One row of a sheet, cells as text exactly as decoded (before any cleaning). */
export interface SourceRecord {
  /** Spreadsheet row number: the header is row 1 (or later if title rows precede it). */
  row: number;
  cells: string[];
  /** Text files: the file ends inside this row (a quote never closed, a character cut in half). */
  cutOff?: boolean;
  /** Text files: the file's last row, with no line break after it: cut short if it lacks cells. */
  unterminated?: boolean;
  /** Text files: the first cell where decoding met bytes it could not read (now U+FFFD). */
  undecodable?: number;
}

export interface SheetRecords {
  /** The worksheet name for workbooks (订单报表 / 销售明细 / 发货报表), null for CSV. */
  sheetName: string | null;
  /** Header cells as found (untrimmed: trailing spaces and BOMs are real in Tmall files). */
  header: string[];
  headerRow: number;
  records: AsyncIterable<SourceRecord>;
}

export interface OpenedSource {
  container: 'csv' | 'xlsx';
  /** The text encoding that was detected or forced; 'xlsx' for workbooks. */
  encoding: TextEncoding | 'xlsx';
  sheets: AsyncIterable<SheetRecords>;
  /** Bytes consumed so far and the file size, for progress. */
  progress(): { done: number; total: number };
  /** Releases the file when reading stops early (a cancel, a refused file, a peek). */
  close(): void;
}

export interface DetectedFormat {
  format: ImportFormat;
  /** 0..1: share of the format's fingerprint columns present. */
  confidence: number;
  /** Human-readable generation, e.g. "订单报表 61 列", "宝贝报表", "销售明细", "发货报表". */
  variant: string;
}

/** Field → header name (as shown, trimmed), and the meaning of each status text the user set. */
export type ColumnMapping = Partial<Record<GenericField, string>> & {
  statusValues?: Record<string, MappedStatus>;
};

export interface OrderReaderOptions {
  /** IANA zone for timestamps without an offset (default Asia/Shanghai). */
  timezone: string;
  /**
   * Currency for files that do not name one: chosen by the user or taken from the shop. null =
   * unknown: such a file's orders carry no currency and the import asks for it (never assumed).
   * Files of Chinese marketplaces are always CNY and ignore this.
   */
  currency: string | null;
  /** Required for the generic format. */
  mapping?: ColumnMapping;
}

export interface RowResult {
  fragment: ParsedOrder | null;
  problems: RowProblem[];
}

export interface OrderReader {
  format: ImportFormat;
  /** The column that holds platform-issued sub-order ids (as shown), when the layout has one. */
  lineIdColumn?: string | null;
  readRow(record: SourceRecord): RowResult;
}
