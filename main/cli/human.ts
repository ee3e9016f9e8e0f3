/** Human-readable CLI output (without --json). */
import type { BatchSummary, CommittedBatch, DemoResult, FilePreview, UndoResult } from '../api/contract.js';
import { fen } from './output.js';

/** A UTC instant as the seller reads it: Beijing time, to the minute. */
const chinaTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

const counts = (c: { inserted: number; updated: number; unchanged: number }) =>
  `新增 ${c.inserted} / 更新 ${c.updated} / 未变 ${c.unchanged}`;

export function printImportResult(batches: CommittedBatch[]): void {
  for (const b of batches) {
    console.log(`批次 #${b.id}  ${b.file}  [${b.platform}]  店铺: ${b.shop}  编码: ${b.encoding}`);
    console.log(`  读取 ${b.rows} 行 = 导入 ${b.rowsImported} 行 + 拒绝 ${b.rowsRefused} 行`);
    console.log(`  订单: ${counts(b.orders)}`);
    console.log(`  明细: ${counts(b.lines)}`);
    console.log(
      `  已付款金额: ${fen(b.money.paidFen, b.currency)}  退款: ${fen(b.money.refundFen, b.currency)}`,
    );
    if (b.problems.length > 0) {
      console.log(`  拒绝的行:`);
      for (const s of b.problems.slice(0, 20))
        console.log(`    第 ${s.row} 行${s.column ? `「${s.column}」` : ''}: ${s.reason}`);
      if (b.rowsRefused > 20)
        console.log(`    … 另有 ${b.rowsRefused - 20} 行 (huike imports ${b.id} 查看全部)`);
    }
  }
}

export function printBatches(batches: BatchSummary[]): void {
  if (batches.length === 0) {
    console.log('还没有导入记录 (no imports yet)');
    return;
  }
  for (const b of batches) {
    const state = b.state === 'undone' ? '已撤销' : '已导入';
    console.log(
      `#${b.id}  ${chinaTime(b.createdAt)}  ${state}  ${b.file}  [${b.platform}] ${b.shop}  行 ${b.rows}  订单 ${counts(b.orders)}  ${fen(b.money.paidFen, b.currency)}`,
    );
  }
}

export function printUndo(r: UndoResult): void {
  console.log(
    `已撤销批次 #${r.batchId}: 删除订单 ${r.ordersDeleted}、恢复订单 ${r.ordersRestored}、删除明细 ${r.linesDeleted}、恢复明细 ${r.linesRestored}`,
  );
}

export function printDemo(r: DemoResult): void {
  console.log(
    `示例店铺已载入 (seed ${r.seed}): ${r.shops} 个店铺, ${r.orders} 笔订单, ${r.lines} 条明细, ${r.buyers} 位买家, ${r.products} 个商品`,
  );
}

export function printPreview(files: FilePreview[]): void {
  for (const p of files) {
    if (p.error) {
      console.log(`${p.file}: ${p.error}`);
      continue;
    }
    console.log(`${p.file}  [${p.format}] ${p.variants.join('、')}  店铺: ${p.shop}  编码: ${p.encoding}`);
    console.log(`  读取 ${p.rows} 行 = 可导入 ${p.rowsImported} 行 + 拒绝 ${p.rowsRefused} 行`);
    console.log(`  订单 ${p.orders}  明细 ${p.lines}`);
    if (p.currency)
      console.log(
        `  已付款金额: ${fen(p.money.paidFen, p.currency)}  退款: ${fen(p.money.refundFen, p.currency)}`,
      );
    else console.log('  文件没有写明币种：导入时请加 --currency');
    for (const s of p.problems.slice(0, 20))
      console.log(`    第 ${s.row} 行${s.column ? `「${s.column}」` : ''}: ${s.reason}`);
    if (p.alreadyImported) console.log('  这个文件已经导入过，再次导入不会有变化');
  }
}
