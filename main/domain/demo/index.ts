/**
 * 示例店铺: a seeded, realistic sample shop for `huike demo`, the first-run button, tests and
 * benchmarks. One brand (青禾) sells on Tmall, JD and its own Youzan shop; a synthetic population
 * of persons and households buys there over two years ending at `endDate`. Every order is shaped
 * like a platform parser's output (ParsedOrder), with buyer data masked as that platform masks it,
 * and `persons` records which buyer keys truly belong to one person.
 *
 * Pure and deterministic: the same options give deep-equal output.
 */

import type { BuyerKeyKind, ImportFormat, ParsedOrder } from '../orders/types.js';
import { assignAccounts, type Account } from './accounts.js';
import { dayOf, epochAt, type DemoPlatform } from './calendar.js';
import { CATALOG } from './catalog.js';
import { orderIdMaker } from './ids.js';
import { draftOrder, type Draft, type ShopContext } from './orders.js';
import { generatePopulation } from './people.js';
import { Rng } from './prng.js';
import { Schedule } from './schedule.js';

export { CNY_DATES, festivalOf, localDateOfIso, type DemoPlatform, type Festival } from './calendar.js';
export { maskName, maskPhoneJd, maskPhoneTmall } from './masking.js';
export { summarizeDemoShop, type DemoShopSummary } from './summary.js';

export interface DemoShopOptions {
  seed: number;
  /** `YYYY-MM-DD`, the last day of data (Asia/Shanghai). */
  endDate: string;
  /** 1 = default size (≈3,500 buyers, ≈20,000 orders); the population scales linearly. */
  scale?: number;
}

export interface DemoProductInfo {
  sku: string;
  title: string;
  unitPriceFen: number;
  unitCostFen: number;
}

export interface DemoShopData {
  platform: DemoPlatform;
  format: ImportFormat;
  name: string;
  /** Ascending by orderedAt. */
  orders: ParsedOrder[];
  /** Ground truth: orders sent to someone other than the buyer (gift false-merge evaluation). */
  giftOrderIds: string[];
}

export interface DemoAccount {
  platform: DemoPlatform;
  kind: BuyerKeyKind;
  key: string;
}

export interface DemoPerson {
  personId: number;
  /** Persons of one household share an address and sometimes a phone. */
  householdId: number;
  accounts: DemoAccount[];
}

export interface DemoShop {
  seed: number;
  endDate: string;
  products: DemoProductInfo[];
  shops: DemoShopData[];
  /** Ground truth for identity evaluation: the buyer keys that belong to one person (only accounts with orders). */
  persons: DemoPerson[];
}

export const DEMO_SHOP_NAMES: Readonly<Record<DemoPlatform, string>> = {
  tmall: '青禾家居旗舰店',
  jd: '青禾家居京东旗舰店',
  youzan: '青禾家居微商城',
};

const PLATFORMS: readonly DemoPlatform[] = ['tmall', 'jd', 'youzan'];
const WINDOW_DAYS = 730;
/** Accounts start ordering a year before the window, so the window opens on a shop with regulars. */
const WARMUP_DAYS = 540;
const PERSONS_AT_SCALE_1 = 5000;

export function generateDemoShop(options: DemoShopOptions): DemoShop {
  const { seed, endDate } = options;
  const scale = options.scale ?? 1;
  if (!Number.isFinite(seed)) throw new Error(`demo seed must be a finite number, got ${seed}`);
  if (!(scale > 0 && scale <= 1000)) throw new Error(`demo scale must be in (0, 1000], got ${scale}`);
  const endDay = dayOf(endDate);
  const windowStart = endDay - WINDOW_DAYS + 1;
  const startDay = windowStart - WARMUP_DAYS;

  const root = new Rng(seed, 'huike-demo');
  const population = generatePopulation(
    root.fork('people'),
    Math.max(10, Math.round(PERSONS_AT_SCALE_1 * scale)),
    startDay,
    endDay,
  );
  const accounts = assignAccounts(root.fork('accounts'), population.persons);
  const now = epochAt(endDay, 86_399);

  const activeAccounts = new Set<Account>();
  const shops = PLATFORMS.map((platform): DemoShopData => {
    const ctx: ShopContext = { platform, shopName: DEMO_SHOP_NAMES[platform], now, population };
    const schedule = new Schedule(platform, startDay, endDay);
    const rng = root.fork(`orders:${platform}`);
    const drafts: Draft[] = [];
    for (const account of accounts) {
      if (account.platform !== platform) continue;
      for (const day of schedule.orderDays(rng, account.plannedOrders, account.gapMeanDays)) {
        if (day < windowStart) continue;
        drafts.push(draftOrder(rng, ctx, account, schedule.orderTime(rng, day), day));
        activeAccounts.add(account);
      }
    }
    drafts.sort((a, b) => a.epoch - b.epoch);

    const nextId = orderIdMaker(platform, root.fork(`ids:${platform}`));
    const orders: ParsedOrder[] = [];
    const giftOrderIds: string[] = [];
    let row = 2; // spreadsheet row of the first data row
    for (const draft of drafts) {
      const platformOrderId = nextId(draft.epoch);
      // JD exports one row per line; Tmall's 订单报表 and Youzan's order export one row per order.
      const rowCount = platform === 'jd' ? (draft.order.lines?.length ?? 1) : 1;
      const sourceRows = Array.from({ length: rowCount }, (_, i) => row + i);
      row += rowCount;
      draft.order.platformOrderId = platformOrderId;
      draft.order.sourceRows = sourceRows;
      orders.push(draft.order);
      if (draft.giftRecipientId !== null) giftOrderIds.push(platformOrderId);
    }
    return { platform, format: platform, name: DEMO_SHOP_NAMES[platform], orders, giftOrderIds };
  });

  const byPerson = new Map<number, DemoPerson>();
  for (const account of accounts) {
    if (!activeAccounts.has(account)) continue;
    const { person } = account;
    let entry = byPerson.get(person.id);
    if (entry === undefined) {
      entry = { personId: person.id, householdId: person.householdId, accounts: [] };
      byPerson.set(person.id, entry);
    }
    entry.accounts.push({ platform: account.platform, kind: account.kind, key: account.key });
  }
  const persons = [...byPerson.values()].sort((a, b) => a.personId - b.personId);

  return {
    seed,
    endDate,
    products: CATALOG.map(({ sku, title, unitPriceFen, unitCostFen }) => ({
      sku,
      title,
      unitPriceFen,
      unitCostFen,
    })),
    shops,
    persons,
  };
}
