/**
 * Reads one file for staging — decode, detect, read, normalise, encode — and hands the encoded rows
 * to a sink in batches of a few thousand (the parse worker posts them to the thread that writes the
 * database). The file is hashed in the same pass. Dates are read in the time zone of the shop the
 * file goes into, so the shop is chosen at the first order and nothing is handed on before that:
 * if that shop's zone or currency differs from the one assumed, the file is read again with it (rare:
 * a shop abroad, a non-yuan shop's mapped file).
 */
import { createHash } from 'node:crypto';
import { headerSignature, localDateOf } from '../../domain/import/index.js';
import type { ColumnMapping, TextEncoding } from '../../domain/import/index.js';
import { platformOfFormat, type ImportFormat, type RowProblem } from '../../domain/orders/types.js';
import type { JobContext } from './import-types.js';
import { scanFile, type ScanResult } from './scan-file.js';
import { chooseCurrency, chooseShop, DEFAULT_TIMEZONE, type ShopInfo } from './shop-choice.js';
import { encodeOrder } from './encode-order.js';
import type { EncodedLine, EncodedOrder } from './staging.js';

export interface ParseFileJob {
  file: { fileId: string; path: string; name: string; size: number };
  format?: ImportFormat;
  encoding?: TextEncoding;
  mapping?: ColumnMapping;
  currency?: string;
  shopName?: string;
  /** The shop another file of the same import names (a 宝贝报表 joins its 订单报表's shop). */
  shopHint?: string;
  /** Remembered column mappings by header signature (column_mappings). */
  rememberedMappings: Record<string, ColumnMapping>;
  shops: ShopInfo[];
  /** Stop at the first order: only the format and the shop it names are wanted. */
  peek?: boolean;
}

/** The shop, zone and currency chosen for the file, known at its first order. */
export interface ParseStart {
  format: ImportFormat;
  shopNameInFile: string | null;
  currencyInFile: string | null;
  shopName: string;
  timezone: string;
  /** null: the file names no currency and none could be chosen — the user must say. */
  currency: string | null;
}

export interface RowBatch {
  orders: EncodedOrder[];
  lines: EncodedLine[];
  problems: RowProblem[];
  samples: string[][];
}

/** What reading the file learnt, besides its rows. */
export interface ParsedFileMeta extends ParseStart {
  fileName: string;
  fileSize: number;
  sha256: string;
  encoding: string;
  variants: string[];
  header: string[];
  sampleRows: string[][];
  mapping: ColumnMapping | null;
  rows: number;
  rowsImported: number;
  rowsRefused: number;
}

export interface RowSink {
  start(info: ParseStart): void;
  /** A batch of rows; the returned promise (if any) holds the reading back until it is taken. */
  batch(rows: RowBatch): void | Promise<void>;
}

/** Orders per batch: large enough to make posting cheap, small enough to write in a few ms. */
const BATCH_ORDERS = 500;
const SAMPLE_ROWS = 8;

class ReadAgain {
  constructor(
    readonly timezone: string,
    readonly currency: string | null,
  ) {}
}

const PEEKED = Symbol('peeked');

export async function parseFile(job: ParseFileJob, ctx: JobContext, sink: RowSink): Promise<ParsedFileMeta> {
  let assumed = { timezone: initialZone(job), currency: job.currency ?? null };
  for (let attempt = 0; ; attempt++) {
    try {
      return await parseOnce(job, assumed, ctx, sink, attempt === 0);
    } catch (error) {
      if (!(error instanceof ReadAgain) || attempt > 0) throw error;
      assumed = { timezone: error.timezone, currency: error.currency };
    }
  }
}

/** A typed or hinted shop that exists tells the zone before reading; else the default. */
function initialZone(job: ParseFileJob): string {
  const named = job.shopName ?? job.shopHint;
  return job.shops.find((s) => s.name === named)?.timezone ?? DEFAULT_TIMEZONE;
}

