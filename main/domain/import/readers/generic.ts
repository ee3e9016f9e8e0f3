/**
 * Any other CSV/Excel (微店, a custom site, a hand-made sheet): the user's column mapping drives it.
 * Rows sharing an order id are lines of one order, so order fields are set on every row (they are
 * expected to repeat) and each row with item columns adds a line.
 */
import type { ParsedLine } from '../../orders/types.js';
import { UserError } from '../../errors.js';
import type {
  ColumnMapping,
  GenericField,
  OrderReader,
  OrderReaderOptions,
  SourceRecord,
} from '../reader-types.js';
import { ColumnIndex } from '../header-names.js';
import { RowContext, type Col } from '../row-context.js';
import { normalizeStatus } from '../status.js';
import { minorUnitDigits } from '../money.js';
import { canonicalProvince, receiverAddress } from '../address.js';
import { buyerFrom, compact, finish } from './common.js';

export function createGenericReader(header: readonly string[], options: OrderReaderOptions): OrderReader {
  const mapping: ColumnMapping = options.mapping ?? {};
  const c = new ColumnIndex(header);
  const col = (field: GenericField): Col => {
    const name = mapping[field];
    if (name === undefined) return undefined;
    const index = c.find(name);
    if (index === undefined) throw new UserError(`映射的列「${name}」不在表头中`);
    return index;
  };
  if (!mapping.orderId) throw new UserError('请先指定哪一列是订单号');
  const idCol = col('orderId')!;
  const f = Object.fromEntries(
    (Object.keys(mapping) as GenericField[]).map((field) => [field, col(field)]),
  ) as Partial<Record<GenericField, Col>>;
  const digits = minorUnitDigits(options.currency);
  const hasLine = ['title', 'sku', 'quantity', 'unitPrice', 'lineAmount'].some(
    (k) => f[k as GenericField] !== undefined,
  );
  const hasReceiver = ['receiverName', 'receiverPhone', 'address', 'province', 'city', 'district'].some(
    (k) => f[k as GenericField] !== undefined,
  );

  return {
    format: 'generic',
    readRow(record: SourceRecord) {
      const ctx = new RowContext(c, record, options);
      const id = ctx.id(idCol);
      const statusRaw = ctx.literal(f.status);
      return finish(ctx, () => {
        const title = ctx.text(f.title);
        const sku = ctx.text(f.sku);
        const line: ParsedLine | undefined = hasLine
          ? compact({
              lineKey: [sku ?? '', title ?? ''].join('|'),
              title,
              sku,
              quantity: ctx.quantity(f.quantity),
              unitPriceFen: ctx.money(f.unitPrice, { digits }),
              paidFen: ctx.money(f.lineAmount, { digits }),
            })
          : undefined;
        const address = ctx.text(f.address);
        const parsed = f.address === undefined ? {} : receiverAddress(address ?? null);
        const province = ctx.text(f.province);
        return {
          platformOrderId: id!,
          sourceRows: [record.row],
          statusRaw,
          status: statusRaw ? normalizeStatus('generic', statusRaw) : undefined,
          createdAt: ctx.date(f.createdAt),
          paidAt: ctx.date(f.paidAt),
          currency: options.currency,
          totalFen: ctx.money(f.totalAmount, { digits }),
          paidFen: ctx.money(f.paidAmount, { digits }),
          shippingFen: ctx.money(f.shippingAmount, { digits }),
          refundFen: ctx.money(f.refundAmount, { digits, refund: true }),
          buyer: buyerFrom(
            ctx,
            [
              [f.buyer, 'customer'],
              [f.buyerPhone, 'phone'],
              [f.buyerEmail, 'email'],
            ],
            compact({ phone: ctx.text(f.buyerPhone), email: ctx.text(f.buyerEmail) }),
          ),
          receiver: hasReceiver
            ? compact({
                name: ctx.text(f.receiverName),
                phone: ctx.text(f.receiverPhone),
                ...parsed,
                ...(f.province !== undefined ? { province: canonicalProvince(province) ?? province } : {}),
                ...(f.city !== undefined ? { city: ctx.text(f.city) } : {}),
                ...(f.district !== undefined ? { district: ctx.text(f.district) } : {}),
              })
            : undefined,
          buyerNote: ctx.text(f.note),
          lines: line ? [line] : undefined,
        };
      });
    },
  };
}
