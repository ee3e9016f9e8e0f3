/** Small helpers shared by the format readers. */
import type { ParsedBuyer, ParsedOrder, ParsedReceiver, BuyerKeyKind } from '../../orders/types.js';
import { parseTmallReceiverText, receiverAddress } from '../address.js';
import type { ColumnIndex } from '../header-names.js';
import { UserError } from '../../errors.js';
import type { RowResult } from '../reader-types.js';
import type { Col, RowContext } from '../row-context.js';

/** Drop keys whose value is undefined, so "not said" never overwrites anything when merging. */
export function compact<T extends object>(value: T): T {
  const out = {} as T;
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  return out;
}

/** A row with any problem is refused whole: half an order is worse than a named, fixable row. */
export function finish(ctx: RowContext, build: () => ParsedOrder): RowResult {
  if (ctx.problems.length > 0) return { fragment: null, problems: ctx.problems };
  const fragment = build();
  if (ctx.problems.length > 0) return { fragment: null, problems: ctx.problems };
  return { fragment: compact(fragment), problems: [] };
}

/** The id column every reader needs; its absence means the caller picked the wrong format. */
export function requireColumn(columns: ColumnIndex, what: string, ...aliases: string[]): number {
  const col = columns.find(...aliases);
  if (col === undefined) throw new UserError(`表头中没有「${aliases.join('」或「')}」列，无法读取${what}`);
  return col;
}

/**
 * A buyer from the first identity column that has a value. Columns present but all empty → null
 * ("the file says there is no buyer"); no such column at all → undefined.
 */
export function buyerFrom(
  ctx: RowContext,
  candidates: [Col, BuyerKeyKind][],
  extra: Partial<ParsedBuyer> = {},
): ParsedBuyer | null | undefined {
  let anyColumn = false;
  for (const [col, kind] of candidates) {
    if (col === undefined) continue;
    anyColumn = true;
    const key = ctx.text(col);
    if (key) return compact({ kind, key, ...extra });
  }
  return anyColumn ? null : undefined;
}

/** Receiver columns of the Chinese platforms; one address cell parsed into its parts. */
export function receiverFrom(
  ctx: RowContext,
  cols: { name?: Col; phone?: Col[]; address?: Col[] },
): ParsedReceiver | undefined {
  const phoneCols = (cols.phone ?? []).filter((c) => c !== undefined);
  const addressCols = (cols.address ?? []).filter((c) => c !== undefined);
  if (cols.name === undefined && phoneCols.length === 0 && addressCols.length === 0) return undefined;
  let name = ctx.text(cols.name);
  let phone = firstValue(ctx, phoneCols);
  let address = firstValue(ctx, addressCols);
  // New Tmall exports pack the receiver into 收货地址: 姓名，86-13900000004，江苏省 扬州市 …
  const packed = parseTmallReceiverText(address);
  if (packed) {
    name = name || packed.name;
    phone = phone || packed.phone;
    address = packed.address;
  }
  return compact({
    name,
    phone,
    ...(addressCols.length > 0 ? receiverAddress(address ?? null) : {}),
  });
}

function firstValue(ctx: RowContext, cols: Col[]): string | null | undefined {
  if (cols.length === 0) return undefined;
  for (const c of cols) {
    const v = ctx.text(c);
    if (v) return v;
  }
  return null;
}
