/**
 * Shopify Admin → Orders → Export (orders_export.csv), 79 columns: one row per line item, the
 * order's fields (Financial Status, Total, Billing/Shipping …) on its FIRST row only; continuation
 * rows repeat Name, Email, Created at and the Lineitem columns. UTF-8 without BOM, LF, times with
 * an offset (`2025-12-06 10:36:17 -0500`), a multi-line Note Attributes cell now and then.
 */
import { SHOPIFY } from '../../../tests/fixtures/headers.js';
import { RowShape, padded, wallTime, yuan } from '../cells.js';
import type { FormatSpec } from '../format-spec.js';
import { OrderFactory, type OrderState } from '../orders.js';
import { hashSeed } from '../../lib/prng.js';
import { FIRST_NAMES, LAST_NAMES, US_PLACES } from '../vocabulary.js';

const FINANCIAL: Record<OrderState, string> = {
  unpaid: 'pending',
  closed_unpaid: 'voided',
  paid: 'paid',
  shipped: 'paid',
  completed: 'paid',
  refunded: 'refunded',
};

const shopifyTime = (seconds: number) => `${wallTime(seconds)} -0500`;

export const shopify: FormatSpec = {
  name: 'shopify',
  label: 'Shopify orders_export',
  encoding: 'utf-8',
  eol: '\n',
  header: SHOPIFY,
  version: 1,
  *rows(seed, size, tally) {
    const shape = new RowShape(SHOPIFY);
    const c = (name: string) => shape.col(name);
    const col = {
      name: c('Name'),
      email: c('Email'),
      financial: c('Financial Status'),
      paidAt: c('Paid at'),
      fulfillment: c('Fulfillment Status'),
      fulfilledAt: c('Fulfilled at'),
      marketing: c('Accepts Marketing'),
      currency: c('Currency'),
      subtotal: c('Subtotal'),
      shipping: c('Shipping'),
      taxes: c('Taxes'),
      total: c('Total'),
      discountCode: c('Discount Code'),
      discount: c('Discount Amount'),
      shippingMethod: c('Shipping Method'),
      created: c('Created at'),
      lineQuantity: c('Lineitem quantity'),
      lineName: c('Lineitem name'),
      linePrice: c('Lineitem price'),
      lineSku: c('Lineitem sku'),
      lineShipping: c('Lineitem requires shipping'),
      lineTaxable: c('Lineitem taxable'),
      lineFulfillment: c('Lineitem fulfillment status'),
      billingName: c('Billing Name'),
      billingStreet: c('Billing Street'),
      billingAddress1: c('Billing Address1'),
      billingCity: c('Billing City'),
      billingZip: c('Billing Zip'),
      billingProvince: c('Billing Province'),
      billingCountry: c('Billing Country'),
      shipName: c('Shipping Name'),
      shipStreet: c('Shipping Street'),
      shipAddress1: c('Shipping Address1'),
      shipCity: c('Shipping City'),
      shipZip: c('Shipping Zip'),
      shipProvince: c('Shipping Province'),
      shipCountry: c('Shipping Country'),
      shipPhone: c('Shipping Phone'),
      noteAttributes: c('Note Attributes'),
      cancelledAt: c('Cancelled at'),
      paymentMethod: c('Payment Method'),
      refunded: c('Refunded Amount'),
      vendor: c('Vendor'),
      outstanding: c('Outstanding Balance'),
      id: c('Id'),
      risk: c('Risk Level'),
      source: c('Source'),
      lineDiscount: c('Lineitem discount'),
      billingProvinceName: c('Billing Province Name'),
      shipProvinceName: c('Shipping Province Name'),
    };
    const factory = new OrderFactory({
      seed: hashSeed(`shopify:${seed}`),
      loginPrefix: 'sp_',
      expectedOrders: Math.ceil(size / 1.4),
    });
    const rng = factory.rng;
    let written = 0;
    while (written < size) {
      const o = factory.next(size - written);
      tally.orders++;
      const b = o.buyer;
      const name = `#${1001 + o.seq}`;
      const email = b.email;
      const created = shopifyTime(o.created);
      const fulfilled = o.shipped !== null && o.state !== 'refunded';
      for (const [i, line] of o.lines.entries()) {
        const row = shape.blank();
        row[col.name] = name;
        row[col.email] = email;
        row[col.created] = created;
        row[col.lineQuantity] = String(line.quantity);
        row[col.lineName] = `${line.product.sku} ${line.variant.split('：')[1] ?? ''}`.trim();
        row[col.linePrice] = yuan(Math.round(line.unitFen / 7));
        row[col.lineSku] = line.product.sku;
        row[col.lineShipping] = 'true';
        row[col.lineTaxable] = 'false';
        row[col.lineFulfillment] = fulfilled ? 'fulfilled' : 'pending';
        row[col.vendor] = 'Huike Tea';
        row[col.lineDiscount] = '0.00';
        if (i === 0) {
          const person = `${FIRST_NAMES[b.index % FIRST_NAMES.length]} ${LAST_NAMES[b.index % LAST_NAMES.length]}`;
          const place = US_PLACES[b.index % US_PLACES.length]!;
          const street = `${1 + (b.index % 900)} Main St`;
          // Dollars: the shared model's yuan amounts scaled down, so totals look like a US shop's.
          const subtotal = o.lines.reduce((n, l) => n + Math.round(l.unitFen / 7) * l.quantity, 0);
          const shipping = o.shippingFen > 0 ? 500 : 0;
          const total = subtotal + shipping;
          const financial = FINANCIAL[o.state];
          row[col.financial] = financial;
          row[col.paidAt] = o.paid === null ? '' : shopifyTime(o.paid);
          row[col.fulfillment] = fulfilled ? 'fulfilled' : 'unfulfilled';
          row[col.fulfilledAt] = fulfilled ? shopifyTime(o.shipped!) : '';
          row[col.marketing] = rng.chance(0.3) ? 'yes' : 'no';
          row[col.currency] = 'USD';
          row[col.subtotal] = yuan(subtotal);
          row[col.shipping] = yuan(shipping);
          row[col.taxes] = '0.00';
          row[col.total] = yuan(total);
          row[col.discount] = '0.00';
          row[col.shippingMethod] = shipping > 0 ? 'Standard' : 'Free Shipping';
          row[col.billingName] = person;
          row[col.billingStreet] = street;
          row[col.billingAddress1] = street;
          row[col.billingCity] = place.city;
          row[col.billingZip] = place.zip;
          row[col.billingProvince] = place.province;
          row[col.billingCountry] = 'US';
          row[col.shipName] = person;
          row[col.shipStreet] = street;
          row[col.shipAddress1] = street;
          row[col.shipCity] = place.city;
          row[col.shipZip] = place.zip;
          row[col.shipProvince] = place.province;
          row[col.shipCountry] = 'US';
          row[col.shipPhone] = `+1555${padded(b.index % 10000000, 7)}`;
          row[col.noteAttributes] = rng.chance(0.02) ? 'gift: yes\nwrap: blue' : '';
          row[col.cancelledAt] = o.state === 'closed_unpaid' ? shopifyTime(o.created + 86400) : '';
          row[col.paymentMethod] = 'Shopify Payments';
          row[col.refunded] = o.state === 'refunded' ? yuan(total) : '0.00';
          row[col.outstanding] = o.paid === null && o.state === 'unpaid' ? yuan(total) : '0.00';
          row[col.id] = String(6798481555755 + o.seq);
          row[col.risk] = 'Low';
          row[col.source] = 'web';
          row[col.billingProvinceName] = place.provinceName;
          row[col.shipProvinceName] = place.provinceName;
        }
        written++;
        yield row;
      }
    }
  },
};
