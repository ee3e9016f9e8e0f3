/**
 * The terminal's own words (summaries, not errors: those are message codes), in both languages.
 * Counts come in already formatted with the language's thousands separators.
 */
import type { MessageLanguage } from '../shared/messages/index.js';

export interface CliTexts {
  batchLine(b: { id: string; file: string; platform: string; shop: string; encoding: string }): string;
  rowsLine(rows: string, imported: string, refused: string, preview?: boolean): string;
  counts(c: { inserted: string; updated: string; unchanged: string }): string;
  ordersLine(counts: string): string;
  linesLine(counts: string): string;
  moneyLine(paid: string, refund: string): string;
  refusedHeading: string;
  problem(row: string, column: string | null, reason: string): string;
  moreProblems(count: string): string;
  noImports: string;
  state: { committed: string; undone: string };
  historyLine(b: {
    id: string;
    time: string;
    state: string;
    file: string;
    platform: string;
    shop: string;
    rows: string;
    orders: string;
    money: string;
  }): string;
  undone(r: {
    batchId: string;
    ordersDeleted: string;
    ordersRestored: string;
    linesDeleted: string;
    linesRestored: string;
  }): string;
  demo(r: {
    seed: string;
    shops: string;
    orders: string;
    lines: string;
    buyers: string;
    products: string;
  }): string;
  previewLine(p: { file: string; format: string; variants: string; shop: string; encoding: string }): string;
  previewOrders(orders: string, lines: string): string;
  noCurrency: string;
  alreadyImported: string;
  phases: Record<string, string>;
}

const zhCN: CliTexts = {
  batchLine: (b) => `批次 #${b.id}  ${b.file}  [${b.platform}]  店铺: ${b.shop}  编码: ${b.encoding}`,
  rowsLine: (rows, imported, refused, preview) =>
    `  读取 ${rows} 行 = ${preview ? '可导入' : '导入'} ${imported} 行 + 拒绝 ${refused} 行`,
  counts: (c) => `新增 ${c.inserted} / 更新 ${c.updated} / 未变 ${c.unchanged}`,
  ordersLine: (counts) => `  订单: ${counts}`,
  linesLine: (counts) => `  明细: ${counts}`,
  moneyLine: (paid, refund) => `  已付款金额: ${paid}  退款: ${refund}`,
  refusedHeading: '  拒绝的行:',
  problem: (row, column, reason) => `    第 ${row} 行${column ? `「${column}」` : ''}: ${reason}`,
  moreProblems: (count) => `    … 另有 ${count} 行（应用的导入记录中可查看全部）`,
  noImports: '还没有导入记录',
  state: { committed: '已导入', undone: '已撤销' },
  historyLine: (b) =>
    `#${b.id}  ${b.time}  ${b.state}  ${b.file}  [${b.platform}] ${b.shop}  行 ${b.rows}  订单 ${b.orders}  ${b.money}`,
  undone: (r) =>
    `已撤销批次 #${r.batchId}: 删除订单 ${r.ordersDeleted}、恢复订单 ${r.ordersRestored}、删除明细 ${r.linesDeleted}、恢复明细 ${r.linesRestored}`,
  demo: (r) =>
    `示例店铺已载入 (seed ${r.seed}): ${r.shops} 个店铺, ${r.orders} 笔订单, ${r.lines} 条明细, ${r.buyers} 位买家, ${r.products} 个商品`,
  previewLine: (p) => `${p.file}  [${p.format}] ${p.variants}  店铺: ${p.shop}  编码: ${p.encoding}`,
  previewOrders: (orders, lines) => `  订单 ${orders}  明细 ${lines}`,
  noCurrency: '  文件没有写明币种：导入时请加 --currency',
  alreadyImported: '  这个文件已经导入过，再次导入不会有变化',
  phases: { reading: '读取', writing: '写入', generating: '生成', exporting: '导出' },
};

const en: CliTexts = {
  batchLine: (b) => `Batch #${b.id}  ${b.file}  [${b.platform}]  shop: ${b.shop}  encoding: ${b.encoding}`,
  rowsLine: (rows, imported, refused, preview) =>
    `  ${rows} rows read = ${imported} ${preview ? 'to import' : 'imported'} + ${refused} refused`,
  counts: (c) => `new ${c.inserted} / updated ${c.updated} / unchanged ${c.unchanged}`,
  ordersLine: (counts) => `  orders: ${counts}`,
  linesLine: (counts) => `  lines: ${counts}`,
  moneyLine: (paid, refund) => `  paid: ${paid}  refunded: ${refund}`,
  refusedHeading: '  refused rows:',
  problem: (row, column, reason) => `    row ${row}${column ? `, “${column}”` : ''}: ${reason}`,
  moreProblems: (count) => `    … and ${count} more (the app's import history lists them all)`,
  noImports: 'No imports yet',
  state: { committed: 'imported', undone: 'undone' },
  historyLine: (b) =>
    `#${b.id}  ${b.time}  ${b.state}  ${b.file}  [${b.platform}] ${b.shop}  rows ${b.rows}  orders ${b.orders}  ${b.money}`,
  undone: (r) =>
    `Undid batch #${r.batchId}: ${r.ordersDeleted} orders deleted, ${r.ordersRestored} restored, ${r.linesDeleted} lines deleted, ${r.linesRestored} restored`,
  demo: (r) =>
    `Sample shop loaded (seed ${r.seed}): ${r.shops} shops, ${r.orders} orders, ${r.lines} lines, ${r.buyers} buyers, ${r.products} products`,
  previewLine: (p) => `${p.file}  [${p.format}] ${p.variants}  shop: ${p.shop}  encoding: ${p.encoding}`,
  previewOrders: (orders, lines) => `  orders ${orders}  lines ${lines}`,
  noCurrency: '  The file does not name its currency: add --currency when importing',
  alreadyImported: '  This file was imported before: importing it again changes nothing',
  phases: { reading: 'Reading', writing: 'Writing', generating: 'Generating', exporting: 'Exporting' },
};

export const CLI_TEXTS: Record<MessageLanguage, CliTexts> = { 'zh-CN': zhCN, en };
