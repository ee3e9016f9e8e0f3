/**
 * The import capability end to end through the application's handlers (what the UI and the CLI
 * call): preview, commit, re-import, overlapping exports, undo, refused rows, cancel.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import type { FileOptions } from '../../../main/api/contract.js';
import type { ImportFormat } from '../../../main/domain/orders/types.js';
import { CancelledError, UserError } from '../../../main/domain/errors.js';
import { formatPlacedMessage } from '../../../main/shared/messages/index.js';
import { exportFixtures, generateFixtures, type Fixture, type FixtureSet } from '../../fixtures/generate.js';
import { testApp } from '../../helpers/test-app.js';

let fx: FixtureSet;
let dir: string;
let app: HuikeApp;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huike-flow-'));
  fx = await generateFixtures(dir);
});
beforeEach(async () => {
  app = await testApp();
});
afterEach(() => app.close());

async function stage(file: string, options: Omit<FileOptions, 'fileId'> = {}): Promise<FileOptions> {
  const s = await app.stagePath(file);
  return { fileId: s.fileId, ...options };
}

/** The dashboard's figures (in the currency with most paid orders), every currency, and the shops. */
async function totals() {
  const s = await app.invoke('dashboard.summary', {});
  const list = await app.invoke('shops.list', {});
  return {
    paidOrders: s.current.paidOrders,
    allOrders: s.current.allOrders,
    paidFen: s.current.paidFen,
    refundFen: s.current.refundFen,
    currencies: s.currencies,
    shops: list,
  };
}

/** Every export fixture (a test below keeps this list in step with the generator). */
const EXPORTS: [keyof FixtureSet, ImportFormat][] = [
  ['tmallOrdersGbk', 'tmall'],
  ['tmallItemsGbk', 'tmall-items'],
  ['tmallOrders61Bom', 'tmall'],
  ['tmallTianchiUtf16TitleRows', 'tmall'],
  ['qianniuWorkbook', 'tmall'],
  ['jdCsvGbk', 'jd'],
  ['jdXlsx', 'jd'],
  ['shopifyCsv', 'shopify'],
  ['youzanOrdersUtf16', 'youzan'],
  ['youzanLinesCsv', 'youzan'],
  ['wooCommerceCsv', 'woocommerce'],
  ['genericCsv', 'generic'],
  ['pddOrders27Gbk', 'pdd'],
  ['pddOrders2024Bom', 'pdd'],
  ['douyinOrdersBom', 'douyin'],
  ['tmallErpCsv', 'tmall'],
  ['qianniuSalesLinesGbk', 'tmall-items'],
  ['jdCutDownCsv', 'jd'],
  ['tmallItemsRepeatedGbk', 'tmall-items'],
];

