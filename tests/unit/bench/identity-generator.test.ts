/**
 * The identity benchmark's generator: the same seed gives the same bytes; the files are read by
 * the real importers (through the handlers) with no refused row and every order; the truth covers
 * every imported order and names the accounts as the files do; masks look exactly like each
 * platform's and are derived from the receiver's real phone; the world has the shapes its
 * parameters ask for.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatabase, type DbSnapshot } from '../../../bench/eval/read-db.js';
import { loadTruth, orderKey, type Truth } from '../../../bench/eval/truth.js';
import {
  ensureDataset,
  TRUTH_FILES,
  type Dataset,
  type DatasetFile,
} from '../../../bench/identity/dataset.js';
import { divisions } from '../../../bench/identity/divisions.js';
import { surnameOf } from '../../../bench/identity/names.js';
import { DEFAULT_PARAMS, type DatasetSpec } from '../../../bench/identity/params.js';
import { buildWorld } from '../../../bench/identity/world.js';
import { testApp } from '../../helpers/test-app.js';

const SPEC: DatasetSpec = {
  preset: 'default',
  size: { unit: 'persons', count: 200 },
  seed: 7,
  monthNewAccounts: 20,
};

let dir: string;
let data: Dataset;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huike-identity-'));
  data = await ensureDataset(path.join(dir, 'a'), SPEC);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const everyFile = (d: Dataset) => [...d.meta.files.map((f) => f.path), ...Object.values(TRUTH_FILES)];

describe('determinism', () => {
  it('the same spec and seed give the same bytes, files and truth alike', async () => {
    const again = await ensureDataset(path.join(dir, 'b'), SPEC);
    expect(again.generatedS).not.toBeNull();
    expect(everyFile(again)).toEqual(everyFile(data));
    for (const f of everyFile(data))
      expect(sha(path.join(again.dir, f)), f).toBe(sha(path.join(data.dir, f)));
    expect(again.meta).toEqual(data.meta);
  });

  it('another seed gives other files', async () => {
    const other = await ensureDataset(path.join(dir, 'c'), { ...SPEC, seed: 8 });
    expect(sha(path.join(other.dir, 'base/tmall.csv'))).not.toBe(sha(path.join(data.dir, 'base/tmall.csv')));
  });

  it('asking for the month leaves the base files as they are', async () => {
    const baseOnly = await ensureDataset(path.join(dir, 'd'), { ...SPEC, monthNewAccounts: 0 });
    const base = data.meta.files.filter((f) => f.phase === 'base');
    expect(baseOnly.meta.files.map((f) => f.path)).toEqual(base.map((f) => f.path));
    for (const f of base)
      expect(sha(path.join(baseOnly.dir, f.path)), f.path).toBe(sha(path.join(data.dir, f.path)));
    expect(data.meta.files.some((f) => f.phase === 'month')).toBe(true);
  });

  it('a cached dataset is reused; a changed file is generated again', async () => {
    const cached = await ensureDataset(path.join(dir, 'a'), SPEC);
    expect(cached.generatedS).toBeNull();
  });

  it('sizes are exact, in persons, orders or accounts', async () => {
    expect(data.meta.counts.persons - countMonthPersons(data)).toBe(200);
    const byOrders = await ensureDataset(path.join(dir, 'e'), {
      ...SPEC,
      size: { unit: 'orders', count: 500 },
    });
    expect(byOrders.meta.counts.orders.base).toBe(500);
    expect(byOrders.meta.files.reduce((n, f) => n + f.orders, 0)).toBe(
      500 + byOrders.meta.counts.orders.month,
    );
    const byAccounts = await ensureDataset(path.join(dir, 'f'), {
      ...SPEC,
      size: { unit: 'accounts', count: 150 },
    });
    expect(byAccounts.meta.counts.accounts).toEqual({ base: 150, month: 20 });
  });
});

function countMonthPersons(d: Dataset): number {
  return csv(path.join(d.dir, TRUTH_FILES.persons), 'utf-8').filter((r) => r.phase === 'month').length;
}

/** A CSV as the platform wrote it, decoded, header names trimmed, cells verbatim. */
function csv(file: string, encoding: DatasetFile['encoding']): Record<string, string>[] {
  const bytes = readFileSync(file);
  const text =
    encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim(),
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('the real importers read the files', () => {
  let snapshot: DbSnapshot;
  let truth: Truth;

  beforeAll(async () => {
    const app = await testApp({ onDisk: true });
    try {
      for (const f of data.meta.files) {
        const staged = await app.stagePath(path.join(data.dir, f.path));
        const { batches } = await app.invoke('import.commit', {
          files: [{ fileId: staged.fileId }],
          skipInvalidRows: true,
        });
        const b = batches[0]!;
        expect({
          file: f.path,
          format: b.platform,
          rows: b.rows,
          refused: b.rowsRefused,
          orders: b.orders,
        }).toEqual({
          file: f.path,
          format: f.format,
          rows: f.rows,
          refused: 0,
          orders: { inserted: f.orders, updated: 0, unchanged: 0 },
        });
      }
    } finally {
      await app.close();
    }
    snapshot = readDatabase(app.dbPath);
    truth = await loadTruth(data.dir);
  });

  it('imported every generated order, and the truth knows each one (no more, no less)', () => {
    const inDb = new Set(snapshot.orders.map((o) => orderKey(o.platform, o.platformOrderId)));
    expect(inDb.size).toBe(data.meta.counts.orders.base + data.meta.counts.orders.month);
    expect([...inDb].sort()).toEqual([...truth.orders.keys()].sort());
  });

  it('names each account as the file does: the database key is the truth key of the account behind every order', () => {
    const truthAccounts = csv(path.join(data.dir, TRUTH_FILES.accounts), 'utf-8');
    const keyOf = new Map(truthAccounts.map((a) => [Number(a.account), a]));
    const accountById = new Map(snapshot.accounts.map((a) => [a.id, a]));
    let named = 0;
    for (const o of snapshot.orders) {
      const t = truth.orders.get(orderKey(o.platform, o.platformOrderId))!;
      const generated = keyOf.get(t.account)!;
      if (generated.key_kind === 'hidden') continue;
      const account = accountById.get(o.accountId!)!;
      expect({ kind: account.keyKind, key: account.key }).toEqual({
        kind: generated.key_kind,
        key: generated.key,
      });
      named++;
    }
    expect(named).toBeGreaterThan(0);
  });
});

describe('masks look exactly like each platform’s, derived from the true phone', () => {
  let phonesOf: Map<number, string[]>;
  let truth: Truth;
  const HAN_MASKED = /^\p{Script=Han}\*+$/u;

  beforeAll(async () => {
    truth = await loadTruth(data.dir);
    phonesOf = new Map(
      csv(path.join(data.dir, TRUTH_FILES.persons), 'utf-8').map((p) => [
        Number(p.person),
        p.phones!.split('|'),
      ]),
    );
  });

  const file = (platform: string) =>
    data.meta.files.find((f) => f.phase === 'base' && f.platform === platform)!;
  const rowsOf = (platform: string) => csv(path.join(data.dir, file(platform).path), file(platform).encoding);
  const truthOf = (platform: string, written: string) =>
    truth.orders.get(orderKey(platform, written.replace(/^="(.*)"$/, '$1').replace(/^\t/, '')))!;
  /** The masked phone shows these digits of one of the receiver's phones (`*` hides the rest). */
  const fits = (masked: string, person: number) =>
    phonesOf
      .get(person)!
      .some((p) => p.length === masked.length && [...masked].every((c, i) => c === '*' || c === p[i]));

  it('Tmall: 张** and 138****5678 (or a privacy number 1xxxxxxxxxx-1234), never a full phone', () => {
    let virtual = 0;
    for (const r of rowsOf('tmall')) {
      const t = truthOf('tmall', r['订单编号']!);
      expect(r['收货人姓名']).toMatch(HAN_MASKED);
      const phone = r['联系手机']!;
      if (t.phoneShown === 'virtual') {
        virtual++;
        expect(phone).toMatch(/^'1(70|71|65|67)\d{8}-\d{4}$/);
        expect(phonesOf.get(t.receiver)).not.toContain(phone.slice(1, 12));
      } else {
        expect(phone).toMatch(/^'1\d{2}\*{4}\d{4}$/);
        expect(fits(phone.slice(1), t.receiver)).toBe(true);
      }
    }
    expect(virtual).toBeGreaterThan(0);
  });

  it('JD: 张* and 1******6198', () => {
    for (const r of rowsOf('jd')) {
      const t = truthOf('jd', r['订单号']!);
      expect(r['客户姓名']).toMatch(/^\p{Script=Han}\*$/u);
      expect(r['联系电话']).toMatch(/^'1\*{6}\d{4}$/);
      expect(fits(r['联系电话']!.slice(1), t.receiver)).toBe(true);
    }
  });

  it('拼多多 2024: masked 收货人 and 手机; 用户购买手机号 full (the buyer’s own) or masked', () => {
    let full = 0;
    for (const r of rowsOf('pdd')) {
      const t = truthOf('pdd', r['订单号']!);
      expect(r['收货人']).toMatch(HAN_MASKED);
      expect(r['手机']).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(fits(r['手机']!, t.receiver)).toBe(true);
      const buyer = r['用户购买手机号']!;
      if (t.phoneShown === 'full') {
        full++;
        expect(buyer).toMatch(/^\t1\d{10}$/);
        expect(phonesOf.get(t.buyer)).toContain(buyer.slice(1));
      } else {
        expect(buyer).toMatch(/^1\d{2}\*{4}\d{4}$/);
        expect(fits(buyer, t.buyer)).toBe(true);
      }
    }
    expect(full).toBeGreaterThan(0);
  });

  it('抖店: ciphertext receivers (#…#, $…$1$, ~…==~, ##密文) on a share of orders, masked on the rest', () => {
    const shown = { cipher: 0, masked: 0 };
    for (const r of rowsOf('douyin')) {
      const t = truthOf('douyin', r['主订单编号']!);
      if (t.phoneShown === 'cipher') {
        shown.cipher++;
        expect(r['收件人']).toMatch(/^#[A-Za-z0-9+/]{12}#$/);
        expect(r['收件人手机号']).toMatch(/^\$[A-Za-z0-9+/]{16}\$1\$$/);
        expect(r['详细地址']).toMatch(/^~[A-Za-z0-9+/]{20}==~$/);
        expect(r['街道']).toBe('##密文');
      } else {
        shown.masked++;
        expect(r['收件人']).toMatch(HAN_MASKED);
        expect(r['收件人手机号']).toMatch(/^1\d{2}\*{4}\d{4}$/);
        expect(fits(r['收件人手机号']!, t.receiver)).toBe(true);
        expect(r['详细地址']).not.toMatch(/\*/);
      }
    }
    expect(shown.cipher).toBeGreaterThan(0);
    expect(shown.masked).toBeGreaterThan(0);
  });

  it('Youzan: plaintext names and full phones; 买家手机号 or ——', () => {
    for (const r of rowsOf('youzan')) {
      const t = truthOf('youzan', r['订单号']!);
      expect(r['收货人/提货人']).toMatch(/^\p{Script=Han}{2,}$/u);
      expect(phonesOf.get(t.receiver)).toContain(r['收货人手机号/提货人手机号']);
      expect(r['买家手机号']).toMatch(/^(1\d{10}|——)$/);
      if (r['买家手机号'] !== '——') expect(phonesOf.get(t.buyer)).toContain(r['买家手机号']);
    }
  });

  it('Shopify: e-mails, +86 phones of the receiver, CNY', () => {
    let emails = 0;
    for (const r of rowsOf('shopify').filter((x) => x['Financial Status'])) {
      const t = truthOf('shopify', r.Name!);
      expect(r['Shipping Phone']).toMatch(/^\+861\d{10}$/);
      expect(phonesOf.get(t.receiver)).toContain(r['Shipping Phone']!.slice(3));
      expect(r.Currency).toBe('CNY');
      expect(r['Shipping Country']).toBe('CN');
      if (t.emailShown) {
        emails++;
        expect(r.Email).toMatch(/^[^@\s]+@[a-z0-9.]+\.(com|cn)$/);
      } else {
        expect(r.Email).toBe('');
        expect(r.Phone).toMatch(/^\+861\d{10}$/);
      }
    }
    expect(emails).toBeGreaterThan(0);
  });
});

describe('the world has the shapes its parameters ask for', () => {
  const world = buildWorld(DEFAULT_PARAMS, { unit: 'persons', count: 6000 }, 3, 0);

  it('households of 1–4 in about the asked shares, members sharing one home', () => {
    const sizes = new Map<number, number>();
    for (const h of world.households) sizes.set(h.memberIds.length, (sizes.get(h.memberIds.length) ?? 0) + 1);
    expect([...sizes.keys()].sort()).toEqual([1, 2, 3, 4]);
    for (const [size, share] of DEFAULT_PARAMS.householdSizes) {
      // The last household may be cut short by the person count: one household at most.
      expect(Math.abs(sizes.get(size)! / world.households.length - share)).toBeLessThan(0.03);
    }
    const h = world.households.find((x) => x.memberIds.length === 4)!;
    const homes = h.memberIds.map((id) => world.homeAt(world.personById(id), 100));
    expect(new Set(homes).size).toBe(1);
  });

  it('about 30 % of buyers on two or more platforms; some second accounts on one platform', () => {
    const buyers = world.persons.filter((p) => p.accounts.length > 0);
    const multi = buyers.filter(
      (p) => new Set(p.accounts.map((id) => world.accounts[id - 1]!.platform)).size >= 2,
    ).length;
    expect(multi / buyers.length).toBeGreaterThan(0.26);
    expect(multi / buyers.length).toBeLessThan(0.34);
    expect(world.accounts.some((a) => a.second)).toBe(true);
  });

  it('surnames by frequency: 王, 李 and 张 lead with 5–9 % each; compound surnames appear', () => {
    const count = new Map<string, number>();
    for (const p of world.persons) count.set(p.surname, (count.get(p.surname) ?? 0) + 1);
    const top = [...count.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
    expect(top.map(([s]) => s).sort()).toEqual(['张', '李', '王'].sort());
    for (const [, n] of top) expect(n / world.persons.length).toBeGreaterThan(0.05);
    for (const [, n] of top) expect(n / world.persons.length).toBeLessThan(0.09);
    const compound = world.persons.filter((p) => p.surname.length === 2);
    expect(compound.length).toBeGreaterThan(0);
    for (const p of compound) expect(surnameOf(p.name)).toBe(p.surname);
    for (const p of world.persons) expect(p.given.length === 1 || p.given.length === 2).toBe(true);
  });

  it('homes are real districts of the dataset, with road, number, estate and building', () => {
    const codes = new Set(divisions().districts.map((d) => d.code));
    for (const h of world.households) {
      for (const { value: home } of h.homes) {
        expect(codes.has(home.district.code)).toBe(true);
        expect(home.road).toMatch(/(路|街|大道)$/);
        expect(home.number).toBeGreaterThan(0);
        expect(home.estate.length).toBeGreaterThan(1);
        expect(home.building).toBeGreaterThan(0);
      }
    }
  });

  it('people move and change phones; some share a household member’s phone; every own phone is unique', () => {
    expect(world.households.some((h) => h.homes.length > 1)).toBe(true);
    expect(world.persons.some((p) => p.phones.length > 1)).toBe(true);
    const sharers = world.persons.filter((p) => p.sharesPhoneOf !== null);
    expect(sharers.length).toBeGreaterThan(0);
    for (const p of sharers) expect(world.personById(p.sharesPhoneOf!).householdId).toBe(p.householdId);
    const all = world.persons.flatMap((p) => p.phones.map((x) => x.value));
    expect(new Set(all).size).toBe(all.length);
    for (const phone of all) expect(phone).toMatch(/^1[3-9]\d{9}$/);
  });

  it('gifts, pickups and ciphertext in about the asked shares of orders', () => {
    const c = data.meta.counts;
    const orders = c.orders.base + c.orders.month;
    expect(c.deliveries.gift / orders).toBeGreaterThan(0.05);
    expect(c.deliveries.gift / orders).toBeLessThan(0.15);
    expect(c.deliveries.pickup).toBeGreaterThan(0);
    expect(c.phones.cipher).toBeGreaterThan(0);
    expect(c.emails).toBeGreaterThan(0);
  });
});
