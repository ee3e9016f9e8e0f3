/**
 * Set-based statements over a shop's orders, a range of ids at a time: a shop of a million orders
 * is changed in slices of 20,000 with the event loop given a turn between them (in the desktop app
 * the writer runs in the main process, which must keep answering the window).
 */
import type { WriteTx } from '../../../db/index.js';
import { createSlicer } from '../long-work.js';

const CHUNK = 20_000;

/**
 * Calls `work(lo, hi)` for consecutive id ranges [lo, hi) covering the shop's orders. The work's
 * statements write `+shop_id = …` so SQLite walks the id range instead of the shop's index: with
 * the index every slice would scan the whole shop again.
 */
export async function forOrderIdRanges(
  tx: WriteTx,
  shopId: number,
  work: (range: { lo: number; hi: number }) => void,
): Promise<void> {
  const { first, last } = tx.sqlite
    .prepare('SELECT min(id) AS first, max(id) AS last FROM orders WHERE shop_id = ?')
    .get(shopId) as { first: number | null; last: number | null };
  if (first === null || last === null) return;
  const slicer = createSlicer();
  for (let lo = first; lo <= last; lo += CHUNK) {
    work({ lo, hi: lo + CHUNK });
    await slicer.maybeYield();
  }
}
