import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Language } from '../../main/api/contract';
import { call } from './api/client';
import { Root } from './app/Root';
import { DEFAULT_LANGUAGE, initI18n } from './i18n';

async function start(): Promise<void> {
  // The saved language decides the very first paint, so a reload never flashes the other one.
  let language: Language = DEFAULT_LANGUAGE;
  try {
    language = (await call('settings.get', {})).language;
  } catch {
    // The app is unreachable: the shell shows that error in the default language.
  }
  await initI18n(language);
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing from index.html');
  createRoot(container).render(
    <StrictMode>
      <Root initialLanguage={language} />
    </StrictMode>,
  );
}

void start();
