/** Small helpers shared by the format readers. */
import type { ParsedBuyer, ParsedOrder, ParsedReceiver, BuyerKeyKind } from '../../orders/types.js';
import { canonicalProvince, parseTmallReceiverText, receiverAddress } from '../address.js';
import { isCiphertext } from '../masks.js';
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

/**
 * A row with any problem is refused whole: half an order is worse than a named, fixable row. The
 * fragment keeps its `undefined` fields (merging and staging skip them): copying a million
 * fragments to drop them would cost more than it saves.
 */
export function finish(ctx: RowContext, build: () => ParsedOrder): RowResult {
  if (ctx.problems.length > 0) return { fragment: null, problems: ctx.problems };
  const fragment = build();
  if (ctx.problems.length > 0) return { fragment: null, problems: ctx.problems };
  return { fragment, problems: NO_PROBLEMS };
}

const NO_PROBLEMS: never[] = [];

/** The order id column every reader needs; its absence means the caller picked the wrong format. */
export function requireIdColumn(columns: ColumnIndex, ...aliases: string[]): number {
  const col = columns.find(...aliases);
  if (col === undefined) {
    throw new UserError({
      code: 'import.orderIdColumnMissing',
      params: { columns: `「${aliases.join('」/「')}」` },
    });
  }
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

/**
 * Receiver columns of the Chinese platforms. One address cell is parsed into its parts; where the
 * export splits the address (省 / 市 / 区 / 街道, as 拼多多 and 抖店 do) the columns are taken as they
 * are and the cell is the detail. Ciphertext (抖店 exports receivers encrypted) is unknown: kept as
 * null, never as a name, a phone or an address, and the receiver is flagged `ciphertext` so identity
 * matching knows the values are hidden rather than empty.
 */
export function receiverFrom(
  ctx: RowContext,
  cols: {
    name?: Col;
    phone?: Col[];
    address?: Col[];
    province?: Col;
    city?: Col;
    district?: Col;
    street?: Col;
  },
): ParsedReceiver | undefined {
  const phoneCols = (cols.phone ?? []).filter((c) => c !== undefined);
  const addressCols = (cols.address ?? []).filter((c) => c !== undefined);
  const split = [cols.province, cols.city, cols.district, cols.street].some((c) => c !== undefined);
  if (cols.name === undefined && phoneCols.length === 0 && addressCols.length === 0 && !split) {
    return undefined;
  }
  let ciphertext = false;
  const plain = (v: string | null | undefined) => {
    if (!isCiphertext(v)) return v;
    ciphertext = true;
    return null;
  };
  let name = plain(ctx.text(cols.name));
  let phone = plain(firstValue(ctx, phoneCols));
  let address = plain(firstValue(ctx, addressCols));
  // New Tmall exports pack the receiver into 收货地址: 姓名，86-13900000004，江苏省 扬州市 …
  const packed = parseTmallReceiverText(address);
  if (packed) {
    name = name || packed.name;
    phone = phone || packed.phone;
    address = packed.address;
  }
  if (split) {
    const province = plain(ctx.text(cols.province));
    const street = plain(ctx.text(cols.street));
    const detail = [street, address].filter(Boolean).join('') || null;
    const city = plain(ctx.text(cols.city));
    const district = plain(ctx.text(cols.district));
    return compact({
      name,
      phone,
      province: canonicalProvince(province) ?? province,
      city,
      district,
      detail,
      raw: addressCols.length > 0 || cols.street !== undefined ? detail : undefined,
      ciphertext: ciphertext || undefined,
    });
  }
  return compact({
    name,
    phone,
    ...(addressCols.length > 0 ? receiverAddress(address ?? null) : {}),
    ciphertext: ciphertext || undefined,
  });
}

/** The sum of the amounts a row states; undefined when it states none of them. */
export function sumDefined(values: readonly (number | null | undefined)[]): number | undefined {
  let any = false;
  let sum = 0;
  for (const v of values) {
    if (v === undefined || v === null) continue;
    any = true;
    sum += v;
  }
  return any ? sum : undefined;
}

function firstValue(ctx: RowContext, cols: Col[]): string | null | undefined {
  if (cols.length === 0) return undefined;
  for (const c of cols) {
    const v = ctx.text(c);
    if (v) return v;
  }
  return null;
}
