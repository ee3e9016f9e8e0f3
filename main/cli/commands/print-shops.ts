/** Human-readable output of the shop, sample-data and backup commands (without --json), in both languages. */
import type {
  DemoRemovalResult,
  RestoreResult,
  ShopEditResult,
  ShopMergeResult,
  ShopSummary,
} from '../../api/contract.js';
import { formatCount, type MessageLanguage } from '../../shared/messages/index.js';

const TEXTS = {
  'zh-CN': {
    sample: '［示例］',
    orders: '订单',
    field: { name: '名称', platform: '平台', currency: '币种', timezone: '时区' } as Record<string, string>,
    listSeparator: '、',
    noShops: '还没有店铺。',
    unchanged: '没有变化：',
    changed: (fields: string, op: string) => `已修改${fields}（操作 #${op}）：`,
    redated: (n: string) => `  重新计算了 ${n} 笔订单的日期`,
    relabelled: (n: string, currency: string) => `  ${n} 笔订单改为 ${currency}`,
    accounts: (moved: string, copied: string, joined: string) =>
      `  买家账号：转移 ${moved}、复制 ${copied}、并入已有 ${joined}`,
    merged: (from: string, into: string, op: string) => `已把「${from}」并入「${into}」（操作 #${op}）：`,
    mergedCounts: (orders: string, batches: string, dup: string) =>
      `  转移订单 ${orders}、导入批次 ${batches}；两边都有的订单 ${dup} 笔，保留了较新的一份`,
    noSample: '没有示例数据。',
    removed: (r: Record<string, string>) =>
      `已删除示例数据：${r.shops} 个店铺、${r.orders} 笔订单、${r.lines} 条明细、${r.accounts} 个买家账号、${r.batches} 个导入批次、${r.products} 个商品；你自己的数据没有变化。`,
    backedUp: (file: string, mb: string) => `已备份到 ${file}（${mb} MB）`,
    restored: (file: string, shops: string, orders: string) =>
      `已从 ${file} 恢复：${shops} 个店铺、${orders} 笔订单`,
    safetyCopy: (file: string) => `恢复前的数据已保存在 ${file}`,
  },
  en: {
    sample: '[sample]',
    orders: 'orders',
    field: { name: 'name', platform: 'platform', currency: 'currency', timezone: 'time zone' } as Record<
      string,
      string
    >,
    listSeparator: ', ',
    noShops: 'No shops yet.',
    unchanged: 'Nothing changed: ',
    changed: (fields: string, op: string) => `Changed the ${fields} (operation #${op}):`,
    redated: (n: string) => `  ${n} orders dated again`,
    relabelled: (n: string, currency: string) => `  ${n} orders now in ${currency}`,
    accounts: (moved: string, copied: string, joined: string) =>
      `  Buyer accounts: ${moved} moved, ${copied} copied, ${joined} joined existing ones`,
    merged: (from: string, into: string, op: string) => `Merged “${from}” into “${into}” (operation #${op}):`,
    mergedCounts: (orders: string, batches: string, dup: string) =>
      `  ${orders} orders and ${batches} import batches moved; ${dup} orders were in both, the newer copy kept`,
    noSample: 'No sample data.',
    removed: (r: Record<string, string>) =>
      `Sample data removed: ${r.shops} shops, ${r.orders} orders, ${r.lines} lines, ${r.accounts} buyer accounts, ${r.batches} import batches, ${r.products} products; your own data is unchanged.`,
    backedUp: (file: string, mb: string) => `Backed up to ${file} (${mb} MB)`,
    restored: (file: string, shops: string, orders: string) =>
      `Restored from ${file}: ${shops} shops, ${orders} orders`,
    safetyCopy: (file: string) => `The data from before the restore is saved in ${file}`,
  },
} as const;

export function createShopPrinter(lang: MessageLanguage, out: (line: string) => void = console.log) {
  const t = TEXTS[lang];
  const n = (value: number) => formatCount(value, lang);
  const shopLine = (s: ShopSummary) =>
    `#${s.id}  ${s.name}${s.isSample ? ` ${t.sample}` : ''}  [${s.platform}]  ${s.currency}  ${s.timezone}  ${t.orders} ${n(s.orders)}`;
  return {
    shops(shops: ShopSummary[]): void {
      if (shops.length === 0) out(t.noShops);
      for (const s of shops) out(shopLine(s));
    },
    shopEdit(r: ShopEditResult): void {
      if (r.changed.length === 0) {
        out(t.unchanged + shopLine(r.shop));
        return;
      }
      out(t.changed(r.changed.map((f) => t.field[f] ?? f).join(t.listSeparator), String(r.operationId)));
      out(`  ${shopLine(r.shop)}`);
      if (r.changed.includes('timezone')) out(t.redated(n(r.ordersRedated)));
      if (r.changed.includes('currency')) out(t.relabelled(n(r.ordersRelabelled), r.shop.currency));
      if (r.changed.includes('platform'))
        out(t.accounts(n(r.accounts.moved), n(r.accounts.copied), n(r.accounts.joined)));
    },
    merge(r: ShopMergeResult): void {
      out(t.merged(r.from.name, r.into.name, String(r.operationId)));
      out(t.mergedCounts(n(r.ordersMoved), n(r.batchesMoved), n(r.duplicateOrders)));
      out(`  ${shopLine(r.into)}`);
    },
    demoRemoval(r: DemoRemovalResult): void {
      if (r.shops === 0) {
        out(t.noSample);
        return;
      }
      out(
        t.removed({
          shops: n(r.shops),
          orders: n(r.orders),
          lines: n(r.lines),
          accounts: n(r.accounts),
          batches: n(r.batches),
          products: n(r.products),
        }),
      );
    },
    backup(r: { path: string; size: number }): void {
      out(t.backedUp(r.path, (r.size / 1024 / 1024).toFixed(1)));
    },
    restore(r: RestoreResult): void {
      out(t.restored(r.file, n(r.shops), n(r.orders)));
      out(t.safetyCopy(r.safetyCopy));
    },
  };
}
