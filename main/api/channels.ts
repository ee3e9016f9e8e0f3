/**
 * The channel names of the API, as a plain list. The sandboxed preload and the IPC checks need only
 * the names: importing them from here keeps zod (the input schemas, contract.ts) out of the preload
 * bundle. contract.ts checks that its schemas cover exactly these channels.
 */
export const CHANNELS = [
  'app.info',
  'settings.get',
  'settings.set',
  'shops.list',
  'shops.update',
  'shops.merge',
  'dashboard.summary',
  'demo.load',
  'demo.remove',
  'backup.create',
  'backup.restore',
  'files.pick',
  'import.preview',
  'import.commit',
  'imports.list',
  'imports.undo',
  'imports.problems',
  'jobs.cancel',
  'orders.list',
  'orders.get',
  'orders.export',
  'orders.exportChunk',
  'profit.report',
  'profit.reconciliation',
  'profit.missingCosts',
  'profit.inputs',
  'profit.saveCosts',
  'profit.saveFeeRule',
  'profit.saveShipping',
  'profit.saveAds',
  'profit.saveRates',
  'profit.setPolicy',
  'profit.delete',
  'profit.importFile',
  'profit.undo',
  'profit.rebuild',
] as const;

export type Channel = (typeof CHANNELS)[number];
