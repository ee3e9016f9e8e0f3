/**
 * The filtered Customers list (every page, the screen's sort) as a file, masked unless the owner
 * asks otherwise: CSV for the screen's export button and `huike customers --csv`, JSON for
 * `huike customers --json`. Long work like the orders export: the ids first (one query), then rows
 * read and written in chunks with progress, a cancel check and the event loop given a turn.
 *
 * CSV: one row per customer, its accounts in one cell, net spend in a column per currency. JSON:
 * `{"customers":[{"id","displayName","accounts":[{"platform","shop","buyerKey"}],"orders",
 * "revenueFen",…}],"total","durationMs"}` where buyerKey is the account's key as the platform's
 * export has it (it identifies the account: scripts match it against their own files) and
 * platform is the name `huike import --platform` takes (generic for a mapped file's shop).
 */
import { sql } from 'kysely';
import type { Db, HuikeDb } from '../../../db/index.js';
import type { CustomerSpend } from '../../domain/customers/views.js';
import { maskBuyerKey, maskPersonName, maskPhone } from '../../domain/orders/privacy.js';
import type { CustomerExportFormat, CustomersFilter, CustomersSort } from '../../shared/customers-query.js';
import type { MessageLanguage } from '../../shared/messages/index.js';
import { minorToDecimalText } from '../../shared/money.js';
import { createSlicer, throwIfCancelled } from '../long-work.js';
import { PLATFORM_LABELS, type ExportCell } from '../orders/export-columns.js';
import { csvWriter } from '../orders/export-writers.js';
import { readShops, type ShopRow } from '../orders/list-rows.js';
import { countCustomers, pageIdsQuery, resolveCustomersFilter, spendSortCurrency } from './list.js';
import { listOf, platformsOf, readSpend, tagsOf } from './rows.js';

export interface CustomersExportRequest {
  filter: CustomersFilter;
  sort: CustomersSort;
  format: CustomerExportFormat;
  /** Names, phones and phone/e-mail account keys masked, as on screen (JSON buyer keys excepted). */
  masked: boolean;
  lang: MessageLanguage;
  /** At most this many customers, the first in the sort's order (JSON `total` still counts all). */
  limit?: number;
}

export interface ExportContext {
  signal?: AbortSignal;
  progress?: (phase: string, done: number, total: number) => void;
  now: () => Date;
}

export interface CustomersExportResult {
  parts: Buffer[];
  size: number;
  fileName: string;
  mimeType: string;
  customers: number;
}

/** Customers read and written per step. */
const CHUNK = 500;

const MIME: Record<CustomerExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
};

/** The `--platform` name of an account's platform: a mapped file's shop is `generic`. */
function cliPlatform(platform: string): string {
  return platform === 'other' ? 'generic' : platform;
}

interface ExportAccount {
  id: number;
  customer_id: number;
  platform: string;
  key_kind: string;
  account_key: string;
}

interface ExportRecord {
  id: number;
  name: string | null;
  phone: string | null;
  platforms: string;
  shop_ids: string;
  accounts: number;
  orders: number;
  paid_orders: number;
  first_order_at: string | null;
  last_order_at: string | null;
  first_order_date: string | null;
  last_order_date: string | null;
  locked: number;
  note: string | null;
  tags_json: string;
  accountList: ExportAccount[];
  /** account id → its shops, most orders first (JSON only). */
  accountShops: Map<number, number[]>;
  spend: CustomerSpend[];
}

