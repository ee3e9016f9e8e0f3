/** Preview: reads a staged file without writing anything and tells the user what an import would do. */
import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../../domain/errors.js';
import { headerSignature, suggestMapping } from '../../domain/import/index.js';
import type { ColumnMapping } from '../../domain/import/reader-types.js';
import { platformOfFormat, type OrderStatus } from '../../domain/orders/types.js';
import type { FilePreview } from '../../domain/results.js';
import { resolveShopName } from '../shops.js';
import { resolveCurrency } from './currency.js';
import { sha256File } from './file-hash.js';
import type { JobContext } from './import-types.js';
import { createOrderTally } from './order-tally.js';
import { SAMPLE_ROWS, scanFile, type FileRequest } from './scan-file.js';

export const MAX_PREVIEW_PROBLEMS = 500;
/** Distinct status texts listed for mapping; a real status column has a handful. */
const MAX_STATUS_VALUES = 30;

export function rememberedMapping(sqlite: BetterSqlite3.Database, header: string[]): ColumnMapping | null {
  const row = sqlite
    .prepare('SELECT mapping_json FROM column_mappings WHERE header_signature = ?')
    .get(headerSignature(header)) as { mapping_json: string } | undefined;
  return row ? (JSON.parse(row.mapping_json) as ColumnMapping) : null;
}

export async function previewFile(
  sqlite: BetterSqlite3.Database,
  request: FileRequest,
  ctx: JobContext,
  options: { timezone: string },
): Promise<FilePreview> {
  const preview: FilePreview = {
    fileId: request.file.fileId,
    file: request.file.name,
    format: null,
    variants: [],
    shop: request.shopName ?? '',
    encoding: '',
    rows: 0,
    rowsImported: 0,
    rowsRefused: 0,
    orders: 0,
    lines: 0,
    firstOrderAt: null,
    lastOrderAt: null,
    header: [],
    sampleRows: [],
    problems: [],
    problemCount: 0,
    error: null,
    mapping: request.mapping ?? null,
    alreadyImported: false,
    currency: request.currency ?? null,
    money: { paidFen: 0, refundFen: 0 },
    statusValues: [],
  };
  const tally = createOrderTally();
  let shopInFile: string | null | undefined;
  let currencyInFile: string | undefined;
  const statuses = new Map<string, { orders: number; status: OrderStatus | null }>();
  try {
    const scan = await scanFile(
      request,
      ctx,
      {
        onSheet(sheet) {
          if (preview.header.length === 0) preview.header = sheet.header.map((h) => h.trim());
        },
        onRecord(_sheet, cells) {
          if (preview.sampleRows.length < SAMPLE_ROWS) preview.sampleRows.push(cells);
        },
        onFragment(order) {
          shopInFile ??= order.shopNameInFile;
          currencyInFile ??= order.currency;
          if (order.statusRaw) {
            const seen = statuses.get(order.statusRaw);
            if (seen) seen.orders++;
            else if (statuses.size < MAX_STATUS_VALUES)
              statuses.set(order.statusRaw, { orders: 1, status: order.status ?? null });
          }
          tally.add(order);
        },
        onProblem(problem) {
          preview.problemCount++;
          if (preview.problems.length < MAX_PREVIEW_PROBLEMS) preview.problems.push(problem);
        },
      },
      { timezone: options.timezone, currency: request.currency ?? null },
    );
    const t = tally.summary();
    const platform = platformOfFormat(scan.format);
    preview.shop = resolveShopName(sqlite, platform, request.shopName, shopInFile);
    Object.assign(preview, {
      format: scan.format,
      variants: scan.variants,
      encoding: scan.encoding,
      rows: scan.rows,
      rowsImported: scan.rowsImported,
      rowsRefused: scan.rowsRefused,
      orders: t.orders,
      lines: t.lines,
      firstOrderAt: t.first,
      lastOrderAt: t.last,
      money: { paidFen: t.paidFen, refundFen: t.refundFen },
      currency: resolveCurrency(sqlite, {
        chosen: request.currency,
        inFile: currencyInFile,
        platform,
        shop: preview.shop,
      }),
      statusValues: [...statuses].map(([value, s]) => ({ value, ...s })),
    });
    if (scan.format === 'generic') preview.mapping = scan.mapping;
    const sha = await sha256File(request.file.path);
    preview.alreadyImported = Boolean(
      sqlite.prepare("SELECT 1 FROM import_batches WHERE file_sha256 = ? AND state = 'committed'").get(sha),
    );
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    preview.error = error.message;
    const details = error.details as { header?: string[]; sampleRows?: string[][] } | undefined;
    const header = details?.header;
    preview.sampleRows = details?.sampleRows ?? preview.sampleRows;
    if (header && header.length > 0) {
      preview.header = header.map((h) => h.trim());
      preview.mapping = rememberedMapping(sqlite, header) ?? suggestMapping(header);
    }
  } finally {
    tally.close();
  }
  return preview;
}
