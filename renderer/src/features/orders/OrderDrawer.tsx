import { Alert, Descriptions, Drawer, Empty, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail, OrderHistoryEntry, OrderLineView } from '../../../../main/api/contract';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { formatFen } from '../../format/money';
import { errorText, formatShopTime, STATUS_COLORS } from './order-format';
import { ordersHref, openOrders } from './orders-link';
import { customerHref, openCustomer } from '../customers/customers-link';

const { Text } = Typography;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section style={{ marginBottom: 20 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

export function OrderDrawer({ orderId, onClose }: { orderId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { language, dataVersion } = useAppState();
  // What was fetched, for which order: a different order id means the drawer is loading.
  const [fetched, setFetched] = useState<{ id: number; detail: OrderDetail | null; error: unknown } | null>(
    null,
  );

  useEffect(() => {
    if (orderId === null) return;
    let live = true;
    call('orders.get', { id: orderId })
      .then((detail) => live && setFetched({ id: orderId, detail, error: null }))
      .catch((error: unknown) => live && setFetched({ id: orderId, detail: null, error }));
    return () => {
      live = false;
    };
  }, [orderId, dataVersion]);

  const current = fetched && fetched.id === orderId ? fetched : null;
  const detail = current?.detail ?? null;
  const error = current?.error ?? null;
  const d = detail;
  return (
    <Drawer
      open={orderId !== null}
      onClose={onClose}
      size={720}
      title={d ? t('orders.drawer.title', { id: d.platformOrderId }) : t('orders.loading')}
      extra={
        d && (
          <Space size={4}>
            <Tag>{t(`orders.platformShort.${d.platform}`, { defaultValue: d.platform })}</Tag>
            {d.shop.isSample && <Tag color="orange">{t('orders.sample')}</Tag>}
            <Tag color={STATUS_COLORS[d.status ?? ''] ?? 'default'}>
              {t(`orders.statuses.${d.status ?? 'unknown'}`)}
            </Tag>
          </Space>
        )
      }
      data-testid="order-drawer"
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={t('orders.drawer.loadFailed')}
          description={errorText(error, language)}
        />
      )}
      {!d && error === null && <Skeleton active />}
      {d && <DetailBody d={d} onClose={onClose} />}
    </Drawer>
  );
}

function DetailBody({ d, onClose }: { d: OrderDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const time = (iso: string | null) => formatShopTime(iso, d.shop.timezone);
  const money = (fen: number | null) => formatFen(fen, d.currency);
  const address = [d.receiver.province, d.receiver.city, d.receiver.district, d.receiver.street]
    .filter(Boolean)
    .join(' ');

  return (
    <div data-testid="order-detail">
      <Section title={t('orders.drawer.overview')}>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('orders.drawer.shop')} span={2}>
            {d.shop.name}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.drawer.platformStatus')}>
            {d.statusRaw ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.drawer.refundStatus')}>
            {d.refundStatus ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.drawer.orderedAt')}>
            {time(d.times.orderedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.drawer.paidAt')}>{time(d.times.paidAt)}</Descriptions.Item>
          <Descriptions.Item label={t('orders.drawer.shippedAt')}>
            {time(d.times.shippedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.drawer.completedAt')}>
            {time(d.times.completedAt)}
          </Descriptions.Item>
          {d.times.closedAt && (
            <Descriptions.Item label={t('orders.drawer.closedAt')} span={2}>
              {time(d.times.closedAt)}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Text type="secondary" style={{ fontSize: 12 }}>
          {t('orders.drawer.timeZone', { zone: d.shop.timezone })}
        </Text>
      </Section>

      <Section title={t('orders.drawer.money', { currency: d.currency })}>
        <Descriptions size="small" column={3} bordered data-testid="order-money">
          <Descriptions.Item label={t('orders.drawer.goods')}>{money(d.money.goodsFen)}</Descriptions.Item>
          <Descriptions.Item label={t('orders.drawer.payable')}>
            {money(d.money.payableFen)}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.drawer.paid')}>{money(d.money.paidFen)}</Descriptions.Item>
          <Descriptions.Item label={t('orders.drawer.shipping')}>
            {money(d.money.shippingFen)}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.drawer.discount')}>
            {money(d.money.discountFen)}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.drawer.refund')}>
            {d.money.refundFen ? (
              <Text type="danger">{money(d.money.refundFen)}</Text>
            ) : (
              money(d.money.refundFen)
            )}
          </Descriptions.Item>
          {(d.money.settlementFen !== null || d.money.platformFeeFen !== null) && (
            <>
              <Descriptions.Item label={t('orders.drawer.settlement')}>
                {money(d.money.settlementFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.drawer.platformFee')} span={2}>
                {money(d.money.platformFeeFen)}
              </Descriptions.Item>
            </>
          )}
        </Descriptions>
      </Section>

      <Section title={t('orders.drawer.lines', { count: d.lines.length })}>
        {d.lines.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.drawer.noLines')} />
        ) : (
          <LinesTable lines={d.lines} currency={d.currency} />
        )}
      </Section>

      <Section title={t('orders.drawer.receiver')}>
        <Descriptions size="small" column={2} bordered data-testid="order-receiver">
          <Descriptions.Item label={t('orders.drawer.receiverName')}>
            {d.receiver.name ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.drawer.receiverPhone')}>
            {d.receiver.phone ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.drawer.address')} span={2}>
            {address || '—'}
          </Descriptions.Item>
        </Descriptions>
        <Text type="secondary" style={{ fontSize: 12 }}>
          {t('orders.drawer.maskedNote')}
        </Text>
      </Section>

      <Section title={t('orders.drawer.buyer')}>
        {d.buyer ? (
          <>
            <Descriptions size="small" column={2} bordered data-testid="order-buyer">
              <Descriptions.Item label={t('orders.drawer.buyerAccount')}>
                {t(`orders.platformShort.${d.buyer.platform}`, { defaultValue: d.buyer.platform })} ·{' '}
                {d.buyer.display}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.drawer.nickname')}>
                {d.buyer.nickname ?? '—'}
              </Descriptions.Item>
            </Descriptions>
            <Space size={16} style={{ marginTop: 8 }} wrap>
              {/* The customer this account belongs to: all their accounts and orders on one page. */}
              {d.buyer.customerId !== null && (
                <a
                  href={customerHref(d.buyer.customerId)}
                  onClick={(e) => {
                    e.preventDefault();
                    onClose();
                    openCustomer(d.buyer!.customerId!);
                  }}
                  data-testid="buyer-customer-link"
                >
                  {t('orders.drawer.buyerCustomer')}
                </a>
              )}
              {/* This account's orders, on the Orders page. */}
              <a
                href={ordersHref(d.buyer.link)}
                onClick={(e) => {
                  e.preventDefault();
                  onClose();
                  openOrders(d.buyer!.link);
                }}
                data-testid="buyer-orders-link"
              >
                {t('orders.drawer.buyerOrders', { count: d.buyer.orders })}
              </a>
            </Space>
          </>
        ) : (
          <Text type="secondary">{t('orders.drawer.noBuyer')}</Text>
        )}
      </Section>

      {(d.buyerNote || d.sellerNote) && (
        <Section title={t('orders.drawer.notes')}>
          <Descriptions size="small" column={1} bordered>
            {d.buyerNote && (
              <Descriptions.Item label={t('orders.drawer.buyerNote')}>{d.buyerNote}</Descriptions.Item>
            )}
            {d.sellerNote && (
              <Descriptions.Item label={t('orders.drawer.sellerNote')}>{d.sellerNote}</Descriptions.Item>
            )}
          </Descriptions>
        </Section>
      )}

      <Section title={t('orders.drawer.history')}>
        <History entries={d.history} />
      </Section>
    </div>
  );
}

function LinesTable({ lines, currency }: { lines: OrderLineView[]; currency: string }) {
  const { t } = useTranslation();
  // Many exports say nothing per line (a line's paid amount, refund, status): such columns stay out.
  const has = (pick: (l: OrderLineView) => unknown) =>
    lines.some((l) => pick(l) !== null && pick(l) !== undefined);
  const columns: ColumnsType<OrderLineView> = [
    {
      key: 'title',
      title: t('orders.drawer.lineTitle'),
      ellipsis: { showTitle: false },
      render: (_, l) => (
        <Tooltip title={l.title} placement="topLeft">
          <div style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{l.title ?? '—'}</div>
          {l.attributes && (
            <Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>
              {l.attributes}
            </Text>
          )}
        </Tooltip>
      ),
    },
    {
      key: 'sku',
      title: t('orders.drawer.lineSku'),
      width: 110,
      ellipsis: true,
      render: (_, l) => l.sku ?? '—',
    },
    { key: 'qty', title: t('orders.drawer.lineQuantity'), width: 60, align: 'right', dataIndex: 'quantity' },
  ];
  if (has((l) => l.unitPriceFen))
    columns.push({
      key: 'unit',
      title: t('orders.drawer.lineUnitPrice'),
      width: 92,
      align: 'right',
      render: (_, l) => formatFen(l.unitPriceFen, currency),
    });
  if (has((l) => l.paidFen))
    columns.push({
      key: 'paid',
      title: t('orders.drawer.linePaid'),
      width: 92,
      align: 'right',
      render: (_, l) => formatFen(l.paidFen, currency),
    });
  if (lines.some((l) => l.refundFen))
    columns.push({
      key: 'refund',
      title: t('orders.drawer.lineRefund'),
      width: 88,
      align: 'right',
      render: (_, l) => (l.refundFen ? formatFen(l.refundFen, currency) : '—'),
    });
  if (has((l) => l.status ?? l.statusRaw))
    columns.push({
      key: 'status',
      title: t('orders.drawer.lineStatus'),
      width: 80,
      ellipsis: true,
      render: (_, l) => (l.status ? t(`orders.statuses.${l.status}`) : (l.statusRaw ?? '—')),
    });
  return (
    <Table<OrderLineView>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={lines}
      columns={columns}
      data-testid="order-lines"
    />
  );
}

function History({ entries }: { entries: OrderHistoryEntry[] }) {
  const { t } = useTranslation();
  const role = {
    created: t('orders.drawer.historyCreated'),
    changed: t('orders.drawer.historyChanged'),
    lines: t('orders.drawer.historyLines'),
  };
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="order-history">
      {entries.map((e) => (
        <li key={`${e.opId}-${e.role}`} style={{ marginBottom: 4 }}>
          <Text>{formatShopTime(e.createdAt, 'Asia/Shanghai')}</Text>
          {' · '}
          <Text strong>{role[e.role]}</Text>
          {' · '}
          <Text type="secondary">
            #{e.opId} {e.fileName ?? (e.kind === 'demo' ? t('orders.drawer.historyDemo') : e.kind)}
          </Text>
          {e.state === 'undone' && (
            <Tag style={{ marginInlineStart: 8 }} color="default">
              {t('orders.drawer.historyUndone')}
            </Tag>
          )}
        </li>
      ))}
    </ul>
  );
}
