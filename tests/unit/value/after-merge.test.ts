/**
 * The merge engine calls `services.valueFit.schedule()` after each merge run: the run's `merge`
 * operation moves the data stamp, so the stored fit is behind and one refit starts in the
 * background; the stored facts then follow the merged customers.
 */
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HuikeDb } from '../../../db/index.js';
import { buildDatabase } from '../../../bench/suites/value.js';
import {
  createValueFitScheduler,
  readStoredFit,
  readStoredValue,
} from '../../../main/services/value/fit-refresh.js';

let dir: string;
let huikeDb: HuikeDb;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huike-value-merge-'));
  ({ huikeDb } = await buildDatabase(path.join(dir, 'shop.db'), 3000, 7));
}, 120_000);
afterAll(async () => {
  await huikeDb.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('after a merge run', () => {
  it('schedule() refits once in the background and the stored facts follow the merged customers', async () => {
    const scheduler = createValueFitScheduler(huikeDb, () => new Date());
    try {
      scheduler.schedule();
      await scheduler.settle();
      expect(scheduler.state()).toBe('fresh');
      const before = readStoredValue(huikeDb).facts;
      const [a, b] = before.filter((f) => f.orders >= 2);
      const fitted = readStoredFit(huikeDb)!;

      // What a merge run writes: its operation, and one customer's account moved to another.
      await huikeDb.writer.transaction(async (tx) => {
        tx.sqlite
          .prepare(`INSERT INTO operations (kind, created_at) VALUES ('merge', ?)`)
          .run(new Date().toISOString());
        tx.sqlite
          .prepare('UPDATE buyer_accounts SET customer_id = ? WHERE customer_id = ?')
          .run(a!.id, b!.id);
      });
      expect(scheduler.state()).toBe('stale');
      scheduler.schedule();
      scheduler.schedule(); // coalesced with the running fit
      expect(scheduler.state()).toBe('refreshing');
      await scheduler.settle();
      expect(scheduler.state()).toBe('fresh');
      expect(readStoredFit(huikeDb)!.dataStamp).not.toBe(fitted.dataStamp);
      const after = readStoredValue(huikeDb).facts;
      expect(after.length).toBe(before.length - 1);
      expect(after.find((f) => f.id === b!.id)).toBeUndefined();
      expect(after.find((f) => f.id === a!.id)!.orders).toBe(a!.orders + b!.orders);
    } finally {
      await scheduler.close();
    }
  });
});
