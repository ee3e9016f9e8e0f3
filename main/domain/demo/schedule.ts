/**
 * When an account orders: a first order drawn from the shop's (growing, seasonal) demand, then
 * repeat orders after gamma-shaped gaps, pulled towards festival days. An account stops when it
 * has placed its planned orders (churn) or when the next order would fall after the end date.
 */

import { epochAt, hourWeights, seasonWeight, type DemoPlatform } from './calendar.js';
import { WeightedTable, type Rng } from './prng.js';

const MIN_GAP_DAYS = 3;
/** Growth of new-customer acquisition per year (the shop is doing fine). */
const GROWTH_PER_YEAR = 0.08;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

export class Schedule {
  private readonly season: Float64Array;
  private readonly acquisition: WeightedTable<number>;
  private readonly hourTables = new Map<readonly number[], WeightedTable<number>>();

  constructor(
    readonly platform: DemoPlatform,
    /** First day on which accounts may start ordering (a warm-up before the data window). */
    readonly startDay: number,
    readonly endDay: number,
  ) {
    // Season weights also run past endDay so that a gap can "land" after the end (censoring).
    const length = endDay - startDay + 1 + 1000;
    this.season = new Float64Array(length);
    for (let i = 0; i < length; i++) this.season[i] = seasonWeight(platform, startDay + i);
    const days: number[] = [];
    const weights: number[] = [];
    for (let day = startDay; day <= endDay; day++) {
      days.push(day);
      weights.push(this.seasonOf(day) * Math.exp((GROWTH_PER_YEAR * (day - startDay)) / 365));
    }
    this.acquisition = new WeightedTable(days, weights);
  }

  private seasonOf(day: number): number {
    return this.season[day - this.startDay] ?? 1;
  }

  /** The local days on which an account orders, ascending; may include days before the window. */
  orderDays(rng: Rng, plannedOrders: number, gapMeanDays: number): number[] {
    let prev = this.acquisition.sample(rng);
    const days = [prev];
    const theta = gapMeanDays / 2; // gamma(2, θ) has mean 2θ
    const span = Math.ceil(gapMeanDays * 4);
    const weights = new Float64Array(span + 1);
    while (days.length < plannedOrders) {
      let total = 0;
      const decay = Math.exp(-1 / theta);
      let e = Math.exp(-MIN_GAP_DAYS / theta);
      const offset = prev - this.startDay;
      for (let t = MIN_GAP_DAYS; t <= span; t++) {
        const w = (t / theta) * e * (this.season[offset + t] ?? 1);
        e *= decay;
        weights[t] = w;
        total += w;
      }
      let r = rng.next() * total;
      let gap = span;
      for (let t = MIN_GAP_DAYS; t <= span; t++) {
        r -= weights[t] as number;
        if (r < 0) {
          gap = t;
          break;
        }
      }
      const next = prev + gap;
      if (next > this.endDay) break;
      days.push(next);
      prev = next;
    }
    return days;
  }

  /** Epoch seconds of an order placed on `day`, at a local hour drawn from the day's profile. */
  orderTime(rng: Rng, day: number): number {
    const profile = hourWeights(day);
    let table = this.hourTables.get(profile);
    if (table === undefined) {
      table = new WeightedTable(HOURS, profile);
      this.hourTables.set(profile, table);
    }
    const hour = table.sample(rng);
    return epochAt(day, hour * 3600 + rng.int(0, 3599));
  }
}
