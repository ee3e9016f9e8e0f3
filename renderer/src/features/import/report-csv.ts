import type { TFunction } from 'i18next';
import type { BatchResult, RowProblem } from '../../../../main/api/contract';
import { formatMessage, type MessageLanguage } from '../../../../main/shared/messages/index';
import { fenToDecimalText } from '../../format/money';

function cell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per batch, then every refused row of each (`problems` by batch id). A BOM first: without
 * it Excel on Windows reads the UTF-8 as GBK and garbles 中文.
 */
export function reportCsv(
  batches: BatchResult[],
  problems: ReadonlyMap<number, readonly RowProblem[]>,
  t: TFunction,
  lang: MessageLanguage,
): string {
  const header = [
    t('report.file'),
    t('report.platform'),
    t('report.shop'),
    t('report.rows'),
    t('report.rowsImported'),
    t('report.rowsRefused'),
    t('report.ordersInserted'),
    t('report.ordersUpdated'),
    t('report.ordersUnchanged'),
    t('report.linesInserted'),
    t('report.linesUpdated'),
    t('report.linesUnchanged'),
    t('report.paidYuan'),
    t('report.refundYuan'),
    t('report.currency'),
  ];
  const rows = batches.map((b) => [
    b.file,
    t(`format.${b.platform}`, { defaultValue: b.platform }),
    b.shop,
    b.rows,
    b.rowsImported,
    b.rowsRefused,
    b.orders.inserted,
    b.orders.updated,
    b.orders.unchanged,
    b.lines.inserted,
    b.lines.updated,
    b.lines.unchanged,
    fenToDecimalText(b.money.paidFen, b.currency),
    fenToDecimalText(b.money.refundFen, b.currency),
    b.currency,
  ]);
  // Then every refused row, so the bookkeeper can fix the file: file, row, column, reason.
  const refused = batches.flatMap((b) =>
    (problems.get(b.id) ?? []).map((p) => [
      b.file,
      p.row,
      p.column ?? '',
      formatMessage(p.code, p.params, lang),
    ]),
  );
  const listed = refused.length
    ? [
        [],
        [t('report.file'), t('import.problemRow'), t('import.problemColumn'), t('import.problemReason')],
        ...refused,
      ]
    : [];
  return '\uFEFF' + [header, ...rows, ...listed].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
