import { dashboardSummary } from '../../services/dashboard.js';
import type { HandlerDeps, HandlerMap } from './types.js';

export function dashboardHandlers(deps: HandlerDeps): HandlerMap<'dashboard.summary'> {
  return {
    'dashboard.summary': (input) => dashboardSummary(deps.services.huikeDb.reader, input),
  };
}
