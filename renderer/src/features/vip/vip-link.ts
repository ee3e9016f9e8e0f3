/**
 * The print preview's address: `#/vip/print?segment=3` for a saved segment, `#/vip/print?filter=…`
 * (the filter as JSON) for an unsaved one. A bad or missing value is everyone, never an error.
 */
import { routeHref } from '../../app/routes';
import type { CustomersFilter } from '../../../../main/shared/customers-query';

export interface PrintSource {
  segmentId?: number;
  filter?: CustomersFilter;
}

export function printHref(source: PrintSource): string {
  const params = new URLSearchParams();
  if (source.segmentId !== undefined) params.set('segment', String(source.segmentId));
  else if (source.filter && Object.keys(source.filter).length > 0)
    params.set('filter', JSON.stringify(source.filter));
  return routeHref('vip', params, 'print');
}

export function parsePrintSource(query: string): PrintSource {
  const params = new URLSearchParams(query);
  const segment = params.get('segment');
  if (segment && /^\d+$/.test(segment)) return { segmentId: Number(segment) };
  const filter = params.get('filter');
  if (!filter) return {};
  try {
    const value = JSON.parse(filter) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value)
      ? { filter: value as CustomersFilter }
      : {};
  } catch {
    return {};
  }
}

/** A filter without undefined and empty values, so equal filters compare equal. */
export function tidyFilter(filter: CustomersFilter): CustomersFilter {
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0))
      next[key] = value;
  return next as CustomersFilter;
}
