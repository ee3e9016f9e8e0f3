/**
 * Each platform's export of a receiver, exactly as the files show them: Tmall masks name and
 * phone (张**, 138****5678) or writes a privacy number (17012345678-1234); JD masks the name to its
 * first character and the phone to 1******6198; 拼多多's 2024 layout masks 收货人 and 手机 and shows
 * 用户购买手机号 in full only sometimes; 抖店 writes ciphertext without decrypt rights, else masked
 * values; own shops (Youzan, Shopify) show names, full phones and e-mails as typed.
 */
import { pinyin } from 'pinyin-pro';
import { douyinCiphertext, type DouyinParty } from '../generate/formats/douyin.js';
import type { JdParty } from '../generate/formats/jd.js';
import type { PddParty } from '../generate/formats/pdd.js';
import type { ShopifyParty } from '../generate/formats/shopify.js';
import type { TmallParty } from '../generate/formats/tmall.js';
import type { YouzanParty } from '../generate/formats/youzan.js';
import type { Rng } from '../lib/prng.js';
import { maskName, typedDetail, type Delivery, type TypedEntry } from './delivery.js';
import type { IdentityParams } from './params.js';
import { e164, mask3x4, maskJd, type VirtualNumbers } from './phones.js';
import type { Account } from './world.js';

/** What a file shows of the buyer's or receiver's phone, for the truth. */
export type PhoneShown = 'full' | 'masked' | 'virtual' | 'cipher';

export interface Shown<P> {
  party: P;
  phone: PhoneShown;
  email: boolean;
}

const YOUZAN_NONE = '——';

/**
 * Tmall and JD write the region as picked from the address book's four lists (province, city,
 * district, 街道), then the typed detail; Tmall separates the parts with spaces and writes a
 * municipality's province without 市 (上海 上海市 浦东新区).
 */
function addressText(d: Delivery, e: TypedEntry, separator: string): string {
  const region = d.place.district;
  const province =
    separator === ' ' && region.province === region.city
      ? region.province.replace(/市$/, '')
      : region.province;
  return [province, region.city, region.district, e.town, e.detail].filter(Boolean).join(separator);
}

export function tmallParty(
  rng: Rng,
  params: IdentityParams,
  account: Account,
  d: Delivery,
  e: TypedEntry,
  buyerPhone: string,
  virtual: VirtualNumbers,
): Shown<TmallParty> {
  const isVirtual = rng.chance(params.tmallVirtualPhoneRate);
  return {
    party: {
      member: account.login,
      alipay: rng.chance(0.5) ? mask3x4(buyerPhone) : `${account.login.slice(0, 1)}***@163.com`,
      receiverName: maskName(e.name),
      address: addressText(d, e, ' '),
      mobile: `'${isVirtual ? virtual.draw(rng) : mask3x4(d.phone)}`,
    },
    phone: isVirtual ? 'virtual' : 'masked',
    email: false,
  };
}

export function jdParty(
  params: IdentityParams,
  account: Account,
  d: Delivery,
  e: TypedEntry,
): Shown<JdParty> {
  return {
    party: {
      account: account.login,
      name: `${[...e.name][0]}*`,
      address: addressText(d, e, ''),
      phone: `'${maskJd(d.phone, params.jdPhoneMask)}`,
    },
    phone: 'masked',
    email: false,
  };
}

export function pddParty(
  rng: Rng,
  params: IdentityParams,
  account: Account,
  d: Delivery,
  e: TypedEntry,
  buyerPhone: string,
): Shown<PddParty> {
  const full = account.phone !== '' && rng.chance(params.pddBuyerPhoneShownRate);
  const region = d.place.district;
  return {
    party: {
      receiver: maskName(e.name),
      phone: mask3x4(d.phone),
      buyerPhone: full ? `\t${account.phone}` : mask3x4(account.phone || buyerPhone),
      province: region.province,
      city: region.city,
      district: region.district,
      town: d.place.town,
    },
    phone: full ? 'full' : 'masked',
    email: false,
  };
}

/** 抖店: `partyOf` for the layout, which asks for it after drawing the order id (the cipher's turn). */
export function douyinParty(
  params: IdentityParams,
  account: Account,
  d: Delivery,
  e: TypedEntry,
  cipher: boolean,
): { partyOf: (rng: Rng) => DouyinParty; phone: PhoneShown; email: boolean } {
  const region = d.place.district;
  const common = {
    province: region.province,
    city: region.city,
    district: region.district,
    creator: account.id,
  };
  return {
    partyOf: (rng) =>
      cipher
        ? { ...douyinCiphertext(rng), ...common }
        : {
            ...common,
            receiver: maskName(e.name),
            phone: mask3x4(d.phone),
            street: d.place.town,
            address: e.detail,
          },
    phone: cipher ? 'cipher' : 'masked',
    email: false,
  };
}

export function youzanParty(
  account: Account,
  d: Delivery,
  e: TypedEntry,
): Shown<YouzanParty> & { buyerPhone: string } {
  const region = d.place.district;
  return {
    party: {
      province: region.province,
      city: region.city,
      // Youzan's region comes from its picker: only the detail is typed.
      district: region.district,
      address: typedDetail(e),
      receiver: e.name,
      receiverPhone: d.phone,
      nickname: account.nickname,
    },
    buyerPhone: account.phone || YOUZAN_NONE,
    phone: 'full',
    email: false,
  };
}

const provinceNames = new Map<string, string>();

/** Where Shopify's English list is not the pinyin of the short name (陕西 is Shaanxi, not Shanxi). */
const SHOPIFY_PROVINCE_NAMES: Readonly<Record<string, string>> = {
  陕西省: 'Shaanxi',
  内蒙古自治区: 'Inner Mongolia',
  西藏自治区: 'Xizang',
  香港特别行政区: 'Hong Kong',
  澳门特别行政区: 'Macao',
};

/** Shopify's province list is in English: 广东省 → Guangdong (pinyin of the short name). */
function provinceInPinyin(province: string): string {
  let name = provinceNames.get(province) ?? SHOPIFY_PROVINCE_NAMES[province];
  if (name === undefined) {
    const short = province.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
    const syllables = pinyin(short, { toneType: 'none', type: 'array' }).join('');
    name = syllables.charAt(0).toUpperCase() + syllables.slice(1);
    provinceNames.set(province, name);
  }
  return name;
}

export function shopifyParty(account: Account, d: Delivery, e: TypedEntry): Shown<ShopifyParty> {
  const region = d.place.district;
  // The customer types the street lines and the city; the province comes from Shopify's list.
  const address1 = `${e.typed.district}${typedDetail(e)}`;
  return {
    party: {
      email: account.email,
      name: e.name,
      street: address1,
      address1,
      address2: '',
      city: e.typed.city || region.city,
      zip: '',
      province: '',
      provinceName: provinceInPinyin(region.province),
      country: 'CN',
      shipPhone: e164(d.phone),
      phone: account.phone ? e164(account.phone) : '',
    },
    phone: 'full',
    email: account.email !== '',
  };
}
