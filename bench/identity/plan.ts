/**
 * When each account orders. Base orders fall between the account's first day and the end of the
 * span; in the month after it, existing accounts keep ordering at their own rate and the month's
 * new accounts place their first orders. Each account's dates come from its own stream, so an
 * account's orders do not depend on any other's.
 */
import { Rng, WeightedTable, hashSeed } from '../lib/prng.js';
import type { IdentityPlatform } from './params.js';
import { MONTH_DAYS, type Account, type Phase, type World } from './world.js';

export interface PlannedOrder {
  account: Account;
  /** The order's index among the account's orders of this phase. */
  k: number;
  /** Wall-clock seconds after 2024-01-01 00:00 (the platform's local time). */
  at: number;
}

const DAY = 86_400;

/** Hours of the day people shop, weighted (evenings most). */
const HOURS = new WeightedTable<number>(
  Array.from({ length: 24 }, (_, h) => [h, h < 7 ? 1 : h < 12 ? 3 : h < 14 ? 4 : h < 19 ? 3 : 5] as const),
);

function timeOfDay(rng: Rng): number {
  return HOURS.draw(rng) * 3600 + rng.int(0, 3599);
}

/** The days of `count` orders between `from` and `to` (exclusive), in order. */
function days(rng: Rng, count: number, from: number, to: number): number[] {
  const list: number[] = [];
  for (let i = 0; i < count; i++) list.push(rng.int(from, Math.max(from, to - 1)));
  return list.sort((a, b) => a - b);
}

/** Every order of a phase, by platform, in time order (ties by account and index: deterministic). */
export function planPhase(world: World, seed: number, phase: Phase): Map<IdentityPlatform, PlannedOrder[]> {
  const span = world.spanDays;
  const byPlatform = new Map<IdentityPlatform, PlannedOrder[]>();
  for (const account of world.accounts) {
    const rng = new Rng(hashSeed(`identity:plan:${seed}:${phase}:${account.id}`));
    let dates: number[];
    if (phase === 'base') {
      if (account.phase !== 'base') continue;
      dates = days(rng, account.orders, account.openDay, span);
    } else if (account.phase === 'month') {
      dates = days(rng, account.orders, account.openDay, span + MONTH_DAYS);
    } else {
      // An existing account orders on in the month at its own pace over the span.
      const expected = (account.orders * MONTH_DAYS) / Math.max(180, span - account.openDay);
      const count = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
      dates = days(rng, count, span, span + MONTH_DAYS);
    }
    if (dates.length === 0) continue;
    const list = byPlatform.get(account.platform) ?? [];
    byPlatform.set(account.platform, list);
    dates.forEach((day, k) => list.push({ account, k, at: day * DAY + timeOfDay(rng) }));
  }
  for (const list of byPlatform.values()) {
    list.sort((a, b) => a.at - b.at || a.account.id - b.account.id || a.k - b.k);
  }
  return byPlatform;
}
