/** Paid and refunded amounts per day or month, every period of the range shown, empty ones as gaps. */
import { Card, Empty, Typography } from 'antd';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary, PeriodPoint } from '../../../../main/api/contract';
import { formatFen } from '../../format/money';
import { type Plugin } from 'chart.js';
import './charts';

/**
 * Writes where each paid bar was drawn (centre x, middle y, in canvas pixels) on the canvas's
 * wrapper as data-bars, so a keyboardless test can click a given bar as a person would.
 */
const barPositions: Plugin<'bar'> = {
  id: 'huikeBarPositions',
  afterRender(chart) {
    const bars = chart.getDatasetMeta(0).data.map((bar) => {
      const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
      return [Math.round(x), Math.round((y + base) / 2)];
    });
    chart.canvas.parentElement?.setAttribute('data-bars', JSON.stringify(bars));
  },
};

export function PeriodChart({
  series,
  currency,
  onOpenPeriod,
}: {
  series: DashboardSummary['series'];
  currency: string;
  onOpenPeriod?: (point: PeriodPoint, unit: DashboardSummary['series']['unit']) => void;
}) {
  const { t } = useTranslation();
  const points = series.points;
  return (
    <Card
      title={t(series.unit === 'day' ? 'dashboard.chart.day' : 'dashboard.chart.month')}
      extra={
        onOpenPeriod &&
        points.length > 0 && (
          <Typography.Text type="secondary">{t('dashboard.chart.openHint')}</Typography.Text>
        )
      }
      variant="borderless"
      data-testid="period-chart"
      data-unit={series.unit}
      data-keys={points.map((p) => p.key).join(',')}
    >
      {points.length === 0 ? (
        <Empty />
      ) : (
        <div style={{ height: 300 }}>
          <Bar
            plugins={[barPositions]}
            data={{
              labels: points.map((p) => p.key),
              datasets: [
                // Minor units → whole units only to size the bars; labels and tooltips format the integers.
                {
                  label: t('dashboard.chart.paid'),
                  data: points.map((p) => p.paidFen / 100),
                  backgroundColor: '#fb923c',
                },
                {
                  label: t('dashboard.chart.refund'),
                  data: points.map((p) => p.refundFen / 100),
                  backgroundColor: '#94a3b8',
                },
              ],
            }}
            options={{
              maintainAspectRatio: false,
              animation: false,
              onClick: (_event, elements) => {
                const point = elements[0] ? points[elements[0].index] : undefined;
                if (point && onOpenPeriod) onOpenPeriod(point, series.unit);
              },
              onHover: (event, elements) => {
                const target = event.native?.target as HTMLElement | undefined;
                if (target) target.style.cursor = elements.length && onOpenPeriod ? 'pointer' : 'default';
              },
              plugins: {
                legend: { position: 'bottom' },
                tooltip: {
                  callbacks: {
                    label: (ctx) => {
                      const point = points[ctx.dataIndex];
                      const fen = ctx.datasetIndex === 0 ? point?.paidFen : point?.refundFen;
                      return `${ctx.dataset.label ?? ''}: ${formatFen(fen, currency)}`;
                    },
                  },
                },
              },
              scales: {
                x: { ticks: { autoSkip: true, maxRotation: 0 } },
                y: { beginAtZero: true, ticks: { callback: (v) => Number(v).toLocaleString('en-US') } },
              },
            }}
          />
        </div>
      )}
    </Card>
  );
}
