/** Human-readable output of the shop, sample-data and backup commands (without --json). */
import type {
  DemoRemovalResult,
  RestoreResult,
  ShopEditResult,
  ShopMergeResult,
  ShopSummary,
} from '../../api/contract.js';

const SAMPLE = '［示例 sample］';

const fieldNames: Record<string, string> = {
  name: '名称',
  platform: '平台',
  currency: '币种',
  timezone: '时区',
};

function shopLine(s: ShopSummary): string {
  return `#${s.id}  ${s.name}${s.isSample ? ` ${SAMPLE}` : ''}  [${s.platform}]  ${s.currency}  ${s.timezone}  订单 ${s.orders}`;
}

export function printShops(shops: ShopSummary[]): void {
  if (shops.length === 0) {
    console.log('还没有店铺 (no shops yet)');
    return;
  }
  for (const s of shops) console.log(shopLine(s));
}

export function printShopEdit(r: ShopEditResult): void {
  if (r.changed.length === 0) {
    console.log(`没有变化 (nothing changed): ${shopLine(r.shop)}`);
    return;
  }
  console.log(`已修改${r.changed.map((f) => fieldNames[f] ?? f).join('、')} (operation #${r.operationId}):`);
  console.log(`  ${shopLine(r.shop)}`);
  if (r.changed.includes('timezone')) console.log(`  重新计算了 ${r.ordersRedated} 笔订单的日期`);
  if (r.changed.includes('currency')) console.log(`  ${r.ordersRelabelled} 笔订单改为 ${r.shop.currency}`);
  if (r.changed.includes('platform'))
    console.log(
      `  买家账号: 转移 ${r.accounts.moved}、复制 ${r.accounts.copied}、并入已有 ${r.accounts.joined}`,
    );
}

export function printMerge(r: ShopMergeResult): void {
  console.log(`已把「${r.from.name}」并入「${r.into.name}」(operation #${r.operationId}):`);
  console.log(
    `  转移订单 ${r.ordersMoved}、导入批次 ${r.batchesMoved}；两边都有的订单 ${r.duplicateOrders} 笔，保留了较新的一份`,
  );
  console.log(`  ${shopLine(r.into)}`);
}

export function printDemoRemoval(r: DemoRemovalResult): void {
  if (r.shops === 0) {
    console.log('没有示例数据 (no sample data)');
    return;
  }
  console.log(
    `已删除示例数据: ${r.shops} 个店铺, ${r.orders} 笔订单, ${r.lines} 条明细, ${r.accounts} 个买家账号, ${r.batches} 个导入批次, ${r.products} 个商品; 你自己的数据没有变化`,
  );
}

export function printBackup(r: { path: string; size: number }): void {
  console.log(`已备份到 ${r.path} (${(r.size / 1024 / 1024).toFixed(1)} MB)`);
}

export function printRestore(r: RestoreResult): void {
  console.log(`已从 ${r.file} 恢复: ${r.shops} 个店铺, ${r.orders} 笔订单`);
  console.log(`恢复前的数据已保存在 ${r.safetyCopy}`);
}
