import { ConfigProvider, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import type { OrderListRow } from '../../../../main/api/contract';
import { DEFAULT_ORDERS_SORT, type OrderSortKey } from '../../../../main/shared/orders-query';
import { formatFen } from '../../format/money';
import { formatShopTime, STATUS_COLORS } from './order-format';
import type { OrdersSort } from './orders-link';

/** Load the next page when the user is this close (px) to the bottom of what is loaded. */
const LOAD_AHEAD_PX = 600;

const SORT_KEY_OF_COLUMN: Record<string, OrderSortKey> = {
  orderedAt: 'ordered_at',
  platform: 'platform',
  shop: 'shop',
  status: 'status',
  paid: 'paid',
  refund: 'refund',
};

const ellipsis = { showTitle: false } as const;

/**
 * The system UI fonts first (Segoe UI, San Francisco: what sellers have), then a CJK font's Latin
 * glyphs before the generic fallback: on Linux the English UI would otherwise fall to DejaVu Sans,
 * whose wide digits push a 19-digit Tmall id or a timestamp out of its column.
 */
const TABLE_FONTS =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC', " +
  "'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans', sans-serif";

function Clipped({ text, muted }: { text: string; muted?: boolean }) {
  return (
    <Tooltip title={text} placement="topLeft" mouseEnterDelay={0.4}>
      <Typography.Text ellipsis type={muted ? 'secondary' : undefined} style={{ maxWidth: '100%' }}>
        {text}
      </Typography.Text>
    </Tooltip>
  );
}

export function OrdersTable({
  rows,
  sort,
  height,
  loading,
  onSort,
  onOpen,
  onEndReached,
}: {
  rows: OrderListRow[];
  sort: OrdersSort;
  height: number;
  loading: boolean;
  onSort: (sort: OrdersSort) => void;
  onOpen: (row: OrderListRow) => void;
  onEndReached: () => void;
}) {
  const { t } = useTranslation();
  const itemsText = ({ items }: OrderListRow) => {
    const title = items.firstTitle ?? '—';
    if (items.lines > 1) return `${title} · ${t('orders.itemsMore', items)}`;
    return items.quantity > 1 ? `${title} ${t('orders.itemsPieces', items)}` : title;
  };
  const sortOrder = (column: string) =>
    SORT_KEY_OF_COLUMN[column] === sort.key ? (sort.direction === 'asc' ? 'ascend' : 'descend') : null;

  // Widths fit 1280 px in both languages without sideways scrolling; the items column takes the rest.
  const columns: ColumnsType<OrderListRow> = [
    {
      key: 'orderId',
      title: t('orders.columns.orderId'),
      width: 168,
      ellipsis,
      render: (_, r) => <Clipped text={r.platformOrderId} />,
    },
    {
      key: 'orderedAt',
      title: t('orders.columns.orderedAt'),
      width: 120,
      ellipsis: true,
      sorter: true,
      sortOrder: sortOrder('orderedAt'),
      sortDirections: ['descend', 'ascend'],
      render: (_, r) => formatShopTime(r.orderedAt, r.timezone),
    },
    {
      key: 'platform',
      title: t('orders.columns.platform'),
      width: 92,
      ellipsis,
      sorter: true,
      sortOrder: sortOrder('platform'),
      render: (_, r) => t(`orders.platformShort.${r.platform}`, { defaultValue: r.platform }),
    },
    {
      key: 'shop',
      title: t('orders.columns.shop'),
      width: 150,
      ellipsis,
      sorter: true,
      sortOrder: sortOrder('shop'),
      render: (_, r) => (
        <span style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0 }}>
          {r.isSample && (
            <Tag
              color="orange"
              style={{ marginInlineEnd: 0, flex: 'none', fontSize: 11, lineHeight: '16px', paddingInline: 3 }}
              data-testid="sample-tag"
            >
              {t('orders.sample')}
            </Tag>
          )}
          <Clipped text={r.shopName} />
        </span>
      ),
    },
    {
      key: 'receiver',
      title: t('orders.columns.receiver'),
      width: 120,
      ellipsis,
      render: (_, r) => <Clipped text={[r.receiverName, r.receiverPhone].filter(Boolean).join(' ') || '—'} />,
    },
    {
      key: 'items',
      title: t('orders.columns.items'),
      ellipsis,
      render: (_, r) =>
        r.items.lines === 0 ? (
          <Typography.Text type="secondary">{t('orders.itemsNone')}</Typography.Text>
        ) : (
          <Clipped text={itemsText(r)} />
        ),
    },
    {
      key: 'status',
      title: t('orders.columns.status'),
      width: 80,
      ellipsis,
      sorter: true,
      sortOrder: sortOrder('status'),
      render: (_, r) => (
        <Tooltip title={r.statusRaw} mouseEnterDelay={0.4}>
          <Tag color={STATUS_COLORS[r.status ?? ''] ?? 'default'} style={{ marginInlineEnd: 0 }}>
            {t(`orders.statuses.${r.status ?? 'unknown'}`)}
          </Tag>
        </Tooltip>
      ),
    },
    {
      key: 'paid',
      title: t('orders.columns.paid'),
      width: 100,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('paid'),
      sortDirections: ['descend', 'ascend'],
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
    {
      key: 'refund',
      title: t('orders.columns.refund'),
      width: 84,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('refund'),
      sortDirections: ['descend', 'ascend'],
      render: (_, r) =>
        r.refundFen ? (
          <Typography.Text type="danger">{formatFen(r.refundFen, r.currency)}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  // 13 px like the seller back offices: a 19-digit Tmall id and the items still share 1280 px.
  return (
    <ConfigProvider theme={{ token: { fontSize: 13, fontFamily: TABLE_FONTS } }}>
      <Table<OrderListRow>
        virtual
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={false}
        loading={loading}
        scroll={{ y: height }}
        showSorterTooltip={false}
        onRow={(r) => ({
          onClick: () => onOpen(r),
          style: { cursor: 'pointer' },
          'data-testid': 'order-row',
          'data-order-id': r.platformOrderId,
        })}
        onChange={(_pagination, _filters, sorter) => {
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<OrderListRow> | undefined;
          const key = s?.columnKey ? SORT_KEY_OF_COLUMN[String(s.columnKey)] : undefined;
          onSort(
            key && s?.order ? { key, direction: s.order === 'ascend' ? 'asc' : 'desc' } : DEFAULT_ORDERS_SORT,
          );
        }}
        onScroll={(e) => {
          const el = e.currentTarget;
          if (el.scrollHeight - el.scrollTop - el.clientHeight < LOAD_AHEAD_PX) onEndReached();
        }}
        data-testid="orders-table"
      />
    </ConfigProvider>
  );
}
