import { dashboardSummary } from '../../services/dashboard.js';
import type { HandlerDeps, HandlerMap } from './types.js';

export function dashboardHandlers(deps: HandlerDeps): HandlerMap<'dashboard.summary'> {
  return {
    'dashboard.summary': async (input) => dashboardSummary(deps.services.huikeDb.readSqlite, input),
  };
}
