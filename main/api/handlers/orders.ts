/** The Orders page: the list, one order's detail, exports (and fetching an export's bytes). */
import { orderDetail } from '../../services/orders/detail.js';
import { exportOrders } from '../../services/orders/export.js';
import { createExportStore } from '../../services/orders/export-store.js';
import { listOrders } from '../../services/orders/list.js';
import { createWalkPlanner } from '../../services/orders/walk-plan.js';
import type { HandlerDeps, HandlerMap } from './types.js';

type OrdersChannels = 'orders.list' | 'orders.get' | 'orders.export' | 'orders.exportChunk';

export function ordersHandlers(deps: HandlerDeps): HandlerMap<OrdersChannels> {
  const { services, jobs } = deps;
  const db = services.huikeDb.reader;
  // Finished exports wait here until the screen has fetched them (one store per running app).
  const exports = createExportStore();
  // How many orders each recent filter keeps, for the plan of its next pages.
  const planner = createWalkPlanner();

  return {
    'orders.list': (input) => listOrders(db, input, planner),

    'orders.get': (input) => orderDetail(db, input.id),

    'orders.export': (input) =>
      jobs.run(input.jobId, async (job) => {
        const file = await exportOrders(
          services.huikeDb,
          {
            filter: input.filter,
            sort: input.sort,
            format: input.format,
            masked: input.masked,
            lang: input.lang,
          },
          { ...job, now: services.now },
        );
        return {
          exportId: exports.put(file.parts),
          fileName: file.fileName,
          mimeType: file.mimeType,
          format: input.format,
          size: file.size,
          orders: file.orders,
          masked: input.masked,
        };
      }),

    'orders.exportChunk': async (input) => exports.read(input.exportId, input.offset),
  };
}
