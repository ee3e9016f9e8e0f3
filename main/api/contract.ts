/**
 * The one API of Huike: every channel, its input schema and its result type. The Electron preload,
 * the loopback web server and the renderer all use this list; the CLI calls the same handlers.
 * Channels are named `domain.verb`. Amounts are integer fen; instants are UTC ISO strings.
 */
import { z } from 'zod';
import { CHANNELS, type Channel } from './channels.js';
import type {
  CustomerLockResult,
  CustomerSplitResult,
  MergePreviewSummary,
  MergeRunSummary,
  MergeSettings,
  MergeUndoResult,
} from '../domain/merge/results.js';
import { IMPORT_FORMATS } from '../domain/orders/types.js';
import type { MessageCode, MessageParams } from '../shared/messages/index.js';
import type {
  BackupResult,
  BatchSummary,
  CommittedBatch,
  DashboardSummary,
  DemoRemovalResult,
  DemoResult,
  FilePreview,
  RestoreResult,
  RowProblem,
  ShopEditResult,
  ShopMergeResult,
  ShopSummary,
  UndoResult,
} from '../domain/results.js';
import type { OrderDetail, OrdersExportChunk, OrdersExportFile, OrdersPage } from '../domain/orders/views.js';
import { ORDER_STATUSES, PLATFORMS } from '../shared/vocabulary.js';
import {
  DEFAULT_ORDERS_SORT,
  ORDER_EXPORT_FORMATS,
  ORDER_SORT_KEYS,
  SORT_DIRECTIONS,
} from '../shared/orders-query.js';
import {
  CUSTOMER_EXPORT_FORMATS,
  CUSTOMER_SORT_KEYS,
  DEFAULT_CUSTOMERS_SORT,
  MAX_NOTE_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MARKETING_CHOICES,
} from '../shared/customers-query.js';
import { CSV_ENCODINGS, MAX_VIP_LEVELS, VIP_BASES, VIP_COLUMNS, VIP_EXPORT_FORMATS } from '../shared/vip.js';
import type {
  ConsentView,
  EraseResult,
  OptOutImportResult,
  Segment,
  SegmentCount,
  SegmentOptions,
  VipExportFile,
  VipLevelsView,
  VipListView,
} from '../domain/vip/views.js';
import type {
  CustomerDetail,
  CustomerEditResult,
  CustomerOrdersPage,
  CustomersExportFile,
  CustomersPage,
} from '../domain/customers/views.js';
import type { ReviewDecisionResult, ReviewQueuePage, ReviewUndoResult } from '../domain/review/views.js';
import type { CustomerValue, ValueReport, ValueSettings } from '../domain/value/report-types.js';
import { BEHAVIOUR_SEGMENTS, EIGHT_SEGMENTS, NAMED_SEGMENTS, VALUE_TIERS } from '../shared/value-names.js';
import {
  GENERIC_FIELDS,
  MAPPED_STATUSES,
  TEXT_ENCODINGS,
  type ColumnMapping,
} from '../domain/import/reader-types.js';
import { profitInputSchemas, type ProfitChannelResults } from './profit-contract.js';

const jobId = z.string().min(1).max(100).optional();
/** Merge parameters a run or preview may change (domain/merge/params.ts; the rest stay default). */
const mergeParamsSchema = z
  .object({
    autoThreshold: z.number().min(-50).max(100),
    reviewThreshold: z.number().min(-50).max(100),
    samePlatformThreshold: z.number().min(-50).max(100),
    maxClusterSize: z.number().int().min(2).max(1000),
    maxBlockSize: z.number().int().min(2).max(100_000),
    confirmNames: z.boolean(),
  })
  .partial();
const shopId = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
/** An ISO 4217 code such as CNY, in any case. */
const currencyCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'expected a three-letter currency code such as CNY')
  .transform((c) => c.toUpperCase());

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A generic file's column mapping: field → column, and what each status text means. */
export const columnMappingSchema = z
  .object({
    ...Object.fromEntries(GENERIC_FIELDS.map((f) => [f, z.string().max(200).optional()])),
    statusValues: z.record(z.string().max(100), z.enum(MAPPED_STATUSES)).optional(),
  })
  .strict() as unknown as z.ZodType<ColumnMapping>;

