/**
 * Merging a shop into another: only shops of the same platform and currency are offered (the
 * others are listed, disabled, with the reason), and the sample shop never.
 */
import { Alert, App, Form, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopSummary } from '../../../../main/api/contract';
import { call } from '../../api/client';
import { useErrorText } from '../../app/useErrorText';

export function MergeShopModal({
  shop,
  shops,
  onClose,
  onMerged,
}: {
  shop: ShopSummary;
  shops: readonly ShopSummary[];
  onClose: () => void;
  onMerged: () => void;
}) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const { message } = App.useApp();
  const [into, setInto] = useState<number | null>(null);
  const [merging, setMerging] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const others = shops.filter((s) => s.id !== shop.id && !s.isSample);
  const reason = (s: ShopSummary) =>
    s.platform !== shop.platform
      ? t('shops.mergeOtherPlatform')
      : s.currency !== shop.currency
        ? t('shops.mergeOtherCurrency')
        : null;
  const options = others.map((s) => {
    const why = reason(s);
    return {
      value: s.id,
      disabled: why !== null,
      label: (
        <Space size={6} data-testid={`merge-option-${s.id}`}>
          <span>{s.name}</span>
          <span style={{ color: '#8c8c8c' }}>
            {t(`platform.${s.platform}`, { defaultValue: s.platform })} · {s.currency}
            {why ? ` · ${why}` : ''}
          </span>
        </Space>
      ),
    };
  });
  const possible = options.some((o) => !o.disabled);

  const merge = async () => {
    if (into === null) return;
    setMerging(true);
    setError(null);
    try {
      const r = await call('shops.merge', { fromShopId: shop.id, intoShopId: into });
      void message.success(
        t('shops.merged', {
          from: r.from.name,
          into: r.into.name,
          orders: r.ordersMoved,
          duplicates: r.duplicateOrders,
        }),
      );
      onMerged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setMerging(false);
    }
  };

  return (
    <Modal
      open
      title={t('shops.mergeTitle', { name: shop.name })}
      okText={t('shops.mergeConfirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, disabled: into === null, 'data-testid': 'merge-confirm' } as never}
      confirmLoading={merging}
      onOk={() => void merge()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('shops.mergeExplain', { name: shop.name })} />
        {possible ? (
          <Form layout="vertical">
            <Form.Item label={t('shops.mergeInto')} style={{ marginBottom: 0 }}>
              <Select<number>
                data-testid="merge-target"
                value={into ?? undefined}
                placeholder={t('shops.mergeIntoPlaceholder')}
                options={options}
                onChange={setInto}
              />
            </Form.Item>
          </Form>
        ) : (
          <Alert type="info" showIcon title={t('shops.mergeNoTarget')} />
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="merge-error" />}
      </Space>
    </Modal>
  );
}
