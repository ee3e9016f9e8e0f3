/**
 * 客户: every customer across platforms and shops in one list, and (`#/customers/<id>`) one
 * customer's page. The list's filters and sort live in the URL (customers-link.ts); `segment=<id>`
 * lists a saved segment's filter as it is saved now, until the user changes a condition.
 */
import { Alert, Empty, Flex, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment, ShopSummary } from '../../../../main/api/contract';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { navigate, useRouteQuery, useRoutePath } from '../../app/routes';
import { errorText } from '../orders/order-format';
import { CustomerPage } from './CustomerPage';
import { CustomersFilters } from './CustomersFilters';
import { CustomersTable } from './CustomersTable';
import {
  customersSearchParams,
  openCustomer,
  parseCustomersQuery,
  type CustomersFilter,
  type CustomersSort,
} from './customers-link';
import { ExportCustomers } from './ExportCustomers';
import { SegmentConditions } from './SegmentConditions';
import { useCustomersPages } from './useCustomersPages';

/** Table header and the line under the table (px): the body gets the rest of the window. */
const TABLE_CHROME_PX = 39 + 34;
const MIN_BODY_PX = 240;

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

function useShopList(dataVersion: number): ShopSummary[] {
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

/**
 * The saved segment the address names: undefined while it is read, null when there is none (or it
 * was deleted).
 */
function useSavedSegment(segmentId: number | undefined, dataVersion: number): Segment | null | undefined {
  const [answer, setAnswer] = useState<{ id: number; segment: Segment | null } | null>(null);
  useEffect(() => {
    if (segmentId === undefined) return;
    let live = true;
    call('segments.list', {})
      .then(
        (r) =>
          live && setAnswer({ id: segmentId, segment: r.segments.find((s) => s.id === segmentId) ?? null }),
      )
      .catch(() => live && setAnswer({ id: segmentId, segment: null }));
    return () => {
      live = false;
    };
  }, [segmentId, dataVersion]);
  if (segmentId === undefined) return null;
  return answer?.id === segmentId ? answer.segment : undefined;
}

/** The list, or a customer's page when the address names one. */
export function CustomersRoute() {
  const path = useRoutePath();
  const id = /^\d+$/.test(path) ? Number(path) : null;
  return id === null ? <CustomersPage /> : <CustomerPage id={id} />;
}

export function CustomersPage() {
  const { t } = useTranslation();
  const { dataVersion, language, info } = useAppState();
  const query = useRouteQuery();
  const { filter: asked, sort, segmentId } = useMemo(() => parseCustomersQuery(query), [query]);
  const segment = useSavedSegment(segmentId, dataVersion);
  // A segment's saved filter, with what the address adds to it; null while the segment is read.
  const filter = useMemo<CustomersFilter | null>(
    () => (segment === undefined ? null : segment ? { ...segment.filter, ...asked } : asked),
    [segment, asked],
  );
  const shownFilter = filter ?? asked;
  const shops = useShopList(dataVersion);
  const pages = useCustomersPages(filter, sort, dataVersion);
  const [tableRef, bodyHeight] = useBodyHeight();
  // A changed condition writes the whole filter out: the list stops following the segment.
  const show = (next: CustomersFilter) => navigate('customers', customersSearchParams(next, sort));
  // A new sort keeps it.
  const sortBy = (nextSort: CustomersSort) =>
    navigate('customers', customersSearchParams(asked, nextSort, segmentId));
  const currencies = useMemo(() => {
    const set = new Set(shops.map((s) => s.currency));
    if (shownFilter.spendCurrency) set.add(shownFilter.spendCurrency);
    // The yuan first: the Chinese marketplaces' currency; then the others alphabetically.
    return [...set].sort((a, b) => (a === 'CNY' ? -1 : b === 'CNY' ? 1 : a.localeCompare(b)));
  }, [shops, shownFilter.spendCurrency]);
  const total = pages.total ?? 0;

  return (
    <Flex
      vertical
      gap={12}
      data-testid="customers-page"
      data-loading={pages.loading ? 'true' : 'false'}
      data-query={pages.loading ? undefined : query}
    >
      <Flex align="baseline" gap={16} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('customers.title')}
        </Typography.Title>
        {segment && (
          <Tooltip title={t('customers.conditions.segmentHint', { name: segment.name })}>
            <Tag
              color="purple"
              closable
              onClose={(e) => {
                e.preventDefault();
                show(asked);
              }}
              data-testid="customers-segment"
            >
              {t('customers.conditions.segment', { name: segment.name })}
            </Tag>
          </Tooltip>
        )}
        {pages.total !== null && (
          <Tooltip title={t('customers.totalHint')} placement="bottomLeft">
            <Typography.Text type="secondary" data-testid="customers-total" data-customers={pages.total}>
              {t('customers.total', { count: pages.total, customers: pages.total.toLocaleString() })}
            </Typography.Text>
          </Tooltip>
        )}
        {/* In the title row: the filter bar fills its two rows at 1280 px in English. */}
        <span style={{ flex: 1 }} />
        <ExportCustomers filter={shownFilter} sort={sort} customers={total} />
      </Flex>
      {segment === null && segmentId !== undefined && (
        <Alert
          type="warning"
          showIcon
          title={t('customers.conditions.segmentMissing', { id: segmentId })}
          data-testid="customers-segment-missing"
        />
      )}
      <CustomersFilters
        filter={shownFilter}
        shops={shops}
        currencies={currencies.length ? currencies : ['CNY']}
        onChange={(next) => show(next)}
        conditions={<SegmentConditions filter={shownFilter} dataVersion={dataVersion} onChange={show} />}
      />
      {pages.error !== null && (
        <Alert
          type="error"
          showIcon
          title={t('customers.loadFailed')}
          description={errorText(pages.error, language)}
        />
      )}
      <div ref={tableRef} style={{ background: '#fff', borderRadius: 8, minWidth: 0 }}>
        {info?.hasData === false ? (
          <Empty style={{ padding: 48 }} description={t('customers.emptyDatabase')} />
        ) : (
          <>
            <CustomersTable
              rows={pages.rows}
              sort={sort}
              height={bodyHeight}
              loading={pages.loading}
              onSort={sortBy}
              onOpen={(row) => openCustomer(row.id)}
              onEndReached={pages.loadMore}
            />
            <Flex justify="space-between" style={{ padding: '6px 12px' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="customers-loaded">
                {pages.total !== null && total > 0
                  ? t('customers.loadedOf', {
                      shown: pages.rows.length.toLocaleString(),
                      total: total.toLocaleString(),
                    })
                  : pages.loading
                    ? t('customers.loading')
                    : t('customers.empty')}
              </Typography.Text>
              {(pages.loading || pages.loadingMore) && pages.rows.length > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('customers.loading')}
                </Typography.Text>
              )}
            </Flex>
          </>
        )}
      </div>
    </Flex>
  );
}
