import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../../main/api/contract';
import { formatCount, formatFen } from '../../format/money';

interface Kpi {
  testId: string;
  label: 'kpi.paidOrders' | 'kpi.paid' | 'kpi.refund' | 'kpi.net' | 'kpi.buyers' | 'kpi.repeatBuyers';
  /** The raw integer (fen for money), exposed as data-value so tests compare exactly. */
  value: number;
  money: boolean;
  hint?: string;
}

export function KpiCards({ summary }: { summary: DashboardSummary }) {
  const { t } = useTranslation();
  const kpis: Kpi[] = [
    {
      testId: 'kpi-paid-orders',
      label: 'kpi.paidOrders',
      value: summary.paidOrders,
      money: false,
      hint: t('kpi.ofAllOrders', { total: formatCount(summary.allOrders) }),
    },
    { testId: 'kpi-paid', label: 'kpi.paid', value: summary.paidFen, money: true },
    { testId: 'kpi-refund', label: 'kpi.refund', value: summary.refundFen, money: true },
    { testId: 'kpi-net', label: 'kpi.net', value: summary.netFen, money: true },
    { testId: 'kpi-buyers', label: 'kpi.buyers', value: summary.buyers, money: false },
    {
      testId: 'kpi-repeat-buyers',
      label: 'kpi.repeatBuyers',
      value: summary.repeatBuyers,
      money: false,
      hint:
        summary.buyers > 0
          ? t('kpi.repeatShare', { percent: ((summary.repeatBuyers / summary.buyers) * 100).toFixed(1) })
          : undefined,
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {kpis.map((kpi) => (
        <Col key={kpi.testId} xs={12} md={8} xl={4}>
          <Card variant="borderless" size="small" style={{ height: '100%' }}>
            <div data-testid={kpi.testId} data-value={kpi.value}>
              <Statistic
                title={t(kpi.label)}
                value={kpi.value}
                formatter={() => (kpi.money ? formatFen(kpi.value) : formatCount(kpi.value))}
              />
            </div>
            {kpi.hint && (
              <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12, marginTop: 4 }}>{kpi.hint}</div>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
