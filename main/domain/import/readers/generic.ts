/**
 * Any other CSV/Excel (微店, a custom site, a hand-made sheet, an export of a layout we do not know):
 * the user's column mapping drives it. Rows sharing an order id are lines of one order. Order-level
 * columns (paid amount, shipping, refund) are expected to repeat on each of an order's rows and are
 * set, never added; line-level amounts are added up per order when no order amount is mapped.
 * Status texts are read with every platform's vocabulary, and the user can say what any text means
 * (including "refunded": paid, then refunded). A consent or opt-out column sets the buyer's
 * marketing consent as Shopify's Accepts Marketing does (consent-values.ts).
 */
import type { OrderStatus, ParsedLine } from '../../orders/types.js';
import { UserError } from '../../errors.js';
import type {
  ColumnMapping,
  GenericField,
  MappedStatus,
  OrderReader,
  OrderReaderOptions,
  SourceRecord,
} from '../reader-types.js';
import { ColumnIndex } from '../header-names.js';
import { RowContext, type Col } from '../row-context.js';
import { normalizeStatus } from '../status.js';
import { minorUnitDigits } from '../money.js';
import { canonicalProvince, receiverAddress } from '../address.js';
import { readConsent } from '../consent-values.js';
import { buyerFrom, compact, finish } from './common.js';

const LINE_FIELDS: GenericField[] = [
  'title',
  'sku',
  'quantity',
  'unitPrice',
  'lineAmount',
  'lineRefundAmount',
];
const RECEIVER_FIELDS: GenericField[] = [
  'receiverName',
  'receiverPhone',
  'address',
  'province',
  'city',
  'district',
];

/** A status text → what the order is; the user's own meaning of a text wins. */
function statusOf(
  raw: string,
  statusValues: Record<string, MappedStatus> | undefined,
): { status?: OrderStatus; refunded: boolean } {
  const mapped = statusValues?.[raw];
  if (mapped === 'refunded') return { status: 'closed', refunded: true };
  if (mapped) return { status: mapped, refunded: false };
  return { status: normalizeStatus('generic', raw), refunded: false };
}

/**
 * The buyer's consent from the consent and opt-out columns: a refusal in either wins (it is
 * honoured), else what either says.
 */
function marketingConsent(ctx: RowContext, f: Partial<Record<GenericField, Col>>): boolean | undefined {
  const accepts = readConsent(ctx.text(f.acceptsMarketing), 'acceptsMarketing');
  const optOut = readConsent(ctx.text(f.marketingOptOut), 'marketingOptOut');
  if (accepts === false || optOut === false) return false;
  return accepts ?? optOut;
}

export function createGenericReader(header: readonly string[], options: OrderReaderOptions): OrderReader {
  const mapping: ColumnMapping = options.mapping ?? {};
  const c = new ColumnIndex(header);
  const col = (field: GenericField): Col => {
    const name = mapping[field];
    if (name === undefined) return undefined;
    const index = c.find(name);
    if (index === undefined)
      throw new UserError({ code: 'import.mappedColumnMissing', params: { column: name } });
    return index;
  };
  if (!mapping.orderId) throw new UserError({ code: 'import.mapOrderId' });
  const idCol = col('orderId')!;
  const fields = Object.keys(mapping).filter((k): k is GenericField => k !== 'statusValues');
  const f = Object.fromEntries(fields.map((field) => [field, col(field)])) as Partial<
    Record<GenericField, Col>
  >;
  const hasLine = LINE_FIELDS.some((k) => f[k] !== undefined);
  const hasReceiver = RECEIVER_FIELDS.some((k) => f[k] !== undefined);

  return {
    format: 'generic',
    readRow(record: SourceRecord) {
      const ctx = new RowContext(c, record, options);
      const id = ctx.id(idCol);
      const statusRaw = ctx.literal(f.status);
      // A currency column names each row's currency; else the one the user chose for the file.
      const currency = ctx.text(f.currency)?.toUpperCase() ?? options.currency;
      const digits = minorUnitDigits(currency);
      return finish(ctx, () => {
        const { status, refunded } = statusRaw
          ? statusOf(statusRaw, mapping.statusValues)
          : { refunded: false };
        const title = ctx.text(f.title);
        const sku = ctx.text(f.sku);
        const lineAmount = ctx.money(f.lineAmount, { digits });
        const lineRefund = ctx.money(f.lineRefundAmount, { digits, refund: true });
        const line: ParsedLine | undefined = hasLine
          ? compact({
              lineKey: [sku ?? '', title ?? ''].join('|'),
              title,
              sku,
              quantity: ctx.quantity(f.quantity),
              unitPriceFen: ctx.money(f.unitPrice, { digits }),
              paidFen: lineAmount,
              refundFen: lineRefund ?? (refunded && lineAmount != null ? lineAmount : undefined),
            })
          : undefined;
        const address = ctx.text(f.address);
        const parsed = f.address === undefined ? {} : receiverAddress(address ?? null);
        const province = ctx.text(f.province);
        const paid = ctx.money(f.paidAmount, { digits });
        const refund = ctx.money(f.refundAmount, { digits, refund: true });
        return {
          platformOrderId: id!,
          sourceRows: [record.row],
          statusRaw,
          status,
          orderedAt: ctx.date(f.orderedAt),
          paidAt: ctx.date(f.paidAt),
          currency: currency ?? undefined,
          totalFen: ctx.money(f.totalAmount, { digits }),
          paidFen: paid,
          shippingFen: ctx.money(f.shippingAmount, { digits }),
          // "Refunded" with no refund column: the whole paid amount went back.
          refundFen: refund ?? (refunded && paid != null ? paid : undefined),
          buyer: buyerFrom(
            ctx,
            [
              [f.buyer, 'customer'],
              [f.buyerPhone, 'phone'],
              [f.buyerEmail, 'email'],
            ],
            compact({
              phone: ctx.text(f.buyerPhone),
              email: ctx.text(f.buyerEmail),
              acceptsMarketing: marketingConsent(ctx, f),
            }),
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
