/** The buyer merge: runs, preview, undo; splitting and locking a customer. */
import { lockCustomer, splitCustomer } from '../../services/merge/decisions.js';
import { mergeSettings, previewMerge, runMerge } from '../../services/merge/run.js';
import { undoMergeOperation } from '../../services/merge/undo.js';
import type { HandlerDeps, HandlerMap } from './types.js';

type MergeChannels =
  'merge.run' | 'merge.preview' | 'merge.undo' | 'merge.settings' | 'customers.split' | 'customers.lock';

export function mergeHandlers(deps: HandlerDeps): HandlerMap<MergeChannels> {
  const { services, jobs } = deps;
  const now = () => services.now().toISOString();
  return {
    'merge.run': (input) =>
      jobs.run(input.jobId, async () => {
        const r = await runMerge(services.huikeDb, {
          mode: input.mode,
          params: input.params,
          now: services.now,
        });
        return { ...r, opId: r.opId ?? 0 };
      }),
    'merge.preview': (input) => previewMerge(services.huikeDb, input.params),
    'merge.undo': (input) => undoMergeOperation(services.huikeDb, input.opId, now()),
    'merge.settings': async () => mergeSettings(services.huikeDb),
    'customers.split': (input) => splitCustomer(services.huikeDb, input.id, input.accountIds, now()),
    'customers.lock': (input) => lockCustomer(services.huikeDb, input.id, input.locked, now()),
  };
}
