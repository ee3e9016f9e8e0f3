/**
 * Small real-shaped export files for the shop tests, written to a temp folder and imported through
 * the handlers the way the UI and the CLI do.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { HuikeApp } from '../../main/api/app-types.js';
import type { FileOptions } from '../../main/api/contract.js';

export interface TmallRow {
  id: string;
  buyer?: string;
  /** Yuan, as the export writes it. */
  paid: string;
  status?: string;
  /** Wall time in China, as Tmall writes it. */
  orderedAt: string;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'huike-shop-files-'));
let count = 0;

/** A Tmall 订单报表 (cut down as ERPs write it); `shop` adds the 店铺名称 column. */
export function tmallCsv(rows: TmallRow[], shop?: string): string {
  const header = [
    '订单编号',
    '买家会员名',
    '买家实际支付金额',
    '订单状态',
    '订单创建时间',
    '订单付款时间 ',
    '退款金额',
  ];
  if (shop) header.push('店铺名称');
  const lines = rows.map((r) => {
    const cells = [
      r.id,
      r.buyer ?? `buyer_${r.id}`,
      r.paid,
      r.status ?? '交易成功',
      r.orderedAt,
      r.orderedAt,
      '0.00',
    ];
    if (shop) cells.push(shop);
    return cells.join(',');
  });
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

/** A home-made sheet (no currency column): imported with a mapping, into the 'other' platform. */
export function sheetCsv(rows: Array<{ id: string; phone: string; amount: string; at: string }>): string {
  return (
    ['单号,下单时间,手机,金额', ...rows.map((r) => `${r.id},${r.at},${r.phone},${r.amount}`)].join('\n') +
    '\n'
  );
}

export const SHEET_MAPPING = {
  orderId: '单号',
  orderedAt: '下单时间',
  buyerPhone: '手机',
  paidAmount: '金额',
};

export function writeTemp(name: string, text: string): string {
  const file = path.join(dir, `${++count}-${name}`);
  writeFileSync(file, text);
  return file;
}

/** Stages and commits one file; returns its batch. */
export async function importText(
  app: HuikeApp,
  name: string,
  text: string,
  options: Omit<FileOptions, 'fileId'> = {},
) {
  const staged = await app.stagePath(writeTemp(name, text));
  const result = await app.invoke('import.commit', {
    files: [{ fileId: staged.fileId, ...options }],
    skipInvalidRows: false,
  });
  return result.batches[0]!;
}

/** Reads the app's database file on a connection of its own (the app must be on disk). */
export function query<T>(app: HuikeApp, sql: string, ...params: unknown[]): T[] {
  const db = new Database(app.dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
