import {
  CrownOutlined,
  DashboardOutlined,
  FundOutlined,
  ImportOutlined,
  MergeCellsOutlined,
  ProfileOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Alert, Layout, Menu, Spin, Typography, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { FirstRun } from '../features/first-run/FirstRun';
import { ImportPage } from '../features/import/ImportPage';
import { OrdersPage } from '../features/orders/OrdersPage';
import { ProfitPage } from '../features/profit/ProfitPage';
import { CustomersRoute } from '../features/customers/CustomersPage';
import { ReviewNavLabel } from '../features/review/ReviewNavLabel';
import { ReviewPage } from '../features/review/ReviewPage';
import { ValuePage } from '../features/value/ValuePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { PrintPage } from '../features/vip/PrintPage';
import { VipPage } from '../features/vip/VipPage';
import { useAppState } from './AppState';
import { DropOverlay } from './DropOverlay';
import { navigate, useRoute, useRoutePath, type Route } from './routes';
import { useErrorText } from './useErrorText';
import { useShellEvents } from './useShellEvents';

const { Sider, Content } = Layout;

type MenuRoute = Exclude<Route, 'history'>;
const MENU: Array<{ route: MenuRoute; icon: React.ReactNode }> = [
  { route: 'dashboard', icon: <DashboardOutlined /> },
  { route: 'orders', icon: <ProfileOutlined /> },
  { route: 'import', icon: <ImportOutlined /> },
  { route: 'customers', icon: <TeamOutlined /> },
  { route: 'review', icon: <MergeCellsOutlined /> },
  { route: 'profit', icon: <FundOutlined /> },
  { route: 'value', icon: <TrophyOutlined /> },
  { route: 'vip', icon: <CrownOutlined /> },
  { route: 'settings', icon: <SettingOutlined /> },
];

function Page({ route }: { route: Route }) {
  const { info } = useAppState();
  switch (route) {
    case 'dashboard':
      return info?.hasData === false ? <FirstRun /> : <DashboardPage />;
    case 'orders':
      return <OrdersPage />;
    case 'import':
    case 'history':
      return <ImportPage tab={route} />;
    case 'customers':
      return <CustomersRoute />;
    case 'vip':
      return <VipPage />;
    case 'review':
      return <ReviewPage />;
    case 'profit':
      return <ProfitPage />;
    case 'value':
      return <ValuePage />;
    case 'settings':
      return <SettingsPage />;
  }
}

export function Shell() {
  const { t } = useTranslation();
  const { info, infoError } = useAppState();
  const { errorText } = useErrorText();
  const route = useRoute();
  const { dragging } = useShellEvents();
  const routePath = useRoutePath();

  const items: MenuProps['items'] = MENU.map(({ route: r, icon }) => ({
    key: r,
    icon,
    label: r === 'review' ? <ReviewNavLabel /> : <span data-testid={`nav-${r}`}>{t(`nav.${r}`)}</span>,
  }));
  const selected = route === 'history' ? 'import' : route;

  // The print preview is a page of its own: paper, without the menu.
  if (route === 'vip' && routePath === 'print' && info) return <PrintPage />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '20px 24px 12px' }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="app-title">
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('app.tagline')}
          </Typography.Text>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          items={items}
          onClick={({ key }) => navigate(key as Route)}
          style={{ borderInlineEnd: 'none' }}
          data-testid="main-menu"
        />
      </Sider>
      <Content style={{ padding: 24, background: '#f5f5f5', minWidth: 0 }}>
        {infoError ? (
          <Alert type="error" showIcon title={t('app.unreachable')} description={errorText(infoError)} />
        ) : info ? (
          <Page route={route} />
        ) : (
          <Spin size="large" style={{ display: 'block', marginTop: 120 }} />
        )}
      </Content>
      {dragging && <DropOverlay />}
    </Layout>
  );
}
