/**
 * The three charts of the profit report, each with its one-line reading: profit by platform over
 * time (stacked bars) with the margin (a line), the waterfall from GMV to profit, and each
 * platform's share of sales against its share of profit. A bar opens the orders behind it.
 */
import { Card, Col, Row, Select, Typography } from 'antd';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type Plugin,
} from 'chart.js';
import { useState } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ProfitReport, ProfitRow } from '../../../../main/api/contract';
import { formatFen } from '../../format/money';
import { platformColor } from '../dashboard/charts';
import { profitReading, shareReading, waterfallReading, waterfallSteps, pct } from './profit-model';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

/** Writes where each bar of the first dataset was drawn on the wrapper (tests click them). */
const barPositions: Plugin<'bar'> = {
  id: 'huikeProfitBars',
  afterRender(chart) {
    const bars = chart.data.datasets.flatMap((_, d) =>
      chart.getDatasetMeta(d).type === 'bar'
        ? chart.getDatasetMeta(d).data.map((bar) => {
            const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as {
              x: number;
              y: number;
              base: number;
            };
            return [d, Math.round(x), Math.round((y + base) / 2)];
          })
        : [],
    );
    chart.canvas.parentElement?.setAttribute('data-bars', JSON.stringify(bars));
  },
};

const yuan = (fen: number) => fen / 100;

export function useGroupLabel() {
  const { t } = useTranslation();
  return (row: Pick<ProfitRow, 'platform' | 'shop'>) =>
    row.shop ??
    (row.platform ? t(`platform.${row.platform}`, { defaultValue: row.platform }) : t('profit.fields.total'));
}

function Reading({ text, testId }: { text: string | null; testId: string }) {
  if (!text) return null;
  return (
    <Typography.Paragraph style={{ marginBottom: 8 }} data-testid={testId}>
      {text}
    </Typography.Paragraph>
  );
}

export function ProfitOverTime({
  report,
  onOpen,
}: {
  report: ProfitReport;
  onOpen: (row: ProfitRow) => void;
}) {
  const { t } = useTranslation();
  const label = useGroupLabel();
  const periods = [...new Set(report.rows.map((r) => r.period))];
  const groups = report.groups;
  const cell = new Map(report.rows.map((r) => [`${r.shopId ?? r.platform}|${r.period}`, r]));
  const keyOf = (g: ProfitRow) => String(g.shopId ?? g.platform);
  // The margin of each period over every group: its profit over its net sales.
  const margins = periods.map((p) => {
    const rows = report.rows.filter((r) => r.period === p);
    const net = rows.reduce((n, r) => n + r.netSalesFen, 0);
    const profit = rows.reduce((n, r) => n + r.profitFen, 0);
    return net > 0 ? Math.round((profit * 10_000) / net) / 100 : null;
  });
  const reading = profitReading(report);
  const text =
    reading?.key === 'profitTop'
      ? t('profit.reading.profitTop', {
          top: labelOf(reading.params.top),
          profit: formatFen(reading.params.profitFen),
          share: reading.params.share,
          margin: reading.params.margin,
        })
      : reading?.key === 'profitLoss'
        ? t('profit.reading.profitLoss', {
            loss: formatFen(reading.params.lossFen),
            margin: reading.params.margin,
            worst: labelOf(reading.params.worst),
            worstProfit: formatFen(reading.params.worstProfitFen),
          })
        : null;
  function labelOf(name: string) {
    const g = groups.find((x) => (x.shop ?? x.platform) === name);
    return g ? label(g) : name;
  }
  return (
    <Card
      title={t(report.by === 'shop' ? 'profit.charts.profitByShop' : 'profit.charts.profit')}
      variant="borderless"
      data-testid="profit-chart"
      extra={<Typography.Text type="secondary">{t('profit.charts.openHint')}</Typography.Text>}
    >
      <Reading text={text} testId="profit-chart-reading" />
      <div
        style={{ height: 300 }}
        data-testid="profit-chart-canvas"
        data-profit={JSON.stringify(groups.map((g) => [keyOf(g), g.profitFen]))}
      >
        <Bar
          plugins={[barPositions]}
          data={{
            labels: periods,
            datasets: [
              ...groups.map((g, i) => ({
                type: 'bar' as const,
                label: label(g),
                data: periods.map((p) => yuan(cell.get(`${keyOf(g)}|${p}`)?.profitFen ?? 0)),
                backgroundColor: platformColor(g.platform ?? '', i),
                stack: 'profit',
                yAxisID: 'y',
              })),
              {
                type: 'line' as never,
                label: t('profit.charts.margin'),
                data: margins as never,
                borderColor: '#262626',
                backgroundColor: '#262626',
                yAxisID: 'margin',
              },
            ],
          }}
          options={{
            maintainAspectRatio: false,
            animation: false,
            onClick: (_event, elements) => {
              const hit = elements[0];
              if (!hit || hit.datasetIndex >= groups.length) return;
              const g = groups[hit.datasetIndex]!;
              const row = cell.get(`${keyOf(g)}|${periods[hit.index]}`);
              if (row) onOpen(row);
            },
            plugins: {
              legend: { position: 'bottom' },
              tooltip: {
                callbacks: {
                  label: (ctx) => {
                    if (ctx.datasetIndex >= groups.length)
                      return `${ctx.dataset.label ?? ''}: ${String(ctx.raw ?? '—')}%`;
                    const g = groups[ctx.datasetIndex]!;
                    const row = cell.get(`${keyOf(g)}|${periods[ctx.dataIndex]}`);
                    return `${ctx.dataset.label ?? ''}: ${formatFen(row?.profitFen ?? 0)}`;
                  },
                },
              },
            },
            scales: {
              x: { stacked: true },
              y: { stacked: true, ticks: { callback: (v) => Number(v).toLocaleString('en-US') } },
              margin: {
                position: 'right',
                grid: { drawOnChartArea: false },
                ticks: { callback: (v) => `${String(v)}%` },
              },
            },
          }}
        />
      </div>
    </Card>
  );
}

