import { Card, Empty } from 'antd';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { MoneyByKey } from '../../../../main/api/contract';
import { formatFen } from '../../format/money';
import './charts';

export function MonthlyChart({ byMonth }: { byMonth: MoneyByKey[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('dashboard.byMonth')} variant="borderless" data-testid="month-chart">
      {byMonth.length === 0 ? (
        <Empty />
      ) : (
        <div style={{ height: 300 }}>
          <Bar
            data={{
              labels: byMonth.map((m) => m.key),
              datasets: [
                // fen → yuan only to size the bars; labels and tooltips format the integer fen.
                {
                  label: t('kpi.paid'),
                  data: byMonth.map((m) => m.paidFen / 100),
                  backgroundColor: '#fb923c',
                },
                {
                  label: t('kpi.refund'),
                  data: byMonth.map((m) => m.refundFen / 100),
                  backgroundColor: '#94a3b8',
                },
              ],
            }}
            options={{
              maintainAspectRatio: false,
              animation: false,
              plugins: {
                legend: { position: 'bottom' },
                tooltip: {
                  callbacks: {
                    label: (ctx) => {
                      const month = byMonth[ctx.dataIndex];
                      const fen = ctx.datasetIndex === 0 ? month?.paidFen : month?.refundFen;
                      return `${ctx.dataset.label ?? ''}: ${formatFen(fen)}`;
                    },
                  },
                },
              },
              scales: { y: { ticks: { callback: (v) => `¥${Number(v).toLocaleString('en-US')}` } } },
            }}
          />
        </div>
      )}
    </Card>
  );
}
