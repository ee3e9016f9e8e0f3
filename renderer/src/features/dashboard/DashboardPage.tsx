import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../../main/api/contract';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useErrorText } from '../../app/useErrorText';
import { formatDateRange } from '../../format/dates';
import { formatFen } from '../../format/money';
import { KpiCards } from './KpiCards';
import { MonthlyChart } from './MonthlyChart';
import { PlatformBreakdown } from './PlatformBreakdown';

interface Range {
  from?: string;
  to?: string;
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { dataVersion } = useAppState();
  const [range, setRange] = useState<Range>({});
  const [reload, setReload] = useState(0);
  const [summary, setSummary] = useState<DashboardSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { errorText } = useErrorText();
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    call('dashboard.summary', range)
      .then((result) => {
        if (!live) return;
        setSummary(result);
        setError(null);
      })
      .catch((e: unknown) => {
        if (live) setError(e);
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [range, dataVersion, reload]);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="dashboard">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('nav.dashboard')}
          </Typography.Title>
          {summary && (
            <Typography.Text type="secondary">
              {t('dashboard.dataSpan', { range: formatDateRange(summary.firstOrderAt, summary.lastOrderAt) })}
            </Typography.Text>
          )}
        </div>
        <Space>
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[t('dashboard.from'), t('dashboard.to')]}
            onChange={(_, [from, to]) => {
              setLoading(true);
              setRange({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
            }}
            data-testid="dashboard-range"
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              setLoading(true);
              setReload((n) => n + 1);
            }}
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
            {summary.otherCurrencies.length > 0 && (
              <Alert
                type="info"
                showIcon
                data-testid="other-currencies"
                title={t('dashboard.otherCurrencies', {
                  list: summary.otherCurrencies
                    .map((c) =>
                      t('dashboard.otherCurrencyItem', {
                        currency: c.currency,
                        orders: c.orders,
                        paid: formatFen(c.paidFen, c.currency),
                      }),
                    )
                    .join('；'),
                })}
              />
            )}
            <KpiCards summary={summary} />
            <MonthlyChart byMonth={summary.byMonth} />
            <PlatformBreakdown byPlatform={summary.byPlatform} />
          </Space>
        ) : (
          error === null && <Spin size="large" style={{ display: 'block', marginTop: 80 }} />
        )}
      </Spin>
    </Space>
  );
}
