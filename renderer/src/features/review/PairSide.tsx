/**
 * One account of the pair, as the owner recognises a buyer: platform and buyer key, its customer
 * (a merge joins whole customers, so its other accounts count), the masked receiver of its latest
 * order, its shops, orders and money, and its latest few orders.
 */
import { LockOutlined } from '@ant-design/icons';
import { Descriptions, Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewSide } from '../../../../main/api/contract';
import { routeHref } from '../../app/routes';
import { formatDate } from '../../format/dates';
import { formatFen } from '../../format/money';
import { spendText } from '../customers/Section';

function LatestOrders({ side }: { side: ReviewSide }) {
  const { t } = useTranslation();
  if (side.latestOrders.length === 0)
    return <Typography.Text type="secondary">{t('review.noOrders')}</Typography.Text>;
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'auto minmax(0, 1fr) auto minmax(0, 1.2fr)',
        columnGap: 12,
        rowGap: 4,
        fontSize: 12,
      }}
      data-testid="review-orders"
    >
      {side.latestOrders.map((o) => (
        <div
          key={o.id}
          style={{ display: 'contents' }}
          data-testid="review-order"
          data-order-id={o.platformOrderId}
        >
          <span style={{ whiteSpace: 'nowrap' }}>{o.orderDate ?? formatDate(o.orderedAt)}</span>
          <Typography.Text ellipsis style={{ fontSize: 12 }} title={o.shopName}>
            {o.shopName}
          </Typography.Text>
          <span style={{ textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
            {o.paidFen === null ? '—' : formatFen(o.paidFen, o.currency)}
          </span>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }} title={o.platformOrderId}>
            {o.platformOrderId}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}

export function PairSide({ side, label }: { side: ReviewSide; label: string }) {
  const { t } = useTranslation();
  const platform = t(`orders.platformShort.${side.platform}`, { defaultValue: side.platform });
  const dash = (v: string | null) => v ?? '—';
  return (
    <section
      style={{ background: '#fff', borderRadius: 8, padding: '14px 18px', minWidth: 0 }}
      data-testid="review-side"
      data-account-id={side.accountId}
      data-platform={side.platform}
    >
      <Flex align="center" gap={8} wrap style={{ marginBottom: 10 }}>
        <Typography.Text type="secondary">{label}</Typography.Text>
        <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
          {platform}
        </Tag>
        <Typography.Text
          strong
          ellipsis
          style={{ maxWidth: 260, fontSize: 16 }}
          data-testid="review-side-key"
        >
          {side.key}
        </Typography.Text>
        <span style={{ flex: 1 }} />
        <a
          href={routeHref('customers', undefined, String(side.customerId))}
          data-testid="review-side-customer"
        >
          {t('review.customer', { id: side.customerId })}
        </a>
        {side.customerAccounts > 1 && (
          <Typography.Text type="secondary">
            {t('review.customerAccounts', { count: side.customerAccounts })}
          </Typography.Text>
        )}
        {side.customerLocked && (
          <Tooltip title={t('review.lockedHint')}>
            <Tag
              icon={<LockOutlined />}
              color="orange"
              style={{ marginInlineEnd: 0 }}
              data-testid="review-side-locked"
            >
              {t('review.locked')}
            </Tag>
          </Tooltip>
        )}
      </Flex>
      <Descriptions
        size="small"
        column={1}
        colon={false}
        styles={{ label: { width: 96, whiteSpace: 'nowrap', color: 'rgba(0,0,0,0.45)' } }}
        items={[
          { key: 'name', label: t('review.name'), children: dash(side.name) },
          { key: 'phone', label: t('review.phone'), children: dash(side.phone) },
          { key: 'address', label: t('review.address'), children: dash(side.address) },
          ...(side.nickname
            ? [{ key: 'nickname', label: t('review.nickname'), children: side.nickname }]
            : []),
          {
            key: 'shops',
            label: t('review.shops'),
            children: side.shops.length ? side.shops.map((s) => s.name).join(t('common.listSeparator')) : '—',
          },
          {
            key: 'orders',
            label: t('review.orders'),
            children: t('review.ordersValue', { paid: side.paidOrders, all: side.orders }),
          },
          { key: 'spend', label: t('review.spend'), children: spendText(side.spend) },
          {
            key: 'period',
            label: t('review.period'),
            children:
              side.firstOrderAt === side.lastOrderAt
                ? formatDate(side.firstOrderAt)
                : `${formatDate(side.firstOrderAt)} ~ ${formatDate(side.lastOrderAt)}`,
          },
        ]}
      />
      <Typography.Text strong style={{ display: 'block', margin: '10px 0 6px' }}>
        {t('review.latestOrders')}
      </Typography.Text>
      <LatestOrders side={side} />
    </section>
  );
}
