/**
 * Which shop a file's orders go into, its time zone and its currency — decided from the shops that
 * exist (a snapshot the parse worker receives), so the worker can read dates in the right zone.
 */
import { UserError } from '../../domain/errors.js';
import { CNY_PLATFORMS, type Platform } from '../../domain/orders/types.js';
import type { MessageCode } from '../../shared/messages/index.js';

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
 * Which shop a file goes into: the one the user chose or typed; else the shop named in the file;
 * else the platform's one shop of the owner's own, when there is exactly one (a bookkeeper
 * importing this month's 宝贝报表 means the shop last month's 订单报表 created); else a new shop
 * with the platform's default name.
 *
 * A file never goes into the sample shop by default: a file naming the sample shop's name (or a
 * default name the owner gave the sample shop) gets a real shop of that name with a number after
 * it. Choosing the sample shop explicitly is refused (`refuseSampleShop`).
 */
export function chooseShop(
  shops: readonly ShopInfo[],
  platform: Platform,
  typed: string | undefined,
  inFile: string | null | undefined,
): ShopChoice {
  const ofPlatform = shops.filter((s) => s.platform === platform);
  const chosen = typed?.trim();
  const owners = ofPlatform.filter((s) => !s.isSample);
  const name =
    chosen ||
    realShopName(
      ofPlatform,
      inFile?.trim() || (owners.length === 1 ? owners[0]!.name : DEFAULT_SHOP_NAMES[platform]),
    );
  const existing = ofPlatform.find((s) => s.name === name);
  return {
    name,
    timezone: existing?.timezone ?? DEFAULT_TIMEZONE,
    currency: existing?.currency ?? null,
  };
}

/** `name`, or when that is a sample shop's name, the first of `name（2）`, `name（3）` … that is not. */
export function realShopName(shops: readonly ShopInfo[], name: string): string {
  const isSampleName = (n: string) => shops.some((s) => s.isSample && s.name === n);
  if (!isSampleName(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name}（${n}）`;
    if (!isSampleName(candidate)) return candidate;
  }
}

/** The owner typed or picked a sample shop's name for a file: refused, naming the shop. */
export function refuseSampleShop(shops: readonly ShopInfo[], typed: string | undefined): void {
  const name = typed?.trim();
  if (name && shops.some((s) => s.isSample && s.name === name))
    throw new UserError({ code: 'shops.sampleNotForImport', params: { shop: name } });
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
  const chosen = from.chosen?.toUpperCase();
  if (CNY_PLATFORMS.includes(from.platform)) {
    // A Chinese marketplace's amounts are yuan whatever the user picked: refuse rather than relabel.
    if (chosen && chosen !== 'CNY')
      throw new UserError({
        code: 'import.currencyFixed',
        params: { platform: { code: `format.${from.platform}` as MessageCode }, chosen },
      });
    return 'CNY';
  }
  if (chosen) return chosen;
  if (from.inFile) return from.inFile;
  return from.shopCurrency;
}
