/** Renaming a shop and setting its platform, currency and time zone: one save, one recorded change. */
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopSummary } from '../../../../main/api/contract';
import { allTimeZones, COMMON_TIME_ZONES } from '../../../../main/shared/time-zones';
import { CNY_PLATFORMS, PLATFORMS, type Platform } from '../../../../main/shared/vocabulary';
import { call } from '../../api/client';
import { CURRENCIES } from '../import/formats';
import { useErrorText } from '../../app/useErrorText';

interface Values {
  name: string;
  platform: Platform;
  currency: string;
  timezone: string;
}

/** The zone select: the zones Huike's sellers have first, then every zone, searchable. */
function useTimeZoneOptions() {
  const { t } = useTranslation();
  return useMemo(() => {
    const common = new Set<string>(COMMON_TIME_ZONES);
    const option = (zone: string) => ({ value: zone, label: zone });
    return [
      { label: t('shops.timezoneCommon'), options: COMMON_TIME_ZONES.map(option) },
      {
        label: t('shops.timezoneAll'),
        options: allTimeZones()
          .filter((z) => !common.has(z))
          .map(option),
      },
    ];
  }, [t]);
}

export function EditShopModal({
  shop,
  onClose,
  onSaved,
}: {
  shop: ShopSummary;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const zones = useTimeZoneOptions();
  const platform = Form.useWatch('platform', form) ?? (shop.platform as Platform);
  const yuanOnly = CNY_PLATFORMS.includes(platform);

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const result = await call('shops.update', {
        shopId: shop.id,
        name: values.name,
        platform: values.platform,
        currency: yuanOnly ? 'CNY' : values.currency,
        timezone: values.timezone,
      });
      void message.success(
        result.ordersRedated > 0
          ? t('shops.savedRedated', { name: result.shop.name, count: result.ordersRedated })
          : t('shops.saved', { name: result.shop.name }),
      );
      onSaved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('shops.editTitle', { name: shop.name })}
      okText={t('shops.save')}
      cancelText={t('common.cancel')}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'shop-save' } as never}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          name: shop.name,
          platform: shop.platform as Platform,
          currency: shop.currency,
          timezone: shop.timezone,
        }}
        data-testid="shop-edit-form"
      >
        <Form.Item
          name="name"
          label={t('shops.name')}
          rules={[{ required: true, whitespace: true, message: t('shops.nameRequired') }]}
        >
          <Input maxLength={100} data-testid="shop-name-input" />
        </Form.Item>
        <Form.Item name="platform" label={t('shops.platform')} extra={t('shops.platformHint')}>
          <Select<Platform>
            data-testid="shop-platform-select"
            options={PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="currency"
          label={t('shops.currency')}
          extra={yuanOnly ? t('shops.currencyFixed') : undefined}
        >
          <Select<string>
            data-testid="shop-currency-select"
            disabled={yuanOnly}
            showSearch
            options={[...new Set([shop.currency, ...CURRENCIES])].map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
        <Form.Item name="timezone" label={t('shops.timezone')} extra={t('shops.timezoneHint')}>
          <Select<string> data-testid="shop-timezone-select" showSearch options={zones} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="shop-edit-error" />}
    </Modal>
  );
}
