/** 环比 / 同比 under a KPI: the change against the comparison period, coloured by direction. */
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The change from `base` to `value` as a signed percentage with one decimal, or null without a base. */
export function percentChange(value: number, base: number): number | null {
  if (base === 0) return null;
  return Math.round(((value - base) / Math.abs(base)) * 1000) / 10;
}

function Delta({
  label,
  value,
  base,
  testId,
}: {
  label: string;
  value: number;
  base: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const change = percentChange(value, base);
  const color = change === null || change === 0 ? undefined : change > 0 ? '#389e0d' : '#cf1322';
  return (
    <span data-testid={testId} data-change={change ?? ''} style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type="secondary">{label} </Typography.Text>
      {change === null ? (
        <Typography.Text type="secondary">{t('dashboard.kpi.noBase')}</Typography.Text>
      ) : (
        <span style={{ color }}>
          {change > 0 ? <ArrowUpOutlined /> : change < 0 ? <ArrowDownOutlined /> : null}
          {Math.abs(change).toFixed(1)}%
        </span>
      )}
    </span>
  );
}

export function Comparison({
  value,
  previous,
  lastYear,
  testId,
}: {
  value: number;
  previous: number | null;
  lastYear: number | null;
  testId: string;
}) {
  const { t } = useTranslation();
  if (previous === null && lastYear === null) return null;
  return (
    <Space size={12} wrap style={{ fontSize: 12 }}>
      {previous !== null && (
        <Delta label={t('dashboard.kpi.vsPrevious')} value={value} base={previous} testId={`${testId}-mom`} />
      )}
      {lastYear !== null && (
        <Delta label={t('dashboard.kpi.vsLastYear')} value={value} base={lastYear} testId={`${testId}-yoy`} />
      )}
    </Space>
  );
}
