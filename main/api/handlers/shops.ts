/** Shops: renaming them, their platform, currency and time zone, merging two that are one. */
import { mergeShops } from '../../services/shops/merge-shops.js';
import { updateShop } from '../../services/shops/edit-shop.js';
import type { HandlerDeps, HandlerMap } from './types.js';

export function shopHandlers(deps: HandlerDeps): HandlerMap<'shops.update' | 'shops.merge'> {
  const { huikeDb, now } = deps.services;
  return {
    'shops.update': ({ shopId, ...changes }) => updateShop(huikeDb, shopId, changes, now().toISOString()),
    'shops.merge': (input) => mergeShops(huikeDb, input.fromShopId, input.intoShopId, now().toISOString()),
  };
}