async function readChunk(db: Db, ids: readonly number[], withShops: boolean): Promise<ExportRecord[]> {
  const json = JSON.stringify(ids);
  const { rows } = await sql<Omit<ExportRecord, 'accountList' | 'accountShops' | 'spend'>>`SELECT
      s.customer_id AS id, s.name, s.phone, s.platforms, s.shop_ids, s.accounts, s.orders, s.paid_orders,
      s.first_order_at, s.last_order_at, s.first_order_date, s.last_order_date, c.locked, c.note, c.tags_json
    FROM customer_stats s JOIN customers c ON c.id = s.customer_id
    WHERE s.customer_id IN (SELECT value FROM json_each(${json}))`.execute(db);
  const accounts = await sql<ExportAccount>`SELECT id, customer_id, platform, key_kind, account_key
    FROM buyer_accounts WHERE customer_id IN (SELECT value FROM json_each(${json}))
    ORDER BY customer_id, id`.execute(db);
  const accountShops = new Map<number, number[]>();
  if (withShops && accounts.rows.length > 0) {
    const shops = await sql<{ account_id: number; shop_id: number }>`SELECT o.buyer_account_id AS account_id,
        o.shop_id FROM orders o
      WHERE o.buyer_account_id IN (SELECT value FROM json_each(${JSON.stringify(accounts.rows.map((a) => a.id))}))
      GROUP BY o.buyer_account_id, o.shop_id ORDER BY o.buyer_account_id, count(*) DESC, o.shop_id`.execute(
      db,
    );
    for (const r of shops.rows)
      accountShops.set(r.account_id, [...(accountShops.get(r.account_id) ?? []), r.shop_id]);
  }
  const spend = await readSpend(db, ids);
  const byCustomer = new Map<number, ExportAccount[]>();
  for (const a of accounts.rows) byCustomer.set(a.customer_id, [...(byCustomer.get(a.customer_id) ?? []), a]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [{ ...r, accountList: byCustomer.get(id) ?? [], accountShops, spend: spend.get(id) ?? [] }];
  });
}

interface Sink {
  header(): void;
  rows(records: ExportRecord[]): Promise<void>;
  finish(total: number, durationMs: number): Promise<Buffer[]>;
}

const HEADERS: Record<MessageLanguage, Record<string, string>> = {
  'zh-CN': {
    id: '客户编号',
    name: '名称',
    phone: '手机',
    platforms: '平台',
    shops: '店铺',
    keys: '买家账号',
    accounts: '账号数',
    paid: '已付款订单',
    all: '全部订单',
    first: '首次下单',
    last: '最近下单',
    net: '净消费',
    tags: '标签',
    note: '备注',
  },
  en: {
    id: 'Customer ID',
    name: 'Name',
    phone: 'Phone',
    platforms: 'Platforms',
    shops: 'Shops',
    keys: 'Buyer accounts',
    accounts: 'Accounts',
    paid: 'Paid orders',
    all: 'All orders',
    first: 'First order',
    last: 'Last order',
    net: 'Net spend',
    tags: 'Tags',
    note: 'Note',
  },
};

function csvSink(request: CustomersExportRequest, currencies: string[], shops: Map<number, ShopRow>): Sink {
  const writer = csvWriter();
  const h = HEADERS[request.lang];
  const list = request.lang === 'en' ? '; ' : '；';
  const label = (p: string) => PLATFORM_LABELS[request.lang][p] ?? p;
  const text = (value: string | null): ExportCell => ({ text: value });
  const count = (value: number): ExportCell => ({ number: value });
  return {
    header() {
      writer.header(
        [
          h.id!,
          h.name!,
          h.phone!,
          h.platforms!,
          h.shops!,
          h.keys!,
          h.accounts!,
          h.paid!,
          h.all!,
          h.first!,
          h.last!,
          ...currencies.map((c) => `${h.net} ${c}`),
          h.tags!,
          h.note!,
        ],
        [],
      );
    },
    rows(records) {
      return writer.rows(
        records.map((r) => ({
          currency: '',
          cells: [
            count(r.id),
            text(request.masked ? maskPersonName(r.name) : r.name),
            text(request.masked ? maskPhone(r.phone) : r.phone),
            text(platformsOf(r.platforms).map(label).join(list)),
            text(
              listOf(r.shop_ids)
                .sort((a, b) => Number(a) - Number(b))
                .map((id) => shops.get(Number(id))?.name ?? id)
                .join(list),
            ),
            text(
              r.accountList
                .map(
                  (a) =>
                    `${label(a.platform)}:${request.masked ? maskBuyerKey(a.key_kind, a.account_key) : a.account_key}`,
                )
                .join(list),
            ),
            count(r.accounts),
            count(r.paid_orders),
            count(r.orders),
            text(r.first_order_date),
            text(r.last_order_date),
            ...currencies.map((c): ExportCell => {
              const s = r.spend.find((x) => x.currency === c);
              return { money: s ? minorToDecimalText(s.netFen, c) : null };
            }),
            text(tagsOf(r.tags_json).join(list) || null),
            text(r.note),
          ],
        })),
      );
    },
    finish() {
      return writer.finish();
    },
  };
}

