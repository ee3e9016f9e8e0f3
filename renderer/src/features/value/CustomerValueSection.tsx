/**
 * 客户 360's value section: the customer's RFM and scores, segment, tier, P(alive), expected
 * purchases and predicted CLV, and how each was computed (the thresholds, the model or the rules).
 */
import { Descriptions, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerValue } from '../../../../main/domain/value/report-types';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { routeHref } from '../../app/routes';
import { formatFen } from '../../format/money';
import { Section } from '../customers/Section';
import { useLabels } from './GroupCharts';
import { ModelExplain } from './ModelExplain';

export function CustomerValueSection({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { dataVersion } = useAppState();
  const [fetched, setFetched] = useState<{ id: number; value: CustomerValue | null } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    call('value.customer', { id: customerId })
      .then((value) => live && setFetched({ id: customerId, value }))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [customerId, dataVersion]);

  const v = fetched?.id === customerId ? fetched.value : undefined;
  const link = (
    <a href={routeHref('value')} data-testid="customer-value-dashboard">
      {t('value.customer.openDashboard')}
    </a>
  );
  if (failed) return null;
  return (
    <Section title={t('value.customer.title')} extra={link} testId="customer-value">
      {v === undefined ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : v === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('value.customer.none')} />
      ) : (
        <ValueDetails v={v} labels={labels} />
      )}
    </Section>
  );
}

function ValueDetails({ v, labels }: { v: CustomerValue; labels: ReturnType<typeof useLabels> }) {
  const { t } = useTranslation();
  const money = (fen: number) => formatFen(Math.round(fen), v.currency);
  const p = v.prediction;
  const th = v.thresholds;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="customer-value-details">
        <Descriptions.Item label={t('value.customer.recency')}>
          {t('value.days', { n: v.rfm.recencyDays })}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.customer.frequency')}>
          {t('value.times', { n: v.rfm.frequency })}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.customer.monetary')}>
          {money(v.rfm.monetaryFen)} ({t(`value.basis.${v.monetary}`)})
        </Descriptions.Item>
        <Descriptions.Item label={t('value.customer.segment')}>
          <Space size={4} wrap>
            <Tag color="volcano" data-testid="customer-value-segment">
              {labels.segments[v.segment]}
            </Tag>
            <Typography.Text type="secondary">
              {t('value.customer.scores', { r: v.scores.r, f: v.scores.f, m: v.scores.m })}
            </Typography.Text>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('value.customer.named')}>{labels.named[v.named]}</Descriptions.Item>
        <Descriptions.Item label={t('value.customer.tier')}>
          <Space size={4} wrap>
            {labels.tiers[v.tier]}
            {v.behaviour.map((b) => (
              <Tag key={b}>{labels.behaviour[b]}</Tag>
            ))}
            {v.winBack && <Tag color="red">{t('value.customer.winBack')}</Tag>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('value.customer.pAlive')}>
          <span data-testid="customer-value-palive">
            {p && p.pAlive !== null ? `${(p.pAlive * 100).toFixed(1)}%` : t('value.customer.pAliveNone')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('value.customer.purchases')}>
          {p
            ? t('value.customer.purchasesValue', {
                d90: p.purchases90.toFixed(2),
                d365: p.purchases365.toFixed(2),
              })
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.customer.spendPerOrder')}>
          {p ? money(p.spendPerOrderFen) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.customer.clv')}>
          <Typography.Text strong data-testid="customer-value-clv">
            {p ? money(p.clvFen) : '—'}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('value.customer.valueToDate')}>
          {t('value.customer.valueToDateValue', {
            revenue: money(v.revenueFen),
            contribution: money(v.contributionFen),
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.customer.recent')}>
          {v.recent.map((r) => money(r.revenueFen)).join(' / ')}
        </Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Text strong style={{ fontSize: 12 }}>
          {t('value.customer.how')}
        </Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
          {t(th.rule === 'median' ? 'value.segments.rule' : 'value.segments.ruleInclusive', {
            rule: t(`value.splitWord.${th.rule}`),
            r: Math.round(th.recencyDays * 10) / 10,
            f: Math.round(th.frequency * 100) / 100,
            m: money(th.monetaryFen),
          })}
          {' · '}
          {t('value.customer.scores', { r: v.scores.r, f: v.scores.f, m: v.scores.m })}
          {p && ` · x = ${p.frequency}, t_x = ${p.recencyDays.toFixed(0)}, T = ${p.ageDays.toFixed(0)}`}
        </Typography.Paragraph>
        <ModelExplain model={v.model} />
      </div>
    </Space>
  );
}
