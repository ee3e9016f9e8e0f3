/**
 * 价值: who the best customers are, who is leaving, which platform brings customers worth the most,
 * what the customers will spend next year. One report (value.report) at an as-of day; predictions
 * come from the last stored fit, refreshed in the background after imports and merges (the page
 * asks again while a refit runs). Each chart has a reading computed from its numbers, and every
 * group count opens the Customers list narrowed to that group.
 */
import { ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Segmented,
  Space,
  Spin,
  Statistic,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValueReport } from '../../../../main/domain/value/report-types';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { formatCount, formatFen } from '../../format/money';
import { errorText } from '../orders/order-format';
import { CohortHeatmap, CumulativeCard, ParetoCard } from './CohortCharts';
import { BehaviourCard, SegmentsCard, TiersCard } from './GroupCharts';
import { ModelExplain } from './ModelExplain';
import { WinBackCard } from './WinBackCard';
import { customersOf } from './value-links';

/** While a refit runs in the background, ask again this often. */
const FIT_POLL_MS = 2000;

type Basis = 'revenue' | 'contribution';
type Split = 'median' | 'mean';

function Kpis({ report, latest }: { report: ValueReport; latest: string | null }) {
  const { t } = useTranslation();
  const currency = report.currency ?? 'CNY';
  const last12 = report.valueToDate.recent.find((r) => r.months === 12);
  const repurchase = report.repurchase.find((r) => r.platform === 'all');
  const items = [
    { id: 'customers', title: t('value.kpi.customers'), value: formatCount(report.customers) },
    {
      id: 'revenue',
      title: t('value.kpi.revenue'),
      value: formatFen(report.valueToDate.revenueFen, currency),
      hint: last12 && t('value.kpi.last12', { value: formatFen(last12.revenueFen, currency) }),
    },
    {
      id: 'contribution',
      title: t('value.kpi.contribution'),
      value: formatFen(report.valueToDate.contributionFen, currency),
      hint: last12 && t('value.kpi.last12', { value: formatFen(last12.contributionFen, currency) }),
    },
    {
      id: 'predicted',
      title: t('value.kpi.predicted'),
      value: report.clv.model ? formatFen(report.clv.totalPredictedFen, currency) : '—',
      hint: t('value.kpi.predictedHint', {
        customers: formatCount(report.clv.customersWithPrediction),
        margin: `${Math.round((report.clv.model?.margin ?? 1) * 1000) / 10}%`,
      }),
    },
    {
      id: 'repurchase',
      title: t('value.kpi.repurchase'),
      value: repurchase ? `${(repurchase.rate * 100).toFixed(1)}%` : '—',
      hint: repurchase && t('value.kpi.repurchaseHint', { repeat: formatCount(repurchase.repeatCustomers) }),
    },
    {
      id: 'winback',
      title: t('value.kpi.winBack'),
      value: formatCount(report.winBack.customers),
      hint: t('value.kpi.winBackHint', { value: formatFen(report.winBack.valueLostFen, currency) }),
      href: report.winBack.customers > 0 ? customersOf({ winBack: true }, report.asOf, latest) : undefined,
    },
  ];
  return (
    <Row gutter={[12, 12]}>
      {items.map((k) => (
        <Col key={k.id} xs={12} md={8} xxl={4}>
          <Card
            size="small"
            variant="borderless"
            style={{ height: '100%' }}
            data-testid={`value-kpi-${k.id}`}
          >
            <Statistic
              title={k.title}
              value={k.value}
              valueStyle={{ fontSize: 20, whiteSpace: 'nowrap' }}
              formatter={(v) => (k.href ? <a href={k.href}>{v}</a> : v)}
            />
            {k.hint && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {k.hint}
              </Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function ValuePage() {
  const { t } = useTranslation();
  const { dataVersion, language } = useAppState();
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const [basis, setBasis] = useState<Basis | undefined>(undefined);
  const [split, setSplit] = useState<Split | undefined>(undefined);
  const [reload, setReload] = useState(0);
  const [report, setReport] = useState<ValueReport | null>(null);
  const [latest, setLatest] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const requestKey = JSON.stringify([asOf, basis, split, dataVersion, reload]);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const loading = loadedKey !== requestKey;

  useEffect(() => {
    let live = true;
    call('value.report', {
      ...(asOf ? { asOf } : {}),
      ...(basis ? { basis } : {}),
      ...(split ? { split: { kind: split } } : {}),
    })
      .then((result) => {
        if (!live) return;
        setReport(result);
        if (!asOf) setLatest(result.asOf);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoadedKey(requestKey));
    return () => {
      live = false;
    };
  }, [asOf, basis, split, requestKey]);

  // A refit in the background: ask again until the predictions are fresh.
  const fitState = report?.clv.state;
  useEffect(() => {
    if (fitState !== 'refreshing' && fitState !== 'stale') return;
    const timer = window.setTimeout(() => setReload((n) => n + 1), FIT_POLL_MS);
    return () => window.clearTimeout(timer);
  }, [fitState, report]);

  const currentBasis = basis ?? report?.settings.basis ?? 'revenue';
  const currentSplit = split ?? (report?.settings.split.kind === 'mean' ? 'mean' : 'median');

  return (
    <Flex vertical gap={16} data-testid="value-page" data-loading={loading ? 'true' : 'false'}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('value.title')}
          </Typography.Title>
          {report?.asOf && (
            <Typography.Text type="secondary" data-testid="value-subtitle">
              {t('value.subtitle', {
                asOf: report.asOf,
                customers: formatCount(report.customers),
                currency: report.currency ?? '',
              })}
            </Typography.Text>
          )}
        </div>
        <Space wrap>
          <DatePicker
            allowClear
            placeholder={t('value.asOf')}
            value={asOf ? dayjs(asOf) : null}
            onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
            data-testid="value-as-of"
          />
          <Segmented
            value={currentBasis}
            onChange={(v) => setBasis(v as Basis)}
            options={[
              { value: 'revenue', label: t('value.basis.revenue') },
              { value: 'contribution', label: t('value.basis.contribution') },
            ]}
            data-testid="value-basis"
          />
          <Segmented
            value={currentSplit}
            onChange={(v) => setSplit(v as Split)}
            options={[
              { value: 'median', label: t('value.split.median') },
              { value: 'mean', label: t('value.split.mean') },
            ]}
            data-testid="value-split"
          />
          <Button icon={<ReloadOutlined />} onClick={() => setReload((n) => n + 1)} loading={loading} />
        </Space>
      </Flex>
      {error !== null && (
        <Alert type="error" showIcon title={t('value.loadFailed')} description={errorText(error, language)} />
      )}
      {!report && !error && <Spin />}
      {report && report.customers === 0 && <Alert type="info" showIcon title={t('value.noData')} />}
      {report && report.customers > 0 && (
        <>
          <Flex vertical gap={4}>
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              data-testid="value-fit-state"
              data-state={report.clv.state}
            >
              {t(`value.fit.${report.clv.state}`, {
                time: report.clv.model ? dayjs(report.clv.model.fittedAt).format('YYYY-MM-DD HH:mm') : '',
              })}
              {' · '}
              {t(`value.contributionMode.${report.contributionMode}`)}
            </Typography.Text>
            {report.otherCurrencyOrders > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('value.otherCurrency', { orders: formatCount(report.otherCurrencyOrders) })}
              </Typography.Text>
            )}
          </Flex>
          <Kpis report={report} latest={latest} />
          <SegmentsCard report={report} asOfLatest={latest} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <TiersCard report={report} asOfLatest={latest} />
            </Col>
            <Col xs={24} xl={12}>
              <BehaviourCard
                report={report}
                asOfLatest={latest}
                onSettingsSaved={() => setReload((n) => n + 1)}
              />
            </Col>
          </Row>
          <CohortHeatmap report={report} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <CumulativeCard report={report} />
            </Col>
            <Col xs={24} xl={12}>
              <ParetoCard report={report} />
            </Col>
          </Row>
          <WinBackCard report={report} asOfLatest={latest} />
          <Card title={t('value.model.title')} variant="borderless" size="small">
            <ModelExplain model={report.clv.model} />
          </Card>
        </>
      )}
    </Flex>
  );
}
