/** 店铺: the shops, each with its platform, currency, time zone and orders; edit or merge one. */
import { EditOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopSummary } from '../../../../main/api/contract';
import { useAppState } from '../../app/AppState';
import { formatCount } from '../../format/money';
import { EditShopModal } from './EditShopModal';
import { MergeShopModal } from './MergeShopModal';
import { ShopName } from './ShopName';

/** The owner's shops first, the sample's after them, each in the order they came. */
function ownFirst(shops: ShopSummary[]): ShopSummary[] {
  return [...shops].sort((a, b) => Number(a.isSample) - Number(b.isSample) || a.id - b.id);
}

export function ShopsSection({ shops, error }: { shops: ShopSummary[] | null; error: string | null }) {
  const { t } = useTranslation();
  const { dataChanged } = useAppState();
  const [editing, setEditing] = useState<ShopSummary | null>(null);
  const [merging, setMerging] = useState<ShopSummary | null>(null);
  const done = () => {
    setEditing(null);
    setMerging(null);
    dataChanged();
  };

  return (
    <Card title={t('shops.title')} variant="borderless" data-testid="shops-section">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('shops.hint')}</Typography.Text>
        {error && <Alert type="error" showIcon title={error} />}
        <Table<ShopSummary>
          data-testid="shops-table"
          size="small"
          rowKey="id"
          loading={shops === null && !error}
          dataSource={ownFirst(shops ?? [])}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('shops.empty') }}
          onRow={(s) => ({ 'data-shop': s.name }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('shops.name'),
              dataIndex: 'name',
              render: (name: string, s) => <ShopName name={name} isSample={s.isSample} />,
            },
            {
              title: t('shops.platform'),
              dataIndex: 'platform',
              render: (p: string) => t(`platform.${p}`, { defaultValue: p }),
            },
            { title: t('shops.currency'), dataIndex: 'currency' },
            { title: t('shops.timezone'), dataIndex: 'timezone' },
            {
              title: t('shops.orders'),
              dataIndex: 'orders',
              align: 'right',
              render: (n: number) => formatCount(n),
            },
            {
              title: t('shops.actions'),
              key: 'actions',
              render: (_: unknown, s) => (
                <Space size={4}>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing(s)}
                    data-testid={`shop-edit-${s.id}`}
                  >
                    {t('shops.edit')}
                  </Button>
                  {!s.isSample && (
                    <Button
                      size="small"
                      icon={<MergeCellsOutlined />}
                      onClick={() => setMerging(s)}
                      data-testid={`shop-merge-${s.id}`}
                    >
                      {t('shops.merge')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Space>
      {editing && <EditShopModal shop={editing} onClose={() => setEditing(null)} onSaved={done} />}
      {merging && (
        <MergeShopModal shop={merging} shops={shops ?? []} onClose={() => setMerging(null)} onMerged={done} />
      )}
    </Card>
  );
}
