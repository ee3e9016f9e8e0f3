/** Links from the value dashboard to the Customers list narrowed to a group, and to one customer. */
import { routeHref } from '../../app/routes';
import { customersSearchParams, type CustomersFilter } from '../customers/customers-link';

export function customersOf(filter: CustomersFilter, asOf: string | null, latest: string | null): string {
  // The list recomputes the group at the dashboard's day; the default day needs no parameter.
  const withDay = asOf && asOf !== latest ? { ...filter, valueAsOf: asOf } : filter;
  return routeHref('customers', customersSearchParams(withDay));
}
