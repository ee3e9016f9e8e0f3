/**
 * The list behind the Customers table: the first page of a filter comes with the filter's total,
 * the next pages load as the user scrolls (the table is virtual, so thousands of loaded rows stay
 * smooth). A new filter, sort or data change starts over; answers to an older request are dropped.
 * A null filter is not known yet (a saved segment being read): nothing is asked, the list loads.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CustomerListRow } from '../../../../main/api/contract';
import { call } from '../../api/client';
import type { CustomersFilter, CustomersSort } from './customers-link';

/** Rows per request: a few screens of the table. */
export const PAGE_SIZE = 200;

interface Loaded {
  /** The request these rows answer: filter, sort and data version. */
  key: string;
  rows: CustomerListRow[];
  total: number | null;
  error: unknown;
}

export function useCustomersPages(filter: CustomersFilter | null, sort: CustomersSort, dataVersion: number) {
  const key = JSON.stringify([filter, sort, dataVersion]);
  const [loaded, setLoaded] = useState<Loaded>({ key: '', rows: [], total: null, error: null });
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    let live = true;
    const [f, s] = JSON.parse(key) as [CustomersFilter | null, CustomersSort];
    if (f === null) return;
    call('customers.list', { filter: f, sort: s, offset: 0, limit: PAGE_SIZE, withTotal: true })
      .then((page) => live && setLoaded({ key, rows: page.rows, total: page.total, error: null }))
      .catch((error: unknown) => live && setLoaded({ key, rows: [], total: null, error }));
    return () => {
      live = false;
    };
  }, [key]);

  const loading = loaded.key !== key;
  const hasMore = !loading && loaded.total !== null && loaded.rows.length < loaded.total;

  const loadMore = useCallback(() => {
    if (loadingMore || !hasMore || filter === null) return;
    const forKey = loaded.key;
    setLoadingMore(true);
    call('customers.list', { filter, sort, offset: loaded.rows.length, limit: PAGE_SIZE, withTotal: false })
      .then((page) =>
        setLoaded((prev) =>
          prev.key === forKey && page.offset === prev.rows.length
            ? { ...prev, rows: [...prev.rows, ...page.rows] }
            : prev,
        ),
      )
      .catch((error: unknown) => setLoaded((prev) => (prev.key === forKey ? { ...prev, error } : prev)))
      .finally(() => setLoadingMore(false));
  }, [filter, sort, loaded, loadingMore, hasMore]);

  return {
    rows: loaded.rows,
    total: loaded.total,
    loading,
    loadingMore,
    error: loaded.error,
    hasMore,
    loadMore,
  };
}
