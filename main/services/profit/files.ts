/**
 * Importing a profit input file (a cost sheet, a platform's settlement or fee file, an ads report,
 * a shipping bill, a rates sheet): read like an order export (any encoding, CSV or xlsx, title rows
 * above the header), recognised by its header, written as one operation that can be undone.
 */
import { UserError } from '../../domain/errors.js';
import { EXPECTED_COLUMNS, parseProfitFile, type FileRow } from '../../domain/profit/file-layouts.js';
import type { ProfitFileKind, ProfitFileResult } from '../../domain/profit/types.js';
import type { HuikeDb } from '../../../db/index.js';
import { openSource } from '../import/read-source.js';
import {
  saveAdSpend,
  saveCosts,
  saveOrderFees,
  saveRates,
  saveShippingCosts,
  type ProfitWriteDeps,
} from './edits.js';

export interface ProfitFileRequest {
  path: string;
  name: string;
  kind: ProfitFileKind | 'auto';
  shopId?: number;
}

/** A layout's platform: a file of it goes into the one shop of that platform when none is named. */
const LAYOUT_PLATFORM: Record<string, string> = {
  'jd-ledger': 'jd',
  'jd-wallet': 'jd',
  'douyin-settlement': 'douyin',
  'tmall-bill': 'tmall',
  'tmall-fee-detail': 'tmall',
  'pdd-ledger': 'pdd',
  'pdd-ads': 'pdd',
};

async function readRows(request: ProfitFileRequest): Promise<{ header: string[]; rows: FileRow[] }> {
  const source = await openSource(request.path, { name: request.name });
  try {
    for await (const sheet of source.sheets) {
      const rows: FileRow[] = [];
      for await (const record of sheet.records) {
        if (record.cells.some((cell) => cell.trim() !== ''))
          rows.push({ row: record.row, cells: record.cells });
      }
      return { header: sheet.header, rows };
    }
    return { header: [], rows: [] };
  } finally {
    source.close();
  }
}

function shopFor(huikeDb: HuikeDb, layout: string, shopId: number | undefined): number {
  if (shopId !== undefined) return shopId;
  const platform = LAYOUT_PLATFORM[layout];
  if (platform) {
    const shops = huikeDb.readSqlite
      .prepare('SELECT id FROM shops WHERE platform = ? AND is_sample = 0')
      .all(platform) as Array<{ id: number }>;
    if (shops.length === 1) return shops[0]!.id;
  }
  throw new UserError({ code: 'profit.shopNeeded', params: {} });
}

export async function importProfitFile(
  deps: ProfitWriteDeps,
  request: ProfitFileRequest,
): Promise<ProfitFileResult> {
  const { header, rows } = await readRows(request);
  const file = request.name;
  if (rows.length === 0) throw new UserError({ code: 'profit.fileEmpty', params: { file }, file });
  const read = parseProfitFile(header, rows, request.kind);
  if (!read)
    throw new UserError({ code: 'profit.fileUnknown', params: { file, expected: EXPECTED_COLUMNS }, file });
  const { parsed, skipped } = read;
  const source = { fileName: file, format: parsed.layout, rowsRead: rows.length };
  let written;
  let used: number;
  switch (parsed.kind) {
    case 'costs':
      used = parsed.costs.length;
      written = await saveCosts(deps, { costs: parsed.costs, aliases: parsed.aliases }, source);
      break;
    case 'rates':
      used = parsed.rates.length;
      written = await saveRates(deps, { rates: parsed.rates }, source);
      break;
    case 'fees':
      used = parsed.rows.length;
      written = await saveOrderFees(
        deps,
        { shopId: shopFor(deps.huikeDb, parsed.layout, request.shopId), rows: parsed.rows },
        source,
      );
      break;
    case 'ads':
      used = parsed.rows.length;
      written = await saveAdSpend(
        deps,
        { shopId: shopFor(deps.huikeDb, parsed.layout, request.shopId), rows: parsed.rows },
        source,
      );
      break;
    case 'shipping':
      used = parsed.rows.length;
      written = await saveShippingCosts(
        deps,
        { shopId: shopFor(deps.huikeDb, parsed.layout, request.shopId), rows: parsed.rows },
        source,
      );
      break;
  }
  return {
    ...written,
    kind: parsed.kind,
    layout: parsed.layout,
    rowsRead: rows.length,
    rowsUsed: used,
    skipped,
  };
}
