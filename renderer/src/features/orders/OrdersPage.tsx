/**
 * 订单: every order of every platform and shop in one list. The filters and the sort live in the
 * URL (orders-link.ts): the page reads them from `#/orders?…` and writes each change back, so
 * back/forward, a reload and links from other screens all show the same list.
 */
import { Alert, Empty, Flex, Tooltip, Typography } from 'antd';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrdersTotals, ShopSummary } from '../../../../main/api/contract';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { navigate, useRouteQuery } from '../../app/routes';
import { formatFen } from '../../format/money';
import { ExportOrders } from './ExportOrders';
import { OrderDrawer } from './OrderDrawer';
import { OrdersFilters } from './OrdersFilters';
import { OrdersTable } from './OrdersTable';
import { errorText } from './order-format';
import { ordersSearchParams, parseOrdersQuery, type OrdersFilter, type OrdersSort } from './orders-link';
import { useOrdersPages } from './useOrdersPages';

/** Table header and the line under the table (px): the body gets the rest of the window. */
const TABLE_CHROME_PX = 39 + 34;
const MIN_BODY_PX = 240;

/** The table body fills the window below where the table starts. */
function useBodyHeight(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [height, setHeight] = useState(480);
  useLayoutEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 0;
      setHeight(Math.max(MIN_BODY_PX, Math.floor(window.innerHeight - top - 24 - TABLE_CHROME_PX)));
    };
    measure();
    window.addEventListener('resize', measure);
    const observer = new ResizeObserver(measure);
    if (ref.current?.parentElement) observer.observe(ref.current.parentElement);
    return () => {
      window.removeEventListener('resize', measure);
      observer.disconnect();
    };
  }, []);
  return [ref, height];
}

function useShops(dataVersion: number): ShopSummary[] {
  const [shops, setShops] = useState<ShopSummary[]>([]);
  useEffect(() => {
    let live = true;
    call('shops.list', {})
      .then((s) => live && setShops(s))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [dataVersion]);
  return shops;
}

function TotalsLine({ totals }: { totals: OrdersTotals }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('orders.totalsHint')} placement="bottomLeft">
      <Typography.Text type="secondary" data-testid="orders-totals" data-orders={totals.orders}>
        {[
          t('orders.totals', { count: totals.orders, orders: totals.orders.toLocaleString() }),
          ...totals.byCurrency.map((c) =>
            t('orders.totalsCurrency', {
              count: c.orders,
              currency: c.currency,
              orders: c.orders.toLocaleString(),
              paid: formatFen(c.paidFen, c.currency),
              refund: formatFen(c.refundFen, c.currency),
            }),
          ),
        ].join(' · ')}
      </Typography.Text>
    </Tooltip>
  );
}

export function OrdersPage() {
  const { t } = useTranslation();
  const { dataVersion, language, info } = useAppState();
  const query = useRouteQuery();
  const { filter, sort } = useMemo(() => parseOrdersQuery(query), [query]);
  const shops = useShops(dataVersion);
  const pages = useOrdersPages(filter, sort, dataVersion);
  const [openId, setOpenId] = useState<number | null>(null);
  const [tableRef, bodyHeight] = useBodyHeight();

  const show = (next: OrdersFilter, nextSort: OrdersSort = sort) =>
    navigate('orders', ordersSearchParams(next, nextSort));
  const currencies = useMemo(() => {
    const set = new Set(shops.map((s) => s.currency));
    for (const c of pages.totals?.byCurrency ?? []) set.add(c.currency);
    if (filter.currency) set.add(filter.currency);
    return [...set].sort();
  }, [shops, pages.totals, filter.currency]);
  const total = pages.totals?.orders ?? 0;

  return (
    <Flex
      vertical
      gap={12}
      data-testid="orders-page"
      data-loading={pages.loading ? 'true' : 'false'}
      // The query the rows and totals on screen answer (tests wait for it to match the URL).
      data-query={pages.loading ? undefined : query}
    >
      <Flex align="baseline" gap={16} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('orders.title')}
        </Typography.Title>
        {pages.totals && <TotalsLine totals={pages.totals} />}
      </Flex>
      <OrdersFilters
        filter={filter}
        shops={shops}
        currencies={currencies}
        onChange={(next) => show(next)}
        extra={<ExportOrders filter={filter} sort={sort} orders={total} />}
      />
      {pages.error !== null && (
        <Alert
          type="error"
          showIcon
          title={t('orders.loadFailed')}
          description={errorText(pages.error, language)}
        />
      )}
      <div ref={tableRef} style={{ background: '#fff', borderRadius: 8, minWidth: 0 }}>
        {info?.hasData === false ? (
          <Empty style={{ padding: 48 }} description={t('orders.emptyDatabase')} />
        ) : (
          <>
            <OrdersTable
              rows={pages.rows}
              sort={sort}
              height={bodyHeight}
              loading={pages.loading}
              onSort={(next) => show(filter, next)}
              onOpen={(row) => setOpenId(row.id)}
              onEndReached={pages.loadMore}
            />
            <Flex justify="space-between" style={{ padding: '6px 12px' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="orders-loaded">
                {pages.totals && total > 0
                  ? t('orders.loadedOf', {
                      shown: pages.rows.length.toLocaleString(),
                      total: total.toLocaleString(),
                    })
                  : pages.loading
                    ? t('orders.loading')
                    : t('orders.empty')}
              </Typography.Text>
              {(pages.loading || pages.loadingMore) && pages.rows.length > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('orders.loading')}
                </Typography.Text>
              )}
            </Flex>
          </>
        )}
      </div>
      <OrderDrawer orderId={openId} onClose={() => setOpenId(null)} />
    </Flex>
  );
}
