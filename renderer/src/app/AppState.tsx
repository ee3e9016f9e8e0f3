/** App-wide state: what app.info says, the UI language, and a counter that tells views to refetch. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppInfo, Language } from '../../../main/api/contract';
import { call } from '../api/client';
import { applyLanguage } from '../i18n';

interface AppStateValue {
  info: AppInfo | null;
  infoError: Error | null;
  language: Language;
  /** Bumped after anything writes orders (import, undo, demo): data views refetch on change. */
  dataVersion: number;
  dataChanged(): void;
  setLanguage(language: Language): Promise<void>;
}

const AppStateContext = createContext<AppStateValue | null>(null);

export function AppStateProvider({
  initialLanguage,
  children,
}: {
  initialLanguage: Language;
  children: ReactNode;
}) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [infoError, setInfoError] = useState<Error | null>(null);
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [dataVersion, setDataVersion] = useState(0);

  useEffect(() => {
    let live = true;
    call('app.info', {})
      .then((result) => {
        if (!live) return;
        setInfo(result);
        setInfoError(null);
      })
      .catch((error: unknown) => {
        if (live) setInfoError(error instanceof Error ? error : new Error(String(error)));
      });
    return () => {
      live = false;
    };
  }, [dataVersion]);

  const dataChanged = useCallback(() => setDataVersion((v) => v + 1), []);

  const setLanguage = useCallback(async (next: Language) => {
    // Switch at once; saving may wait for a running import to finish (writes never interleave).
    await applyLanguage(next);
    setLanguageState(next);
    await call('settings.set', { language: next });
  }, []);

  const value = useMemo(
    () => ({ info, infoError, language, dataVersion, dataChanged, setLanguage }),
    [info, infoError, language, dataVersion, dataChanged, setLanguage],
  );
  return <AppStateContext.Provider value={value}>{children}</AppStateContext.Provider>;
}

export function useAppState(): AppStateValue {
  const value = useContext(AppStateContext);
  if (!value) throw new Error('useAppState outside AppStateProvider');
  return value;
}
