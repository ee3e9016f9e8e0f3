/**
 * Coalescing fragments of one order: consecutive JD/Shopify/宝贝报表 rows, or the same order met in
 * two files. `undefined` never overwrites (it means "not said"); a later defined value wins; lines
 * with the same lineKey merge field by field, new lines are appended in order.
 */
import type { ParsedLine, ParsedOrder } from '../orders/types.js';

export function mergeFragments(a: ParsedOrder, b: ParsedOrder): ParsedOrder {
  if (a.platformOrderId !== b.platformOrderId) {
    throw new Error(`mergeFragments: different orders ${a.platformOrderId} and ${b.platformOrderId}`);
  }
  const merged: ParsedOrder = { ...a };
  for (const key of Object.keys(b) as (keyof ParsedOrder)[]) {
    const value = b[key];
    if (value === undefined || key === 'sourceRows' || key === 'lines' || key === 'receiver') continue;
    (merged as unknown as Record<string, unknown>)[key] = value;
  }
  merged.sourceRows = [...a.sourceRows, ...b.sourceRows];
  if (a.receiver !== undefined || b.receiver !== undefined) {
    merged.receiver = overlay(a.receiver ?? {}, b.receiver ?? {});
  }
  if (a.lines !== undefined || b.lines !== undefined) {
    merged.lines = mergeLines(a.lines ?? [], b.lines ?? []);
  }
  return merged;
}

function mergeLines(a: readonly ParsedLine[], b: readonly ParsedLine[]): ParsedLine[] {
  const out = a.map((line) => ({ ...line }));
  const byKey = new Map(out.map((line, i) => [line.lineKey, i]));
  for (const line of b) {
    const at = byKey.get(line.lineKey);
    if (at === undefined) {
      byKey.set(line.lineKey, out.length);
      out.push({ ...line });
    } else {
      out[at] = overlay(out[at]!, line);
    }
  }
  return out;
}

function overlay<T extends object>(base: T, top: T): T {
  const out = { ...base };
  for (const key of Object.keys(top) as (keyof T)[]) {
    if (top[key] !== undefined) out[key] = top[key];
  }
  return out;
}
