import type { ProfitChannel } from '../profit-contract.js';
import {
  deleteInput,
  rebuildFacts,
  saveAdSpend,
  saveCosts,
  saveFeeRule,
  saveRates,
  saveShippingRules,
  setPolicy,
  undoProfit,
} from '../../services/profit/edits.js';
import { importProfitFile } from '../../services/profit/files.js';
import { missingCostSkus, profitReport } from '../../services/profit/report.js';
import { profitInputs, reconciliation } from '../../services/profit/views.js';
import type { HandlerDeps, HandlerMap } from './types.js';

export function profitHandlers(deps: HandlerDeps): HandlerMap<ProfitChannel> {
  const { huikeDb, now } = deps.services;
  const writeDeps = { huikeDb, now };
  const read = () => huikeDb.readSqlite;
  return {
    'profit.report': async (input) => profitReport(read(), input),
    'profit.reconciliation': async (input) => reconciliation(read(), input),
    'profit.missingCosts': async (input) => ({ skus: missingCostSkus(read(), input, shopScopeOf(input)) }),
    'profit.inputs': async () => profitInputs(read()),
    'profit.saveCosts': (input) => saveCosts(writeDeps, input),
    'profit.saveFeeRule': (input) => saveFeeRule(writeDeps, input),
    'profit.saveShipping': (input) => saveShippingRules(writeDeps, input),
    'profit.saveAds': (input) => saveAdSpend(writeDeps, input),
    'profit.saveRates': (input) => saveRates(writeDeps, input),
    'profit.setPolicy': (input) => setPolicy(writeDeps, input),
    'profit.delete': (input) => deleteInput(writeDeps, input),
    'profit.importFile': async (input) => {
      const entry = deps.services.stage.get(input.fileId);
      return importProfitFile(writeDeps, {
        path: entry.path,
        name: entry.name,
        kind: input.kind,
        shopId: input.shopId,
      });
    },
    'profit.undo': (input) => undoProfit(writeDeps, input),
    'profit.rebuild': () => rebuildFacts(writeDeps),
  };
}

function shopScopeOf(input: { shopIds?: number[]; platforms?: string[] }) {
  const parts: string[] = [];
  const params: Array<string | number> = [];
  if (input.shopIds?.length) {
    parts.push(`o.shop_id IN (${input.shopIds.map(() => '?').join(', ')})`);
    params.push(...input.shopIds);
  }
  if (input.platforms?.length) {
    parts.push(
      `o.shop_id IN (SELECT id FROM shops WHERE platform IN (${input.platforms.map(() => '?').join(', ')}))`,
    );
    params.push(...input.platforms);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1 = 1', params };
}
