/**
 * Which shop a file's orders go into, its time zone and its currency — decided from the shops that
 * exist (a snapshot the parse worker receives), so the worker can read dates in the right zone.
 */
import { CNY_PLATFORMS, type Platform } from '../../domain/orders/types.js';

export interface ShopInfo {
  platform: Platform;
  name: string;
  timezone: string;
  currency: string;
  orders: number;
  isSample: boolean;
}

/** The name a shop gets when its file does not say and the user did not type one. */
export const DEFAULT_SHOP_NAMES: Record<Platform, string> = {
  tmall: '天猫/淘宝店铺',
  jd: '京东店铺',
  pdd: '拼多多店铺',
  douyin: '抖音小店',
  shopify: 'Shopify 店铺',
  youzan: '有赞店铺',
  woocommerce: 'WooCommerce 店铺',
  other: '其他渠道',
};

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

export interface ShopChoice {
  name: string;
  timezone: string;
  /** The existing shop's currency, when the shop exists. */
  currency: string | null;
}

/**
 * What the user typed, else the name written in the file, else the platform's busiest shop of the
 * owner's own (a bookkeeper importing this month's 宝贝报表 means the shop last month's 订单报表
 * created; never the sample shop), else the platform's default name.
 */
export function chooseShop(
  shops: readonly ShopInfo[],
  platform: Platform,
  typed: string | undefined,
  inFile: string | null | undefined,
): ShopChoice {
  const named = typed?.trim() || inFile?.trim();
  const existing = named
    ? shops.find((s) => s.platform === platform && s.name === named)
    : shops.filter((s) => s.platform === platform && !s.isSample).sort((a, b) => b.orders - a.orders)[0];
  const name = named || existing?.name || DEFAULT_SHOP_NAMES[platform];
  return {
    name,
    timezone: existing?.timezone ?? DEFAULT_TIMEZONE,
    currency: existing?.currency ?? null,
  };
}

/**
 * The currency a file's amounts are in. Never assumed: the user's choice, else what the file says,
 * else CNY for the Chinese marketplaces (their exports are always in yuan), else the currency of the
 * existing shop the file goes into. null means "ask the user".
 */
export function chooseCurrency(from: {
  chosen?: string;
  inFile?: string | null;
  platform: Platform;
  shopCurrency: string | null;
}): string | null {
  if (from.chosen) return from.chosen.toUpperCase();
  if (from.inFile) return from.inFile;
  if (CNY_PLATFORMS.includes(from.platform)) return 'CNY';
  return from.shopCurrency;
}
