/** The shops as shops.list has them, fetched again whenever data changes anywhere in the app. */
import { useCallback, useEffect, useState } from 'react';
import type { ShopSummary } from '../../../../main/api/contract';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';

export function useShops() {
  const { dataVersion } = useAppState();
  const [shops, setShops] = useState<ShopSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    call('shops.list', {})
      .then((list) => {
        if (!live) return;
        setShops(list);
        setError(null);
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [dataVersion, reload]);

  const refresh = useCallback(() => setReload((n) => n + 1), []);
  return { shops, error, refresh };
}

/** The owner's own orders, apart from the sample's. */
export function realOrders(shops: readonly ShopSummary[]): number {
  return shops.filter((s) => !s.isSample).reduce((n, s) => n + s.orders, 0);
}
