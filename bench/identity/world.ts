/**
 * The benchmark's people and their accounts: persons in households of 1–4 sharing a home (and
 * sometimes a phone), who move and change phones over time, each with a circle of relatives and
 * friends they send gifts to; buyers among them hold accounts on 1–3 platforms, now and then a
 * second one on the same platform. Everything is drawn from one seeded stream, in order, so the
 * same seed gives the same world; the month after the span is drawn from a stream of its own, so
 * asking for it leaves the base world unchanged.
 */
import { Rng, WeightedTable, hashSeed } from '../lib/prng.js';
import { drawDistrict, drawDistrictInCity, divisions, type District } from './divisions.js';
import { drawEmail, drawGivenName, drawHandle, drawNickname, drawSurname, type Sex } from './names.js';
import { IDENTITY_PLATFORMS, type IdentityParams, type IdentityPlatform, type SizeSpec } from './params.js';
import { PhoneBook, e164 } from './phones.js';
import { drawHabit, drawHome, drawOffice, type AddressHabit, type Place } from './places.js';

/** A value that holds from day `from` on, until the next entry. */
export interface Dated<T> {
  from: number;
  value: T;
}

export function valueAt<T>(list: readonly Dated<T>[], day: number): T {
  let current = list[0]!;
  for (const entry of list) {
    if (entry.from <= day) current = entry;
    else break;
  }
  return current.value;
}

export type Phase = 'base' | 'month';

export interface Person {
  /** 1-based, in the order drawn. */
  id: number;
  householdId: number;
  phase: Phase;
  name: string;
  surname: string;
  given: string;
  sex: Sex;
  birthYear: number;
  /** Own phone history (empty when the person gives a household member's phone). */
  phones: Dated<string>[];
  /** Gives this household member's phone as their own. */
  sharesPhoneOf: number | null;
  office: Place | null;
  /** zhangwei88: reused as a login on several platforms. */
  handle: string;
  /** 小美的日常: a WeChat / Taobao nickname. */
  nickname: string;
  writesTraditional: boolean;
  habit: AddressHabit;
  /** Which of the home district's parcel stations the person uses. */
  stationSlot: number;
  /** Relatives and friends outside the household: who gets the gifts. */
  contacts: number[];
  accounts: number[];
}

export interface Household {
  id: number;
  phase: Phase;
  memberIds: number[];
  homes: Dated<Place>[];
}

/** How the export names the account holder; `hidden` when it names nobody (拼多多, 抖店). */
export type AccountKeyKind = 'member_name' | 'email' | 'phone' | 'nickname' | 'hidden';

export interface Account {
  /** 1-based, in the order drawn. */
  id: number;
  personId: number;
  platform: IdentityPlatform;
  phase: Phase;
  /** The person's second account on this platform. */
  second: boolean;
  /** The day of the account's first order. */
  openDay: number;
  /** Orders in the base span (month orders are planned apart). */
  orders: number;
  /** Tmall 买家会员名, JD 下单帐号. */
  login: string;
  /** Youzan 买家昵称 */
  nickname: string;
  /** Shopify e-mail ('' for a phone-only customer). */
  email: string;
  /** The phone the account was registered with (Youzan, 拼多多, Shopify); '' when it shows none. */
  phone: string;
  /** The account's key in the export, as the truth names it. */
  keyKind: AccountKeyKind;
  key: string;
}

export interface World {
  persons: Person[];
  households: Household[];
  accounts: Account[];
  /** Days of the base span; the month is [spanDays, spanDays + 30). */
  spanDays: number;
  personById(id: number): Person;
  phoneAt(p: Person, day: number): string;
  homeAt(p: Person, day: number): Place;
}

export const MONTH_DAYS = 30;
const MAX_CONTACTS = 6;

function eventDays(rng: Rng, perYear: number, fromDay: number, toDay: number): number[] {
  const days: number[] = [];
  for (let start = fromDay; start < toDay; start += 365) {
    if (rng.chance(perYear)) days.push(rng.int(start, Math.min(toDay - 1, start + 364)));
  }
  return days;
}

/** Zipf: P(k) ∝ k^-s, k = 1 … max; the table is built once per (s, max). */
function zipfTable(s: number, max: number): (readonly [number, number])[] {
  const table: [number, number][] = [];
  for (let k = 1; k <= max; k++) table.push([k, k ** -s]);
  return table;
}

class WorldBuilder {
  readonly persons: Person[] = [];
  readonly households: Household[] = [];
  readonly accounts: Account[] = [];
  private readonly phoneBook = new PhoneBook();
  private readonly byCity = new Map<string, number[]>();
  private readonly zipf: WeightedTable<number>;
  /** Logins, e-mails and registered phones are unique per platform. */
  private readonly taken = new Map<string, Set<string>>();
  private readonly lastDay: number;
  private readonly platformTable: (readonly [IdentityPlatform, number])[];

