/** Retention heatmap, cumulative value by acquisition platform, and the Pareto curve. */
import { Card, Select, Typography } from 'antd';
import { useState } from 'react';
import { Bar, Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ValueReport } from '../../../../main/domain/value/report-types';
import { formatCount, formatFen } from '../../format/money';
import { platformColor } from '../dashboard/charts';
import { Reading } from './GroupCharts';
import { cohortsReading, cumulativeReading, paretoReading } from './readings';
import './charts';

/** Cohorts shown (the latest) and months after the first. */
const HEATMAP_COHORTS = 12;
const HEATMAP_MONTHS = 12;

function usePlatformName() {
  const { t } = useTranslation();
  return (p: string) =>
    p === 'all' ? t('value.cohorts.all') : t(`orders.platformShort.${p}` as 'orders.platformShort.other');
}

/** White → deep orange by share (month 0 is always 100%, drawn grey). */
function heat(share: number): string {
  const x = Math.min(1, share / 0.4);
  const r = Math.round(255 - x * (255 - 212));
  const g = Math.round(255 - x * (255 - 56));
  const b = Math.round(255 - x * (255 - 13));
  return `rgb(${r}, ${g}, ${b})`;
}

export function CohortHeatmap({ report }: { report: ValueReport }) {
  const { t } = useTranslation();
  const name = usePlatformName();
  const [platform, setPlatform] = useState('all');
  const platforms = [...new Set(report.cohorts.map((c) => c.platform))];
  const cohorts = report.cohorts.filter((c) => c.platform === platform).slice(-HEATMAP_COHORTS);
  const reading = cohortsReading(report);
  const cell: React.CSSProperties = {
    padding: '4px 6px',
    textAlign: 'right',
    fontSize: 12,
    whiteSpace: 'nowrap',
  };
  return (
    <Card
      title={t('value.cohorts.title')}
      variant="borderless"
      data-testid="value-cohorts"
      extra={
        <Select
          size="small"
          style={{ width: 140 }}
          value={platform}
          onChange={setPlatform}
          options={platforms.map((p) => ({ value: p, label: name(p) }))}
          data-testid="value-cohorts-platform"
        />
      }
    >
      <Reading testId="reading-cohorts">
        {reading ? t('value.reading.cohorts', { rate: reading.rate }) : t('value.reading.cohortsNone')}
      </Reading>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="cohort-table">
          <thead>
            <tr>
              <th style={{ ...cell, textAlign: 'left' }}>{t('value.cohorts.month')}</th>
              <th style={cell}>{t('value.cohorts.customers')}</th>
              {Array.from({ length: HEATMAP_MONTHS }, (_, k) => (
                <th key={k} style={cell}>
                  {t('value.cohorts.offset', { n: k })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cohorts.map((c) => (
              <tr key={c.month}>
                <td style={{ ...cell, textAlign: 'left' }}>{c.month}</td>
                <td style={cell}>{formatCount(c.customers)}</td>
                {Array.from({ length: HEATMAP_MONTHS }, (_, k) => {
                  const active = c.active[k];
                  if (active === undefined) return <td key={k} style={cell} />;
                  const share = c.customers ? active / c.customers : 0;
                  return (
                    <td
                      key={k}
                      style={{
                        ...cell,
                        background: k === 0 ? '#f0f0f0' : heat(share),
                        border: '1px solid #fff',
                      }}
                      title={`${active} / ${c.customers}`}
                    >
                      {Math.round(share * 100)}%
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('value.cohorts.hint')}
      </Typography.Paragraph>
    </Card>
  );
}

export function CumulativeCard({ report }: { report: ValueReport }) {
  const { t } = useTranslation();
  const name = usePlatformName();
  const currency = report.currency ?? 'CNY';
  const platforms = report.cumulative.filter((c) => c.platform !== 'all');
  const reading = cumulativeReading(report);
  return (
    <Card
      title={t('value.cumulative.title')}
      variant="borderless"
      data-testid="value-cumulative"
      style={{ height: '100%' }}
    >
      <Reading testId="reading-cumulative">
        {reading
          ? t('value.reading.cumulative', {
              platform: name(reading.platform),
              months: reading.months,
              value: formatFen(reading.valueFen, currency),
            })
          : t('value.reading.cumulativeNone')}
      </Reading>
      <div style={{ height: 260 }}>
        <Bar
          data={{
            labels: [3, 6, 12].map((n) => t('value.cumulative.months', { n })),
            datasets: platforms.map((p, i) => ({
              label: name(p.platform),
              data: p.horizons.map((h) => (h.customers > 0 ? h.revenueFen / 100 : null)),
              backgroundColor: platformColor(p.platform, i),
            })),
          }}
          options={{
            maintainAspectRatio: false,
            animation: false,
            plugins: {
              legend: { position: 'bottom' },
              tooltip: {
                callbacks: {
                  label: (ctx) => {
                    const h = platforms[ctx.datasetIndex]?.horizons[ctx.dataIndex];
                    return h
                      ? `${ctx.dataset.label ?? ''}: ${formatFen(h.revenueFen, currency)} · ${t('value.cumulative.profit')} ${formatFen(h.contributionFen, currency)} (${formatCount(h.customers)})`
                      : '';
                  },
                },
              },
            },
            scales: {
              y: {
                beginAtZero: true,
                title: { display: true, text: t('value.cumulative.perCustomer') },
                ticks: { callback: (v) => Number(v).toLocaleString('en-US') },
              },
            },
          }}
        />
      </div>
    </Card>
  );
}

export function ParetoCard({ report }: { report: ValueReport }) {
  const { t } = useTranslation();
  const reading = paretoReading(report);
  const points = [{ customerShare: 0, revenueShare: 0 }, ...report.pareto];
  return (
    <Card
      title={t('value.pareto.title')}
      variant="borderless"
      data-testid="value-pareto"
      style={{ height: '100%' }}
    >
      {reading && (
        <Reading testId="reading-pareto">
          {t('value.reading.pareto', { revenue: reading.revenue, customers: reading.customers })}
        </Reading>
      )}
      <div style={{ height: 260 }}>
        <Line
          data={{
            datasets: [
              {
                label: t('value.pareto.y'),
                // On a linear x axis: the top 1%, 2%, 5% … sit where they are, not evenly spaced.
                data: points.map((p) => ({ x: p.customerShare, y: Math.round(p.revenueShare * 1000) / 10 })),
                borderColor: '#fa541c',
                backgroundColor: 'rgba(250, 84, 28, 0.12)',
                fill: true,
                pointRadius: 3,
              },
            ],
          }}
          options={{
            maintainAspectRatio: false,
            animation: false,
            plugins: {
              legend: { display: false },
              tooltip: {
                callbacks: { label: (ctx) => `${String(ctx.parsed.x)}% → ${String(ctx.parsed.y)}%` },
              },
            },
            scales: {
              x: {
                type: 'linear',
                min: 0,
                max: 100,
                title: { display: true, text: t('value.pareto.x') },
                ticks: { callback: (v) => `${String(v)}%` },
              },
              y: { min: 0, max: 100, ticks: { callback: (v) => `${String(v)}%` } },
            },
          }}
        />
      </div>
    </Card>
  );
}
