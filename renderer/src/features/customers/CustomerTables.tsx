/** The customer page's accounts table and its totals per platform. */
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import type { CustomerAccountView, CustomerPlatformTotals } from '../../../../main/api/contract';
import { formatFen } from '../../format/money';
import { formatShopTime } from '../orders/order-format';
import { TableTheme } from './table-theme';

const VIA_COLORS: Record<string, string> = {
  single: 'default',
  deterministic: 'green',
  auto: 'blue',
  manual: 'purple',
};

export function AccountsTable({ accounts }: { accounts: CustomerAccountView[] }) {
  const { t } = useTranslation();
  const day = (iso: string | null) => formatShopTime(iso, 'Asia/Shanghai').slice(0, 10);
  const columns: ColumnsType<CustomerAccountView> = [
    {
      key: 'platform',
      title: t('customers.platform'),
      width: 92,
      render: (_, a) => (
        <Tag style={{ marginInlineEnd: 0 }}>
          {t(`orders.platformShort.${a.platform}`, { defaultValue: a.platform })}
        </Tag>
      ),
    },
    {
      key: 'account',
      title: t('customers.page.account'),
      ellipsis: { showTitle: false },
      render: (_, a) => (
        <Tooltip title={a.nickname ? `${a.key} · ${a.nickname}` : a.key} placement="topLeft">
          <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
            {a.key}
            {a.nickname && a.nickname !== a.key && (
              <Typography.Text type="secondary"> · {a.nickname}</Typography.Text>
            )}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      key: 'via',
      title: t('customers.page.via'),
      width: 168,
      render: (_, a) => (
        <Tag color={VIA_COLORS[a.via ?? ''] ?? 'default'} style={{ marginInlineEnd: 0 }}>
          {t(`customers.via.${a.via ?? 'unknown'}`, { defaultValue: a.via ?? '—' })}
        </Tag>
      ),
    },
    {
      key: 'shops',
      title: t('customers.page.shops'),
      width: 170,
      ellipsis: { showTitle: false },
      render: (_, a) => {
        const names = a.shops.map((s) => s.name).join('、') || '—';
        return (
          <Tooltip title={names} placement="topLeft">
            <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
              {names}
            </Typography.Text>
          </Tooltip>
        );
      },
    },
    {
      key: 'orders',
      title: <Tooltip title={t('customers.page.ordersHint')}>{t('customers.page.orders')}</Tooltip>,
      width: 80,
      align: 'right',
      render: (_, a) => t('customers.page.ordersOf', { paid: a.paidOrders, all: a.orders }),
    },
    {
      key: 'spend',
      title: t('customers.page.spend'),
      width: 130,
      align: 'right',
      render: (_, a) =>
        a.spend.length ? a.spend.map((s) => formatFen(s.netFen, s.currency)).join(' + ') : '—',
    },
    {
      key: 'dates',
      title: t('customers.page.firstLast'),
      width: 200,
      render: (_, a) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {day(a.firstOrderAt)} ~ {day(a.lastOrderAt)}
        </span>
      ),
    },
  ];
  return (
    <TableTheme>
      <Table<CustomerAccountView>
        size="small"
        rowKey="id"
        pagination={false}
        columns={columns}
        dataSource={accounts}
        onRow={(a) =>
          ({
            'data-testid': 'customer-account',
            'data-platform': a.platform,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </TableTheme>
  );
}

export function PlatformTotalsTable({ totals }: { totals: CustomerPlatformTotals[] }) {
  const { t } = useTranslation();
  const money = (pick: (r: CustomerPlatformTotals) => number) => (r: CustomerPlatformTotals) =>
    formatFen(pick(r), r.currency);
  const columns: ColumnsType<CustomerPlatformTotals> = [
    {
      key: 'platform',
      title: t('customers.platform'),
      render: (_, r) => t(`orders.platformShort.${r.platform}`, { defaultValue: r.platform }),
    },
    { key: 'currency', title: t('customers.page.currency'), dataIndex: 'currency', width: 80 },
    { key: 'orders', title: t('customers.page.orders'), dataIndex: 'orders', width: 80, align: 'right' },
    {
      key: 'paidOrders',
      title: t('customers.page.paidCount'),
      dataIndex: 'paidOrders',
      width: 110,
      align: 'right',
    },
    {
      key: 'paid',
      title: t('customers.page.paid'),
      width: 130,
      align: 'right',
      render: (_, r) => money((x) => x.paidFen)(r),
    },
    {
      key: 'refund',
      title: t('customers.page.refund'),
      width: 130,
      align: 'right',
      render: (_, r) =>
        r.refundFen ? (
          <Typography.Text type="danger">{formatFen(r.refundFen, r.currency)}</Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'net',
      title: t('customers.page.net'),
      width: 130,
      align: 'right',
      render: (_, r) => money((x) => x.netFen)(r),
    },
  ];
  return (
    <TableTheme>
      <Table<CustomerPlatformTotals>
        size="small"
        rowKey={(r) => `${r.platform}-${r.currency}`}
        pagination={false}
        columns={columns}
        dataSource={totals}
        onRow={(r) =>
          ({
            'data-testid': 'customer-platform-row',
            'data-platform': r.platform,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </TableTheme>
  );
}
