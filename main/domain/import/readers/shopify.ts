/**
 * Shopify Admin → Orders → Export: one row per line item. Only the FIRST row of an order carries the
 * order fields (Financial Status, Total, Billing/Shipping …); continuation rows repeat Name, Email,
 * Created at and the Lineitem columns with everything else empty. A continuation fragment therefore
 * leaves every order field undefined — an empty Total there means "not said", not "zero".
 */
import type { ParsedOrder } from '../../orders/types.js';
import type { OrderReader, OrderReaderOptions, SourceRecord } from '../reader-types.js';
import { ColumnIndex } from '../header-names.js';
import { RowContext } from '../row-context.js';
import { shopifyStatus } from '../status.js';
import { minorUnitDigits } from '../money.js';
import { canonicalProvince } from '../address.js';
import { compact, finish, requireIdColumn } from './common.js';

export function createShopifyReader(header: readonly string[], options: OrderReaderOptions): OrderReader {
  const c = new ColumnIndex(header);
  const col = {
    name: requireIdColumn(c, 'Name'),
    email: c.find('Email'),
    acceptsMarketing: c.find('Accepts Marketing'),
    financial: c.find('Financial Status'),
    fulfillment: c.find('Fulfillment Status'),
    paidAt: c.find('Paid at'),
    fulfilledAt: c.find('Fulfilled at'),
    cancelledAt: c.find('Cancelled at'),
    orderedAt: c.find('Created at'),
    currency: c.find('Currency'),
    subtotal: c.find('Subtotal'),
    shipping: c.find('Shipping'),
    total: c.find('Total'),
    discount: c.find('Discount Amount'),
    refunded: c.find('Refunded Amount'),
    outstanding: c.find('Outstanding Balance'),
    id: c.find('Id'),
    phone: c.find('Phone'),
    notes: c.find('Notes'),
    shipName: c.find('Shipping Name'),
    shipPhone: c.find('Shipping Phone'),
    shipStreet: c.find('Shipping Street'),
    shipAddress1: c.find('Shipping Address1'),
    shipAddress2: c.find('Shipping Address2'),
    shipCity: c.find('Shipping City'),
    shipProvince: [c.find('Shipping Province Name'), c.find('Shipping Province')],
    lineQuantity: c.find('Lineitem quantity'),
    lineName: c.find('Lineitem name'),
    linePrice: c.find('Lineitem price'),
    lineSku: c.find('Lineitem sku'),
    lineFulfillment: c.find('Lineitem fulfillment status'),
  };
  // Continuation rows carry no Currency cell: they are in the currency of their order's first row.
  let currentCurrency = options.currency;

  return {
    format: 'shopify',
    readRow(record: SourceRecord) {
      const ctx = new RowContext(c, record, options);
      const name = ctx.id(col.name);
      // The first row of an order is the one carrying order-level cells.
      const isFirstRow = [col.financial, col.currency, col.total, col.id].some((x) => ctx.has(x));
      if (isFirstRow) currentCurrency = ctx.text(col.currency)?.toUpperCase() ?? options.currency;
      const digits = minorUnitDigits(currentCurrency);
      return finish(ctx, () => {
        const fragment: ParsedOrder = { platformOrderId: name!, sourceRows: [record.row] };
        if (isFirstRow) Object.assign(fragment, orderFields(ctx, digits, currentCurrency));
        // Keyed by sku (or name); an order listing one item twice gets `…#2` (line-keys.ts).
        const base = ctx.text(col.lineSku) ?? ctx.text(col.lineName);
        if (base) {
          fragment.lines = [
            compact({
              lineKey: base,
              title: ctx.text(col.lineName),
              sku: ctx.text(col.lineSku),
              quantity: ctx.quantity(col.lineQuantity),
              unitPriceFen: ctx.money(col.linePrice, { digits }),
              statusRaw: ctx.text(col.lineFulfillment),
            }),
          ];
        }
        return fragment;
      });
    },
  };

  function orderFields(ctx: RowContext, digits: number, currency: string | null): Partial<ParsedOrder> {
    const financial = ctx.text(col.financial) ?? '';
    const fulfillment = ctx.text(col.fulfillment) ?? '';
    const cancelled = ctx.text(col.cancelledAt) ?? '';
    const total = ctx.money(col.total, { digits });
    const outstanding = ctx.money(col.outstanding, { digits });
    const email = ctx.text(col.email);
    const phone = ctx.text(col.phone);
    const acceptsMarketing = yesNo(ctx.text(col.acceptsMarketing));
    const detail = [ctx.text(col.shipAddress1), ctx.text(col.shipAddress2)].filter(Boolean).join(' ');
    const province = col.shipProvince.map((p) => ctx.text(p)).find(Boolean) ?? null;
    return {
      status: shopifyStatus(financial, fulfillment, cancelled),
      statusRaw: [cancelled ? 'cancelled' : '', financial, fulfillment].filter(Boolean).join(' / ') || null,
      orderedAt: ctx.date(col.orderedAt),
      paidAt: ctx.date(col.paidAt),
      shippedAt: ctx.date(col.fulfilledAt),
      closedAt: ctx.date(col.cancelledAt),
      // An export without a Currency column does not say: the import asks (never assumed).
      currency: currency ?? undefined,
      goodsFen: ctx.money(col.subtotal, { digits }),
      shippingFen: ctx.money(col.shipping, { digits }),
      discountFen: ctx.money(col.discount, { digits }),
      totalFen: total,
      paidFen: shopifyPaid(financial, total, outstanding),
      refundFen: ctx.money(col.refunded, { digits }),
      buyer: email
        ? compact({ kind: 'email' as const, key: email, email, phone, acceptsMarketing })
        : phone
          ? compact({ kind: 'phone' as const, key: phone, phone, acceptsMarketing })
          : null,
      receiver: compact({
        name: ctx.text(col.shipName),
        phone: ctx.text(col.shipPhone),
        province: canonicalProvince(province) ?? province,
        city: ctx.text(col.shipCity),
        detail: detail || null,
        raw: ctx.text(col.shipStreet) ?? (detail || null),
      }),
      buyerNote: ctx.text(col.notes),
    };
  }
}

/** Accepts Marketing: yes / no (older exports: true / false); anything else is not said. */
function yesNo(value: string | null | undefined): boolean | undefined {
  const v = value?.trim().toLowerCase();
  if (v === 'yes' || v === 'true') return true;
  if (v === 'no' || v === 'false') return false;
  return undefined;
}

/**
 * What was paid, from the financial status: Shopify's export has no "amount paid" column, and
 * Outstanding Balance is unreliable for manual/COD orders (the dev-store sample shows paid orders
 * with the full total outstanding).
 */
function shopifyPaid(
  financial: string,
  total: number | null | undefined,
  outstanding: number | null | undefined,
): number | null | undefined {
  if (total == null) return total;
  switch (financial.toLowerCase()) {
    case 'paid':
    case 'partially_refunded':
    case 'refunded':
      return total;
    case 'partially_paid':
      return outstanding == null ? undefined : total - outstanding;
    case 'pending':
    case 'authorized':
    case 'voided':
      return 0;
    default:
      return undefined;
  }
}
