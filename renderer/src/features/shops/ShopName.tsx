/** A shop's name, with the 示例 tag when it is the sample shop: sample data is labelled wherever it shows. */
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

export function SampleTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('shops.sampleHint')}>
      <Tag color="gold" data-testid="sample-tag" style={{ marginInlineEnd: 0 }}>
        {t('shops.sample')}
      </Tag>
    </Tooltip>
  );
}

export function ShopName({ name, isSample }: { name: string; isSample: boolean }) {
  return (
    <Space size={6}>
      <span>{name}</span>
      {isSample && <SampleTag />}
    </Space>
  );
}
