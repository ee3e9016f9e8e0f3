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
import { buyerFrom, finish, requireColumn } from './common.js';

export function createWooCommerceReader(header: readonly string[], options: OrderReaderOptions): OrderReader {
  const c = new ColumnIndex(header);
  const col = {
    id: requireColumn(c, '订单', 'Order #', 'Order', 'Order ID'),
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
        const quantity = products.length === 1 ? ctx.quantity(col.itemsSold) : undefined;
        const seen = new Map<string, number>();
        const lines = products.map((title): ParsedLine => {
          const n = (seen.get(title) ?? 0) + 1;
          seen.set(title, n);
          return quantity === undefined
            ? { lineKey: n === 1 ? title : `${title}#${n}`, title }
            : { lineKey: title, title, quantity };
        });
        return {
          platformOrderId: id!.replace(/^#/, ''),
          sourceRows: [record.row],
          statusRaw,
          status: statusRaw ? normalizeStatus('woocommerce', statusRaw) : undefined,
          createdAt: ctx.date(col.date),
          currency: options.currency,
          paidFen: ctx.money(col.netSales, { digits }),
          buyer: buyerFrom(ctx, [[col.customer, 'customer']]),
          lines: col.products === undefined ? undefined : lines,
        };
      });
    },
  };
}

/** WooCommerce joins product names with ", "; a name's own comma is not followed by a space as often. */
function splitProducts(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .split(/,\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
