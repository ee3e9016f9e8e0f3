/**
 * `huike export vip` and the VIP page's export: a segment's (or a filter's) customers as CSV or
 * xlsx for SMS and e-mail tools, masked unless the owner asks otherwise (and then logged), the
 * customers who refused marketing left out and counted.
 */
import type { HuikeDb } from '../../../db/index.js';
import type { CustomersFilter, CustomersSort } from '../../shared/customers-query.js';
import type { MessageLanguage } from '../../shared/messages/index.js';
import { minorToDecimalText } from '../../shared/money.js';
import {
  DEFAULT_EXPORT_COLUMNS,
  type CsvEncoding,
  type VipColumn,
  type VipExportFormat,
} from '../../shared/vip.js';
import { createSlicer, throwIfCancelled } from '../long-work.js';
import { PLATFORM_LABELS } from '../orders/export-columns.js';
import { readVipRows, vipListIds, type VipListRow } from './list-rows.js';
import { logUnmask, type FrontDoor } from './privacy-log.js';
import { sheetBytes, type SheetCell } from './sheet.js';

export interface VipExportRequest {
  filter: CustomersFilter;
  sort?: CustomersSort;
  /** The segment's name (file name, log), null for an unsaved filter. */
  segmentName: string | null;
  format: VipExportFormat;
  encoding: CsvEncoding;
  masked: boolean;
  /** Leave out the customers who refused marketing (default for every export). */
  marketing: boolean;
  columns?: readonly VipColumn[];
  lang: MessageLanguage;
  front: FrontDoor;
}

export interface VipExportResult {
  bytes: Buffer;
  fileName: string;
  mimeType: string;
  rows: number;
  matched: number;
  optedOut: number;
  masked: boolean;
}

export const VIP_COLUMN_LABELS: Record<MessageLanguage, Record<VipColumn, string>> = {
  'zh-CN': {
    id: '客户编号',
    name: '姓名',
    phone: '手机',
    email: '电子邮箱',
    address: '地址',
    level: 'VIP 等级',
    platforms: '平台',
    orders: '已付款订单',
    spend: '消费',
    firstOrder: '首次下单',
    lastOrder: '最近下单',
    tags: '标签',
    note: '备注',
  },
  en: {
    id: 'Customer ID',
    name: 'Name',
    phone: 'Phone',
    email: 'E-mail',
    address: 'Address',
    level: 'VIP level',
    platforms: 'Platforms',
    orders: 'Paid orders',
    spend: 'Spend',
    firstOrder: 'First order',
    lastOrder: 'Last order',
    tags: 'Tags',
    note: 'Note',
  },
};

const WIDTHS: Record<VipColumn, number> = {
  id: 10,
  name: 12,
  phone: 15,
  email: 24,
  address: 36,
  level: 10,
  platforms: 16,
  orders: 10,
  spend: 12,
  firstOrder: 12,
  lastOrder: 12,
  tags: 20,
  note: 30,
};

function cellOf(row: VipListRow, column: VipColumn, lang: MessageLanguage): SheetCell {
  const list = lang === 'en' ? '; ' : '；';
  switch (column) {
    case 'id':
      return row.id;
    case 'name':
      return row.name;
    case 'phone':
      return row.phone;
    case 'email':
      return row.email;
    case 'address':
      return row.address;
    case 'level':
      return row.levelName;
    case 'platforms':
      return row.platforms.map((p) => PLATFORM_LABELS[lang][p] ?? p).join(list);
    case 'orders':
      return row.paidOrders;
    case 'spend':
      return Number(minorToDecimalText(row.spendFen, row.currency));
    case 'firstOrder':
      return row.firstOrder;
    case 'lastOrder':
      return row.lastOrder;
    case 'tags':
      return row.tags.join(list) || null;
    case 'note':
      return row.note;
  }
}

/** 'VIP-金卡客户-20261120.csv': the segment's name without characters a file name cannot hold. */
export function vipFileName(
  segment: string | null,
  format: VipExportFormat,
  lang: MessageLanguage,
  now: Date,
) {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  const base = segment?.replace(/[\\/:*?"<>|\s]+/g, '_') || (lang === 'en' ? 'customers' : '客户');
  return `VIP-${base}-${day}.${format}`;
}

const CHUNK = 500;

export async function exportVipList(
  huikeDb: HuikeDb,
  request: VipExportRequest,
  ctx: {
    now: () => Date;
    signal?: AbortSignal;
    progress?: (phase: string, done: number, total: number) => void;
  },
): Promise<VipExportResult> {
  const now = ctx.now();
  const columns = request.columns?.length ? request.columns : DEFAULT_EXPORT_COLUMNS;
  const list = await vipListIds(
    huikeDb,
    { filter: request.filter, sort: request.sort, masked: request.masked, marketing: request.marketing },
    now,
  );
  const cells: SheetCell[][] = [];
  const slicer = createSlicer();
  for (let start = 0; start < list.ids.length; start += CHUNK) {
    throwIfCancelled(ctx.signal);
    const rows = await readVipRows(
      huikeDb,
      list.ids.slice(start, start + CHUNK),
      list.config,
      request.masked,
    );
    for (const row of rows) cells.push(columns.map((c) => cellOf(row, c, request.lang)));
    ctx.progress?.('exporting', Math.min(start + CHUNK, list.ids.length), list.ids.length);
    await slicer.maybeYield();
  }
  const labels = VIP_COLUMN_LABELS[request.lang];
  const header = columns.map((c) => (c === 'spend' ? `${labels.spend} ${list.config.currency}` : labels[c]));
  const bytes = await sheetBytes(
    request.format,
    request.encoding,
    request.lang === 'en' ? 'VIP customers' : 'VIP 客户',
    header,
    cells,
    columns.map((c) => WIDTHS[c]),
  );
  if (!request.masked)
    await logUnmask(
      huikeDb,
      {
        what: 'export',
        front: request.front,
        segment: request.segmentName,
        filter: request.filter,
        rows: cells.length,
        format: request.format,
        columns,
      },
      now.toISOString(),
    );
  return {
    bytes,
    fileName: vipFileName(request.segmentName, request.format, request.lang, now),
    mimeType:
      request.format === 'csv'
        ? `text/csv;charset=${request.encoding === 'gbk' ? 'gbk' : 'utf-8'}`
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    rows: cells.length,
    matched: list.matched,
    optedOut: list.optedOut,
    masked: request.masked,
  };
}