  constructor(
    private readonly params: IdentityParams,
    readonly spanDays: number,
  ) {
    this.zipf = new WeightedTable(zipfTable(params.ordersZipfS, params.ordersMax));
    // Histories cover the month after the span too, so a month asked for later fits the base.
    this.lastDay = spanDays + MONTH_DAYS;
    this.platformTable = IDENTITY_PLATFORMS.map((p) => [p, params.platformWeights[p]] as const).filter(
      ([, w]) => w > 0,
    );
  }

  phoneAt(p: Person, day: number): string {
    const owner = p.sharesPhoneOf === null ? p : this.persons[p.sharesPhoneOf - 1]!;
    return valueAt(owner.phones, day);
  }

  /** A household with its members; returns the new persons. */
  household(rng: Rng, phase: Phase): Person[] {
    const params = this.params;
    const id = this.households.length + 1;
    const size = rng.weighted(params.householdSizes);
    // A relative's household elsewhere: the head shares their surname and knows them.
    const relative =
      this.persons.length > 0 && rng.chance(params.relativeRate) ? rng.pick(this.persons) : null;
    const district = drawDistrict(rng);
    const homes: Dated<Place>[] = [{ from: 0, value: drawHome(rng, district) }];
    for (const day of eventDays(rng, params.moveRatePerYear, 30, this.lastDay)) {
      const from = homes[homes.length - 1]!.value.district;
      const r = rng.float();
      const to = r < 0.25 ? from : r < 0.85 ? drawDistrictInCity(rng, from) : drawDistrict(rng);
      homes.push({ from: day, value: drawHome(rng, to) });
    }
    const household: Household = { id, phase, memberIds: [], homes };
    this.households.push(household);

    const headSex: Sex = rng.chance(0.5) ? 'M' : 'F';
    const headBorn = rng.int(1960, 2003);
    const members = [this.person(rng, id, phase, headSex, relative?.surname ?? drawSurname(rng), headBorn)];
    if (relative) this.know(members[0]!, relative);
    if (size >= 2) {
      // A partner (own surname), or a parent or sibling (the head's surname).
      const partner = rng.chance(0.72);
      const sex: Sex = partner ? (headSex === 'M' ? 'F' : 'M') : rng.chance(0.5) ? 'M' : 'F';
      const born = partner ? headBorn + rng.int(-4, 4) : headBorn + rng.pick([-27, -25, 2, -2, 26]);
      members.push(
        this.person(
          rng,
          id,
          phase,
          sex,
          partner ? drawSurname(rng) : members[0]!.surname,
          Math.min(born, 2006),
        ),
      );
    }
    for (let i = 2; i < size; i++) {
      // Children take the father's surname when there is a man in the house.
      const father = members.find((m) => m.sex === 'M') ?? members[0]!;
      const born = Math.min(2008, Math.max(headBorn + 22, 1985) + rng.int(0, 8));
      members.push(this.person(rng, id, phase, rng.chance(0.5) ? 'M' : 'F', father.surname, born));
    }
    if (members.length > 1 && rng.chance(params.sharedPhoneRate)) {
      // One member has no phone of their own and gives another's.
      const sharer = members[members.length - 1]!;
      sharer.phones = [];
      sharer.sharesPhoneOf = members[0]!.id;
    }
    const cityKey = divisions().cityKey(district);
    for (const m of members) {
      household.memberIds.push(m.id);
      if (m.sharesPhoneOf === null) {
        for (const day of eventDays(rng, params.phoneChangeRatePerYear, 30, this.lastDay)) {
          m.phones.push({ from: day, value: this.phoneBook.draw(rng) });
        }
      }
      if (m.birthYear < 2003 && rng.chance(params.officeShare)) {
        const office = rng.chance(0.7) ? drawDistrictInCity(rng, district) : district;
        m.office = drawOffice(rng, office);
      }
      // Friends nearby and people anywhere: 1–3 contacts among those drawn before.
      const friends = this.byCity.get(cityKey) ?? [];
      for (let k = rng.int(1, 3); k > 0; k--) {
        const pool = friends.length > 0 && rng.chance(0.6) ? friends : null;
        const other = pool
          ? this.persons[rng.pick(pool) - 1]
          : this.persons.length > 1
            ? rng.pick(this.persons)
            : null;
        if (other && other.householdId !== id) this.know(m, other);
      }
    }
    for (const m of members) {
      const list = this.byCity.get(cityKey);
      if (list) list.push(m.id);
      else this.byCity.set(cityKey, [m.id]);
    }
    return members;
  }

