/**
 * VIP lists: the tiers the owner configures, the columns a printed or exported list may have, the
 * file formats. Pure values shared by the API's schemas, the services, the CLI and the renderer.
 */

/** Tiers above the lowest one: 普通 + at most 9. */
export const MAX_VIP_LEVELS = 9;

export const VIP_BASES = ['spend', 'orders'] as const;
/** spend: net paid (paid − refunded) in the config's currency; orders: paid orders. */
export type VipBasis = (typeof VIP_BASES)[number];

export interface VipLevel {
  name: string;
  /** The least spend (minor units) or paid orders a customer needs for this level; 0 for the first. */
  min: number;
}

export interface VipConfig {
  basis: VipBasis;
  /** Counted over the last this many months up to today; 0: all time. */
  windowMonths: number;
  /** The currency of a spend basis (orders in other currencies do not count). */
  currency: string;
  /** From the lowest (min 0) up, mins strictly increasing. */
  levels: VipLevel[];
}

/** 普通 / 银卡 / 金卡 / 钻石 by net spend in yuan over the last 12 months: 0, 1,000, 5,000, 20,000. */
export const DEFAULT_VIP_CONFIG: VipConfig = {
  basis: 'spend',
  windowMonths: 12,
  currency: 'CNY',
  levels: [
    { name: '普通', min: 0 },
    { name: '银卡', min: 100_000 },
    { name: '金卡', min: 500_000 },
    { name: '钻石', min: 2_000_000 },
  ],
};

/** The level of a value: the highest whose min it reaches (levels from the lowest up). */
export function levelOf(levels: readonly VipLevel[], value: number): number {
  let level = 0;
  levels.forEach((l, i) => {
    if (value >= l.min) level = i;
  });
  return level;
}

/** The columns of a VIP list, printed or exported, in the order a list shows them by default. */
export const VIP_COLUMNS = [
  'id',
  'name',
  'phone',
  'email',
  'address',
  'level',
  'platforms',
  'orders',
  'spend',
  'firstOrder',
  'lastOrder',
  'tags',
  'note',
] as const;
export type VipColumn = (typeof VIP_COLUMNS)[number];

export const DEFAULT_PRINT_COLUMNS: VipColumn[] = [
  'name',
  'phone',
  'address',
  'level',
  'orders',
  'spend',
  'lastOrder',
];
export const DEFAULT_EXPORT_COLUMNS: VipColumn[] = [
  'id',
  'name',
  'phone',
  'email',
  'address',
  'level',
  'platforms',
  'orders',
  'spend',
  'lastOrder',
  'tags',
];

export const VIP_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type VipExportFormat = (typeof VIP_EXPORT_FORMATS)[number];

/** CSV text encodings: UTF-8 with a BOM (Excel, WPS), or GBK for old tools that want it. */
export const CSV_ENCODINGS = ['utf8', 'gbk'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** The most rows a print preview lays out (a longer list is exported instead). */
export const MAX_PRINT_ROWS = 5000;
