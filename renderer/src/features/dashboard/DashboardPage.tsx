/**
 * 总览: one range of days and one currency for every figure on the page, both said in the subtitle;
 * every currency with orders can be chosen, none is dropped; each figure, bar and platform row opens
 * the orders behind it.
 */
import { ExperimentOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Segmented, Select, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../../main/api/contract';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useErrorText } from '../../app/useErrorText';
import { navigate } from '../../app/routes';
import { formatDate } from '../../format/dates';
import { formatCount } from '../../format/money';
import { openOrders } from '../orders/orders-link';
import { ordersOfPeriod, ordersOfPlatform, ordersOfSummary } from './drill-down';
import { KpiCards } from './KpiCards';
import { PeriodChart } from './PeriodChart';
import { PlatformBreakdown } from './PlatformBreakdown';
import { presetRange, RANGE_PRESETS, type DayRange, type RangePreset } from './ranges';

type RangeChoice = RangePreset | 'custom';

function Subtitle({ summary }: { summary: DashboardSummary }) {
  const { t } = useTranslation();
  const { range } = summary;
  const span =
    range.from || range.to
      ? t('dashboard.subtitle.range', {
          from: range.from ?? formatDate(summary.firstOrderAt),
          to: range.to ?? formatDate(summary.lastOrderAt),
        })
      : summary.firstOrderAt
        ? t('dashboard.subtitle.all', {
            span: t('dashboard.subtitle.range', {
              from: formatDate(summary.firstOrderAt),
              to: formatDate(summary.lastOrderAt),
            }),
          })
        : t('dashboard.subtitle.noData');
  const parts = [span];
  if (summary.currency) parts.push(t('dashboard.subtitle.currency', { currency: summary.currency }));
  parts.push(t('dashboard.subtitle.days'));
  return (
    <Typography.Text type="secondary" data-testid="dashboard-subtitle">
      {parts.join(' · ')}
    </Typography.Text>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { dataVersion } = useAppState();
  const [choice, setChoice] = useState<RangeChoice>('all');
  const [range, setRange] = useState<DayRange>({});
  const [currency, setCurrency] = useState<string | undefined>(undefined);
  const [reload, setReload] = useState(0);
  const [summary, setSummary] = useState<DashboardSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { errorText } = useErrorText();
  // What is on screen answers this request once loadedKey catches up with it.
  const requestKey = JSON.stringify([range, currency, dataVersion, reload]);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const loading = loadedKey !== requestKey;

  useEffect(() => {
    let live = true;
    call('dashboard.summary', { ...range, ...(currency ? { currency } : {}) })
      .then((result) => {
        if (!live) return;
        setSummary(result);
        setError(null);
      })
      .catch((e: unknown) => {
        if (live) setError(e);
      })
      .finally(() => {
        if (live) setLoadedKey(requestKey);
      });
    return () => {
      live = false;
    };
  }, [range, currency, dataVersion, reload, requestKey]);

  const choose = (next: RangeChoice) => {
    setChoice(next);
    if (next !== 'custom') setRange(presetRange(next));
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="dashboard">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('nav.dashboard')}
          </Typography.Title>
          {summary && <Subtitle summary={summary} />}
        </div>
        <Space wrap>
          {summary && summary.currencies.length > 1 && (
            <Segmented
              data-testid="dashboard-currency"
              value={summary.currency ?? undefined}
              onChange={(value) => setCurrency(String(value))}
              options={summary.currencies.map((c) => ({
                value: c.currency,
                label: t('dashboard.currencyItem', {
                  currency: c.currency,
                  orders: formatCount(c.paidOrders),
                }),
              }))}
            />
          )}
          <Select<RangeChoice>
            data-testid="dashboard-preset"
            value={choice}
            onChange={choose}
            style={{ width: 130 }}
            options={[...RANGE_PRESETS, 'custom' as const].map((p) => ({
              value: p,
              label: t(`dashboard.range.${p}`),
            }))}
          />
          {choice === 'custom' && (
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={[range.from ? dayjs(range.from) : null, range.to ? dayjs(range.to) : null]}
              placeholder={[t('dashboard.range.from'), t('dashboard.range.to')]}
              onChange={(_, [from, to]) => setRange({ ...(from ? { from } : {}), ...(to ? { to } : {}) })}
              data-testid="dashboard-range"
            />
          )}
          <Button
            icon={<ReloadOutlined />}
            onClick={() => setReload((n) => n + 1)}
            aria-label={t('common.refresh')}
          />
        </Space>
      </Space>
      {error !== null && (
        <Alert type="error" showIcon title={t('dashboard.loadFailed')} description={errorText(error)} />
      )}
      <Spin spinning={loading && summary !== null}>
        {summary ? (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            {summary.sampleOrders > 0 && (
              <Alert
                type="warning"
                showIcon
                icon={<ExperimentOutlined />}
                data-testid="sample-notice"
                title={t('dashboard.sample.title', { orders: formatCount(summary.sampleOrders) })}
                description={t('dashboard.sample.hint')}
                action={
                  <Button size="small" onClick={() => navigate('settings')} data-testid="sample-manage">
                    {t('dashboard.sample.manage')}
                  </Button>
                }
              />
            )}
            <KpiCards summary={summary} onOpen={() => openOrders(ordersOfSummary(summary))} />
            <PeriodChart
              series={summary.series}
              currency={summary.currency ?? 'CNY'}
              onOpenPeriod={(point, unit) => openOrders(ordersOfPeriod(summary, point, unit))}
            />
            <PlatformBreakdown
              byPlatform={summary.byPlatform}
              currency={summary.currency ?? 'CNY'}
              onOpenPlatform={(row) => openOrders(ordersOfPlatform(summary, row))}
            />
          </Space>
        ) : (
          error === null && <Spin size="large" style={{ display: 'block', marginTop: 80 }} />
        )}
      </Spin>
    </Space>
  );
}
