import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedOrder } from '../../../main/domain/orders/types.js';
import {
  generateDemoShop,
  localDateOfIso,
  summarizeDemoShop,
  type DemoShop,
} from '../../../main/domain/demo/index.js';
import { STATUS_RAW } from '../../../main/domain/demo/lifecycle.js';
import {
  FULL_PHONE,
  JD_MASKED_PHONE,
  MASKED_NAME,
  TMALL_MASKED_PHONE,
  maskName,
  maskPhoneJd,
  maskPhoneTmall,
} from '../../../main/domain/demo/masking.js';

const END = '2026-11-20';
const END_MS = Date.parse('2026-11-20T15:59:59.000Z'); // 23:59:59 in Asia/Shanghai

let shop: DemoShop;
const allOrders = (s: DemoShop): ParsedOrder[] => s.shops.flatMap((x) => x.orders);

beforeAll(() => {
  const t0 = performance.now();
  shop = generateDemoShop({ seed: 1, endDate: END });
  const ms = Math.round(performance.now() - t0);
  const sum = summarizeDemoShop(shop);
  console.log(
    `demo shop seed 1 / ${END}: ${ms} ms, ${sum.persons} persons, ${sum.orders} orders ` +
      `(${sum.shops.map((s) => `${s.platform} ${s.orders}`).join(', ')}), top day ${sum.topDay.date} (${sum.topDay.orders})`,
  );
});