function jsonSink(request: CustomersExportRequest, shops: Map<number, ShopRow>): Sink {
  const parts: Buffer[] = [];
  let first = true;
  return {
    header() {
      parts.push(Buffer.from('{"customers":[', 'utf8'));
    },
    async rows(records) {
      const text = records
        .map((r) => {
          const row = {
            id: r.id,
            displayName: request.masked ? maskPersonName(r.name) : r.name,
            phone: request.masked ? maskPhone(r.phone) : r.phone,
            platforms: platformsOf(r.platforms).map(cliPlatform),
            accounts: r.accountList.map((a) => {
              const names = (r.accountShops.get(a.id) ?? []).map((id) => shops.get(id)?.name ?? String(id));
              return {
                platform: cliPlatform(a.platform),
                shop: names[0] ?? null,
                shops: names,
                buyerKey: a.account_key,
                keyKind: a.key_kind,
              };
            }),
            orders: r.paid_orders,
            allOrders: r.orders,
            revenueFen: r.spend.find((s) => s.currency === 'CNY')?.netFen ?? 0,
            spend: r.spend,
            firstOrderAt: r.first_order_at,
            lastOrderAt: r.last_order_at,
            tags: tagsOf(r.tags_json),
            note: r.note,
            locked: r.locked === 1,
          };
          const json = JSON.stringify(row);
          const out = first ? json : `,${json}`;
          first = false;
          return out;
        })
        .join('');
      parts.push(Buffer.from(text, 'utf8'));
    },
    async finish(total, durationMs) {
      parts.push(Buffer.from(`],"total":${total},"durationMs":${Math.round(durationMs)}}\n`, 'utf8'));
      return parts;
    },
  };
}

function fileNameFor(request: CustomersExportRequest, now: Date): string {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  const base = request.lang === 'en' ? 'customers' : '客户';
  return `${base}-${day}.${request.format}`;
}

export async function exportCustomers(
  { reader: db, readSqlite }: Pick<HuikeDb, 'reader' | 'readSqlite'>,
  request: CustomersExportRequest,
  ctx: ExportContext,
): Promise<CustomersExportResult> {
  const started = performance.now();
  const resolved = await resolveCustomersFilter({ reader: db, readSqlite }, request.filter);
  const currency = await spendSortCurrency(db, request.sort, request.filter);
  const page = request.limit === undefined ? undefined : { offset: 0, limit: request.limit };
  const compiled = pageIdsQuery(resolved, request.sort, currency, page).compile(db);
  // Every id in the export's order, read raw (plucked: no row object per customer).
  const ids = readSqlite
    .prepare(compiled.sql)
    .pluck()
    .all(...compiled.parameters) as number[];
  const durationMs = performance.now() - started;
  // Customers the filter keeps, the limit aside.
  const total = page ? await countCustomers(db, resolved) : ids.length;

  const shopList = await readShops(db);
  const shops = new Map(shopList.map((s) => [s.id, s]));
  const currencies = (
    await sql<{ currency: string }>`SELECT DISTINCT currency FROM customer_spend ORDER BY currency`.execute(
      db,
    )
  ).rows
    .map((r) => r.currency)
    .sort((a, b) => (a === 'CNY' ? -1 : b === 'CNY' ? 1 : a.localeCompare(b)));
  const sink = request.format === 'csv' ? csvSink(request, currencies, shops) : jsonSink(request, shops);
  sink.header();
  const slicer = createSlicer();
  ctx.progress?.('exporting', 0, ids.length);
  for (let start = 0; start < ids.length; start += CHUNK) {
    throwIfCancelled(ctx.signal);
    await sink.rows(await readChunk(db, ids.slice(start, start + CHUNK), request.format === 'json'));
    ctx.progress?.('exporting', Math.min(start + CHUNK, ids.length), ids.length);
    await slicer.maybeYield();
  }
  throwIfCancelled(ctx.signal);
  const parts = await sink.finish(total, durationMs);
  return {
    parts,
    size: parts.reduce((n, p) => n + p.length, 0),
    fileName: fileNameFor(request, ctx.now()),
    mimeType: MIME[request.format],
    customers: ids.length,
  };
}
