import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Language } from '../../../main/api/contract';
import { dashboardTexts } from '../features/dashboard/texts';
import { backupTexts } from '../features/backup/texts';
import { shopsTexts } from '../features/shops/texts';
import { ordersTexts } from '../features/orders/texts';
import { profitTexts } from '../features/profit/texts';
import { customersTexts } from '../features/customers/texts';
import { vipTexts } from '../features/vip/texts';
import { reviewTexts } from '../features/review/texts';
import { valueTexts } from '../features/value/texts';
import { en } from './en';
import { zhCN } from './zh-CN';

export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/**
 * The app-wide texts (./zh-CN.ts, ./en.ts) and each feature's own (`features/<name>/texts.ts`,
 * exporting `{ 'zh-CN': {...}, en: {...} }` where en has exactly zh-CN's keys), under its name.
 */
const FEATURE_TEXTS = {
  dashboard: dashboardTexts,
  shops: shopsTexts,
  backup: backupTexts,
  orders: ordersTexts,
  profit: profitTexts,
  customers: customersTexts,
  vip: vipTexts,
  review: reviewTexts,
  value: valueTexts,
} as const;

type FeatureTexts<L extends Language> = { [K in keyof typeof FEATURE_TEXTS]: (typeof FEATURE_TEXTS)[K][L] };

function texts<L extends Language>(base: typeof zhCN, lang: L): typeof zhCN & FeatureTexts<L> {
  const features = Object.fromEntries(
    Object.entries(FEATURE_TEXTS).map(([name, t]) => [name, (t as Record<Language, unknown>)[lang]]),
  ) as FeatureTexts<L>;
  return { ...base, ...features };
}

const resources = {
  'zh-CN': { translation: texts(zhCN, 'zh-CN') },
  en: { translation: texts(en, 'en') },
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: (typeof resources)['zh-CN']['translation'] };
  }
}

export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  syncDocument(language);
}

export async function applyLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  syncDocument(language);
}

function syncDocument(language: Language): void {
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = language;
  document.title = i18next.t('app.title');
}
