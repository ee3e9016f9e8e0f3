import { Card, Col, Empty, Row, Table } from 'antd';
import { Doughnut } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { MoneyByKey } from '../../../../main/api/contract';
import { formatCount, formatFen } from '../../format/money';
import { platformColor } from './charts';

export function PlatformBreakdown({ byPlatform }: { byPlatform: MoneyByKey[] }) {
  const { t } = useTranslation();
  const name = (key: string) => t(`platform.${key}`, { defaultValue: key });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card title={t('dashboard.byPlatform')} variant="borderless" style={{ height: '100%' }}>
          <Table<MoneyByKey>
            data-testid="platform-table"
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={byPlatform}
            onRow={(row) => ({ 'data-platform': row.key }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('dashboard.platform'), dataIndex: 'key', render: (key: string) => name(key) },
              {
                title: t('dashboard.orders'),
                dataIndex: 'orders',
                align: 'right',
                render: (n: number) => formatCount(n),
              },
              {
                title: t('kpi.paid'),
                dataIndex: 'paidFen',
                align: 'right',
                render: (fen: number) => formatFen(fen),
              },
              {
                title: t('kpi.refund'),
                dataIndex: 'refundFen',
                align: 'right',
                render: (fen: number) => formatFen(fen),
              },
              {
                title: t('kpi.net'),
                key: 'net',
                align: 'right',
                render: (_: unknown, row: MoneyByKey) => formatFen(row.paidFen - row.refundFen),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Card title={t('dashboard.platformShare')} variant="borderless" style={{ height: '100%' }}>
          {byPlatform.length === 0 ? (
            <Empty />
          ) : (
            <div style={{ height: 240 }}>
              <Doughnut
                data-testid="platform-doughnut"
                data={{
                  labels: byPlatform.map((p) => name(p.key)),
                  datasets: [
                    {
                      data: byPlatform.map((p) => p.paidFen / 100),
                      backgroundColor: byPlatform.map((p, i) => platformColor(p.key, i)),
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
                        label: (ctx) => `${ctx.label}: ${formatFen(byPlatform[ctx.dataIndex]?.paidFen)}`,
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
