/**
 * 利润: the report, the costs and fees it is computed from, and the reconciliation of rule-estimated
 * against actual fees — three tabs, the chosen one in the address (#/profit?tab=costs).
 */
import { Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate, useRouteQuery } from '../../app/routes';
import { CostsView } from './CostsView';
import { ReconciliationView } from './ReconciliationView';
import { ReportView } from './ReportView';
import { PROFIT_CSS } from './profit-print';

const TABS = ['report', 'costs', 'reconciliation'] as const;
type Tab = (typeof TABS)[number];

export function ProfitPage() {
  const { t } = useTranslation();
  const query = new URLSearchParams(useRouteQuery());
  const asked = query.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'report';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="profit-page">
      {/* On paper only the report: the menu and the controls are hidden (antd styles are inline too). */}
      <style>{PROFIT_CSS}</style>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('profit.title')}
      </Typography.Title>
      <Tabs
        className="profit-no-print"
        activeKey={tab}
        onChange={(key) => {
          // The report's own choices (by, period, range) stay in the address when coming back.
          const params = new URLSearchParams(query);
          if (key === 'report') params.delete('tab');
          else params.set('tab', key);
          navigate('profit', params);
        }}
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`profit-tab-${key}`}>{t(`profit.tabs.${key}`)}</span>,
        }))}
      />
      {tab === 'report' && <ReportView />}
      {tab === 'costs' && <CostsView />}
      {tab === 'reconciliation' && <ReconciliationView />}
    </Space>
  );
}
