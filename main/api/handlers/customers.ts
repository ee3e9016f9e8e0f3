/** The Customers page and 客户 360: the list, one customer, its orders, note and tags, exports. */
import { customerDetail } from '../../services/customers/detail.js';
import { exportCustomers } from '../../services/customers/export.js';
import { listCustomers } from '../../services/customers/list.js';
import { customerOrders } from '../../services/customers/orders.js';
import { updateCustomer } from '../../services/customers/update.js';
import { createExportStore } from '../../services/orders/export-store.js';
import type { HandlerDeps, HandlerMap } from './types.js';

type CustomersChannels =
  | 'customers.list'
  | 'customers.get'
  | 'customers.orders'
  | 'customers.update'
  | 'customers.export'
  | 'customers.exportChunk';

export function customersHandlers(deps: HandlerDeps): HandlerMap<CustomersChannels> {
  const { services, jobs } = deps;
  const db = services.huikeDb.reader;
  // Finished exports wait here until the screen (or the CLI) has fetched them.
  const exports = createExportStore();

  return {
    'customers.list': (input) => listCustomers(services.huikeDb, input),
    'customers.get': (input) => customerDetail(db, input.id),
    'customers.orders': (input) => customerOrders(db, input),
    'customers.update': ({ id, ...changes }) =>
      updateCustomer(services.huikeDb, id, changes, services.now().toISOString()),
    'customers.export': (input) =>
      jobs.run(input.jobId, async (job) => {
        const file = await exportCustomers(
          services.huikeDb,
          {
            filter: input.filter,
            sort: input.sort,
            format: input.format,
            masked: input.masked,
            lang: input.lang,
            limit: input.limit,
          },
          { ...job, now: services.now },
        );
        return {
          exportId: exports.put(file.parts),
          fileName: file.fileName,
          mimeType: file.mimeType,
          format: input.format,
          size: file.size,
          customers: file.customers,
          masked: input.masked,
        };
      }),
    'customers.exportChunk': async (input) => exports.read(input.exportId, input.offset),
  };
}
