/**
 * The handlers behind every channel, as plain functions of one validated input, one module per
 * domain. Ports (clock, file picker, progress) come in through `deps`, so Node tests, the CLI, the
 * web server and Electron all run exactly this code.
 */
import type { Channel } from '../channels.js';
import { appHandlers } from './app.js';
import { backupHandlers } from './backup.js';
import { dashboardHandlers } from './dashboard.js';
import { demoHandlers } from './demo.js';
import { importHandlers } from './imports.js';
import { shopHandlers } from './shops.js';
import { ordersHandlers } from './orders.js';
import { profitHandlers } from './profit.js';
import { customersHandlers } from './customers.js';
import { vipHandlers } from './vip.js';
import { mergeReviewHandlers } from './merge-review.js';
import { valueHandlers } from './value.js';
import { mergeHandlers } from './merge.js';
import type { HandlerDeps, HandlerMap } from './types.js';

export type { HandlerDeps } from './types.js';
export type Handlers = HandlerMap<Channel>;

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...dashboardHandlers(deps),
    ...importHandlers(deps),
    ...shopHandlers(deps),
    ...demoHandlers(deps),
    ...backupHandlers(deps),
    ...ordersHandlers(deps),
    ...profitHandlers(deps),
    ...customersHandlers(deps),
    ...vipHandlers(deps),
    ...mergeReviewHandlers(deps),
    ...valueHandlers(deps),
    ...mergeHandlers(deps),
  };
}