  /**
   * Mutual contacts, at most MAX_CONTACTS each: the first persons drawn would otherwise know
   * everyone. A person of the month knows earlier people, but is not added to their circles: the
   * base orders (their gifts) stay what they are without the month.
   */
  private know(a: Person, b: Person): void {
    if (a.contacts.length >= MAX_CONTACTS || b.contacts.length >= MAX_CONTACTS) return;
    if (!a.contacts.includes(b.id)) a.contacts.push(b.id);
    if (a.phase !== b.phase) return;
    if (!b.contacts.includes(a.id)) b.contacts.push(a.id);
  }

  private person(
    rng: Rng,
    householdId: number,
    phase: Phase,
    sex: Sex,
    surname: string,
    birthYear: number,
  ): Person {
    const given = drawGivenName(rng, sex);
    const name = surname + given;
    const p: Person = {
      id: this.persons.length + 1,
      householdId,
      phase,
      name,
      surname,
      given,
      sex,
      birthYear,
      phones: [{ from: 0, value: this.phoneBook.draw(rng) }],
      sharesPhoneOf: null,
      office: null,
      handle: drawHandle(rng, name, surname, birthYear),
      nickname: drawNickname(rng, given),
      writesTraditional: rng.chance(this.params.traditionalWriterRate),
      habit: drawHabit(rng),
      stationSlot: rng.int(0, 5),
      contacts: [],
      accounts: [],
    };
    this.persons.push(p);
    return p;
  }

  /** The platforms a buyer uses: 1–3 distinct ones by popularity. */
  platformsOf(rng: Rng): IdentityPlatform[] {
    const want = Math.min(rng.weighted(this.params.platformsPerBuyer), this.platformTable.length);
    const chosen: IdentityPlatform[] = [];
    while (chosen.length < want) {
      const p = rng.weighted(this.platformTable);
      if (!chosen.includes(p)) chosen.push(p);
    }
    return chosen;
  }

  drawOrderCount(rng: Rng): number {
    return this.zipf.draw(rng);
  }

  private unique(platform: string, wanted: string, rng: Rng): string {
    const set = this.taken.get(platform) ?? new Set<string>();
    this.taken.set(platform, set);
    let value = wanted;
    while (set.has(value)) value = `${wanted}${rng.int(1, 9999)}`;
    set.add(value);
    return value;
  }

  /** Claims a phone as an account's registered phone on a platform: '' when another account has it. */
  private claimPhone(platform: string, phone: string): string {
    const key = `${platform}:phone`;
    const set = this.taken.get(key) ?? new Set<string>();
    this.taken.set(key, set);
    if (set.has(phone)) return '';
    set.add(phone);
    return phone;
  }

  account(
    rng: Rng,
    p: Person,
    platform: IdentityPlatform,
    phase: Phase,
    openDay: number,
    orders: number,
    second: boolean,
  ): Account {
    const params = this.params;
    const phone = this.phoneAt(p, openDay);
    const a: Account = {
      id: this.accounts.length + 1,
      personId: p.id,
      platform,
      phase,
      second,
      openDay,
      orders,
      login: '',
      nickname: '',
      email: '',
      phone: '',
      keyKind: 'hidden',
      key: '',
    };
    switch (platform) {
      case 'tmall': {
        const r = rng.float();
        const wanted = !second && r < 0.45 ? p.handle : r < 0.8 ? `tb${rng.digits(10)}` : p.nickname;
        a.login = this.unique('tmall', wanted, rng);
        a.keyKind = 'member_name';
        a.key = a.login;
        break;
      }
      case 'jd': {
        const r = rng.float();
        const hex = Array.from({ length: 12 }, () => '0123456789abcdef'[rng.int(0, 15)]).join('');
        const wanted = !second && r < 0.4 ? p.handle : r < 0.85 ? `jd_${hex}` : p.nickname;
        a.login = this.unique('jd', wanted, rng);
        a.keyKind = 'member_name';
        a.key = a.login;
        break;
      }
      case 'youzan': {
        a.nickname = second ? drawNickname(rng, p.given) : p.nickname;
        a.phone = !second && rng.chance(params.youzanBuyerPhoneRate) ? this.claimPhone('youzan', phone) : '';
        a.keyKind = a.phone ? 'phone' : 'nickname';
        a.key = a.phone || a.nickname;
        break;
      }
      case 'shopify': {
        if (rng.chance(params.shopifyEmailRate) || second) {
          a.email = this.unique('email', drawEmail(rng, second ? `${p.handle}.work` : p.handle, phone), rng);
          // Some customers also leave their phone at checkout.
          a.phone = rng.chance(0.5) ? phone : '';
          a.keyKind = 'email';
          a.key = a.email;
        } else {
          a.phone = this.claimPhone('shopify', phone);
          if (!a.phone) {
            a.email = this.unique('email', drawEmail(rng, p.handle, phone), rng);
            a.keyKind = 'email';
            a.key = a.email;
          } else {
            // Shopify writes the customer's phone in E.164, and that is the key the file gives.
            a.keyKind = 'phone';
            a.key = e164(a.phone);
          }
        }
        break;
      }
      case 'pdd': {
        // A 拼多多 account is bound to a phone; a second account (or a taken phone) shows none.
        a.phone = second ? '' : this.claimPhone('pdd', phone);
        break;
      }
      case 'douyin':
        break;
    }
    this.accounts.push(a);
    p.accounts.push(a.id);
    return a;
  }

