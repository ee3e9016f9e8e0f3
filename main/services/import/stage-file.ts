/**
 * Parses one file into its staging database: decode, detect, read, normalise, fold orders — the
 * whole read side of an import, done once (in the parse worker: see parse-worker.ts). The file is
 * hashed in the same pass. Dates are read in the time zone of the shop the file goes into, so the
 * shop is chosen at the first order; if that shop's zone or currency differs from the one assumed,
 * the file is read again with it (rare: a shop abroad, a non-yuan shop's mapped file).
 */
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { headerSignature, localDateOf } from '../../domain/import/index.js';
import type { ColumnMapping, TextEncoding } from '../../domain/import/index.js';
import { platformOfFormat, type ImportFormat } from '../../domain/orders/types.js';
import type { JobContext } from './import-types.js';
import { scanFile, type ScanResult } from './scan-file.js';
import { chooseCurrency, chooseShop, DEFAULT_TIMEZONE, type ShopInfo } from './shop-choice.js';
import { StagingWriter, type StagedSummary } from './staging.js';

export interface StageFileJob {
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
  stagingPath: string;
}

/** What staging learnt about the file; stored in the staging's meta and returned to the caller. */
export interface StagedFileMeta {
  fileName: string;
  fileSize: number;
  sha256: string;
  format: ImportFormat;
  encoding: string;
  variants: string[];
  header: string[];
  sampleRows: string[][];
  mapping: ColumnMapping | null;
  rows: number;
  rowsImported: number;
  rowsRefused: number;
  shopNameInFile: string | null;
  currencyInFile: string | null;
  shopName: string;
  timezone: string;
  /** null: the file names no currency and none could be chosen — the user must say. */
  currency: string | null;
  summary: StagedSummary;
}

class ReadAgain {
  constructor(
    readonly timezone: string,
    readonly currency: string | null,
  ) {}
}

export async function stageFile(job: StageFileJob, ctx: JobContext): Promise<StagedFileMeta> {
  let assumed = { timezone: initialZone(job), currency: job.currency ?? null };
  for (let attempt = 0; ; attempt++) {
    try {
      return await stageOnce(job, assumed, ctx, attempt === 0);
    } catch (error) {
      if (!(error instanceof ReadAgain) || attempt > 0) throw error;
      assumed = { timezone: error.timezone, currency: error.currency };
    }
  }
}

/** A typed or hinted shop that exists tells the zone before reading; else the default. */
function initialZone(job: StageFileJob): string {
  const named = job.shopName ?? job.shopHint;
  return job.shops.find((s) => s.name === named)?.timezone ?? DEFAULT_TIMEZONE;
}

async function stageOnce(
  job: StageFileJob,
  assumed: { timezone: string; currency: string | null },
  ctx: JobContext,
  mayReadAgain: boolean,
): Promise<StagedFileMeta> {
  await rm(job.stagingPath, { force: true });
  const writer = new StagingWriter(job.stagingPath, (iso) => localDateOf(iso, assumed.timezone));
  const hash = createHash('sha256');
  const sampleRows: string[][] = [];
  let header: string[] = [];
  let first: { shopNameInFile: string | null; currency: string | null } | null = null;
  let choice = { name: '', timezone: assumed.timezone, currency: assumed.currency };
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
          if (sampleRows.length < 8) sampleRows.push(cells);
        },
        onFragment(order, format) {
          if (!first) {
            first = { shopNameInFile: order.shopNameInFile ?? null, currency: order.currency ?? null };
            choice = decide(job, format, first);
            if (
              mayReadAgain &&
              (choice.timezone !== assumed.timezone || choice.currency !== assumed.currency)
            )
              throw new ReadAgain(choice.timezone, choice.currency);
          }
          writer.writeOrder(order);
        },
        onProblem: (problem) => writer.writeProblem(problem),
      },
      { timezone: assumed.timezone, currency: assumed.currency },
    );
  } catch (error) {
    writer.abandon();
    await rm(job.stagingPath, { force: true });
    throw error;
  }
  if (!first) choice = decide(job, scan.format, { shopNameInFile: null, currency: null });
  for (const cells of sampleRows) writer.writeSample(cells);
  const firstOrder = first as { shopNameInFile: string | null; currency: string | null } | null;
  const meta: StagedFileMeta = {
    fileName: job.file.name,
    fileSize: job.file.size,
    sha256: hash.digest('hex'),
    format: scan.format,
    encoding: scan.encoding,
    variants: scan.variants,
    header,
    sampleRows,
    mapping: scan.mapping,
    rows: scan.rows,
    rowsImported: scan.rowsImported,
    rowsRefused: scan.rowsRefused,
    shopNameInFile: firstOrder?.shopNameInFile ?? null,
    currencyInFile: firstOrder?.currency ?? null,
    shopName: choice.name,
    timezone: choice.timezone,
    currency: choice.currency,
    summary: writer.summarize(),
  };
  writer.finish({ file: meta });
  return meta;
}

/** The shop, zone and currency for a file whose first order is known. */
function decide(
  job: StageFileJob,
  format: ImportFormat,
  first: { shopNameInFile: string | null; currency: string | null },
) {
  const platform = platformOfFormat(format);
  const shop = chooseShop(job.shops, platform, job.shopName ?? job.shopHint, first.shopNameInFile);
  // A second reading stamps the shop's currency on mapped rows: it then reads as the file's own.
  const currency = chooseCurrency({
    chosen: job.currency,
    inFile: first.currency,
    platform,
    shopCurrency: shop.currency,
  });
  return { name: shop.name, timezone: shop.timezone, currency };
}