describe('generateDemoShop', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateDemoShop({ seed: 42, endDate: END, scale: 0.25 });
    const b = generateDemoShop({ seed: 42, endDate: END, scale: 0.25 });
    const c = generateDemoShop({ seed: 43, endDate: END, scale: 0.25 });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(c.shops[0]!.orders[0]!.platformOrderId).not.toBe(a.shops[0]!.orders[0]!.platformOrderId);
  });

  it('has the default size at scale 1 and scales down', () => {
    const sum = summarizeDemoShop(shop);
    expect(sum.persons).toBeGreaterThanOrEqual(3000);
    expect(sum.persons).toBeLessThanOrEqual(4000);
    expect(sum.orders).toBeGreaterThanOrEqual(15_000);
    expect(sum.orders).toBeLessThanOrEqual(25_000);
    expect(shop.shops.map((s) => [s.platform, s.format, s.name])).toEqual([
      ['tmall', 'tmall', '青禾家居旗舰店'],
      ['jd', 'jd', '青禾家居京东旗舰店'],
      ['youzan', 'youzan', '青禾家居微商城'],
    ]);
    for (const s of sum.shops) expect(s.orders).toBeGreaterThan(2000);
    expect(sum.firstDay).toBe('2024-11-21');
    expect(sum.lastDay).toBe(END);

    const small = summarizeDemoShop(generateDemoShop({ seed: 1, endDate: END, scale: 0.5 }));
    expect(small.orders / sum.orders).toBeGreaterThan(0.35);
    expect(small.orders / sum.orders).toBeLessThan(0.65);
  });

  it('has a brand catalogue with costs of 30–60% of price', () => {
    expect(shop.products.length).toBeGreaterThanOrEqual(12);
    expect(shop.products.length).toBeLessThanOrEqual(20);
    for (const p of shop.products) {
      expect(p.sku).toMatch(/^QH-[A-Z]{3}-\d{3}$/);
      expect(Number.isInteger(p.unitPriceFen) && Number.isInteger(p.unitCostFen)).toBe(true);
      expect(p.unitCostFen / p.unitPriceFen).toBeGreaterThanOrEqual(0.3);
      expect(p.unitCostFen / p.unitPriceFen).toBeLessThanOrEqual(0.6);
    }
  });

  it('puts 20–30% of persons on two or more platforms, with consistent ground truth', () => {
    expect(summarizeDemoShop(shop).multiPlatformShare).toBeGreaterThanOrEqual(0.2);
    expect(summarizeDemoShop(shop).multiPlatformShare).toBeLessThanOrEqual(0.3);

    const owner = new Map<string, number>();
    for (const p of shop.persons) {
      for (const a of p.accounts) {
        const k = `${a.platform}|${a.key}`;
        expect(owner.has(k)).toBe(false);
        owner.set(k, p.personId);
      }
    }
    const used = new Set<string>();
    for (const s of shop.shops) {
      for (const o of s.orders) {
        const k = `${s.platform}|${o.buyer!.key}`;
        expect(owner.has(k)).toBe(true);
        used.add(k);
      }
    }
    expect(used.size).toBe(owner.size); // every account in the truth has orders
    const householdSizes = new Map<number, number>();
    for (const p of shop.persons)
      householdSizes.set(p.householdId, (householdSizes.get(p.householdId) ?? 0) + 1);
    expect([...householdSizes.values()].filter((n) => n >= 2).length).toBeGreaterThan(100);
  });

  it('peaks on 双11 and 618', () => {
    const perDay = new Map<string, number>();
    for (const o of allOrders(shop)) {
      const d = localDateOfIso(o.orderedAt!);
      perDay.set(d, (perDay.get(d) ?? 0) + 1);
    }
    for (const year of ['2025', '2026']) {
      const days = [...perDay].filter(([d]) => d.startsWith(year));
      const average = days.reduce((n, [, c]) => n + c, 0) / days.length;
      const nov =
        days.filter(([d]) => d >= `${year}-11-01` && d <= `${year}-11-11`).reduce((n, [, c]) => n + c, 0) /
        11;
      expect(nov).toBeGreaterThan(2 * average);
      const top = days.reduce((best, day) => (day[1] > best[1] ? day : best));
      expect(top[0]).toBe(`${year}-11-11`);
      expect(perDay.get(`${year}-06-18`)!).toBeGreaterThan(3 * average);
    }
    const jdShare = (filter: (d: string) => boolean): number => {
      let jd = 0;
      let all = 0;
      for (const s of shop.shops) {
        for (const o of s.orders) {
          if (!filter(localDateOfIso(o.orderedAt!))) continue;
          all++;
          if (s.platform === 'jd') jd++;
        }
      }
      return jd / all;
    };
    expect(jdShare((d) => d.slice(5) >= '06-01' && d.slice(5) <= '06-18')).toBeGreaterThan(
      jdShare(() => true) + 0.05,
    );
  });

  it('orders mostly in the evening, local time', () => {
    const hours = new Array<number>(24).fill(0);
    for (const o of allOrders(shop)) hours[(new Date(o.orderedAt!).getUTCHours() + 8) % 24]!++;
    const evening = hours.slice(19, 24).reduce((a, b) => a + b, 0);
    const night = hours.slice(2, 7).reduce((a, b) => a + b, 0);
    expect(evening / allOrders(shop).length).toBeGreaterThan(0.3);
    expect(night).toBeLessThan(evening / 10);
  });

  it('keeps every money identity in integer fen', () => {
    // Problems are collected rather than asserted one by one: 20,000 orders × 20 expects is slow.
    const problems: string[] = [];
    const check = (ok: boolean, o: ParsedOrder, what: string): void => {
      if (!ok && problems.length < 20) problems.push(`${o.platformOrderId}: ${what}`);
    };
    let paid = 0;
    let refunded = 0;
    for (const s of shop.shops) {
      for (const o of s.orders) {
        const money = [
          o.goodsFen,
          o.shippingFen,
          o.discountFen,
          o.totalFen,
          o.paidFen,
          o.refundFen,
          o.settlementFen ?? 0,
          o.platformFeeFen ?? 0,
        ];
        check(
          money.every((m) => Number.isInteger(m)),
          o,
          'money is integer fen',
        );
        check(o.discountFen! >= 0, o, 'discount ≥ 0');
        check(
          o.totalFen === o.goodsFen! + o.shippingFen! - o.discountFen!,
          o,
          'total = goods + shipping − discount',
        );
        check(o.totalFen! > 0, o, 'total > 0');
        const lines = o.lines!;
        check(lines.length >= 1 && lines.length <= 4, o, '1–4 lines');
        check(new Set(lines.map((l) => l.lineKey)).size === lines.length, o, 'line keys unique');
        check(
          lines.reduce((n, l) => n + l.quantity! * l.unitPriceFen!, 0) === o.goodsFen,
          o,
          'lines sum to goods',
        );
        check(o.refundFen! >= 0 && o.refundFen! <= o.paidFen!, o, '0 ≤ refund ≤ paid');
        check(o.refundStatus === (o.refundFen! > 0 ? '退款成功' : null), o, 'refund status');
        if (o.paidAt === null) {
          check(o.paidFen === 0, o, 'unpaid: paidFen 0');
          check((o.settlementFen ?? null) === null, o, 'unpaid: no settlement');
        } else {
          paid++;
          if (o.refundFen! > 0) refunded++;
          check(o.paidFen === o.totalFen, o, 'paid = total');
        }
        if (s.platform === 'tmall' && o.settlementFen != null) {
          const net = o.paidFen! - o.refundFen!;
          check(o.settlementFen === net - o.platformFeeFen!, o, 'tmall settlement = paid − refund − fee');
          check(Math.abs(o.platformFeeFen! - net * 0.056) <= 0.5, o, 'tmall fee 5.6%');
        }
        if (s.platform === 'jd' && o.paidAt !== null) {
          check(
            Math.abs(o.settlementFen! - (o.paidFen! - o.refundFen!) * 0.92) <= 0.5,
            o,
            'jd settlement 92%',
          );
        }
        if (s.platform === 'youzan')
          check(o.settlementFen === undefined && o.platformFeeFen === undefined, o, 'youzan: no fees');
      }
    }
    expect(problems).toEqual([]);
    expect(refunded / paid).toBeGreaterThanOrEqual(0.05);
    expect(refunded / paid).toBeLessThanOrEqual(0.08);
  });

  it('keeps statuses consistent with times', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    const t = (iso: string | null | undefined): number | null => (iso == null ? null : Date.parse(iso));
    for (const s of shop.shops) {
      const raw = STATUS_RAW[s.platform];
      for (const o of s.orders) {
        const check = (ok: boolean, what: string): void => {
          if (!ok && problems.length < 20)
            problems.push(`${s.platform} ${o.platformOrderId} ${o.status}: ${what}`);
        };
        seen.add(o.status!);
        check(o.statusRaw === raw[o.status!], 'statusRaw in the platform words');
        const created = t(o.orderedAt);
        const paidAt = t(o.paidAt);
        const shipped = t(o.shippedAt);
        const completed = t(o.completedAt);
        const closed = t(o.closedAt);
        check(
          [created, paidAt, shipped, completed, closed].every((x) => x === null || x <= END_MS),
          'nothing after the end',
        );
        check(created !== null, 'has orderedAt');
        if (paidAt !== null) check(paidAt >= created!, 'paid after created');
        if (shipped !== null) check(paidAt !== null && shipped > paidAt, 'shipped after paid');
        if (completed !== null) check(shipped !== null && completed > shipped, 'completed after shipped');
        if (closed !== null) check(closed > created!, 'closed after created');
        switch (o.status) {
          case 'awaiting_payment':
            check(
              paidAt === null && shipped === null && completed === null && closed === null,
              'no later times',
            );
            check(END_MS - created! < 48 * 3600_000, 'only near the end date');
            break;
          case 'paid':
            check(paidAt !== null && shipped === null && completed === null && closed === null, 'paid only');
            break;
          case 'shipped':
            check(shipped !== null && completed === null && closed === null, 'shipped, not completed');
            break;
          case 'completed':
            check(completed !== null && closed === null, 'completed');
            check(o.refundFen! < o.paidFen!, 'not fully refunded');
            break;
          case 'closed':
            check(closed !== null && completed === null, 'closed');
            if (paidAt !== null) check(o.refundFen === o.paidFen, 'closed after payment = full refund');
            break;
        }
      }
    }
    expect(problems).toEqual([]);
    expect([...seen].sort()).toEqual(['awaiting_payment', 'closed', 'completed', 'paid', 'shipped']);
  });

  it('masks buyers and receivers the way each platform does', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳娜')).toBe('欧阳*');
    expect(maskPhoneTmall('13812345678')).toBe('138****5678');
    expect(maskPhoneJd('18612346198')).toBe('1******6198');
    const [tmall, jd, youzan] = shop.shops;
    const problems: string[] = [];
    const check = (ok: boolean, o: ParsedOrder, what: string): void => {
      if (!ok && problems.length < 20)
        problems.push(
          `${o.platformOrderId}: ${what} (${JSON.stringify(o.buyer)} ${JSON.stringify(o.receiver)})`,
        );
    };
    for (const o of tmall!.orders) {
      check(/^\d{18,19}$/.test(o.platformOrderId), o, 'tmall id');
      check(o.buyer!.kind === 'member_name', o, 'tmall buyer kind');
      check(MASKED_NAME.test(o.receiver!.name!), o, 'tmall masked name');
      check(TMALL_MASKED_PHONE.test(o.receiver!.phone!), o, 'tmall masked phone');
      check(o.shopNameInFile === '青禾家居旗舰店', o, 'tmall shop name');
    }
    for (const o of jd!.orders) {
      check(/^\d{11,12}$/.test(o.platformOrderId), o, 'jd id');
      check(o.buyer!.kind === 'member_name' && /^jd_[0-9a-f]{13}$/.test(o.buyer!.key), o, 'jd pin');
      check(MASKED_NAME.test(o.receiver!.name!), o, 'jd masked name');
      check(JD_MASKED_PHONE.test(o.receiver!.phone!), o, 'jd masked phone');
    }
    for (const o of youzan!.orders) {
      check(/^E20\d{20}$/.test(o.platformOrderId), o, 'youzan id');
      check(
        o.buyer!.kind === 'phone' && FULL_PHONE.test(o.buyer!.key) && o.buyer!.phone === o.buyer!.key,
        o,
        'youzan buyer phone',
      );
      check(FULL_PHONE.test(o.receiver!.phone!), o, 'youzan full receiver phone');
      check(!o.receiver!.name!.includes('*') && o.receiver!.name!.length >= 2, o, 'youzan full name');
    }
    for (const s of shop.shops) {
      expect(new Set(s.orders.map((o) => o.platformOrderId)).size).toBe(s.orders.length);
      for (const o of s.orders) {
        const r = o.receiver!;
        check(Boolean(r.province && r.city && r.district && r.detail), o, 'address parts');
        check(r.raw === `${r.province} ${r.city} ${r.district} ${r.detail}`, o, 'raw address');
      }
    }
    expect(problems).toEqual([]);
    // JD order numbers rise with time.
    const jdIds = jd!.orders.map((o) => Number(o.platformOrderId));
    expect(jdIds.every((id, i) => i === 0 || id > jdIds[i - 1]!)).toBe(true);
  });

  it('derives masked values from the true ones', () => {
    const byKey = (platform: string): Map<string, ParsedOrder[]> => {
      const m = new Map<string, ParsedOrder[]>();
      for (const o of shop.shops.find((s) => s.platform === platform)!.orders) {
        const list = m.get(o.buyer!.key) ?? [];
        list.push(o);
        m.set(o.buyer!.key, list);
      }
      return m;
    };
    const tmallOrders = byKey('tmall');
    const jdOrders = byKey('jd');
    const youzanOrders = byKey('youzan');
    let checked = 0;
    let matched = 0;
    for (const p of shop.persons) {
      const yz = p.accounts.find((a) => a.platform === 'youzan');
      if (!yz) continue;
      const ownName = youzanOrders.get(yz.key)!.map((o) => o.receiver!.name!);
      for (const a of p.accounts) {
        if (a.platform === 'youzan') continue;
        const orders = (a.platform === 'tmall' ? tmallOrders : jdOrders).get(a.key)!;
        const mask = a.platform === 'tmall' ? maskPhoneTmall : maskPhoneJd;
        checked++;
        const phoneSeen = orders.some((o) => o.receiver!.phone === mask(yz.key));
        const nameSeen = orders.some((o) => ownName.some((n) => maskName(n) === o.receiver!.name));
        if (phoneSeen && nameSeen) matched++;
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(matched / checked).toBeGreaterThan(0.8);
  });

  it('numbers source rows like the exports (JD: one row per line)', () => {
    for (const s of shop.shops) {
      let next = 2;
      for (const o of s.orders) {
        const count = s.platform === 'jd' ? o.lines!.length : 1;
        expect(o.sourceRows).toEqual(Array.from({ length: count }, (_, i) => next + i));
        next += count;
      }
    }
  });

  it('sends about one order in ten as a gift', () => {
    const gifts = shop.shops.reduce((n, s) => n + s.giftOrderIds.length, 0);
    const share = gifts / allOrders(shop).length;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.15);
  });

  it('rejects bad options', () => {
    expect(() => generateDemoShop({ seed: 1, endDate: '2026-02-30' })).toThrow();
    expect(() => generateDemoShop({ seed: 1, endDate: '20261120' })).toThrow();
    expect(() => generateDemoShop({ seed: 1, endDate: END, scale: 0 })).toThrow();
    expect(() => generateDemoShop({ seed: Number.NaN, endDate: END })).toThrow();
  });
});
