/**
 * Table columns that the import report and the import history show alike. Both tables must fit a
 * 1280 px window in either language: the file cell carries the format and the shop on a second
 * line, counts sit in one column, and widths are fixed so long file names shorten, not the table.
 */
import { Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { BatchResult, ImportCounts } from '../../../../main/api/contract';
import { formatCount, formatFen } from '../../format/money';

/** "inserted / updated / unchanged" */
export function formatCounts(c: ImportCounts): string {
  return `${formatCount(c.inserted)} / ${formatCount(c.updated)} / ${formatCount(c.unchanged)}`;
}

/** A counts column's title: its name, and what the three numbers are. */
export function countsTitle(t: TFunction, name: 'report.orders' | 'report.lines') {
  return (
    <div>
      {t(name)}
      <div style={{ fontSize: 12, fontWeight: 'normal', color: 'rgba(0,0,0,0.45)' }}>
        {t('report.countsLegend')}
      </div>
    </div>
  );
}

/** The file, and under it which layout read it into which shop. */
export function fileColumn<B extends BatchResult>(t: TFunction, sample?: (b: B) => boolean) {
  return {
    title: t('report.file'),
    key: 'file',
    ellipsis: true,
    render: (_: unknown, b: B) => (
      <div style={{ minWidth: 0 }}>
        <Tooltip title={b.file} placement="topLeft">
          <Typography.Text ellipsis style={{ display: 'block' }}>
            {b.file}
          </Typography.Text>
        </Tooltip>
        <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
          {sample?.(b) && (
            <Tag color="gold" style={{ marginInlineEnd: 4, fontSize: 11 }} data-testid="history-sample-tag">
              {t('history.demo')}
            </Tag>
          )}
          {t(`format.${b.platform}`, { defaultValue: b.platform })} · {b.shop}
        </Typography.Text>
      </div>
    ),
  };
}

/** Rows read, and how many of them were refused. */
export function rowsColumn<B extends BatchResult>(t: TFunction) {
  return {
    title: t('report.rows'),
    key: 'rows',
    align: 'right' as const,
    width: 90,
    render: (_: unknown, b: B) => (
      <div>
        {formatCount(b.rows)}
        {b.rowsRefused > 0 && (
          <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
            {t('report.refusedCount', { count: b.rowsRefused, formatted: formatCount(b.rowsRefused) })}
          </Typography.Text>
        )}
      </div>
    ),
  };
}

/** The paid and refunded money of a batch, in the batch's own currency. */
export function moneyColumns<B extends BatchResult>(t: TFunction) {
  return [
    {
      title: t('kpi.paid'),
      key: 'paid',
      align: 'right' as const,
      width: 120,
      render: (_: unknown, b: B) => formatFen(b.money.paidFen, b.currency),
    },
    {
      title: t('kpi.refund'),
      key: 'refund',
      align: 'right' as const,
      width: 110,
      render: (_: unknown, b: B) => formatFen(b.money.refundFen, b.currency),
    },
  ];
}