/** How a user may override what the importer detected, per file. */
export const fileOptionsSchema = z.object({
  fileId: z.string().min(1).max(100),
  format: z.enum(IMPORT_FORMATS).optional(),
  encoding: z.enum(TEXT_ENCODINGS).optional(),
  shopName: z.string().trim().min(1).max(100).optional(),
  /** For a file that does not name its currency (ISO 4217 code). */
  currency: currencyCode.optional(),
  mapping: columnMappingSchema.optional(),
});
export type FileOptions = z.infer<typeof fileOptionsSchema>;

/** A word of a fixed vocabulary, typed as a plain string (OrdersFilter's shape) but checked. */
const wordOf = (words: readonly string[]) =>
  z.string().refine((v) => words.includes(v), { message: `expected one of ${words.join(', ')}` });

/** The Orders page's filters (main/shared/orders-query.ts): every one optional, combined with AND. */
export const ordersFilterSchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    platforms: z.array(wordOf(PLATFORMS)).max(PLATFORMS.length).optional(),
    shopIds: z.array(z.number().int().positive()).max(500).optional(),
    statuses: z.array(wordOf(ORDER_STATUSES)).max(ORDER_STATUSES.length).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'expected a three-letter currency code such as CNY')
      .transform((c) => c.toUpperCase())
      .optional(),
    hasRefund: z.boolean().optional(),
    paid: z.boolean().optional(),
    /** A buyer account key, matched exactly. */
    buyer: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

/** Money in minor units (fen), any sign: a spend bound. */
const minorUnits = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

/** A GB/T 2260 division code (330000, 330100). */
const divisionCode = z.string().regex(/^\d{6}$/, 'expected a six-digit division code');

/** The Customers page's filters (main/shared/customers-query.ts): every one optional, combined with AND. */
/** The value analyses' options: monetary basis and how RFM high/low is decided. */
const valueBasis = z.enum(['revenue', 'contribution']);
const splitRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('median') }),
  z.object({ kind: z.literal('mean') }),
  z.object({
    kind: z.literal('fixed'),
    recencyDays: z.number().min(0),
    frequency: z.number().min(0),
    monetaryFen: minorUnits,
  }),
]);
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a day as MM-DD');

export const customersFilterSchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    platforms: z.array(wordOf(PLATFORMS)).max(PLATFORMS.length).optional(),
    shopIds: z.array(shopId).max(500).optional(),
    firstFrom: isoDate.optional(),
    firstTo: isoDate.optional(),
    lastFrom: isoDate.optional(),
    lastTo: isoDate.optional(),
    /** The currency of the spend range (and of a spend sort). */
    spendCurrency: currencyCode.optional(),
    spendMin: minorUnits.optional(),
    spendMax: minorUnits.optional(),
    ordersMin: z.number().int().min(0).optional(),
    ordersMax: z.number().int().min(0).optional(),
    provinces: z.array(divisionCode).max(100).optional(),
    cities: z.array(divisionCode).max(500).optional(),
    products: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
    tags: z.array(z.string().trim().min(1).max(MAX_TAG_LENGTH)).max(100).optional(),
    note: z.string().trim().min(1).max(100).optional(),
    vipLevels: z
      .array(z.number().int().min(0).max(MAX_VIP_LEVELS))
      .max(MAX_VIP_LEVELS + 1)
      .optional(),
    marketing: z.enum(MARKETING_CHOICES).optional(),
    rfmSegment: z.enum(EIGHT_SEGMENTS).optional(),
    namedSegment: z.enum(NAMED_SEGMENTS).optional(),
    valueTier: z.enum(VALUE_TIERS).optional(),
    behaviour: z.enum(BEHAVIOUR_SEGMENTS).optional(),
    winBack: z.boolean().optional(),
    valueAsOf: isoDate.optional(),
    clvMinFen: minorUnits.optional(),
    clvMaxFen: minorUnits.optional(),
    pAliveMin: z.number().min(0).max(1).optional(),
    pAliveMax: z.number().min(0).max(1).optional(),
  })
  .strict()
  .refine((f) => f.spendCurrency !== undefined || (f.spendMin === undefined && f.spendMax === undefined), {
    path: ['spendCurrency'],
    params: { expected: 'expect.currency' },
    message: 'a spend range needs its currency',
  });

