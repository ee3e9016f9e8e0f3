/**
 * Platform accounts of the demo persons: who shops where, under which buyer key, how often.
 * About a quarter of the buyers shop on two or three platforms; a few keep a second Tmall account.
 */

import type { BuyerKeyKind } from '../orders/types.js';
import type { DemoPlatform } from './calendar.js';
import { CATALOG, type DemoProduct } from './catalog.js';
import { drawJdPin, drawNickname, drawTaobaoDefaultName } from './names.js';
import type { Person } from './people.js';
import { WeightedTable, zipfTable, type Rng } from './prng.js';

export interface Account {
  platform: DemoPlatform;
  person: Person;
  kind: BuyerKeyKind;
  key: string;
  /** Youzan shows a WeChat nickname next to the phone. */
  nickname: string | null;
  /** How many orders this account would place given unlimited time (Zipf-like). */
  plannedOrders: number;
  /** Mean days between two orders. */
  gapMeanDays: number;
  /** Products this buyer tends to re-order. */
  favorites: DemoProduct[];
}

/** Share of buyers on more than one platform (before the window cut; tuned for ≈25% after). */
const MULTI_PLATFORM = 0.36;
const SINGLE: readonly DemoPlatform[] = ['tmall', 'jd', 'youzan'];
const SINGLE_WEIGHTS = [0.56, 0.26, 0.18];
const COMBOS: readonly DemoPlatform[][] = [
  ['tmall', 'jd'],
  ['tmall', 'youzan'],
  ['jd', 'youzan'],
  ['tmall', 'jd', 'youzan'],
];
const COMBO_WEIGHTS = [0.4, 0.34, 0.11, 0.15];
const SECOND_TMALL_ACCOUNT = 0.02;
const ORDERS_PER_ACCOUNT = zipfTable(1.45, 60);
const FAVORITE_TABLE = new WeightedTable(
  CATALOG.filter((p) => p.consumable),
  CATALOG.filter((p) => p.consumable).map((p) => p.popularity),
);

export function assignAccounts(rng: Rng, persons: readonly Person[]): Account[] {
  const accounts: Account[] = [];
  const used = new Set<string>();
  const unique = (platform: string, draw: () => string): string => {
    // Taken names get digits appended, as people do when the platform refuses a name.
    const base = draw();
    let key = base;
    while (used.has(`${platform}|${key}`)) key = base + rng.digits(rng.int(1, 3));
    used.add(`${platform}|${key}`);
    return key;
  };

  for (const person of persons) {
    if (!person.buyer) continue;
    let platforms = rng.chance(MULTI_PLATFORM)
      ? rng.weighted(COMBOS, COMBO_WEIGHTS)
      : [rng.weighted(SINGLE, SINGLE_WEIGHTS)];
    // Youzan identifies buyers by phone: whoever has no phone of their own shops elsewhere.
    if (person.sharesPhone && platforms.includes('youzan')) {
      platforms = platforms.filter((p) => p !== 'youzan');
      if (platforms.length === 0) platforms = [rng.chance(0.65) ? 'tmall' : 'jd'];
    }
    if (platforms.includes('tmall') && rng.chance(SECOND_TMALL_ACCOUNT)) platforms = [...platforms, 'tmall'];

    // A buyer's appetite: gaps ~ lognormal around 70 days; heavy buyers come back faster.
    const baseGap = Math.min(220, Math.max(12, 70 * Math.exp(0.5 * rng.normal())));
    const favorites = [FAVORITE_TABLE.sample(rng), FAVORITE_TABLE.sample(rng)];
    for (const platform of platforms) {
      const plannedOrders = ORDERS_PER_ACCOUNT.sample(rng);
      const gapMeanDays = Math.max(10, Math.min(baseGap, 1000 / plannedOrders));
      accounts.push({
        platform,
        person,
        ...identity(rng, platform, person, unique),
        plannedOrders,
        gapMeanDays,
        favorites,
      });
    }
  }
  return accounts;
}

function identity(
  rng: Rng,
  platform: DemoPlatform,
  person: Person,
  unique: (platform: string, draw: () => string) => string,
): { kind: BuyerKeyKind; key: string; nickname: string | null } {
  switch (platform) {
    case 'tmall': {
      const draw = (): string =>
        rng.chance(0.4) ? drawTaobaoDefaultName(rng) : drawNickname(rng, person.birthYear);
      return { kind: 'member_name', key: unique('tmall', draw), nickname: null };
    }
    case 'jd':
      return { kind: 'member_name', key: unique('jd', () => drawJdPin(rng)), nickname: null };
    case 'youzan': {
      const phone = person.phones[0]!.value;
      return {
        kind: 'phone',
        key: unique('youzan', () => phone),
        nickname: drawNickname(rng, person.birthYear),
      };
    }
  }
}
