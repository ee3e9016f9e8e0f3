/**
 * One order as a platform export shows it: basket, life cycle, buyer key and receiver, with the
 * receiver masked the way that platform masks it. Order ids and row numbers are given later, once
 * a shop's orders are sorted by time.
 */

import type { ParsedBuyer, ParsedOrder, ParsedReceiver } from '../orders/types.js';
import type { Account } from './accounts.js';
import { drawBasket } from './basket.js';
import { festivalOf, type DemoPlatform } from './calendar.js';
import { drawLifecycle } from './lifecycle.js';
import { maskName, maskPhoneJd, maskPhoneTmall } from './masking.js';
import { valueAt, type Person, type Population } from './people.js';
import { addressText, pickupNear, type Address } from './places.js';
import type { Rng } from './prng.js';

export interface Draft {
  epoch: number;
  account: Account;
  /** Set on gift orders: the person the parcel went to. */
  giftRecipientId: number | null;
  /** platformOrderId and sourceRows are filled in once the shop's orders are sorted. */
  order: ParsedOrder;
}

export interface ShopContext {
  platform: DemoPlatform;
  shopName: string;
  /** Epoch seconds of the last instant of the end date. */
  now: number;
  population: Population;
}

const GIFT_SHARE = 0.07;
const GIFT_BOX_GIFT_SHARE = 0.45;
const OFFICE_SHARE = 0.12;
const PICKUP_SHARE = 0.04;

const BUYER_NOTES = [
  '请尽快发货，谢谢',
  '麻烦包装好一点',
  '不要放发票',
  '放快递柜就行',
  '周末送货',
  '老顾客了，多送点小样呀',
  '请发顺丰',
];
const GIFT_NOTES = ['送人的，请不要放价格单', '送礼用，麻烦帮忙写个贺卡：节日快乐', '礼物，包装好一些'];
const SELLER_NOTES = ['老客户，送试用装', '已备注赠品', '加急', '地址已与买家确认'];

export function draftOrder(rng: Rng, ctx: ShopContext, account: Account, epoch: number, day: number): Draft {
  const basket = drawBasket(rng, ctx.platform, festivalOf(day), account.favorites);
  const life = drawLifecycle(rng, ctx.platform, epoch, ctx.now, basket);

  let recipient: Person = account.person;
  let address = homeOf(ctx.population, recipient, day);
  let gift = false;
  if (rng.chance(basket.giftBox ? GIFT_BOX_GIFT_SHARE : GIFT_SHARE)) {
    recipient = giftRecipient(rng, ctx.population, account.person);
    address = homeOf(ctx.population, recipient, day);
    gift = true;
  } else if (account.person.office !== null && rng.chance(OFFICE_SHARE)) {
    address = account.person.office;
  } else if (rng.chance(PICKUP_SHARE)) {
    address = pickupNear(rng, address);
  }

  let buyerNote: string | null = null;
  if (gift && rng.chance(0.3)) buyerNote = rng.pick(GIFT_NOTES);
  else if (rng.chance(0.07)) buyerNote = rng.pick(BUYER_NOTES);

  const order: ParsedOrder = {
    platformOrderId: '',
    sourceRows: [],
    status: life.status,
    statusRaw: life.statusRaw,
    orderedAt: life.orderedAt,
    paidAt: life.paidAt,
    shippedAt: life.shippedAt,
    completedAt: life.completedAt,
    closedAt: life.closedAt,
    currency: 'CNY',
    goodsFen: basket.goodsFen,
    shippingFen: basket.shippingFen,
    discountFen: basket.discountFen,
    totalFen: basket.totalFen,
    paidFen: life.paidFen,
    refundFen: life.refundFen,
    refundStatus: life.refundStatus,
    buyer: buyerOf(account),
    receiver: receiverOf(ctx.platform, recipient.name, valueAt(recipient.phones, day), address),
    buyerNote,
    sellerNote: rng.chance(0.03) ? rng.pick(SELLER_NOTES) : null,
    lines: basket.lines,
  };
  if (life.settlementFen !== undefined) order.settlementFen = life.settlementFen;
  if (life.platformFeeFen !== undefined) order.platformFeeFen = life.platformFeeFen;
  if (ctx.platform !== 'jd') order.shopNameInFile = ctx.shopName;
  return { epoch, account, giftRecipientId: gift ? recipient.id : null, order };
}

function homeOf(population: Population, person: Person, day: number): Address {
  const household = population.households[person.householdId - 1];
  if (household === undefined || household.id !== person.householdId)
    throw new Error(`no household ${person.householdId}`);
  return valueAt(household.homes, day);
}

/** Someone outside the buyer's household: a friend, a parent in another city, a colleague. */
function giftRecipient(rng: Rng, population: Population, buyer: Person): Person {
  for (;;) {
    const other = rng.pick(population.persons);
    if (other.householdId !== buyer.householdId) return other;
  }
}

function buyerOf(account: Account): ParsedBuyer {
  if (account.kind === 'phone') {
    return { kind: 'phone', key: account.key, phone: account.key, nickname: account.nickname };
  }
  return { kind: account.kind, key: account.key };
}

function receiverOf(platform: DemoPlatform, name: string, phone: string, address: Address): ParsedReceiver {
  const masked = platform !== 'youzan';
  return {
    name: masked ? maskName(name) : name,
    phone: platform === 'tmall' ? maskPhoneTmall(phone) : platform === 'jd' ? maskPhoneJd(phone) : phone,
    province: address.province,
    city: address.city,
    district: address.district,
    detail: address.detail,
    raw: addressText(address),
  };
}
