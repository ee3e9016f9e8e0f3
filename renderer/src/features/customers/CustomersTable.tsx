/**
 * The Customers list: a virtual table (thousands of loaded rows stay smooth; the next page loads as
 * the user nears the end), one line per customer, masked as everywhere. A row opens the customer.
 */
import { LockOutlined } from '@ant-design/icons';
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import type { CustomerListRow } from '../../../../main/api/contract';
import { DEFAULT_CUSTOMERS_SORT, type CustomerSortKey } from '../../../../main/shared/customers-query';
import { routeHref } from '../../app/routes';
import { formatFen } from '../../format/money';
import type { CustomersSort } from './customers-link';
import { TableTheme } from './table-theme';

/** Load the next page when the user is this close (px) to the bottom of what is loaded. */
const LOAD_AHEAD_PX = 600;

const SORT_KEY_OF_COLUMN: Record<string, CustomerSortKey> = {
  customer: 'name',
  orders: 'orders',
  spend: 'spend',
  firstOrder: 'first_order',
  lastOrder: 'last_order',
};

const ellipsis = { showTitle: false } as const;

function Clipped({ text, muted }: { text: string; muted?: boolean }) {
  return (
    <Tooltip title={text} placement="topLeft" mouseEnterDelay={0.4}>
      <Typography.Text ellipsis type={muted ? 'secondary' : undefined} style={{ maxWidth: '100%' }}>
        {text}
      </Typography.Text>
    </Tooltip>
  );
}

export function CustomersTable({
  rows,
  sort,
  height,
  loading,
  onSort,
  onOpen,
  onEndReached,
}: {
  rows: CustomerListRow[];
  sort: CustomersSort;
  height: number;
  loading: boolean;
  onSort: (sort: CustomersSort) => void;
  onOpen: (row: CustomerListRow) => void;
  onEndReached: () => void;
}) {
  const { t } = useTranslation();
  const sortOrder = (column: string) =>
    SORT_KEY_OF_COLUMN[column] === sort.key ? (sort.direction === 'asc' ? 'ascend' : 'descend') : null;
  const platform = (p: string) => t(`orders.platformShort.${p}`, { defaultValue: p });
  const accountsText = (r: CustomerListRow) => {
    const keys = r.accountKeys.map((k) => `${platform(k.platform)} ${k.display}`).join(' · ');
    return r.accounts > r.accountKeys.length
      ? `${keys} · ${t('customers.moreAccounts', { count: r.accounts })}`
      : keys;
  };

  // Widths fit 1280 px in both languages without sideways scrolling; the accounts take the rest.
  const columns: ColumnsType<CustomerListRow> = [
    {
      key: 'customer',
      title: t('customers.columns.customer'),
      width: 170,
      ellipsis,
      sorter: true,
      sortOrder: sortOrder('customer'),
      render: (_, r) => (
        <span style={{ display: 'flex', gap: 6, alignItems: 'baseline', minWidth: 0 }}>
          <Typography.Text strong style={{ flex: 'none' }}>
            {r.displayName ?? t('customers.noName')}
          </Typography.Text>
          {r.phone && <Clipped text={r.phone} muted />}
        </span>
      ),
    },
    {
      key: 'accounts',
      title: t('customers.columns.accounts'),
      ellipsis,
      render: (_, r) => (
        <span style={{ display: 'flex', gap: 4, alignItems: 'center', minWidth: 0 }}>
          {r.tags.slice(0, 2).map((tag) => (
            <Tag key={tag} color="blue" style={{ marginInlineEnd: 0, flex: 'none' }}>
              {tag}
            </Tag>
          ))}
          <Clipped text={accountsText(r)} />
        </span>
      ),
    },
    {
      key: 'shops',
      title: t('customers.columns.shops'),
      width: 150,
      ellipsis,
      render: (_, r) => (
        <span style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0 }}>
          {r.shops.length > 0 && r.shops.every((s) => s.isSample) && (
            <Tag
              color="orange"
              style={{ marginInlineEnd: 0, flex: 'none', fontSize: 11, lineHeight: '16px', paddingInline: 3 }}
            >
              {t('customers.sample')}
            </Tag>
          )}
          <Clipped text={r.shops.map((s) => s.name).join('、') || '—'} />
        </span>
      ),
    },
    {
      key: 'orders',
      title: t('customers.columns.orders'),
      width: 76,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('orders'),
      sortDirections: ['descend', 'ascend'],
      render: (_, r) => r.paidOrders.toLocaleString(),
    },
    {
      key: 'spend',
      title: t('customers.columns.spend'),
      width: 124,
      align: 'right',
      ellipsis,
      sorter: true,
      sortOrder: sortOrder('spend'),
      sortDirections: ['descend', 'ascend'],
      render: (_, r) =>
        r.spend.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Clipped text={r.spend.map((s) => formatFen(s.netFen, s.currency)).join(' + ')} />
        ),
    },
    {
      key: 'firstOrder',
      title: t('customers.columns.firstOrder'),
      width: 104,
      sorter: true,
      sortOrder: sortOrder('firstOrder'),
      render: (_, r) => r.firstOrderDate ?? '—',
    },
    {
      key: 'lastOrder',
      title: t('customers.columns.lastOrder'),
      width: 104,
      sorter: true,
      sortOrder: sortOrder('lastOrder'),
      sortDirections: ['descend', 'ascend'],
      render: (_, r) => r.lastOrderDate ?? '—',
    },
    {
      key: 'flags',
      title: t('customers.columns.flags'),
      width: 96,
      ellipsis,
      render: (_, r) => (
        <span style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
          {r.locked && (
            <Tooltip title={t('customers.lockedHint')}>
              <LockOutlined aria-label={t('customers.locked')} />
            </Tooltip>
          )}
          {r.openSuggestions > 0 && (
            <Tooltip title={t('customers.suggestionsHint', { count: r.openSuggestions })}>
              {/* To the review of this customer's suggestions, not to its page (the row's click). */}
              <a
                href={routeHref('review', new URLSearchParams({ customer: String(r.id) }))}
                onClick={(e) => e.stopPropagation()}
              >
                <Tag
                  color="gold"
                  style={{ marginInlineEnd: 0, cursor: 'pointer' }}
                  data-testid="customer-suggestions"
                >
                  {t('customers.suggestions', { count: r.openSuggestions })}
                </Tag>
              </a>
            </Tooltip>
          )}
        </span>
      ),
    },
  ];

  return (
    <TableTheme>
      <Table<CustomerListRow>
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
          'data-testid': 'customer-row',
          'data-customer-id': r.id,
        })}
        onChange={(_pagination, _filters, sorter) => {
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CustomerListRow> | undefined;
          const key = s?.columnKey ? SORT_KEY_OF_COLUMN[String(s.columnKey)] : undefined;
          onSort(
            key && s?.order
              ? { key, direction: s.order === 'ascend' ? 'asc' : 'desc' }
              : DEFAULT_CUSTOMERS_SORT,
          );
        }}
        onScroll={(e) => {
          const el = e.currentTarget;
          if (el.scrollHeight - el.scrollTop - el.clientHeight < LOAD_AHEAD_PX) onEndReached();
        }}
        data-testid="customers-table"
      />
    </TableTheme>
  );
}
