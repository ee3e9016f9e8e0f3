/**
 * Shopify Admin → Orders → Export (orders_export.csv), 79 columns: one row per line item, the
 * order's fields (Financial Status, Total, Billing/Shipping …) on its FIRST row only; continuation
 * rows repeat Name, Email, Created at and the Lineitem columns. UTF-8 without BOM, LF, times with
 * an offset (`2025-12-06 10:36:17 -0500`), a multi-line Note Attributes cell now and then.
 */
import { SHOPIFY } from '../../../tests/fixtures/headers.js';
import { RowShape, padded, wallTime, yuan } from '../cells.js';
import type { FormatSpec } from '../format-spec.js';
import { OrderFactory, type OrderState, type SynthOrderBody } from '../orders.js';
import { hashSeed, type Rng } from '../../lib/prng.js';
import { FIRST_NAMES, LAST_NAMES, US_PLACES } from '../vocabulary.js';

const FINANCIAL: Record<OrderState, string> = {
  unpaid: 'pending',
  closed_unpaid: 'voided',
  paid: 'paid',
  shipped: 'paid',
  completed: 'paid',
  refunded: 'refunded',
};

/** The customer cells of an order's first Shopify row: own-shop data, nothing masked. */
export interface ShopifyParty {
  email: string;
  /** Billing Name and Shipping Name. */
  name: string;
  /** Shipping Street (Address1 and Address2 joined, as Shopify writes it). */
  street: string;
  address1: string;
  address2: string;
  city: string;
  zip: string;
  /** The province code (Shipping Province) and its name (Shipping Province Name). */
  province: string;
  provinceName: string;
  country: string;
  /** Shipping Phone */
  shipPhone: string;
  /** Phone: the customer's own phone (the buyer key of an order without an e-mail). */
  phone: string;
}

/**
 * How a shop prices in its currency: the benchmark's US shop shows the shared model's yuan prices
 * scaled to dollars; a Chinese own shop on Shopify sells in CNY at the model's own prices.
 */
export type ShopifyMoney = 'usd' | 'cny';

