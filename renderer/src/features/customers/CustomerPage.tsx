/**
 * 客户 360: one customer — its accounts on every platform and shop and how each joined, totals per
 * platform, how the accounts were joined and on what evidence, every order on one timeline (a row
 * opens the order drawer), the owner's note and tags. Masked as everywhere.
 */
import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../main/api/contract';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { routeHref } from '../../app/routes';
import { OrderDrawer } from '../orders/OrderDrawer';
import { errorText, formatShopTime } from '../orders/order-format';
import { AccountsTable, PlatformTotalsTable } from './CustomerTables';
import { CustomerJoins } from './CustomerJoins';
import { CustomerNotes } from './CustomerNotes';
import { CustomerTimeline } from './CustomerTimeline';
import { Section, spendText } from './Section';

function Summary({ d }: { d: CustomerDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 2, sm: 3, md: 5 }}
      layout="vertical"
      style={{ background: '#fff', borderRadius: 8 }}
      data-testid="customer-summary"
    >
      <Descriptions.Item label={t('customers.page.paidOrders')}>
        <Typography.Text strong style={{ fontSize: 18 }}>
          {d.totals.paidOrders.toLocaleString()}
        </Typography.Text>{' '}
        <Typography.Text type="secondary">
          {t('customers.page.allOrders', { count: d.totals.orders })}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('customers.page.netSpend')}>
        <Typography.Text strong style={{ fontSize: 18 }} data-testid="customer-spend">
          {spendText(d.totals.spend)}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('customers.page.accountCount')}>
        <Typography.Text strong style={{ fontSize: 18 }}>
          {d.accounts.length}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('customers.page.firstOrder')}>
        {formatShopTime(d.totals.firstOrderAt, 'Asia/Shanghai')}
      </Descriptions.Item>
      <Descriptions.Item label={t('customers.page.lastOrder')}>
        {formatShopTime(d.totals.lastOrderAt, 'Asia/Shanghai')}
      </Descriptions.Item>
    </Descriptions>
  );
}

export function CustomerPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { dataVersion, language } = useAppState();
  const [fetched, setFetched] = useState<{
    id: number;
    detail: CustomerDetail | null;
    error: unknown;
  } | null>(null);
  const [openOrder, setOpenOrder] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    call('customers.get', { id })
      .then((detail) => live && setFetched({ id, detail, error: null }))
      .catch((error: unknown) => live && setFetched({ id, detail: null, error }));
    return () => {
      live = false;
    };
  }, [id, dataVersion]);

  const current = fetched?.id === id ? fetched : null;
  const d = current?.detail ?? null;
  const back = (
    <a href={routeHref('customers')} data-testid="customer-back">
      <ArrowLeftOutlined /> {t('customers.page.back')}
    </a>
  );

  if (current?.error)
    return (
      <Flex vertical gap={12} data-testid="customer-page">
        {back}
        <Alert
          type="error"
          showIcon
          title={t('customers.page.loadFailed')}
          description={errorText(current.error, language)}
        />
      </Flex>
    );
  if (!d)
    return (
      <Flex vertical gap={12} data-testid="customer-page" data-loading="true">
        {back}
        <Skeleton active />
      </Flex>
    );

  return (
    <Flex vertical gap={16} data-testid="customer-page" data-loading="false" data-customer-id={d.id}>
      {back}
      <Flex align="baseline" gap={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="customer-name">
          {d.displayName ?? t('customers.page.title', { id: d.id })}
        </Typography.Title>
        {d.phone && <Typography.Text type="secondary">{d.phone}</Typography.Text>}
        <Typography.Text type="secondary">#{d.id}</Typography.Text>
        <Space size={4} wrap>
          {d.isSample && <Tag color="orange">{t('customers.sample')}</Tag>}
          {d.locked && (
            <Tag icon={<LockOutlined />} title={t('customers.lockedHint')}>
              {t('customers.locked')}
            </Tag>
          )}
          {d.tags.map((tag) => (
            <Tag key={tag} color="blue">
              {tag}
            </Tag>
          ))}
        </Space>
      </Flex>
      <Summary d={d} />
      <Section title={t('customers.page.accounts', { count: d.accounts.length })} testId="customer-accounts">
        <AccountsTable accounts={d.accounts} />
      </Section>
      <Section title={t('customers.page.byPlatform')} testId="customer-platforms">
        {d.byPlatform.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <PlatformTotalsTable totals={d.byPlatform} />
        )}
      </Section>
      <CustomerTimeline customerId={d.id} onOpen={setOpenOrder} />
      <CustomerJoins detail={d} />
      <CustomerNotes
        detail={d}
        onSaved={(saved) =>
          setFetched((prev) =>
            prev?.detail ? { ...prev, detail: { ...prev.detail, note: saved.note, tags: saved.tags } } : prev,
          )
        }
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('customers.page.masked')}
      </Typography.Text>
      <OrderDrawer orderId={openOrder} onClose={() => setOpenOrder(null)} />
    </Flex>
  );
}
