/** `huike clv fit FILE`: the real command in process, on the CDNOW files and on bad ones. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/run-cli-in-process.js';
import { cdnowPath } from '../../helpers/cdnow.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'huike-clv-'));
const sample = cdnowPath('CDNOW_sample.txt');
const PUBLISHED_CALIBRATION = ['--time-unit', 'week', '--calibration-end', '1997-09-30'];

interface FitJson {
  layout: string;
  timeUnit: string;
  calibrationEnd: string;
  transactions: number;
  customers: number;
  repeatCustomers: number;
  bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number; usable: boolean };
  gammaGamma: { p: number; q: number; gamma: number; customers: number; usable: boolean };
  thinData: boolean;
  problems: { code: string; message: string }[];
  predictions: { purchasesMethod: string; spendMethod: string; meanPAlive: number | null };
}

const significant = (v: number, digits: number) => Number(v.toPrecision(digits));

describe('huike clv fit', () => {
  it('--json on CDNOW_sample.txt reproduces the published BG/NBD and Gamma-Gamma estimates', async () => {
    const r = await runCliInProcess(['clv', 'fit', sample, ...PUBLISHED_CALIBRATION, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as FitJson;
    expect(out).toMatchObject({
      layout: 'cdnow-sample',
      timeUnit: 'week',
      calibrationEnd: '1997-09-30',
      transactions: 6919,
      customers: 2357,
      repeatCustomers: 946,
      thinData: false,
      problems: [],
    });
    const { r: rr, alpha, a, b, logLikelihood } = out.bgnbd;
    expect([significant(rr, 3), significant(alpha, 4), significant(a, 3), significant(b, 4)]).toEqual([
      0.243, 4.414, 0.793, 2.426,
    ]);
    expect(Math.abs(logLikelihood - -9582.4)).toBeLessThan(0.1);
    const { p, q, gamma } = out.gammaGamma;
    expect([significant(p, 3), significant(q, 3), significant(gamma, 4)]).toEqual([6.25, 3.74, 15.44]);
    expect(out.gammaGamma.customers).toBe(946);
    expect(out.predictions).toMatchObject({ purchasesMethod: 'bgnbd', spendMethod: 'gamma-gamma' });
    expect(out.predictions.meanPAlive).toBeCloseTo(0.8134, 3);
  });

  it('without --json prints a summary in English or Chinese', async () => {
    const en = await runCliInProcess(['--lang', 'en', 'clv', 'fit', sample, ...PUBLISHED_CALIBRATION]);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain(
      '(CDNOW sample layout): 6,919 transactions, 2,357 customers, 946 of them bought again',
    );
    expect(en.stdout).toContain('Calibration period up to 1997-09-30 (included), time in weeks');
    expect(en.stdout).toMatch(
      /BG\/NBD purchase model: r = 0\.2426, α = 4\.414, a = 0\.7929, b = 2\.426; log-likelihood -9,582\.43/,
    );
    expect(en.stdout).toMatch(/Gamma-Gamma spend model: p = 6\.25, q = 3\.744, γ = 15\.44/);
    expect(en.stdout).toMatch(/P\(alive\)\s+0\.813/);
    const zh = await runCliInProcess(['clv', 'fit', sample, ...PUBLISHED_CALIBRATION], {
      HUIKE_LANG: 'zh-CN',
    });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('6,919 笔交易，2,357 位客户，其中 946 位回购过');
    expect(zh.stdout).toContain('BG/NBD 购买次数模型：r = 0.2426');
    expect(zh.stdout).toMatch(/仍活跃的概率 P\(alive\)\s+0\.813/);
  });

  it('fits CDNOW_master.txt (23,570 customers) and works in days by default, to the last transaction', async () => {
    const master = await runCliInProcess([
      'clv',
      'fit',
      cdnowPath('CDNOW_master.txt'),
      ...PUBLISHED_CALIBRATION,
      '--json',
    ]);
    expect(master.code, master.stderr).toBe(0);
    const m = JSON.parse(master.stdout) as FitJson;
    expect(m).toMatchObject({ layout: 'cdnow-master', customers: 23570, thinData: false });
    expect(m.bgnbd.usable && m.gammaGamma.usable).toBe(true);
    // The full cohort behaves like its 1/10 sample.
    expect(m.bgnbd.r).toBeCloseTo(0.25, 1);
    expect(m.gammaGamma.p).toBeCloseTo(6.3, 0);

    const days = JSON.parse((await runCliInProcess(['clv', 'fit', sample, '--json'])).stdout) as FitJson;
    expect(days).toMatchObject({ timeUnit: 'day', calibrationEnd: '1998-06-30', customers: 2357 });
  });

  it('reads a GBK CSV with Chinese headers, and says when the data are too thin for the models', async () => {
    const dir = tmp();
    const file = path.join(dir, '订单.csv');
    const lines = ['买家会员名,付款时间,实付金额'];
    for (let i = 0; i < 12; i++) {
      lines.push(`买家${i},2024-01-0${1 + (i % 5)} 10:00:00,${50 + i}.00`);
      if (i % 2 === 0) lines.push(`买家${i},2024-02-1${i % 10} 12:00:00,${30 + i}.50`);
    }
    writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk'));
    const r = await runCliInProcess(['clv', 'fit', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as FitJson;
    expect(out).toMatchObject({ layout: 'csv', customers: 12, repeatCustomers: 6, thinData: true });
    expect(out.problems.map((p) => p.code)).toContain('value.thin.fewRepeatCustomers');
    expect(out.problems[0]!.message).toBe('回购过的客户只有 6 位，少于模型需要的 30 位');
    expect(out.bgnbd.usable).toBe(false);
    expect(out.predictions).toMatchObject({
      purchasesMethod: 'repeat-rate',
      spendMethod: 'own-average',
      meanPAlive: null,
    });
    const human = await runCliInProcess(['--lang', 'en', 'clv', 'fit', file]);
    expect(human.stdout).toContain('Too little data for the models; the predictions use simple rules:');
    expect(human.stdout).toContain('Simple rule: the shop’s average repeat-purchase rate');
    expect(human.stdout).toMatch(/P\(alive\)\s+not estimated \(simple rule\)/);
  });

  it('refuses a bad row naming the file, row and column, with exit 1', async () => {
    const dir = tmp();
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, 'customer,date,amount\na,2024-01-01,10\nb,2024-13-01,5\n');
    const r = await runCliInProcess(['--lang', 'en', 'clv', 'fit', file, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      error: {
        code: 'value.row.badDate',
        message: `${file}: Row 3: “2024-13-01” in “date” is not a date (expected a date such as 2024-11-11, 2024/11/11 or 20241111)`,
        file,
        row: 3,
        column: 'date',
      },
    });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('bad.csv');
  });

  it('refuses a missing file, a picture, a workbook, a bad --calibration-end and an unknown --time-unit', async () => {
    const dir = tmp();
    const missing = await runCliInProcess(['clv', 'fit', path.join(dir, 'none.csv'), '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'file.notFound' } });
    const picture = path.join(dir, 'photo.csv');
    writeFileSync(
      picture,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 1, 2, 3, 4, 5]),
    );
    expect(JSON.parse((await runCliInProcess(['clv', 'fit', picture, '--json'])).stdout)).toMatchObject({
      error: { code: 'value.file.notText', file: picture },
    });
    const workbook = path.join(dir, 'orders.xlsx');
    writeFileSync(
      workbook,
      Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00', 'latin1'), Buffer.alloc(64)]),
    );
    expect(JSON.parse((await runCliInProcess(['clv', 'fit', workbook, '--json'])).stdout)).toMatchObject({
      error: { code: 'value.file.notText' },
    });
    const end = await runCliInProcess(['clv', 'fit', sample, '--calibration-end', '1997/09/30', '--json']);
    expect(end.code).toBe(1);
    expect(JSON.parse(end.stdout)).toMatchObject({ error: { code: 'value.badCalibrationEnd' } });
    const early = await runCliInProcess(['clv', 'fit', sample, '--calibration-end', '1996-12-31', '--json']);
    expect(JSON.parse(early.stdout)).toMatchObject({ error: { code: 'value.file.noneBeforeEnd' } });
    const unit = await runCliInProcess(['clv', 'fit', sample, '--time-unit', 'month', '--json']);
    expect(unit.code).toBe(1);
    expect(JSON.parse(unit.stdout)).toMatchObject({ error: { code: 'cli.usage' } });
  });

  it('opens no database: a --db that does not exist stays absent', async () => {
    const db = path.join(tmp(), 'never.db');
    const r = await runCliInProcess(['--db', db, 'clv', 'fit', sample, '--json'], { HUIKE_DB: db });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(db)).toBe(false);
    expect(existsSync(`${db}-staging`)).toBe(false);
  });
});