describe('import through the handlers', () => {
  it('covers every export the fixture generator writes', () => {
    expect(exportFixtures(fx).map(([name]) => name)).toEqual(EXPORTS.map(([name]) => name));
  });

  it.each(EXPORTS)(
    '%s: the preview promises what the import does, to the fen; every row is imported or refused',
    async (key, format) => {
      const f = fx[key] as Fixture;
      const options = {
        currency: f.currency,
        ...(f.mapping ? { format: 'generic' as const, mapping: f.mapping } : {}),
      };
      const file = await stage(f.path, options);
      const { files } = await app.invoke('import.preview', { files: [file] });
      const p = files[0]!;
      expect(p.error).toBeNull();
      expect(p.format).toBe(format);
      expect(p.orders).toBe(f.expected.orders);
      expect(p.lines).toBe(f.expected.lines);
      expect(p.rows).toBe(f.expected.rows);
      expect(p.rowsImported + p.rowsRefused).toBe(p.rows);
      expect(p.rowsRefused).toBe(new Set(f.expected.problems.map((x) => x.row)).size);
      expect(p.problems.map((x) => ({ row: x.row, column: x.column }))).toEqual(f.expected.problems);
      if (f.expected.paidFen !== undefined) expect(p.money.paidFen).toBe(f.expected.paidFen);
      if (f.expected.refundFen !== undefined) expect(p.money.refundFen).toBe(f.expected.refundFen);

      const { batches } = await app.invoke('import.commit', { files: [file], skipInvalidRows: true });
      const b = batches[0]!;
      expect(b.platform).toBe(p.format);
      expect(b.rows).toBe(f.expected.rows);
      expect(b.rowsImported + b.rowsRefused).toBe(b.rows);
      expect(b.rowsImported).toBe(p.rowsImported);
      expect(b.orders).toEqual({ inserted: f.expected.orders, updated: 0, unchanged: 0 });
      expect(b.lines.inserted).toBe(f.expected.lines);
      expect(b.money).toEqual(p.money);
      expect(b.problems.map((x) => x.row)).toEqual(f.expected.problems.map((x) => x.row));
      expect((await totals()).allOrders).toBe(f.expected.orders);

      // The same file again (repeated items numbered the same way) changes nothing.
      const again = await app.invoke('import.commit', { files: [file], skipInvalidRows: true });
      expect(again.batches[0]!.orders).toEqual({ inserted: 0, updated: 0, unchanged: f.expected.orders });
      expect(again.batches[0]!.lines).toEqual({ inserted: 0, updated: 0, unchanged: f.expected.lines });
    },
  );

  it('keeps each file in its own currency and never adds USD to CNY totals', async () => {
    const jd = await app.invoke('import.commit', {
      files: [await stage(fx.jdCsvGbk.path)],
      skipInvalidRows: true,
    });
    const shopify = await app.invoke('import.commit', {
      files: [await stage(fx.shopifyCsv.path)],
      skipInvalidRows: true,
    });
    expect(jd.batches[0]!.currency).toBe('CNY');
    expect(shopify.batches[0]!.currency).toBe('USD');
    const summary = await app.invoke('dashboard.summary', {});
    expect(summary.currency).toBe('CNY');
    expect(summary.current.paidFen).toBe(jd.batches[0]!.money.paidFen);
    expect(summary.currencies).toEqual([
      { currency: 'CNY', paidOrders: expect.any(Number), paidFen: jd.batches[0]!.money.paidFen },
      { currency: 'USD', paidOrders: expect.any(Number), paidFen: shopify.batches[0]!.money.paidFen },
    ]);
    // The USD shop is in the platform table in its own currency, not dropped.
    expect(summary.byPlatform.map((p) => [p.platform, p.currency])).toEqual([
      ['jd', 'CNY'],
      ['shopify', 'USD'],
    ]);
    const usd = await app.invoke('dashboard.summary', { currency: 'usd' });
    expect(usd.current.paidFen).toBe(shopify.batches[0]!.money.paidFen);
    const history = await app.invoke('imports.list', {});
    expect(history.batches.map((b) => b.currency)).toEqual(['USD', 'CNY']);
  });

  it('refuses another currency for a Chinese marketplace file rather than mislabel the shop', async () => {
    const file = await stage(fx.jdCsvGbk.path, { currency: 'USD' });
    await expect(app.invoke('import.commit', { files: [file], skipInvalidRows: true })).rejects.toMatchObject(
      {
        code: 'import.currencyFixed',
        params: { chosen: 'USD' },
      },
    );
    expect((await totals()).shops).toEqual([]);
    const ok = await app.invoke('import.commit', {
      files: [await stage(fx.jdCsvGbk.path, { currency: 'cny' })],
      skipInvalidRows: true,
    });
    expect(ok.batches[0]!.currency).toBe('CNY');
    expect((await app.invoke('shops.list', {}))[0]!.currency).toBe('CNY');
  });

  it('a second import of the same file changes nothing', async () => {
    const file = await stage(fx.jdCsvGbk.path);
    await app.invoke('import.commit', { files: [file], skipInvalidRows: true });
    const before = await totals();
    const { files } = await app.invoke('import.preview', { files: [file] });
    expect(files[0]!.alreadyImported).toBe(true);
    const { batches } = await app.invoke('import.commit', { files: [file], skipInvalidRows: true });
    expect(batches[0]!.orders).toEqual({ inserted: 0, updated: 0, unchanged: fx.jdCsvGbk.expected.orders });
    expect(batches[0]!.lines).toEqual({ inserted: 0, updated: 0, unchanged: fx.jdCsvGbk.expected.lines });
    expect(await totals()).toEqual(before);
  });

  it('importing the unchanged file again compares its kept staging in SQL without reading the file', async () => {
    const file = await stage(fx.tmallOrdersGbk.path);
    await app.invoke('import.commit', { files: [file], skipInvalidRows: true });
    const before = await totals();
    const phases = new Set<string>();
    const off = app.onProgress((e) => phases.add(e.phase));
    const { batches } = await app.invoke('import.commit', { files: [file], skipInvalidRows: true });
    off();
    expect(phases.has('reading')).toBe(false);
    expect(phases.size).toBeGreaterThan(0);
    expect(batches[0]!.orders).toMatchObject({ inserted: 0, updated: 0 });
    expect(batches[0]!.rowsRefused).toBe(fx.tmallOrdersGbk.expected.problems.length);
    expect(await totals()).toEqual(before);
    // A changed file is another file: read again, and its change applied.
    const changed = path.join(dir, 'changed-tmall.csv');
    writeFileSync(changed, readFileSync(fx.tmallOrdersGbk.path));
    const copy = await stage(changed);
    await app.invoke('import.commit', { files: [copy], skipInvalidRows: true });
    phases.clear();
    const off2 = app.onProgress((e) => phases.add(e.phase));
    writeFileSync(changed, Buffer.concat([readFileSync(fx.tmallOrdersGbk.path), Buffer.from('\n')]));
    await app.invoke('import.commit', { files: [await stage(changed)], skipInvalidRows: true });
    off2();
    expect(phases.has('reading')).toBe(true);
  });

  it('refuses a file with bad rows unless the user chose to skip them, and then writes nothing', async () => {
    const file = await stage(fx.tmallOrdersGbk.path);
    expect(fx.tmallOrdersGbk.expected.problems.length).toBeGreaterThan(0);
    const error = await app
      .invoke('import.commit', { files: [file], skipInvalidRows: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const first = fx.tmallOrdersGbk.expected.problems[0]!;
    expect((error as Error).message).toContain(path.basename(fx.tmallOrdersGbk.path));
    expect((error as Error).message).toContain(`第 ${first.row} 行「${first.column}」`);
    expect((await totals()).allOrders).toBe(0);
    expect((await app.invoke('imports.list', {})).batches).toEqual([]);
  });

  it('Tmall 订单报表 and 宝贝报表 meet in one shop, in either order', async () => {
    for (const order of [
      [fx.tmallOrdersGbk.path, fx.tmallItemsGbk.path],
      [fx.tmallItemsGbk.path, fx.tmallOrdersGbk.path],
    ]) {
      const local = await testApp();
      try {
        const files = [];
        for (const f of order) files.push({ fileId: (await local.stagePath(f)).fileId });
        const { batches } = await local.invoke('import.commit', { files, skipInvalidRows: true });
        expect(new Set(batches.map((b) => b.shop)).size).toBe(1);
        const shops = await local.invoke('shops.list', {});
        expect(shops).toHaveLength(1);
        // Every 宝贝报表 line belongs to an order of the 订单报表: no order is created twice.
        expect(shops[0]!.orders).toBe(fx.tmallOrdersGbk.expected.orders);
        const lineTotal = batches.reduce((n, b) => n + b.lines.inserted, 0);
        expect(lineTotal).toBe(fx.tmallItemsGbk.expected.lines);
      } finally {
        await local.close();
      }
    }
  });

  it('a newer overlapping export updates what changed, and undo restores the previous values', async () => {
    const older = path.join(dir, 'older.csv');
    const newer = path.join(dir, 'newer.csv');
    const header = '订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间 ,退款金额\n';
    writeFileSync(
      older,
      header +
        '="1001",tb_a,100.00,卖家已发货，等待买家确认,2026-11-01 10:00:00,2026-11-01 10:01:00,0\n' +
        '="1002",tb_b,50.00,交易成功,2026-11-02 10:00:00,2026-11-02 10:01:00,0\n',
    );
    writeFileSync(
      newer,
      header +
        '="1001",tb_a,100.00,交易关闭,2026-11-01 10:00:00,2026-11-01 10:01:00,100.00\n' +
        '="1002",tb_b,50.00,交易成功,2026-11-02 10:00:00,2026-11-02 10:01:00,0\n' +
        '="1003",tb_c,20.00,交易成功,2026-11-05 10:00:00,2026-11-05 10:01:00,0\n',
    );
    const first = await app.invoke('import.commit', { files: [await stage(older)], skipInvalidRows: false });
    const afterOlder = await totals();
    expect(afterOlder).toMatchObject({ paidOrders: 2, paidFen: 15000, refundFen: 0 });
    const second = await app.invoke('import.commit', { files: [await stage(newer)], skipInvalidRows: false });
    expect(second.batches[0]!.orders).toEqual({ inserted: 1, updated: 1, unchanged: 1 });
    expect(await totals()).toMatchObject({ paidOrders: 3, paidFen: 17000, refundFen: 10000 });

    // The older batch sits under the newer one: refused, with the reason, and nothing changes.
    await expect(app.invoke('imports.undo', { batchId: first.batches[0]!.id })).rejects.toThrow(
      new RegExp(`#${second.batches[0]!.id}`),
    );
    const undo = await app.invoke('imports.undo', { batchId: second.batches[0]!.id });
    expect(undo).toMatchObject({ ordersDeleted: 1, ordersRestored: 1 });
    expect(await totals()).toEqual(afterOlder);
    const history = await app.invoke('imports.list', {});
    expect(history.batches.map((b) => b.state)).toEqual(['undone', 'committed']);
  });

  it('cancel during a large import leaves the database exactly as before', async () => {
    await app.invoke('import.commit', { files: [await stage(fx.jdCsvGbk.path)], skipInvalidRows: true });
    const before = await totals();
    const big = path.join(dir, 'big.csv');
    const lines = ['订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间 ,退款金额'];
    for (let i = 0; i < 60_000; i++)
      lines.push(`${9_000_000 + i},tb_${i % 5000},12.34,交易成功,2026-10-01 10:00:00,2026-10-01 10:01:00,0`);
    writeFileSync(big, lines.join('\n'));
    const jobId = 'cancel-me';
    let cancelledAt = 0;
    const off = app.onProgress((e) => {
      if (e.jobId === jobId && e.phase === 'reading' && cancelledAt === 0) {
        cancelledAt = e.done;
        void app.invoke('jobs.cancel', { jobId });
      }
    });
    const error = await app
      .invoke('import.commit', { files: [await stage(big)], skipInvalidRows: false, jobId })
      .catch((e: unknown) => e);
    off();
    expect(error).toBeInstanceOf(CancelledError);
    expect(cancelledAt).toBeGreaterThan(0);
    expect(cancelledAt).toBeLessThan(readFileSync(big).length);
    expect(await totals()).toEqual(before);
    expect((await app.invoke('imports.list', {})).batches).toHaveLength(1);
  });

  it('a file of many batches is applied while it is read: every line, its order, nothing twice', async () => {
    // 宝贝报表 rows of 2–3 lines per order, some items twice, enough rows to cross many batches
    // and chunks; the order of a line may sit in a later chunk than the line itself.
    const big = path.join(dir, 'many-lines.csv');
    const rows = ['订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码'];
    let lines = 0;
    for (let o = 0; o < 1700; o++) {
      const id = `="${9_100_000_000_000 + o}"`;
      for (let k = 0; k < 2 + (o % 2); k++) {
        rows.push(`${id},商品${k % 2},10.00,1,,颜色分类：白,,,交易成功,SKU${k % 2}`);
        lines++;
      }
    }
    writeFileSync(big, rows.join('\r\n'));
    const file = await stage(big);
    const first = (await app.invoke('import.commit', { files: [file], skipInvalidRows: false })).batches[0]!;
    expect(first.rows).toBe(lines);
    expect(first.orders.inserted).toBe(1700);
    expect(first.lines).toEqual({ inserted: lines, updated: 0, unchanged: 0 });
    const again = (await app.invoke('import.commit', { files: [await stage(big)], skipInvalidRows: false }))
      .batches[0]!;
    expect(again.lines).toEqual({ inserted: 0, updated: 0, unchanged: lines });
    expect(again.orders).toEqual({ inserted: 0, updated: 0, unchanged: 1700 });
  });

  it('screens read the last committed state while a long import is still writing', async () => {
    const onDisk = await testApp({ onDisk: true });
    try {
      const big = path.join(dir, 'big-visible.csv');
      const rows = ['订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间 ,退款金额'];
      for (let i = 0; i < 30_000; i++)
        rows.push(`${7_000_000 + i},tb_${i},1.00,交易成功,2026-10-01 10:00:00,2026-10-01 10:01:00,0`);
      writeFileSync(big, rows.join('\n'));
      const seenMidway: number[] = [];
      const off = onDisk.onProgress((e) => {
        if (e.phase === 'reading' && e.done < e.total) {
          void onDisk.invoke('dashboard.summary', {}).then((s) => seenMidway.push(s.current.allOrders));
        }
      });
      const file = { fileId: (await onDisk.stagePath(big)).fileId };
      await onDisk.invoke('import.commit', { files: [file], skipInvalidRows: false });
      off();
      expect(seenMidway.length).toBeGreaterThan(0);
      expect(new Set(seenMidway)).toEqual(new Set([0]));
      expect((await onDisk.invoke('dashboard.summary', {})).current.allOrders).toBe(30_000);
    } finally {
      await onDisk.close();
    }
  });

  it('a generic file imports with a column mapping, which is remembered for the same header', async () => {
    const f = fx.genericCsv;
    const first = await app.invoke('import.preview', { files: [await stage(f.path)] });
    expect(first.files[0]!.format).toBeNull();
    expect(first.files[0]!.error?.code).toMatch(/^import\.(unknownLayout|unknownLayoutClosest)$/);
    // The first rows are shown even so, to help map the columns.
    expect(first.files[0]!.sampleRows.length).toBeGreaterThan(0);
    expect(first.files[0]!.sampleRows[0]!.length).toBe(first.files[0]!.header.length);
    const mapping = first.files[0]!.mapping!;
    expect(mapping.orderId).toBeTruthy();
    // A mapped file names no currency: the preview says so, and the import asks for it.
    const unpriced = await stage(f.path, { format: 'generic', mapping });
    const previewed = await app.invoke('import.preview', { files: [unpriced] });
    expect(previewed.files[0]!.currency).toBeNull();
    await expect(app.invoke('import.commit', { files: [unpriced], skipInvalidRows: true })).rejects.toThrow(
      /没有写明金额的币种.*--currency/s,
    );
    expect((await app.invoke('imports.list', {})).batches).toEqual([]);
    const file = await stage(f.path, { format: 'generic', mapping, currency: 'CNY' });
    const { batches } = await app.invoke('import.commit', { files: [file], skipInvalidRows: true });
    expect(batches[0]!.orders.inserted).toBe(f.expected.orders);
    expect(batches[0]!.currency).toBe('CNY');
    const again = await app.invoke('import.preview', { files: [await stage(f.path, { format: 'generic' })] });
    expect(again.files[0]!.mapping).toEqual(mapping);
    // The next file of this shop takes the shop's currency.
    expect(again.files[0]!.currency).toBe('CNY');
  });

  it('a platform forced onto a file without its money columns is refused, naming them', async () => {
    const file = await stage(fx.pddOrders27Gbk.path, { format: 'jd' });
    const { files } = await app.invoke('import.preview', { files: [file] });
    const text = formatPlacedMessage(files[0]!.error!);
    expect(text).toContain('pdd-orders-2024-03.csv');
    expect(text).toContain('「应付金额」/「订单金额」/「结算金额」/「京东价」/「商家应收」');
    expect(formatPlacedMessage(files[0]!.error!, 'en')).toMatch(
      /^Read as JD, pdd-orders-2024-03\.csv has none/,
    );
    await expect(app.invoke('import.commit', { files: [file], skipInvalidRows: true })).rejects.toThrow(
      /没有任何金额列/,
    );
    expect((await app.invoke('imports.list', {})).batches).toEqual([]);
  });

  it('an unrecognised layout names the formats that came closest and what each lacks', async () => {
    const odd = path.join(dir, 'pdd-cut.csv');
    writeFileSync(odd, '订单号,商品,订单状态,商品数量(件),发货时间,商品id\n240315-1,杯,待发货,1,,1\n');
    const { files } = await app.invoke('import.preview', { files: [await stage(odd)] });
    expect(files[0]!.format).toBeNull();
    expect(formatPlacedMessage(files[0]!.error!)).toMatch(
      /最接近的格式——拼多多（订单导出）：缺少 「用户实付金额\(元\)」/,
    );
    expect(formatPlacedMessage(files[0]!.error!, 'en')).toMatch(
      /The closest layouts: Pinduoduo \(订单导出\): lacks 「用户实付金额\(元\)」/,
    );
  });

  it('names the file and the reason for a file it cannot read, and writes nothing', async () => {
    for (const bad of [fx.legacyXls, fx.emptyFile]) {
      const { files } = await app.invoke('import.preview', { files: [await stage(bad)] });
      expect(formatPlacedMessage(files[0]!.error!)).toContain(path.basename(bad));
      await expect(
        app.invoke('import.commit', { files: [await stage(bad)], skipInvalidRows: true }),
      ).rejects.toThrow(path.basename(bad));
    }
    expect((await app.invoke('imports.list', {})).batches).toEqual([]);
  });
});
