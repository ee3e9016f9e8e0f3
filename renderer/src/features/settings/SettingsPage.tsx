import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Card, Descriptions, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../main/api/contract';
import { useAppState } from '../../app/AppState';
import { BackupSection } from '../backup/BackupSection';
import { SampleDataSection } from '../shops/SampleDataSection';
import { ShopsSection } from '../shops/ShopsSection';
import { useShops } from '../shops/useShops';
import { useErrorText } from '../../app/useErrorText';

const LANGUAGE_OPTIONS: Language[] = ['zh-CN', 'en'];

export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const { info, language, setLanguage } = useAppState();
  const { shops, error } = useShops();

  const change = (next: Language) =>
    setLanguage(next).catch((error: unknown) => void message.error(errorText(error)));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 1080 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.settings')}
      </Typography.Title>
      <Card title={t('settings.language')} variant="borderless">
        <Radio.Group
          value={language}
          onChange={(e) => void change(e.target.value as Language)}
          optionType="button"
          buttonStyle="solid"
          data-testid="language-switch"
          options={LANGUAGE_OPTIONS.map((l) => ({
            value: l,
            label: <span data-testid={`language-${l}`}>{t(`settings.languageName.${l}`)}</span>,
          }))}
        />
      </Card>
      <ShopsSection shops={shops} error={error} />
      <SampleDataSection shops={shops} />
      <BackupSection />
      <Card title={t('settings.about')} variant="borderless">
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            {
              key: 'db',
              label: t('settings.dataLocation'),
              children: (
                <Typography.Text copyable code data-testid="db-path">
                  {info?.dbPath ?? '—'}
                </Typography.Text>
              ),
            },
            {
              key: 'version',
              label: t('settings.version'),
              children: <span data-testid="app-version">{info?.version ?? '—'}</span>,
            },
          ]}
        />
      </Card>
      <Alert
        type="info"
        showIcon
        icon={<LockOutlined />}
        title={t('settings.privacyTitle')}
        description={t('settings.privacy')}
      />
    </Space>
  );
}
