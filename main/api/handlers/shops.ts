/** Shops: renaming them, their platform, currency and time zone, merging two that are one. */
import { mergeShops } from '../../services/shops/merge-shops.js';
import { updateShop } from '../../services/shops/edit-shop.js';
import type { HandlerDeps, HandlerMap } from './types.js';

export function shopHandlers(deps: HandlerDeps): HandlerMap<'shops.update' | 'shops.merge'> {
  const { huikeDb, now } = deps.services;
  return {
    'shops.update': async ({ shopId, ...changes }) => {
      const result = await updateShop(huikeDb, shopId, changes, now().toISOString());
      // A time zone or currency change moves orders' days and money: refit in the background.
      deps.services.valueFit.schedule();
      return result;
    },
    'shops.merge': async (input) => {
      const result = await mergeShops(huikeDb, input.fromShopId, input.intoShopId, now().toISOString());
      // Customers may have been joined: the customer-value fit is refreshed in the background.
      deps.services.valueFit.schedule();
      return result;
    },
  };
}
