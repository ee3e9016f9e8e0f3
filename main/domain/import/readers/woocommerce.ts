/**
 * WooCommerce → Analytics → Orders → Download: one row per ORDER. `Product(s)` is a comma-joined list
 * without prices, so lines carry titles only; `Items sold` is a quantity only when there is a single
 * product. `Net sales` (after coupons and refunds, without shipping and tax) is the paid amount.
 */
import type { ParsedLine } from '../../orders/types.js';
import type { OrderReader, OrderReaderOptions, SourceRecord } from '../reader-types.js';
import { ColumnIndex } from '../header-names.js';
import { RowContext } from '../row-context.js';
import { normalizeStatus } from '../status.js';
import { minorUnitDigits } from '../money.js';
import { buyerFrom, compact, finish, requireIdColumn } from './common.js';

export function createWooCommerceReader(header: readonly string[], options: OrderReaderOptions): OrderReader {
  const c = new ColumnIndex(header);
  const col = {
    id: requireIdColumn(c, 'Order #', 'Order', 'Order ID'),
    date: c.find('Date', 'Date created'),
    status: c.find('Status'),
    customer: c.find('Customer'),
    products: c.find('Product(s)', 'Products'),
    itemsSold: c.find('Items sold'),
    netSales: c.find('Net sales', 'Net Sales'),
  };
  const digits = minorUnitDigits(options.currency);

  return {
    format: 'woocommerce',
    readRow(record: SourceRecord) {
      const ctx = new RowContext(c, record, options);
      const id = ctx.id(col.id);
      const statusRaw = ctx.literal(col.status);
      return finish(ctx, () => {
        const products = splitProducts(ctx.text(col.products));
        // Items sold is the quantity of a lone product that states none of its own.
        const lone = products.length === 1 && products[0]!.quantity === undefined;
        const soloQuantity = lone ? ctx.quantity(col.itemsSold) : undefined;
        const lines = products.map(({ title, quantity }): ParsedLine =>
          compact({ lineKey: title, title, quantity: quantity ?? soloQuantity }),
        );
        return {
          platformOrderId: id!.replace(/^#/, ''),
          sourceRows: [record.row],
          statusRaw,
          status: statusRaw ? normalizeStatus('woocommerce', statusRaw) : undefined,
          orderedAt: ctx.date(col.date),
          // The Analytics download names no currency: the user chooses it (or the shop's is used).
          currency: options.currency ?? undefined,
          paidFen: ctx.money(col.netSales, { digits }),
          buyer: buyerFrom(ctx, [[col.customer, 'customer']]),
          lines: col.products === undefined ? undefined : lines,
        };
      });
    },
  };
}

/**
 * WooCommerce joins product names with ", " and writes a quantity above one as `2× Ceramic Mug`
 * (also seen as `2 x …` and `Ceramic Mug × 2`). A name's own comma is rarely followed by a space.
 */
function splitProducts(text: string | null | undefined): { title: string; quantity?: number }[] {
  if (!text) return [];
  return text
    .split(/,\s+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      // `2×` or a spaced `2 x` (a bare `2X…` is a size: 2XL Hoodie).
      const before = /^(\d+)(?:\s*×|\s+[xX])\s*(.+)$/.exec(item);
      if (before) return { title: before[2]!.trim(), quantity: Number(before[1]) };
      const after = /^(.+?)\s*[×]\s*(\d+)$/.exec(item);
      if (after) return { title: after[1]!.trim(), quantity: Number(after[2]) };
      return { title: item };
    });
}
