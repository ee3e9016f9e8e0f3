/** Human-readable CLI output (without --json), in the chosen language, counts with separators. */
import type {
  BatchSummary,
  CommittedBatch,
  DemoResult,
  FilePreview,
  RowProblem,
  UndoResult,
} from '../api/contract.js';
import {
  formatCount,
  formatMessage,
  formatPlacedMessage,
  type MessageLanguage,
} from '../shared/messages/index.js';
import { fen } from './output.js';
import { CLI_TEXTS } from './texts.js';

/** A UTC instant as the seller reads it: Beijing time, to the minute. */
const chinaTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Listed under a batch; the rest are in the app's import history. */
const PROBLEMS_SHOWN = 20;

export function createPrinter(lang: MessageLanguage, out: (line: string) => void = console.log) {
  const t = CLI_TEXTS[lang];
  const n = (value: number) => formatCount(value, lang);
  const counts = (c: { inserted: number; updated: number; unchanged: number }) =>
    t.counts({ inserted: n(c.inserted), updated: n(c.updated), unchanged: n(c.unchanged) });
  const problems = (list: RowProblem[], total: number) => {
    for (const p of list.slice(0, PROBLEMS_SHOWN))
      out(t.problem(n(p.row), p.column, formatMessage(p.code, p.params, lang)));
    if (total > PROBLEMS_SHOWN) out(t.moreProblems(n(total - PROBLEMS_SHOWN)));
  };

  return {
    importResult(batches: CommittedBatch[]): void {
      for (const b of batches) {
        out(
          t.batchLine({
            id: String(b.id),
            file: b.file,
            platform: b.platform,
            shop: b.shop,
            encoding: b.encoding,
          }),
        );
        out(t.rowsLine(n(b.rows), n(b.rowsImported), n(b.rowsRefused)));
        out(t.ordersLine(counts(b.orders)));
        out(t.linesLine(counts(b.lines)));
        out(t.moneyLine(fen(b.money.paidFen, b.currency), fen(b.money.refundFen, b.currency)));
        if (b.problems.length > 0) {
          out(t.refusedHeading);
          problems(b.problems, b.rowsRefused);
        }
      }
    },

    batches(batches: BatchSummary[]): void {
      if (batches.length === 0) {
        out(t.noImports);
        return;
      }
      for (const b of batches) {
        out(
          t.historyLine({
            id: String(b.id),
            time: chinaTime(b.createdAt),
            state: t.state[b.state],
            file: b.file,
            platform: b.platform,
            shop: b.shop,
            rows: n(b.rows),
            orders: counts(b.orders),
            money: fen(b.money.paidFen, b.currency),
          }),
        );
      }
    },

    undo(r: UndoResult): void {
      out(
        t.undone({
          batchId: String(r.batchId),
          ordersDeleted: n(r.ordersDeleted),
          ordersRestored: n(r.ordersRestored),
          linesDeleted: n(r.linesDeleted),
          linesRestored: n(r.linesRestored),
        }),
      );
    },

    demo(r: DemoResult): void {
      out(
        t.demo({
          seed: String(r.seed),
          shops: n(r.shops),
          orders: n(r.orders),
          lines: n(r.lines),
          buyers: n(r.buyers),
          products: n(r.products),
        }),
      );
    },

    preview(files: FilePreview[]): void {
      for (const p of files) {
        if (p.error) {
          out(formatPlacedMessage({ ...p.error, file: p.file }, lang));
          continue;
        }
        const variants = p.variants.join(lang === 'en' ? ', ' : '、');
        out(
          t.previewLine({
            file: p.file,
            format: p.format ?? '',
            variants,
            shop: p.shop,
            encoding: p.encoding,
          }),
        );
        out(t.rowsLine(n(p.rows), n(p.rowsImported), n(p.rowsRefused), true));
        out(t.previewOrders(n(p.orders), n(p.lines)));
        if (p.currency)
          out(t.moneyLine(fen(p.money.paidFen, p.currency), fen(p.money.refundFen, p.currency)));
        else out(t.noCurrency);
        problems(p.problems, p.problemCount);
        if (p.alreadyImported) out(t.alreadyImported);
      }
    },
  };
}

export type Printer = ReturnType<typeof createPrinter>;