/** How one order becomes Shopify rows: one per line item, the order's fields on the first only. */
export function createShopifyLayout(money: ShopifyMoney) {
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
    billingAddress2: c('Billing Address2'),
    billingCity: c('Billing City'),
    billingZip: c('Billing Zip'),
    billingProvince: c('Billing Province'),
    billingCountry: c('Billing Country'),
    billingPhone: c('Billing Phone'),
    shipName: c('Shipping Name'),
    shipStreet: c('Shipping Street'),
    shipAddress1: c('Shipping Address1'),
    shipAddress2: c('Shipping Address2'),
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
    phone: c('Phone'),
    billingProvinceName: c('Billing Province Name'),
    shipProvinceName: c('Shipping Province Name'),
  };
  const usd = money === 'usd';
  // Dollars: the shared model's yuan amounts scaled down, so totals look like a US shop's.
  const price = (fen: number) => (usd ? Math.round(fen / 7) : fen);
  // Times carry the shop's offset: New York for the US shop, Beijing for the Chinese one.
  const offset = usd ? '-0500' : '+0800';
  const shopifyTime = (seconds: number) => `${wallTime(seconds)} ${offset}`;
  return {
    header: SHOPIFY,
    /** The order's Name (its id) and its rows. */
    rows(o: SynthOrderBody, rng: Rng, party: ShopifyParty): { id: string; rows: string[][] } {
      const name = `#${1001 + o.seq}`;
      const created = shopifyTime(o.created);
      const fulfilled = o.shipped !== null && o.state !== 'refunded';
      const rows: string[][] = [];
      for (const [i, line] of o.lines.entries()) {
        const row = shape.blank();
        row[col.name] = name;
        row[col.email] = party.email;
        row[col.created] = created;
        row[col.lineQuantity] = String(line.quantity);
        row[col.lineName] = `${line.product.sku} ${line.variant.split('：')[1] ?? ''}`.trim();
        row[col.linePrice] = yuan(price(line.unitFen));
        row[col.lineSku] = line.product.sku;
        row[col.lineShipping] = 'true';
        row[col.lineTaxable] = 'false';
        row[col.lineFulfillment] = fulfilled ? 'fulfilled' : 'pending';
        row[col.vendor] = 'Huike Tea';
        row[col.lineDiscount] = '0.00';
        if (i === 0) {
          const subtotal = o.lines.reduce((n, l) => n + price(l.unitFen) * l.quantity, 0);
          const shipping = usd ? (o.shippingFen > 0 ? 500 : 0) : o.shippingFen;
          const discount = usd ? 0 : o.discountFen;
          const total = subtotal + shipping - discount;
          const financial = FINANCIAL[o.state];
          row[col.financial] = financial;
          row[col.paidAt] = o.paid === null ? '' : shopifyTime(o.paid);
          row[col.fulfillment] = fulfilled ? 'fulfilled' : 'unfulfilled';
          row[col.fulfilledAt] = fulfilled ? shopifyTime(o.shipped!) : '';
          row[col.marketing] = rng.chance(0.3) ? 'yes' : 'no';
          row[col.currency] = usd ? 'USD' : 'CNY';
          row[col.subtotal] = yuan(subtotal);
          row[col.shipping] = yuan(shipping);
          row[col.taxes] = '0.00';
          row[col.total] = yuan(total);
          row[col.discount] = yuan(discount);
          row[col.shippingMethod] = shipping > 0 ? 'Standard' : 'Free Shipping';
          row[col.billingName] = party.name;
          row[col.billingStreet] = party.street;
          row[col.billingAddress1] = party.address1;
          row[col.billingAddress2] = party.address2;
          row[col.billingCity] = party.city;
          row[col.billingZip] = party.zip;
          row[col.billingProvince] = party.province;
          row[col.billingCountry] = party.country;
          row[col.shipName] = party.name;
          row[col.shipStreet] = party.street;
          row[col.shipAddress1] = party.address1;
          row[col.shipAddress2] = party.address2;
          row[col.shipCity] = party.city;
          row[col.shipZip] = party.zip;
          row[col.shipProvince] = party.province;
          row[col.shipCountry] = party.country;
          row[col.shipPhone] = party.shipPhone;
          row[col.phone] = party.phone;
          row[col.noteAttributes] = rng.chance(0.02) ? 'gift: yes\nwrap: blue' : '';
          row[col.cancelledAt] = o.state === 'closed_unpaid' ? shopifyTime(o.created + 86400) : '';
          row[col.paymentMethod] = 'Shopify Payments';
          row[col.refunded] = o.state === 'refunded' ? yuan(total) : '0.00';
          row[col.outstanding] = o.paid === null && o.state === 'unpaid' ? yuan(total) : '0.00';
          row[col.id] = String(6798481555755 + o.seq);
          row[col.risk] = 'Low';
          row[col.source] = 'web';
          row[col.billingProvinceName] = party.provinceName;
          row[col.shipProvinceName] = party.provinceName;
        }
        rows.push(row);
      }
      return { id: name, rows };
    },
  };
}

export const shopify: FormatSpec = {
  name: 'shopify',
  label: 'Shopify orders_export',
  encoding: 'utf-8',
  eol: '\n',
  header: SHOPIFY,
  version: 1,
  *rows(seed, size, tally) {
    const layout = createShopifyLayout('usd');
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
      const place = US_PLACES[b.index % US_PLACES.length]!;
      const street = `${1 + (b.index % 900)} Main St`;
      const { rows } = layout.rows(o, rng, {
        email: b.email,
        name: `${FIRST_NAMES[b.index % FIRST_NAMES.length]} ${LAST_NAMES[b.index % LAST_NAMES.length]}`,
        street,
        address1: street,
        address2: '',
        city: place.city,
        zip: place.zip,
        province: place.province,
        provinceName: place.provinceName,
        country: 'US',
        shipPhone: `+1555${padded(b.index % 10000000, 7)}`,
        phone: '',
      });
      for (const row of rows) {
        written++;
        yield row;
      }
    }
  },
};
