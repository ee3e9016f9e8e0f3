/** Order numbers in each platform's style, unique within a shop. */

import { compactLocal, type DemoPlatform } from './calendar.js';
import type { Rng } from './prng.js';

const EPOCH_2020 = Date.UTC(2020, 0, 1) / 1000;

/**
 * Makes order ids for one shop, fed in creation order:
 * - Tmall: 18–19 random-looking digits (`2968475012345678901`);
 * - JD: 12 digits rising with time, as JD's global counter does (`301234567890`);
 * - Youzan: `E` + local yyyyMMddHHmmss + 8 digits (`E20241111203015012345678`).
 */
export function orderIdMaker(platform: DemoPlatform, rng: Rng): (epochSeconds: number) => string {
  const used = new Set<string>();
  let lastJd = 0;
  const fresh = (make: () => string): string => {
    let id = make();
    while (used.has(id)) id = make();
    used.add(id);
    return id;
  };
  switch (platform) {
    case 'tmall':
      return () =>
        fresh(() =>
          rng.chance(0.85) ? `${rng.int(1, 4)}${rng.digits(18)}` : `${rng.int(1, 9)}${rng.digits(17)}`,
        );
    case 'jd':
      return (epoch) => {
        // About 50 million JD orders a day, i.e. ~580 numbers a second.
        const counter = 200_000_000_000 + Math.floor((epoch - EPOCH_2020) * 578) + rng.int(0, 577);
        lastJd = Math.max(counter, lastJd + 1);
        return fresh(() => String(lastJd++));
      };
    case 'youzan':
      return (epoch) => fresh(() => `E${compactLocal(epoch)}${rng.digits(8)}`);
  }
}
