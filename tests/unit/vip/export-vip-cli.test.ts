/**
 * `huike export vip` and `huike optout import`, run in process against a database file filled by
 * real imports: where it wrote, how many rows, how many opted-out customers it left out; masked
 * unless --unmasked (which the operation log records); --segment by name; CSV or xlsx.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../main/api/create-app.js';
import { runCliInProcess as huike } from '../../helpers/run-cli-in-process.js';
import { SHEET_MAPPING, sheetCsv, tmallCsv, writeTemp } from '../../helpers/shop-files.js';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huike-cli-vip-'));
  db = path.join(dir, 'a.db');
  const tmall = tmallCsv(
    [{ id: 'T1', buyer: 'tb_alice', paid: '88.00', orderedAt: '2024-05-01 10:00:00' }],
    '汇客旗舰店',
  );
  expect((await huike(['--db', db, 'import', writeTemp('t.csv', tmall)])).code).toBe(0);
  const sheet = sheetCsv([
    { id: 'S1', phone: '13812345678', amount: '6000.00', at: '2024-05-04 09:00:00' },
    { id: 'S2', phone: '13900001111', amount: '50.00', at: '2024-05-05 09:00:00' },
    { id: 'S3', phone: '=1+2', amount: '1.00', at: '2024-05-06 09:00:00' },
  ]);
  const mapping = writeTemp('m.json', JSON.stringify(SHEET_MAPPING));
  const imported = await huike([
    '--db',
    db,
    'import',
    writeTemp('s.csv', sheet),
    '--mapping',
    mapping,
    '--currency',
    'CNY',
    '--shop',
    '微信群',
  ]);
  expect(imported.code, imported.stderr).toBe(0);
  // A segment saved in the app (VIP levels all time: the orders are from 2024).
  const app = await createApp({ dbPath: db, stageDir: dir, appVersion: 't' });
  await app.invoke('vip.saveLevels', {
    config: {
      basis: 'spend',
      windowMonths: 0,
      currency: 'CNY',
      levels: [
        { name: '普通', min: 0 },
        { name: '金卡', min: 100_000 },
      ],
    },
  });
  await app.invoke('segments.save', { name: '金卡客户', filter: { vipLevels: [1] } });
  await app.close();
});

const unmaskLog = () => {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(`SELECT summary_json FROM operations WHERE kind = 'unmask'`).pluck().all() as string[];
  } finally {
    d.close();
  }
};

describe('huike export vip', () => {
  it('writes a masked CSV and says where, how many rows and how many it left out', async () => {
    const out = path.join(dir, 'all.csv');
    const r = await huike(['--db', db, 'export', 'vip', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`已写入 ${out}：4 位客户\n已排除 0 位不接受营销的客户\n`);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('138****5678');
    expect(text).not.toContain('13812345678');
    expect(unmaskLog()).toEqual([]);
  });

  it('leaves out an opted-out list imported with huike optout import, and counts them (--json)', async () => {
    const list = path.join(dir, 'optout.txt');
    writeFileSync(list, '13900001111\n');
    const imported = await huike(['--db', db, 'optout', 'import', list, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ read: 1, added: 1, customersOptedOut: 1 });
    const out = path.join(dir, 'marketing.csv');
    const r = await huike(['--db', db, '--lang', 'en', 'export', 'vip', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      file: out,
      rows: 3,
      matched: 4,
      optedOut: 1,
      format: 'csv',
      encoding: 'utf8',
      masked: true,
      segment: null,
    });
    expect(readFileSync(out, 'utf8')).not.toContain('139****1111');
  });

  it('--segment NAME --format xlsx --unmasked: full values, and the log says so', async () => {
    const out = path.join(dir, 'gold.xlsx');
    const r = await huike(['--db', db, 'export', 'vip', '--out', out, '--segment', '金卡客户', '--unmasked']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('：1 位客户');
    expect(r.stdout).toContain('未脱敏');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    const values = (sheet.getRow(2).values as unknown[]).map(String);
    expect(values).toContain('13812345678');
    expect(values).toContain('金卡');
    expect(unmaskLog().map((s) => JSON.parse(s) as object)).toEqual([
      expect.objectContaining({ what: 'export', front: 'cli', segment: '金卡客户', rows: 1, format: 'xlsx' }),
    ]);
  });

  it('names the saved segments when --segment is unknown', async () => {
    const r = await huike([
      '--db',
      db,
      'export',
      'vip',
      '--out',
      path.join(dir, 'x.csv'),
      '--segment',
      '钻石',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('没有名为「钻石」的分群。已保存的分群：金卡客户。\n');
  });

  it('--encoding gbk writes GBK without a BOM', async () => {
    const out = path.join(dir, 'gbk.csv');
    const r = await huike(['--db', db, 'export', 'vip', '--out', out, '--encoding', 'gbk']);
    expect(r.code, r.stderr).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes[0]).not.toBe(0xef);
    expect(new TextDecoder('gbk').decode(bytes)).toContain('客户编号,姓名,手机');
  });
});
