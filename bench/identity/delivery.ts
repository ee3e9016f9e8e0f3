/**
 * Who an order goes to and how the buyer typed it. Each order is sent home, to the office, to a
 * parcel station, or — as a gift — to a household member, a relative or a friend. The receiver's
 * name, phone and address are those true on the order's day; the way they are typed (typos,
 * traditional characters, address variants) belongs to the buyer's address-book entry on that
 * platform, so the same entry is typed the same way on every order and differently elsewhere.
 */
import { Rng, hashSeed } from '../lib/prng.js';
import type { IdentityParams } from './params.js';
import { pickupPoint, renderDetail, type DetailStyle, type Place } from './places.js';
import { fullWidthDigits, traditional, withHomophone } from './typos.js';
import type { Account, Person, Phase, World } from './world.js';

export type DeliveryKind = 'home' | 'office' | 'pickup' | 'gift';

export interface Delivery {
  kind: DeliveryKind;
  buyer: Person;
  receiver: Person;
  /** The receiver's phone on the order's day. */
  phone: string;
  place: Place;
}

/** The order's own draws: independent of file order, so sorting orders by time changes nothing. */
export function orderRng(seed: number, phase: Phase, accountId: number, k: number): Rng {
  return new Rng(hashSeed(`identity:order:${seed}:${phase}:${accountId}:${k}`));
}

export function decideDelivery(
  world: World,
  params: IdentityParams,
  rng: Rng,
  account: Account,
  day: number,
): Delivery {
  const buyer = world.personById(account.personId);
  const household = world.households[buyer.householdId - 1]!;
  const self = (kind: DeliveryKind, place: Place): Delivery => ({
    kind,
    buyer,
    receiver: buyer,
    phone: world.phoneAt(buyer, day),
    place,
  });
  if (rng.chance(params.giftRate)) {
    const housemates = household.memberIds.filter((id) => id !== buyer.id);
    const useHousehold = housemates.length > 0 && (buyer.contacts.length === 0 || rng.chance(0.25));
    const pool = useHousehold ? housemates : buyer.contacts;
    if (pool.length > 0) {
      const receiver = world.personById(rng.pick(pool));
      return {
        kind: 'gift',
        buyer,
        receiver,
        phone: world.phoneAt(receiver, day),
        place: world.homeAt(receiver, day),
      };
    }
  }
  const home = world.homeAt(buyer, day);
  if (rng.chance(params.pickupRate)) return self('pickup', pickupPoint(home.district, buyer.stationSlot));
  if (buyer.office && rng.chance(params.officeOrderRate)) return self('office', buyer.office);
  return self('home', home);
}

/** One address-book entry as typed: the receiver's name and the address in its parts. */
export interface TypedEntry {
  name: string;
  /**
   * The region as this typist writes it in free text (own-shop address lines, or a detail that
   * repeats the region): parts left out ('') or without 省/市, per the address variants.
   */
  typed: { province: string; city: string; district: string };
  /** 街道/镇 of the place ('' where the dataset has none). */
  town: string;
  /** The typed detail after the district, without the 街道/镇 (and with the region, when repeated). */
  detail: string;
  /** Whether this typist writes the 街道/镇 into a free-text address. */
  writesTown: boolean;
}

/** The free-text detail as typed: with the 街道/镇 in front when the typist writes it. */
export function typedDetail(e: TypedEntry): string {
  return e.writesTown ? e.town + e.detail : e.detail;
}

const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;

/**
 * How the buyer typed this receiver and place into this account's address book. Decided once per
 * (account, receiver, place), from a stream of its own.
 */
export function typeEntry(seed: number, params: IdentityParams, account: Account, d: Delivery): TypedEntry {
  const p = d.place;
  const r = new Rng(
    hashSeed(
      `identity:entry:${seed}:${account.id}:${d.receiver.id}:${p.district.code}:${p.road}${p.number}:${p.estate}:${p.room}`,
    ),
  );
  const writer = d.buyer;
  const v = params.address;

  let name = d.receiver.name;
  if (r.chance(params.honorificRate)) {
    name = d.receiver.surname + (d.receiver.sex === 'M' ? '先生' : '女士');
  } else if (r.chance(params.nameTypoRate) && name.length > 1) {
    const surnameLen = d.receiver.surname.length;
    const pos = r.chance(0.9) ? r.int(surnameLen, name.length - 1) : 0;
    name = withHomophone(r, name, pos);
  }

  const habit = writer.habit;
  const style: DetailStyle = {
    ...habit,
    // The 街道/镇 is placed by the platform (a picker) or by typedDetail (free text), not here.
    town: false,
    estate: r.chance(v.toggleEstate) ? !habit.estate : habit.estate,
    buildingWord: r.chance(v.swapBuildingWord)
      ? habit.buildingWord === '栋'
        ? '幢'
        : '栋'
      : habit.buildingWord,
    shorthand: r.chance(v.shorthand),
  };
  let detail = renderDetail(p, style);
  if (r.chance(v.fullWidthDigits)) detail = fullWidthDigits(detail);
  if (r.chance(v.traditionalHao)) detail = detail.replace(/号/g, '號');
  if (writer.writesTraditional) {
    name = traditional(name);
    detail = traditional(detail);
  }

  // Regions come from the platforms' pickers; where a person types one (an own shop's address
  // line, or the whole address typed again into the detail) it varies.
  const d0 = p.district;
  const drop = r.chance(v.dropSuffix);
  const typed = {
    province: r.chance(v.omitProvince) ? '' : drop ? d0.province.replace(PROVINCE_SUFFIX, '') : d0.province,
    city: drop && d0.city.length > 2 ? d0.city.replace(/市$/, '') : d0.city,
    district: r.chance(v.missingDistrict) ? '' : d0.district,
  };
  if (r.chance(v.regionInDetail)) detail = typed.province + typed.city + typed.district + detail;
  return { name, typed, town: p.town, detail, writesTown: habit.town };
}

/** 张伟 → 张*, 张三丰 → 张**, 欧阳娜 → 欧**: the first character shows, every other is `*`. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars[0]! + '*'.repeat(Math.max(1, chars.length - 1));
}
