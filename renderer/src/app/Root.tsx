import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import type { Language } from '../../../main/api/contract';
import { ImportSessionProvider } from '../features/import/ImportSession';
import { AppStateProvider, useAppState } from './AppState';
import { Shell } from './Shell';

function Localized({ children }: { children: ReactNode }) {
  const { language } = useAppState();
  return (
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#c2410c', borderRadius: 6 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Root({ initialLanguage }: { initialLanguage: Language }) {
  return (
    <AppStateProvider initialLanguage={initialLanguage}>
      <Localized>
        <ImportSessionProvider>
          <Shell />
        </ImportSessionProvider>
      </Localized>
    </AppStateProvider>
  );
}
