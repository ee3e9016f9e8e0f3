/** Hand-built customers for the value analyses: orders written out, folded as the database folds them. */
import {
  activityFromOrders,
  foldCustomerFacts,
  type CustomerFacts,
  type Holiday,
  type ValueOrder,
} from '../../../main/domain/value/index.js';

/** An order: customer, day, platform, revenue in yuan, contribution in yuan (default = revenue), discounted. */
export function order(
  customer: number,
  day: string,
  platform: string,
  yuan: number,
  options: { contribution?: number; discounted?: boolean } = {},
): ValueOrder {
  return {
    customer,
    day,
    platform,
    revenueFen: yuan * 100,
    contributionFen: (options.contribution ?? yuan) * 100,
    discounted: options.discounted ?? false,
  };
}

export function factsOf(orders: ValueOrder[], asOf: string, holidays?: Holiday[]): CustomerFacts[] {
  return foldCustomerFacts(activityFromOrders(orders, { asOf, holidays }));
}
