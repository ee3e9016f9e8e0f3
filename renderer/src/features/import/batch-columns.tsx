/** Table columns that the import report and the import history show alike. */
import type { TFunction } from 'i18next';
import type { BatchResult, ImportCounts } from '../../../../main/api/contract';
import { formatCount, formatFen } from '../../format/money';

/** "inserted / updated / unchanged" */
export function formatCounts(c: ImportCounts): string {
  return `${formatCount(c.inserted)} / ${formatCount(c.updated)} / ${formatCount(c.unchanged)}`;
}

/** Which platform layout read the batch, into which shop, and how many rows the file had. */
export function sourceColumns(t: TFunction) {
  return [
    {
      title: t('report.platform'),
      dataIndex: 'platform',
      render: (p: string) => t(`format.${p}`, { defaultValue: p }),
    },
    { title: t('report.shop'), dataIndex: 'shop' },
    {
      title: t('report.rows'),
      dataIndex: 'rows',
      align: 'right' as const,
      render: (n: number) => formatCount(n),
    },
  ];
}

/** The paid and refunded money of a batch, each in the batch's own currency. */
export function moneyColumns<B extends BatchResult>(t: TFunction) {
  return [
    {
      title: t('kpi.paid'),
      key: 'paid',
      align: 'right' as const,
      render: (_: unknown, b: B) => formatFen(b.money.paidFen, b.currency),
    },
    {
      title: t('kpi.refund'),
      key: 'refund',
      align: 'right' as const,
      render: (_: unknown, b: B) => formatFen(b.money.refundFen, b.currency),
    },
  ];
}