  /** Forgets the persons after the first `count` (drawn in the last household, before any account). */
  dropPersonsAfter(count: number): void {
    while (this.persons.length > count) {
      const p = this.persons.pop()!;
      const h = this.households[p.householdId - 1]!;
      h.memberIds = h.memberIds.filter((id) => id !== p.id);
      if (h.memberIds.length === 0) this.households.pop();
      for (const c of p.contacts) {
        const other = this.persons[c - 1];
        if (other) other.contacts = other.contacts.filter((x) => x !== p.id);
      }
      for (const list of this.byCity.values()) {
        const i = list.indexOf(p.id);
        if (i >= 0) list.splice(i, 1);
      }
    }
  }

  build(): World {
    const persons = this.persons;
    return {
      persons,
      households: this.households,
      accounts: this.accounts,
      spanDays: this.spanDays,
      personById: (id) => persons[id - 1]!,
      phoneAt: (p, day) => this.phoneAt(p, day),
      homeAt: (p, day) => valueAt(this.households[p.householdId - 1]!.homes, day),
    };
  }
}

/**
 * Draws the base world until it has exactly `size` persons, accounts or orders (the last
 * household, person or account is cut to fit), then, if asked, the month's new accounts.
 */
export function buildWorld(
  params: IdentityParams,
  size: SizeSpec,
  seed: number,
  monthNewAccounts: number,
): World {
  const builder = new WorldBuilder(params, params.spanDays);
  const rng = new Rng(hashSeed(`identity:world:${seed}`));
  let orders = 0;
  const reached = () =>
    size.unit === 'persons'
      ? builder.persons.length >= size.count
      : size.unit === 'accounts'
        ? builder.accounts.length >= size.count
        : orders >= size.count;

  outer: while (!reached()) {
    const members = builder.household(rng, 'base');
    for (const p of members) {
      // The last household may overshoot the count: its extra members are dropped below.
      if (size.unit === 'persons' && p.id > size.count) break;
      if (!rng.chance(params.buyerShare)) continue;
      const platforms = builder.platformsOf(rng);
      if (rng.chance(params.secondAccountRate)) platforms.push(rng.pick(platforms));
      const seen = new Set<IdentityPlatform>();
      for (const platform of platforms) {
        const second = seen.has(platform);
        seen.add(platform);
        const openDay = rng.int(0, Math.floor(params.spanDays * 0.8));
        let n = builder.drawOrderCount(rng);
        if (size.unit === 'orders' && orders + n >= size.count) n = size.count - orders;
        builder.account(rng, p, platform, 'base', openDay, n, second);
        orders += n;
        if (size.unit === 'accounts' && builder.accounts.length >= size.count) break outer;
        if (size.unit === 'orders' && orders >= size.count) break outer;
      }
    }
  }
  if (size.unit === 'persons') builder.dropPersonsAfter(size.count);

  if (monthNewAccounts > 0) addMonth(builder, params, seed, monthNewAccounts);
  return builder.build();
}

/**
 * The month after the span: `count` new accounts, 60 % opened by existing buyers on a platform they
 * did not use yet (the merge has to find them a customer), 40 % by new persons.
 */
function addMonth(builder: WorldBuilder, params: IdentityParams, seed: number, count: number): void {
  const rng = new Rng(hashSeed(`identity:month:${seed}`));
  const start = params.spanDays;
  const existing = builder.persons.filter((p) => p.accounts.length > 0);
  let made = 0;
  let attempts = 0;
  while (made < count) {
    const openDay = start + rng.int(0, MONTH_DAYS - 1);
    const orders = Math.min(3, builder.drawOrderCount(rng));
    if (existing.length > 0 && rng.chance(0.6) && attempts < count * 20) {
      attempts++;
      const p = rng.pick(existing);
      const held = new Set(p.accounts.map((id) => builder.accounts[id - 1]!.platform));
      const platform = builder.platformsOf(rng).find((x) => !held.has(x));
      if (!platform) continue;
      builder.account(rng, p, platform, 'month', openDay, orders, false);
      made++;
    } else {
      for (const p of builder.household(rng, 'month')) {
        if (made >= count) break;
        if (!rng.chance(params.buyerShare)) continue;
        builder.account(rng, p, builder.platformsOf(rng)[0]!, 'month', openDay, orders, false);
        made++;
      }
    }
  }
}

export { type District };