async function parseOnce(
  job: ParseFileJob,
  assumed: { timezone: string; currency: string | null },
  ctx: JobContext,
  sink: RowSink,
  mayReadAgain: boolean,
): Promise<ParsedFileMeta> {
  const hash = createHash('sha256');
  const sampleRows: string[][] = [];
  let header: string[] = [];
  let start: ParseStart | null = null;
  let batch: RowBatch = { orders: [], lines: [], problems: [], samples: [] };
  const localDate = (iso: string) => localDateOf(iso, assumed.timezone);
  let pending: void | Promise<void> = undefined;

  const flush = () => {
    if (!start) return;
    if (batch.orders.length + batch.problems.length + batch.samples.length === 0) return;
    pending = sink.batch(batch);
    batch = { orders: [], lines: [], problems: [], samples: [] };
  };

  const begin = (format: ImportFormat, first: { shopNameInFile: string | null; currency: string | null }) => {
    start = decide(job, format, first);
    if (mayReadAgain && (start.timezone !== assumed.timezone || start.currency !== assumed.currency))
      throw new ReadAgain(start.timezone, start.currency);
    sink.start(start);
  };

  let scan: ScanResult;
  try {
    scan = await scanFile(
      {
        file: job.file,
        format: job.format,
        encoding: job.encoding,
        mapping: job.mapping,
        rememberedMapping: (h) => job.rememberedMappings[headerSignature(h)] ?? null,
      },
      ctx,
      {
        onBytes: (chunk) => hash.update(chunk),
        onSheet(sheet) {
          if (header.length === 0) header = sheet.header.map((h) => h.trim());
        },
        onRecord(_sheet, cells) {
          if (sampleRows.length >= SAMPLE_ROWS) return;
          sampleRows.push(cells);
          batch.samples.push(cells);
        },
        onFragment(order, format) {
          if (!start) {
            begin(format, { shopNameInFile: order.shopNameInFile ?? null, currency: order.currency ?? null });
            if (job.peek) throw PEEKED;
          }
          const encoded = encodeOrder(order, localDate);
          batch.orders.push(encoded.order);
          for (const line of encoded.lines) batch.lines.push(line);
          if (batch.orders.length >= BATCH_ORDERS) flush();
        },
        onProblem: (problem) => {
          batch.problems.push(problem);
        },
        pace: () => {
          const wait = pending;
          pending = undefined;
          return wait;
        },
      },
      { timezone: assumed.timezone, currency: assumed.currency },
    );
  } catch (error) {
    if (error !== PEEKED) throw error;
    return { ...start!, ...emptyMeta(job) };
  }
  if (!start) begin(scan.format, { shopNameInFile: null, currency: null });
  flush();
  await pending;
  return {
    ...start!,
    fileName: job.file.name,
    fileSize: job.file.size,
    sha256: hash.digest('hex'),
    encoding: scan.encoding,
    variants: scan.variants,
    header,
    sampleRows,
    mapping: scan.mapping,
    rows: scan.rows,
    rowsImported: scan.rowsImported,
    rowsRefused: scan.rowsRefused,
  };
}

function emptyMeta(job: ParseFileJob): Omit<ParsedFileMeta, keyof ParseStart> {
  return {
    fileName: job.file.name,
    fileSize: job.file.size,
    sha256: '',
    encoding: '',
    variants: [],
    header: [],
    sampleRows: [],
    mapping: null,
    rows: 0,
    rowsImported: 0,
    rowsRefused: 0,
  };
}

/** The shop, zone and currency for a file whose first order is known. */
function decide(
  job: ParseFileJob,
  format: ImportFormat,
  first: { shopNameInFile: string | null; currency: string | null },
): ParseStart {
  const platform = platformOfFormat(format);
  const shop = chooseShop(job.shops, platform, job.shopName ?? job.shopHint, first.shopNameInFile);
  // A second reading stamps the shop's currency on mapped rows: it then reads as the file's own.
  const currency = chooseCurrency({
    chosen: job.currency,
    inFile: first.currency,
    platform,
    shopCurrency: shop.currency,
  });
  return {
    format,
    shopNameInFile: first.shopNameInFile,
    currencyInFile: first.currency,
    shopName: shop.name,
    timezone: shop.timezone,
    currency,
  };
}
