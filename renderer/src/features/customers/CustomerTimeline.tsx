/** Every order of the customer's accounts on one timeline, newest first, a page at a time. */
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerOrdersPage, OrderListRow } from '../../../../main/api/contract';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { formatFen } from '../../format/money';
import { formatShopTime, STATUS_COLORS } from '../orders/order-format';
import { Section } from './Section';
import { TableTheme } from './table-theme';

const PAGE_SIZE = 20;

export function CustomerTimeline({
  customerId,
  onOpen,
}: {
  customerId: number;
  onOpen: (orderId: number) => void;
}) {
  const { t } = useTranslation();
  const { dataVersion } = useAppState();
  const [page, setPage] = useState(1);
  const [loaded, setLoaded] = useState<{ key: string; data: CustomerOrdersPage | null }>({
    key: '',
    data: null,
  });
  const key = JSON.stringify([customerId, page, dataVersion]);

  useEffect(() => {
    let live = true;
    call('customers.orders', { id: customerId, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE })
      .then((data) => live && setLoaded({ key, data }))
      .catch(() => live && setLoaded({ key, data: null }));
    return () => {
      live = false;
    };
  }, [customerId, page, key]);

  const itemsText = ({ items }: OrderListRow) => {
    const title = items.firstTitle ?? '—';
    if (items.lines > 1) return `${title} · ${t('orders.itemsMore', items)}`;
    return items.quantity > 1 ? `${title} ${t('orders.itemsPieces', items)}` : title;
  };
  const columns: ColumnsType<OrderListRow> = [
    {
      key: 'orderedAt',
      title: t('orders.columns.orderedAt'),
      width: 136,
      render: (_, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatShopTime(r.orderedAt, r.timezone)}</span>
      ),
    },
    {
      key: 'platform',
      title: t('orders.columns.platform'),
      width: 92,
      ellipsis: true,
      render: (_, r) => t(`orders.platformShort.${r.platform}`, { defaultValue: r.platform }),
    },
    {
      key: 'shop',
      title: t('orders.columns.shop'),
      width: 150,
      ellipsis: true,
      render: (_, r) => r.shopName,
    },
    {
      key: 'orderId',
      title: t('orders.columns.orderId'),
      width: 172,
      ellipsis: true,
      render: (_, r) => r.platformOrderId,
    },
    {
      key: 'items',
      title: t('orders.columns.items'),
      ellipsis: { showTitle: false },
      render: (_, r) =>
        r.items.lines === 0 ? (
          <Typography.Text type="secondary">{t('orders.itemsNone')}</Typography.Text>
        ) : (
          <Tooltip title={itemsText(r)} placement="topLeft" mouseEnterDelay={0.4}>
            <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
              {itemsText(r)}
            </Typography.Text>
          </Tooltip>
        ),
    },
    {
      key: 'status',
      title: t('orders.columns.status'),
      width: 84,
      render: (_, r) => (
        <Tag color={STATUS_COLORS[r.status ?? ''] ?? 'default'} style={{ marginInlineEnd: 0 }}>
          {t(`orders.statuses.${r.status ?? 'unknown'}`)}
        </Tag>
      ),
    },
    {
      key: 'paid',
      title: t('orders.columns.paid'),
      width: 110,
      align: 'right',
      render: (_, r) =>
        r.isPaid ? (
          formatFen(r.paidFen, r.currency)
        ) : (
          <Tooltip title={t('orders.unpaid')}>
            <Typography.Text type="secondary" delete={Boolean(r.paidFen)}>
              {formatFen(r.paidFen, r.currency)}
            </Typography.Text>
          </Tooltip>
        ),
    },
  ];
  const data = loaded.data;
  return (
    <Section
      title={t('customers.page.timeline', { count: data?.total ?? 0 })}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('customers.page.timelineHint')}
        </Typography.Text>
      }
      testId="customer-orders"
    >
      <TableTheme>
        <Table<OrderListRow>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={data?.rows ?? []}
          loading={loaded.key !== key}
          pagination={
            (data?.total ?? 0) > PAGE_SIZE
              ? {
                  current: page,
                  pageSize: PAGE_SIZE,
                  total: data?.total ?? 0,
                  showSizeChanger: false,
                  onChange: setPage,
                }
              : false
          }
          onRow={(r) =>
            ({
              onClick: () => onOpen(r.id),
              style: { cursor: 'pointer' },
              'data-testid': 'customer-order-row',
              'data-order-id': r.platformOrderId,
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </TableTheme>
    </Section>
  );
}
