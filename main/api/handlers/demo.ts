/** Removing the sample data (loading it is an import: handlers/imports.ts). */
import { removeSampleData } from '../../services/demo-removal.js';
import type { HandlerDeps, HandlerMap } from './types.js';

export function demoHandlers(deps: HandlerDeps): HandlerMap<'demo.remove'> {
  const { services, jobs } = deps;
  return {
    'demo.remove': (input) =>
      jobs.run(input.jobId, async (job) => {
        const result = await removeSampleData(services.huikeDb, { ...job, now: services.now });
        // Orders and customers went: the customer-value fit is refreshed in the background.
        services.valueFit.schedule();
        return result;
      }),
  };
}