export function Waterfall({
  report,
  onOpen,
}: {
  report: ProfitReport;
  onOpen: (row: ProfitRow | null) => void;
}) {
  const { t, i18n } = useTranslation();
  // A step's name inside a sentence: without its sign, and in lower case in English.
  const costName = (step: string) => {
    const name = t(`profit.waterfallSteps.${step as 'gmv'}`).replace(/^[−=]\s*/, '');
    return i18n.language === 'en' ? name.charAt(0).toLowerCase() + name.slice(1) : name;
  };
  const label = useGroupLabel();
  const [which, setWhich] = useState<string>('all');
  const group = report.groups.find((g) => String(g.shopId ?? g.platform) === which) ?? null;
  const figures = group ?? report.totals;
  const steps = waterfallSteps(figures);
  const reading = waterfallReading(figures);
  const name = group ? label(group) : t('profit.charts.allPlatforms');
  return (
    <Card
      title={t('profit.charts.waterfall')}
      variant="borderless"
      data-testid="waterfall-chart"
      extra={
        <Select
          size="small"
          value={which}
          onChange={(v: string) => setWhich(v)}
          style={{ width: 150 }}
          options={[
            { value: 'all', label: t('profit.charts.allPlatforms') },
            ...report.groups.map((g) => ({ value: String(g.shopId ?? g.platform), label: label(g) })),
          ]}
          data-testid="waterfall-which"
        />
      }
    >
      <Reading
        testId="waterfall-reading"
        text={
          reading &&
          t('profit.reading.waterfall', {
            name,
            kept: reading.kept,
            cost: costName(reading.cost),
            amount: formatFen(reading.amountFen),
          })
        }
      />
      <div style={{ height: 280 }}>
        <Bar
          data={{
            labels: steps.map((s) => t(`profit.waterfallSteps.${s.step}`)),
            datasets: [
              {
                label: name,
                data: steps.map(
                  (s) => [yuan(Math.min(s.from, s.to)), yuan(Math.max(s.from, s.to))] as [number, number],
                ),
                backgroundColor: steps.map((s) =>
                  s.step === 'gmv' || s.step === 'netSales'
                    ? '#1677ff'
                    : s.step === 'profit'
                      ? s.fen >= 0
                        ? '#52c41a'
                        : '#ff4d4f'
                      : '#fa8c16',
                ),
              },
            ],
          }}
          options={{
            maintainAspectRatio: false,
            animation: false,
            onClick: () => onOpen(group),
            plugins: {
              legend: { display: false },
              tooltip: { callbacks: { label: (ctx) => formatFen(steps[ctx.dataIndex]?.fen ?? 0) } },
            },
            scales: { y: { ticks: { callback: (v) => Number(v).toLocaleString('en-US') } } },
          }}
        />
      </div>
    </Card>
  );
}

export function Shares({ report }: { report: ProfitReport }) {
  const { t } = useTranslation();
  const label = useGroupLabel();
  const groups = report.groups.filter((g) => g.netSalesFen > 0);
  const sales = groups.reduce((n, g) => n + g.netSalesFen, 0);
  const profit = report.totals.profitFen;
  const reading = shareReading(report);
  const nameOf = (n: string) => {
    const g = groups.find((x) => (x.shop ?? x.platform) === n);
    return g ? label(g) : n;
  };
  const text =
    reading?.key === 'shareGap'
      ? t('profit.reading.shareGap', {
          platform: nameOf(reading.params.platform),
          sales: reading.params.sales,
          profit: reading.params.profit,
          cause: t(`profit.reading.causes.${reading.params.cause}`),
        })
      : reading?.key === 'shareEven'
        ? t('profit.reading.shareEven', {
            platform: nameOf(reading.params.platform),
            sales: reading.params.sales,
            profit: reading.params.profit,
          })
        : reading?.key === 'shareNone'
          ? t('profit.reading.shareNone')
          : null;
  return (
    <Card title={t('profit.charts.share')} variant="borderless" data-testid="share-chart">
      <Reading text={text} testId="share-reading" />
      <div style={{ height: 260 }}>
        <Bar
          data={{
            labels: groups.map((g) => label(g)),
            datasets: [
              {
                label: t('profit.charts.salesShare'),
                data: groups.map((g) => pct(g.netSalesFen, sales)),
                backgroundColor: '#69b1ff',
              },
              {
                label: t('profit.charts.profitShare'),
                data: groups.map((g) => (profit > 0 ? pct(g.profitFen, profit) : 0)),
                backgroundColor: '#95de64',
              },
            ],
          }}
          options={{
            indexAxis: 'y',
            maintainAspectRatio: false,
            animation: false,
            plugins: {
              legend: { position: 'bottom' },
              tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label ?? ''}: ${String(ctx.raw)}%` } },
            },
            scales: { x: { ticks: { callback: (v) => `${String(v)}%` } } },
          }}
        />
      </div>
    </Card>
  );
}

export function ProfitChartsGrid({
  report,
  onOpen,
}: {
  report: ProfitReport;
  onOpen: (row: ProfitRow | null) => void;
}) {
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <ProfitOverTime report={report} onOpen={onOpen} />
      </Col>
      <Col xs={24} xl={14}>
        <Waterfall report={report} onOpen={onOpen} />
      </Col>
      <Col xs={24} xl={10}>
        <Shares report={report} />
      </Col>
    </Row>
  );
}
