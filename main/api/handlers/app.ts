/** The app shell: version, database, settings, shops. */
import { readSetting, writeSetting } from '../../services/settings.js';
import { hasOrders, listShops } from '../../services/overview.js';
import type { Language } from '../contract.js';
import type { HandlerDeps, HandlerMap } from './types.js';

export function appHandlers(
  deps: HandlerDeps,
): HandlerMap<'app.info' | 'settings.get' | 'settings.set' | 'shops.list'> {
  const { huikeDb } = deps.services;
  return {
    'app.info': async () => ({
      version: deps.appVersion,
      dbPath: huikeDb.filename,
      hasData: await hasOrders(huikeDb.reader),
    }),
    'settings.get': async () => ({
      language: ((await readSetting(huikeDb.reader, 'language')) ?? 'zh-CN') as Language,
    }),
    'settings.set': async (input) => {
      await writeSetting(huikeDb, 'language', input.language);
      return { language: input.language };
    },
    'shops.list': () => listShops(huikeDb.reader),
  };
}