const customersSortSchema = z
  .object({
    key: z.enum(CUSTOMER_SORT_KEYS),
    direction: z.enum(SORT_DIRECTIONS),
    currency: currencyCode.optional(),
  })
  .default(DEFAULT_CUSTOMERS_SORT);

const customerId = z.number().int().positive();
const accountId = z.number().int().positive();

const FRONT_DOORS = ['app', 'cli'] as const;

const vipConfigSchema = z
  .object({
    basis: z.enum(VIP_BASES),
    windowMonths: z.number().int().min(0).max(120),
    currency: currencyCode,
    levels: z
      .array(z.object({ name: z.string().trim().min(1).max(20), min: z.number().int().min(0) }).strict())
      .min(1)
      .max(MAX_VIP_LEVELS + 1),
  })
  .strict();

/** Which customers a VIP list holds: a saved segment, else a filter (else everyone). */
const vipListSource = {
  segmentId: z.number().int().positive().optional(),
  filter: customersFilterSchema.optional(),
  sort: customersSortSchema,
};

const ordersSortSchema = z
  .object({ key: z.enum(ORDER_SORT_KEYS), direction: z.enum(SORT_DIRECTIONS) })
  .default(DEFAULT_ORDERS_SORT);

export const inputSchemas = {
  'app.info': z.object({}),
  'settings.get': z.object({}),
  'settings.set': z.object({ language: z.enum(LANGUAGES) }),
  'shops.list': z.object({}),
  /** Any of name, platform, currency, time zone; one recorded operation. */
  'shops.update': z.object({
    shopId,
    name: z.string().trim().min(1).max(100).optional(),
    platform: z.enum(PLATFORMS).optional(),
    currency: currencyCode.optional(),
    /** An IANA zone such as Asia/Shanghai (checked against the zones the runtime knows). */
    timezone: z.string().min(1).max(64).optional(),
  }),
  /** Everything of `fromShopId` moves to `intoShopId`, which stays. */
  'shops.merge': z.object({ fromShopId: shopId, intoShopId: shopId }),
  'dashboard.summary': z.object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    currency: currencyCode.optional(),
  }),
  'demo.load': z.object({
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .optional(),
    /** The owner agreed to load the sample beside their own orders (refused otherwise). */
    confirmMixed: z.boolean().optional(),
    jobId,
  }),
  /** Deletes the sample shops and everything only they use; the owner's data stays. */
  'demo.remove': z.object({ jobId }),
  /** Desktop: asks where and writes the file; browser build: a download (GET /download/<fileId>). */
  'backup.create': z.object({}),
  /** Replaces the data with a staged backup file, after a safety copy of the current data. */
  'backup.restore': z.object({ fileId: z.string().min(1).max(100), jobId }),
  /** Electron only: the main process shows the open dialog and stages the chosen files. */
  'files.pick': z.object({}),
  'import.preview': z.object({ files: z.array(fileOptionsSchema).min(1).max(50), jobId }),
  'import.commit': z.object({
    files: z.array(fileOptionsSchema).min(1).max(50),
    /** The user saw the refused rows in the preview and chose to import the valid ones. */
    skipInvalidRows: z.boolean(),
    jobId,
  }),
  'imports.list': z.object({}),
  'imports.undo': z.object({ batchId: z.number().int().positive(), jobId }),
  /** A page of a batch's refused rows (a file may have thousands: the screen pages). */
  'imports.problems': z.object({
    batchId: z.number().int().positive(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  }),
  'jobs.cancel': z.object({ jobId: z.string().min(1).max(100) }),
  /** A page of the Orders list; `withTotals` on the first page of a filter. */
  'orders.list': z.object({
    filter: ordersFilterSchema.default({}),
    sort: ordersSortSchema,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    withTotals: z.boolean().default(true),
  }),
  'orders.get': z.object({ id: z.number().int().positive() }),
  /** Writes the filtered list (every page) as a file; its bytes then come through orders.exportChunk. */
  'orders.export': z.object({
    filter: ordersFilterSchema.default({}),
    sort: ordersSortSchema,
    format: z.enum(ORDER_EXPORT_FORMATS),
    /** false only when the owner asks for receivers' names, phones and addresses in full. */
    masked: z.boolean().default(true),
    /** The language of the column headers and labels. */
    lang: z.enum(LANGUAGES).default('zh-CN'),
    jobId,
  }),
  'orders.exportChunk': z.object({
    exportId: z.string().min(1).max(100),
    offset: z.number().int().min(0),
  }),
  ...profitInputSchemas,
  /** A page of the Customers list; `withTotal` on the first page of a filter. */
  'customers.list': z.object({
    filter: customersFilterSchema.default({}),
    sort: customersSortSchema,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    withTotal: z.boolean().default(true),
  }),
  /** 客户 360: accounts, totals per platform, how the accounts were joined, note and tags. */
  'customers.get': z.object({ id: customerId }),
  /** A page of the customer's orders, newest first. */
  'customers.orders': z.object({
    id: customerId,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  /** The owner's note (null or '' clears it) and tags; one recorded operation. */
  'customers.update': z.object({
    id: customerId,
    note: z.string().max(MAX_NOTE_LENGTH).nullable().optional(),
    tags: z.array(z.string().trim().min(1).max(MAX_TAG_LENGTH)).max(MAX_TAGS).optional(),
  }),
  /** Writes the filtered list as a file; its bytes then come through customers.exportChunk. */
  'customers.export': z.object({
    filter: customersFilterSchema.default({}),
    sort: customersSortSchema,
    format: z.enum(CUSTOMER_EXPORT_FORMATS).default('csv'),
    /** false only when the owner asks for names and phones in full. */
    masked: z.boolean().default(true),
    lang: z.enum(LANGUAGES).default('zh-CN'),
    /** At most this many customers (huike customers --limit). */
    limit: z.number().int().min(1).optional(),
    jobId,
  }),
  'customers.exportChunk': z.object({
    exportId: z.string().min(1).max(100),
    offset: z.number().int().min(0),
  }),
  'segments.list': z.object({}),
  /** A new segment (no id) or a changed one; names are unique. */
  'segments.save': z.object({
    id: z.number().int().positive().optional(),
    name: z.string().trim().min(1).max(60),
    filter: customersFilterSchema,
  }),
  'segments.delete': z.object({ id: z.number().int().positive() }),
  /** The live count of a filter being built, and how many of them refused marketing. */
  'segments.count': z.object({ filter: customersFilterSchema.default({}) }),
  'segments.options': z.object({}),
  /** The VIP tiers, how many customers each holds, who moved since last month. */
  'vip.levels': z.object({}),
  'vip.saveLevels': z.object({ config: vipConfigSchema }),
  /** A VIP list's rows for the print preview (at most MAX_PRINT_ROWS), masked unless asked. */
  'vip.list': z.object({
    ...vipListSource,
    masked: z.boolean().default(true),
    marketing: z.boolean().default(false),
    front: z.enum(FRONT_DOORS).default('app'),
  }),
  /** A VIP list as CSV or xlsx; its bytes then come through vip.exportChunk. */
  'vip.export': z.object({
    ...vipListSource,
    format: z.enum(VIP_EXPORT_FORMATS).default('csv'),
    encoding: z.enum(CSV_ENCODINGS).default('utf8'),
    masked: z.boolean().default(true),
    /** Leave out the customers who refused marketing (an export is for campaigns). */
    marketing: z.boolean().default(true),
    columns: z.array(z.enum(VIP_COLUMNS)).min(1).max(VIP_COLUMNS.length).optional(),
    lang: z.enum(LANGUAGES).default('zh-CN'),
    front: z.enum(FRONT_DOORS).default('app'),
    jobId,
  }),
  'vip.exportChunk': z.object({
    exportId: z.string().min(1).max(100),
    offset: z.number().int().min(0),
  }),
  'privacy.consent': z.object({ customerId: customerId }),
  /** The owner's word: false 不接受营销, true accepts marketing, null not said. */
  'privacy.setConsent': z.object({ customerId: customerId, consent: z.boolean().nullable() }),
  /** A staged file of phones and e-mails that refused marketing. */
  'privacy.importOptOuts': z.object({ fileId: z.string().min(1).max(100) }),
  /** Deletes a customer's personal data; cannot be undone, so it must be confirmed. */
  'privacy.erase': z.object({
    customerId: customerId,
    confirm: z.boolean(),
    front: z.enum(FRONT_DOORS).default('app'),
  }),
  /** A page of the buyer-merge review queue: pairs not skipped first, strongest first. */
  'merge.review.list': z.object({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(50).default(10),
    /** Only the pairs touching this customer (its page links here). */
    customerId: customerId.optional(),
    /** Also say where this pair stands in the queue. */
    focus: z.object({ accountA: accountId, accountB: accountId }).optional(),
  }),
  /** The owner's answer on one pair; one recorded operation, undone by merge.review.undo. */
  'merge.review.decide': z.object({
    accountA: accountId,
    accountB: accountId,
    decision: z.enum(['merge', 'notSame', 'skip']),
  }),
  /** Takes back the latest review decision. */
  'merge.review.undo': z.object({}),
  /**
   * The value report at an as-of day (default the latest order day) with the saved settings, or
   * the basis and split given. Predictions come from the last stored fit; `waitForFit` waits for
   * a due refit first (the CLI), else it runs in the background and `clv.state` says so.
   */
  'value.report': z.object({
    asOf: isoDate.optional(),
    basis: valueBasis.optional(),
    split: splitRuleSchema.optional(),
    waitForFit: z.boolean().default(false),
  }),
  /** One customer's RFM, segment, tier, P(alive) and predicted CLV, for 客户 360; null without paid orders. */
  'value.customer': z.object({ id: customerId, asOf: isoDate.optional() }),
  /** Saves the value settings: monetary basis, the high/low rule, the holiday calendar. */
  'value.saveSettings': z.object({
    basis: valueBasis,
    split: splitRuleSchema,
    holidays: z
      .array(z.object({ name: z.string().trim().min(1).max(30), start: monthDay, end: monthDay }))
      .max(50),
  }),
  /** Moves the chosen accounts out of their customer into a new one; cannot-links between the parts. */
  'customers.split': z.object({ id: customerId, accountIds: z.array(z.number().int().positive()).min(1) }),
  /** Locks (or unlocks) a customer: automatic merges neither add to it nor split it. */
  'customers.lock': z.object({ id: customerId, locked: z.boolean() }),
  /** The buyer merge: incremental (new accounts since the last run) or full; 'auto' picks. */
  'merge.run': z.object({
    mode: z.enum(['full', 'incremental', 'auto']).default('auto'),
    params: mergeParamsSchema.default({}),
    jobId,
  }),
  /** What a full run with these parameters would change ("37 merges, 5 splits"), writing nothing. */
  'merge.preview': z.object({ params: mergeParamsSchema.default({}) }),
  /** Undoes a merge run, a split or a lock (the latest first). */
  'merge.undo': z.object({ opId: z.number().int().positive() }),
  /** The merge settings now (what the last run used) and their defaults. */
  'merge.settings': z.object({}),
} as const;

// Every channel has a schema and every schema a channel (a missing or extra key fails the check).
inputSchemas satisfies Record<Channel, z.ZodType>;
type SchemaChannels = keyof typeof inputSchemas;
const _sameChannels: [SchemaChannels] extends [Channel]
  ? [Channel] extends [SchemaChannels]
    ? true
    : never
  : never = true;
void _sameChannels;
export { CHANNELS, type Channel };
export type ChannelInput<C extends Channel> = z.input<(typeof inputSchemas)[C]>;

export interface AppInfo {
  version: string;
  dbPath: string;
  /** True once any order is in the database: the UI shows the first-run screen until then. */
  hasData: boolean;
}

export interface Settings {
  language: Language;
}

export interface StagedFile {
  fileId: string;
  name: string;
  size: number;
}

export type { ColumnMapping } from '../domain/import/reader-types.js';
export type { MergePreviewSummary, MergeSettings } from '../domain/merge/results.js';
export type {
  CurrencyTotals,
  OrderBuyer,
  OrderDetail,
  OrderHistoryEntry,
  OrderLineView,
  OrderListRow,
  OrdersExportChunk,
  OrdersExportFile,
  OrdersPage,
  OrdersTotals,
} from '../domain/orders/views.js';
export type { OrdersFilter, OrdersSort, OrderSortKey, OrderExportFormat } from '../shared/orders-query.js';
export type {
  CustomerAccountKey,
  CustomerAccountView,
  CustomerDetail,
  CustomerEditResult,
  CustomerLinkView,
  CustomerListRow,
  CustomerOrdersPage,
  CustomerPlatformTotals,
  CustomerShop,
  CustomerSpend,
  CustomersExportFile,
  CustomersPage,
  LinkEvidence,
} from '../domain/customers/views.js';
export type {
  ReviewDecision,
  ReviewDecisionResult,
  ReviewEvidence,
  ReviewOrder,
  ReviewPair,
  ReviewQueuePage,
  ReviewSide,
  ReviewUndoResult,
} from '../domain/review/views.js';
export type {
  CustomersFilter,
  CustomersSort,
  CustomerSortKey,
  CustomerExportFormat,
} from '../shared/customers-query.js';
export type {
  BackupResult,
  BatchResult,
  BatchSummary,
  CommittedBatch,
  DashboardSummary,
  DemoRemovalResult,
  DemoResult,
  FilePreview,
  ImportCounts,
  CurrencyFigures,
  PeriodFigures,
  PeriodPoint,
  PlatformFigures,
  MoneyTotals,
  RestoreResult,
  RowProblem,
  ShopEditResult,
  ShopField,
  ShopMergeResult,
  ShopSummary,
  StatusValueCount,
  UndoResult,
} from '../domain/results.js';

export type * from './profit-contract.js';

export interface ChannelResults extends ProfitChannelResults {
  'app.info': AppInfo;
  'settings.get': Settings;
  'settings.set': Settings;
  'shops.list': ShopSummary[];
  'shops.update': ShopEditResult;
  'shops.merge': ShopMergeResult;
  'dashboard.summary': DashboardSummary;
  'demo.load': DemoResult;
  'demo.remove': DemoRemovalResult;
  'backup.create': BackupResult;
  'backup.restore': RestoreResult;
  'files.pick': StagedFile[];
  'import.preview': { files: FilePreview[] };
  'import.commit': { batches: CommittedBatch[] };
  'imports.list': { batches: BatchSummary[] };
  'imports.problems': { total: number; problems: RowProblem[] };
  'imports.undo': UndoResult;
  'jobs.cancel': { cancelled: boolean };
  'orders.list': OrdersPage;
  'orders.get': OrderDetail;
  'orders.export': OrdersExportFile;
  'orders.exportChunk': OrdersExportChunk;
  'customers.list': CustomersPage;
  'customers.get': CustomerDetail;
  'customers.orders': CustomerOrdersPage;
  'customers.update': CustomerEditResult;
  'customers.export': CustomersExportFile;
  'customers.exportChunk': OrdersExportChunk;
  'segments.list': { segments: Segment[] };
  'segments.save': Segment;
  'segments.delete': { deleted: boolean };
  'segments.count': SegmentCount;
  'segments.options': SegmentOptions;
  'vip.levels': VipLevelsView;
  'vip.saveLevels': VipLevelsView;
  'vip.list': VipListView;
  'vip.export': VipExportFile;
  'vip.exportChunk': OrdersExportChunk;
  'privacy.consent': ConsentView;
  'privacy.setConsent': ConsentView;
  'privacy.importOptOuts': OptOutImportResult;
  'privacy.erase': EraseResult;
  'merge.review.list': ReviewQueuePage;
  'merge.review.decide': ReviewDecisionResult;
  'merge.review.undo': ReviewUndoResult;
  'value.report': ValueReport;
  'value.customer': CustomerValue | null;
  'value.saveSettings': ValueSettings;
  'customers.split': CustomerSplitResult;
  'customers.lock': CustomerLockResult;
  'merge.run': MergeRunSummary;
  'merge.preview': MergePreviewSummary;
  'merge.undo': MergeUndoResult;
  'merge.settings': MergeSettings;
}
export type ChannelResult<C extends Channel> = ChannelResults[C];

/** Progress of long work, carried by IPC events, server-sent events and the terminal. */
export interface ProgressEvent {
  jobId: string;
  /** e.g. 'reading', 'writing', 'generating' */
  phase: string;
  done: number;
  total: number;
}

/** Errors crossing a front door: `user` errors are the user's to fix (exit 1), others are bugs (exit 2). */
export interface ApiErrorPayload {
  kind: 'user' | 'cancelled' | 'internal';
  /** What to say: screens put `code` with `params` into words in their own language. */
  code: MessageCode;
  params: MessageParams;
  /** The same in zh-CN, for logs. */
  message: string;
  file?: string;
  row?: number;
  column?: string;
  /** Data for the screen (an unknown layout's header and first rows), never words. */
  details?: unknown;
}

/** Every answer across a process or network boundary: errors travel as data, never as throws. */
export type ApiEnvelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorPayload };

/**
 * What the Electron preload exposes as `window.huike`. It forwards and does not unwrap, so every
 * call resolves with an envelope; the renderer's client turns `ok: false` into a thrown ApiError,
 * as it does for the browser build's HTTP answers.
 */
export interface PreloadApi {
  readonly shell: 'electron';
  /** Rejects only for an unknown channel. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ApiEnvelope<ChannelResult<C>>>;
  onProgress(listener: (event: ProgressEvent) => void): () => void;
  /** Files opened from the menu, the dock or a second launch; ones sent before the first listener are kept for it. */
  onFilesOpened(listener: (files: StagedFile[]) => void): () => void;
  /** 'navigate:dashboard' | 'navigate:import' | … | 'navigate:settings' */
  onMenuCommand(listener: (command: string) => void): () => void;
  /** The open dialog of the main process; [] when cancelled. Rejects with the error's message. */
  pickFiles(): Promise<StagedFile[]>;
  /** Dropped files, bytes only (never a path): begin, chunks of at most 8 MiB in order, end. */
  uploadBegin(name: string, size: number): Promise<string>;
  uploadChunk(uploadId: string, bytes: Uint8Array): Promise<void>;
  uploadEnd(uploadId: string): Promise<StagedFile>;
  /** Prints the page to PDF (the VIP print preview) into a file the save dialog chose; null when cancelled. */
  printToPdf(fileName: string, landscape: boolean): Promise<string | null>;
}

/** The part of a DOM File the bridge needs (kept structural so Node code type-checks too). */
export interface UploadableFile {
  readonly name: string;
  readonly size: number;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/**
 * What the renderer's client offers its screens, in Electron and in the browser build alike. In
 * Electron it is built on the preload's `window.huike` (PreloadApi); in the
 * browser on the loopback server's /rpc, /events and /upload.
 */
export interface HuikeBridge {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>;
  onProgress(listener: (event: ProgressEvent) => void): () => void;
  /** Lets the user choose files; returns them staged, never as paths. */
  chooseFiles(): Promise<StagedFile[]>;
  /** Stages files the user dropped on the window by sending their bytes, never their paths. */
  uploadFiles(files: ReadonlyArray<UploadableFile>): Promise<StagedFile[]>;
  /** Electron: files dropped on the window or opened from the menu, staged by the main process. */
  onFilesOpened(listener: (files: StagedFile[]) => void): () => void;
  /** Electron: menu commands (e.g. 'import', 'backup', 'navigate:settings'). */
  onMenuCommand(listener: (command: string) => void): () => void;
  /** 'electron' or 'web' */
  readonly shell: 'electron' | 'web';
  /** Electron: the page as a PDF file (save dialog); the browser build prints through its dialog instead. */
  printToPdf?(fileName: string, landscape: boolean): Promise<string | null>;
}
export type {
  ConsentView,
  EraseResult,
  OptOutImportResult,
  Segment,
  SegmentCount,
  SegmentOptions,
  VipExportFile,
  VipLevelCount,
  VipLevelsView,
  VipListRow,
  VipListView,
  VipMovement,
  VipMovements,
} from '../domain/vip/views.js';
