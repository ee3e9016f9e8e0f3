/**
 * Finding the header row. Most exports start with it, but Alipay ledgers put `#` title lines above
 * it and JD's refund export has a group-title row (申请信息/订单信息/…) above the real header. We
 * look at the first rows: the first one a known format recognises wins; else the first row with at
 * least two non-empty cells; the rows above it are dropped.
 */
import { detectFormat } from './detect-format.js';
import type { SheetRecords, SourceRecord } from './reader-types.js';

/** How many leading rows may precede the header. */
export const HEADER_LOOKAHEAD = 12;

/** null when the sheet has no non-empty row at all. */
export async function locateHeader(
  records: AsyncIterable<SourceRecord>,
  sheetName: string | null,
  lookahead = HEADER_LOOKAHEAD,
): Promise<SheetRecords | null> {
  const iterator = records[Symbol.asyncIterator]();
  const buffered: SourceRecord[] = [];
  while (buffered.length < lookahead) {
    const next = await iterator.next();
    if (next.done) break;
    buffered.push(next.value);
  }
  if (buffered.length === 0) return null;

  const filled = (r: SourceRecord): number => r.cells.filter((c) => c.trim() !== '').length;
  let at = buffered.findIndex((r) => filled(r) >= 2 && detectFormat(r.cells).candidates.some((c) => c.fits));
  if (at < 0) at = buffered.findIndex((r) => filled(r) >= 2);
  if (at < 0) at = 0;
  const headerRecord = buffered[at]!;
  const rest = buffered.slice(at + 1);

  async function* remaining(): AsyncIterable<SourceRecord> {
    yield* rest;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { sheetName, header: headerRecord.cells, headerRow: headerRecord.row, records: remaining() };
}
