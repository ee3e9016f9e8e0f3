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
  'customers.list',
  'customers.get',
  'customers.orders',
  'customers.update',
  'customers.export',
  'customers.exportChunk',
  'customers.split',
  'customers.lock',
  'merge.run',
  'merge.preview',
  'merge.undo',
] as const;

export type Channel = (typeof CHANNELS)[number];
