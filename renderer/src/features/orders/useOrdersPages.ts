/**
 * The list behind the table: the first page of a filter comes with the filter's totals, and the
 * next pages load as the user scrolls (infinite loading: the table is virtual, so thousands of
 * loaded rows stay smooth). A new filter, sort or data change starts over; answers to an older
 * request are dropped.
 */
import { useCallback, useEffect, useState } from 'react';
import type { OrderListRow, OrdersTotals } from '../../../../main/api/contract';
import { call } from '../../api/client';
import type { OrdersFilter, OrdersSort } from './orders-link';

/** Rows per request: a few screens of the table. */
export const PAGE_SIZE = 200;

export interface OrdersPages {
  rows: OrderListRow[];
  totals: OrdersTotals | null;
  /** The first page of the current filter is on its way (rows still show the previous list). */
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  /** True until every row of the filter is loaded. */
  hasMore: boolean;
  loadMore(): void;
}

interface Loaded {
  /** The request these rows answer: filter, sort and data version. */
  key: string;
  rows: OrderListRow[];
  totals: OrdersTotals | null;
  error: unknown;
}

export function useOrdersPages(filter: OrdersFilter, sort: OrdersSort, dataVersion: number): OrdersPages {
  const key = JSON.stringify([filter, sort, dataVersion]);
  const [loaded, setLoaded] = useState<Loaded>({ key: '', rows: [], totals: null, error: null });
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    let live = true;
    // `key` carries filter and sort (new objects on every render of the page).
    const [f, s] = JSON.parse(key) as [OrdersFilter, OrdersSort];
    call('orders.list', { filter: f, sort: s, offset: 0, limit: PAGE_SIZE, withTotals: true })
      .then((page) => live && setLoaded({ key, rows: page.rows, totals: page.totals, error: null }))
      .catch((error: unknown) => live && setLoaded({ key, rows: [], totals: null, error }));
    return () => {
      live = false;
    };
  }, [key]);

  const loading = loaded.key !== key;
  const hasMore = !loading && loaded.totals !== null && loaded.rows.length < loaded.totals.orders;

  const loadMore = useCallback(() => {
    if (loadingMore || !hasMore) return;
    const forKey = loaded.key;
    setLoadingMore(true);
    call('orders.list', { filter, sort, offset: loaded.rows.length, limit: PAGE_SIZE, withTotals: false })
      // A page for a list that has since changed (a new filter, a data change) is dropped.
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
    totals: loaded.totals,
    loading,
    loadingMore,
    error: loaded.error,
    hasMore,
    loadMore,
  };
}
