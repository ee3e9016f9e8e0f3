import { Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/routes';
import { ImportFilesTab } from './ImportFilesTab';
import { ImportHistory } from './ImportHistory';

export function ImportPage({ tab }: { tab: 'import' | 'history' }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.import')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(key === 'history' ? 'history' : 'import')}
        destroyOnHidden
        items={[
          {
            key: 'import',
            label: <span data-testid="tab-import">{t('import.tabFiles')}</span>,
            children: <ImportFilesTab />,
          },
          {
            key: 'history',
            label: <span data-testid="tab-history">{t('import.tabHistory')}</span>,
            children: <ImportHistory />,
          },
        ]}
      />
    </Space>
  );
}
