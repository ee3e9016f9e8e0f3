/** The format → reader switch, with the defaults every reader shares. */
import type { ImportFormat } from '../orders/types.js';
import type { OrderReader, OrderReaderOptions } from './reader-types.js';
import { createTmallOrderReader } from './readers/tmall.js';
import { createTmallItemsReader } from './readers/tmall-items.js';
import { createJdReader } from './readers/jd.js';
import { createShopifyReader } from './readers/shopify.js';
import { createYouzanReader } from './readers/youzan.js';
import { createPddReader } from './readers/pdd.js';
import { createDouyinReader } from './readers/douyin.js';
import { createWooCommerceReader } from './readers/woocommerce.js';
import { createGenericReader } from './readers/generic.js';

export const DEFAULT_READER_OPTIONS: OrderReaderOptions = { timezone: 'Asia/Shanghai', currency: null };

/**
 * A reader for one sheet. Throws UserError when the header lacks the format's order-id column (or,
 * for 'generic', when the mapping names no order id or a column the header does not have).
 * Readers are stateful only where the format needs row order (Shopify line numbering): use one
 * reader per sheet and feed rows in file order.
 */
export function createOrderReader(
  format: ImportFormat,
  header: readonly string[],
  options: Partial<OrderReaderOptions> = {},
): OrderReader {
  // `{ timezone: undefined }` (an unset CLI flag) must not erase the default: spread would.
  const o: OrderReaderOptions = {
    timezone: options.timezone || DEFAULT_READER_OPTIONS.timezone,
    currency: options.currency || null,
    mapping: options.mapping,
  };
  switch (format) {
    case 'tmall':
      return createTmallOrderReader(header, o);
    case 'tmall-items':
      return createTmallItemsReader(header, o);
    case 'jd':
      return createJdReader(header, o);
    case 'pdd':
      return createPddReader(header, o);
    case 'douyin':
      return createDouyinReader(header, o);
    case 'shopify':
      return createShopifyReader(header, o);
    case 'youzan':
      return createYouzanReader(header, o);
    case 'woocommerce':
      return createWooCommerceReader(header, o);
    case 'generic':
      return createGenericReader(header, o);
  }
}
