/**
 * Every platform in every currency: rows grouped by currency, each group closed by its total row,
 * shares within the currency. The doughnut shows the shares of the dashboard's currency.
 */
import { Card, Col, Empty, Row, Table } from 'antd';
import { Doughnut } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { PlatformFigures } from '../../../../main/api/contract';
import { formatCount, formatFen } from '../../format/money';
import { platformColor } from './charts';

interface TableRow extends PlatformFigures {
  key: string;
  isTotal: boolean;
}

/** The rows with a total row after each currency's platforms. */
export function withTotals(rows: PlatformFigures[]): TableRow[] {
  const out: TableRow[] = [];
  rows.forEach((row, i) => {
    out.push({ ...row, key: `${row.currency}:${row.platform}`, isTotal: false });
    if (rows[i + 1]?.currency === row.currency) return;
    const group = rows.filter((r) => r.currency === row.currency);
    out.push({
      key: `${row.currency}:total`,
      isTotal: true,
      platform: 'other',
      currency: row.currency,
      paidOrders: group.reduce((n, r) => n + r.paidOrders, 0),
      paidFen: group.reduce((n, r) => n + r.paidFen, 0),
      refundFen: group.reduce((n, r) => n + r.refundFen, 0),
      share: 1,
    });
  });
  return out;
}

export function PlatformBreakdown({
  byPlatform,
  currency,
  onOpenPlatform,
}: {
  byPlatform: PlatformFigures[];
  currency: string;
  onOpenPlatform?: (row: PlatformFigures) => void;
}) {
  const { t } = useTranslation();
  const name = (key: string) => t(`platform.${key}`, { defaultValue: key });
  const shown = byPlatform.filter((p) => p.currency === currency);
  const strong = (row: TableRow, text: string) => (row.isTotal ? <strong>{text}</strong> : text);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={15}>
        <Card title={t('dashboard.platforms.title')} variant="borderless" style={{ height: '100%' }}>
          <Table<TableRow>
            data-testid="platform-table"
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={withTotals(byPlatform)}
            onRow={(row) =>
              ({
                'data-platform': row.isTotal ? 'total' : row.platform,
                'data-currency': row.currency,
                onClick: row.isTotal || !onOpenPlatform ? undefined : () => onOpenPlatform(row),
                style: row.isTotal
                  ? { background: '#fafafa' }
                  : onOpenPlatform
                    ? { cursor: 'pointer' }
                    : undefined,
              }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              {
                title: t('dashboard.platforms.platform'),
                key: 'platform',
                render: (_: unknown, row: TableRow) =>
                  row.isTotal ? (
                    <strong>{t('dashboard.platforms.total', { currency: row.currency })}</strong>
                  ) : (
                    name(row.platform)
                  ),
              },
              {
                title: t('dashboard.platforms.orders'),
                key: 'orders',
                align: 'right',
                render: (_: unknown, row: TableRow) => strong(row, formatCount(row.paidOrders)),
              },
              {
                title: t('dashboard.platforms.paid'),
                key: 'paid',
                align: 'right',
                render: (_: unknown, row: TableRow) => strong(row, formatFen(row.paidFen, row.currency)),
              },
              {
                title: t('dashboard.platforms.refund'),
                key: 'refund',
                align: 'right',
                render: (_: unknown, row: TableRow) => strong(row, formatFen(row.refundFen, row.currency)),
              },
              {
                title: t('dashboard.platforms.net'),
                key: 'net',
                align: 'right',
                render: (_: unknown, row: TableRow) =>
                  strong(row, formatFen(row.paidFen - row.refundFen, row.currency)),
              },
              {
                title: t('dashboard.platforms.sharePercent'),
                key: 'share',
                align: 'right',
                width: 80,
                render: (_: unknown, row: TableRow) => strong(row, `${(row.share * 100).toFixed(1)}%`),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xxl={9}>
        <Card
          title={t('dashboard.platforms.share', { currency })}
          variant="borderless"
          style={{ height: '100%' }}
        >
          {shown.length === 0 ? (
            <Empty />
          ) : (
            <div style={{ height: 240 }}>
              <Doughnut
                data-testid="platform-doughnut"
                data={{
                  labels: shown.map((p) => name(p.platform)),
                  datasets: [
                    {
                      data: shown.map((p) => p.paidFen / 100),
                      backgroundColor: shown.map((p, i) => platformColor(p.platform, i)),
                    },
                  ],
                }}
                options={{
                  maintainAspectRatio: false,
                  animation: false,
                  plugins: {
                    legend: { position: 'right' },
                    tooltip: {
                      callbacks: {
                        label: (ctx) => {
                          const row = shown[ctx.dataIndex];
                          return row
                            ? `${ctx.label}: ${formatFen(row.paidFen, currency)} (${(row.share * 100).toFixed(1)}%)`
                            : '';
                        },
                      },
                    },
                  },
                }}
              />
            </div>
          )}
        </Card>
      </Col>
    </Row>
  );
}
