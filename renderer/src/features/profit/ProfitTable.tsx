/**
 * The report as a table: a row per period and platform (or shop), the totals last. Every figure
 * opens a popover that says how it was computed, with its inputs, and opens the orders behind it.
 */
import { Button, Popover, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ProfitFigures, ProfitReport, ProfitRow } from '../../../../main/api/contract';
import { formatCount, formatFen } from '../../format/money';
import { openOrders } from '../orders/orders-link';
import { useGroupLabel } from './ProfitCharts';
import { ordersOfRow, TABLE_FIELDS, type TableField } from './profit-model';

type Line = ProfitRow & { key: string; isTotal?: boolean };

const NOT_FROM_ORDERS: ReadonlySet<TableField> = new Set(['adsFen', 'fixedFen']);

export function explanation(t: TFunction, report: ProfitReport, f: ProfitFigures, field: TableField): string {
  const m = (fen: number | null) => formatFen(fen);
  const refundDay = t(
    report.policy.refundDay === 'order' ? 'profit.refundDayOrder' : 'profit.refundDayRefund',
  );
  switch (field) {
    case 'netSalesFen':
      return t('profit.explain.netSales', {
        gmv: m(f.gmvFen),
        discount: m(f.discountFen),
        refund: m(f.refundFen),
        value: m(f.netSalesFen),
      });
    case 'profitFen':
      return t('profit.explain.profit', {
        netSales: m(f.netSalesFen),
        cogs: m(f.cogsFen),
        platform: m(f.platformFeeFen),
        payment: m(f.paymentFeeFen),
        shipping: m(f.shippingFen),
        ads: m(f.adsFen),
        fixed: m(f.fixedFen),
        value: m(f.profitFen),
      });
    case 'marginPct':
      return t('profit.explain.margin', {
        profit: m(f.profitFen),
        netSales: m(f.netSalesFen),
        value: f.marginPct === null ? '—' : `${f.marginPct.toFixed(2)}%`,
      });
    case 'gmvFen':
      return t('profit.explain.gmv', { orders: formatCount(f.orders), value: m(f.gmvFen) });
    case 'discountFen':
      return t('profit.explain.discount', { value: m(f.discountFen) });
    case 'refundFen':
      return t('profit.explain.refund', { value: m(f.refundFen), refundDay });
    case 'cogsFen':
      return t('profit.explain.cogs', {
        gross: m(f.grossCogsFen),
        returned: m(f.returnedCogsFen),
        value: m(f.cogsFen),
        missing: formatCount(f.missingCostLines),
      });
    case 'platformFeeFen':
      return t('profit.explain.platformFee', {
        value: m(f.platformFeeFen),
        actual: formatCount(f.actualFeeOrders),
      });
    case 'paymentFeeFen':
      return t('profit.explain.paymentFee', { value: m(f.paymentFeeFen) });
    case 'shippingFen':
      return t('profit.explain.shipping', { value: m(f.shippingFen) });
    case 'adsFen':
      return t('profit.explain.ads', { value: m(f.adsFen) });
    case 'fixedFen':
      return t('profit.explain.fixed', { value: m(f.fixedFen) });
    case 'orders':
      return t('profit.explain.orders', { value: formatCount(f.orders) });
    case 'aovFen':
      return t('profit.explain.aov', { value: m(f.aovFen) });
    case 'buyers':
    case 'newBuyers':
      return t('profit.explain.buyers', {
        value: formatCount(f.buyers),
        newBuyers: formatCount(f.newBuyers),
        returning: formatCount(f.returningBuyers),
      });
  }
}

export function FigureCell({
  report,
  row,
  field,
  group,
}: {
  report: ProfitReport;
  row: Line;
  field: TableField;
  group: string;
}) {
  const { t } = useTranslation();
  const value = row[field];
  const text =
    value === null
      ? '—'
      : field === 'marginPct'
        ? `${(value as number).toFixed(2)}%`
        : field.endsWith('Fen')
          ? formatFen(value as number)
          : formatCount(value as number);
  const content = (
    <Space orientation="vertical" style={{ maxWidth: 420 }} data-testid="explain">
      <Typography.Text>{explanation(t, report, row, field)}</Typography.Text>
      {report.rows.some((r) => r.platform === 'shopify' || r.platform === 'woocommerce') && (
        <Typography.Text type="secondary">{t('profit.explain.foreign')}</Typography.Text>
      )}
      <Space>
        <Button
          size="small"
          type="primary"
          data-testid="explain-open-orders"
          onClick={() =>
            openOrders(
              ordersOfRow(report, row.isTotal ? { platform: null, shopId: null, period: 'all' } : row),
            )
          }
        >
          {t('profit.explain.openOrders')}
        </Button>
        {NOT_FROM_ORDERS.has(field) && (
          <Typography.Text type="secondary">{t('profit.explain.noOrders')}</Typography.Text>
        )}
      </Space>
    </Space>
  );
  return (
    <Popover
      trigger="click"
      title={t('profit.explain.title', {
        field: t(`profit.fields.${field}`),
        group,
        period: row.isTotal ? t('profit.fields.total') : row.period,
      })}
      content={content}
    >
      <Typography.Link
        data-testid={`cell-${field}`}
        style={{
          color: field === 'profitFen' && (value as number) < 0 ? '#cf1322' : undefined,
          whiteSpace: 'nowrap',
        }}
      >
        {text}
      </Typography.Link>
    </Popover>
  );
}

export function ProfitTable({ report }: { report: ProfitReport }) {
  const { t } = useTranslation();
  const label = useGroupLabel();
  const lines: Line[] = [
    ...report.rows.map((r) => ({ ...r, key: `${r.period}|${r.shopId ?? r.platform}` })),
    {
      ...report.totals,
      platform: null,
      shop: null,
      shopId: null,
      period: 'all',
      key: 'total',
      isTotal: true,
    },
  ];
  const columns: ColumnsType<Line> = [
    {
      title: t('profit.fields.period'),
      dataIndex: 'period',
      fixed: 'left',
      width: 100,
      render: (p: string, r) => (r.isTotal ? '' : p),
    },
    {
      title: t('profit.fields.group'),
      key: 'group',
      fixed: 'left',
      width: 120,
      render: (_, r) => (r.isTotal ? <b>{t('profit.fields.total')}</b> : label(r)),
    },
    ...TABLE_FIELDS.map((field) => ({
      title: t(`profit.fields.${field}`),
      key: field,
      align: 'right' as const,
      render: (_: unknown, r: Line) => (
        <FigureCell
          report={report}
          row={r}
          field={field}
          group={r.isTotal ? t('profit.fields.total') : label(r)}
        />
      ),
    })),
  ];
  return (
    <Table<Line>
      data-testid="profit-table"
      size="small"
      columns={columns}
      dataSource={lines}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(r) => (r.isTotal ? 'profit-total-row' : '')}
    />
  );
}
