import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary, PeriodFigures } from '../../../../main/api/contract';
import { formatCount, formatFen } from '../../format/money';
import { Comparison } from './Comparison';

interface Kpi {
  testId: string;
  figure: keyof PeriodFigures;
  label: string;
  money: boolean;
  help?: string;
  hint?: ReactNode;
}

export function KpiCards({ summary, onOpen }: { summary: DashboardSummary; onOpen?: () => void }) {
  const { t } = useTranslation();
  const { current, previous, lastYear } = summary;
  const currency = summary.currency ?? 'CNY';
  const kpis: Kpi[] = [
    {
      testId: 'kpi-paid-orders',
      figure: 'paidOrders',
      label: t('dashboard.kpi.paidOrders'),
      money: false,
      hint: t('dashboard.kpi.ofAllOrders', { total: formatCount(current.allOrders) }),
    },
    { testId: 'kpi-paid', figure: 'paidFen', label: t('dashboard.kpi.paid'), money: true },
    { testId: 'kpi-refund', figure: 'refundFen', label: t('dashboard.kpi.refund'), money: true },
    { testId: 'kpi-net', figure: 'netFen', label: t('dashboard.kpi.net'), money: true },
    {
      testId: 'kpi-buyers',
      figure: 'buyers',
      label: t('dashboard.kpi.buyers'),
      money: false,
      help: t('dashboard.kpi.buyersHint'),
    },
    {
      testId: 'kpi-repeat-buyers',
      figure: 'repeatBuyers',
      label: t('dashboard.kpi.repeatBuyers'),
      money: false,
      hint:
        current.buyers > 0
          ? t('dashboard.kpi.repeatShare', {
              percent: ((current.repeatBuyers / current.buyers) * 100).toFixed(1),
            })
          : undefined,
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {kpis.map((kpi) => {
        const value = current[kpi.figure];
        return (
          <Col key={kpi.testId} xs={12} lg={8} xxl={4}>
            <Card
              variant="borderless"
              size="small"
              style={{ height: '100%' }}
              hoverable={!!onOpen}
              onClick={onOpen}
              data-testid={`${kpi.testId}-card`}
            >
              <div data-testid={kpi.testId} data-value={value}>
                <Statistic
                  title={
                    <span>
                      {kpi.label}
                      {kpi.help && (
                        <Tooltip title={kpi.help}>
                          <InfoCircleOutlined style={{ marginLeft: 6 }} aria-label={kpi.help} />
                        </Tooltip>
                      )}
                    </span>
                  }
                  value={value}
                  styles={{ content: { fontSize: 22, whiteSpace: 'nowrap' } }}
                  formatter={() => (kpi.money ? formatFen(value, currency) : formatCount(value))}
                />
              </div>
              <Comparison
                value={value}
                previous={previous ? previous.figures[kpi.figure] : null}
                lastYear={lastYear ? lastYear.figures[kpi.figure] : null}
                testId={kpi.testId}
              />
              {kpi.hint && (
                <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12, marginTop: 4 }}>{kpi.hint}</div>
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
