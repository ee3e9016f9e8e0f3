/** Customer value: the report, one customer's value, the settings. */
import { writeSetting } from '../../services/settings.js';
import {
  customerValue,
  readValueSettings,
  VALUE_SETTINGS_KEY,
  valueReport,
} from '../../services/value/value-report.js';
import type { HandlerDeps, HandlerMap } from './types.js';

type ValueChannels = 'value.report' | 'value.customer' | 'value.saveSettings';

export function valueHandlers(deps: HandlerDeps): HandlerMap<ValueChannels> {
  const { services } = deps;
  const { huikeDb, valueFit } = services;
  return {
    'value.report': async ({ waitForFit, ...request }) => {
      // A fit is due only when the data changed since the stored one (imports and merges start
      // it themselves); asking again costs a look at the operations, not a fit.
      valueFit.schedule();
      if (waitForFit) await valueFit.settle();
      return valueReport(huikeDb, request, valueFit.state());
    },
    'value.customer': async ({ id, asOf }) => {
      valueFit.schedule();
      return customerValue(huikeDb, id, valueFit.state(), asOf ? { asOf } : {});
    },
    'value.saveSettings': async (settings) => {
      await writeSetting(huikeDb, VALUE_SETTINGS_KEY, JSON.stringify(settings));
      // A new holiday calendar changes the stored facts' holiday orders: refreshed in the background.
      valueFit.schedule();
      return readValueSettings(huikeDb);
    },
  };
}
