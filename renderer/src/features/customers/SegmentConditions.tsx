/**
 * The segment conditions the Customers filter bar has no control for (region, products, tags,
 * note, VIP level, consent: they are built on the VIP page) shown as tags, each removable, so a
 * list opened from a segment says what it is filtered by. Names come from segments.options and
 * vip.levels, asked only when a condition needs them.
 */
import { Flex, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentOptions, VipLevelCount } from '../../../../main/api/contract';
import { call } from '../../api/client';
import type { CustomersFilter } from './customers-link';

interface Condition {
  key: string;
  label: string;
  /** The filter without this condition. */
  without: CustomersFilter;
}

function dropValue<K extends 'provinces' | 'cities' | 'products' | 'tags' | 'vipLevels'>(
  filter: CustomersFilter,
  key: K,
  value: NonNullable<CustomersFilter[K]>[number],
): CustomersFilter {
  const rest = (filter[key] as unknown[] | undefined)?.filter((v) => v !== value) ?? [];
  const next = { ...filter, [key]: rest };
  if (rest.length === 0) delete next[key];
  return next;
}

function useNames(filter: CustomersFilter, dataVersion: number) {
  const needsOptions = !!(filter.provinces?.length || filter.cities?.length || filter.products?.length);
  const needsLevels = !!filter.vipLevels?.length;
  const [options, setOptions] = useState<SegmentOptions | null>(null);
  const [levels, setLevels] = useState<VipLevelCount[]>([]);
  useEffect(() => {
    if (!needsOptions) return;
    let live = true;
    call('segments.options', {})
      .then((o) => live && setOptions(o))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [needsOptions, dataVersion]);
  useEffect(() => {
    if (!needsLevels) return;
    let live = true;
    call('vip.levels', {})
      .then((v) => live && setLevels(v.counts))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [needsLevels, dataVersion]);
  return { options, levels };
}

export function SegmentConditions({
  filter,
  dataVersion,
  onChange,
}: {
  filter: CustomersFilter;
  dataVersion: number;
  onChange: (next: CustomersFilter) => void;
}) {
  const { t } = useTranslation();
  const { options, levels } = useNames(filter, dataVersion);
  const provinceName = (code: string) => options?.provinces.find((p) => p.code === code)?.name ?? code;
  const cityName = (code: string) => options?.cities.find((c) => c.code === code)?.name ?? code;
  const productName = (key: string) => {
    const title = options?.products.find((p) => p.key === key)?.title;
    return title && title !== key ? `${title} · ${key}` : key;
  };
  const levelName = (level: number) => levels.find((l) => l.level === level)?.name ?? String(level);

  const conditions: Condition[] = [
    ...(filter.provinces ?? []).map((v) => ({
      key: `prov-${v}`,
      label: t('customers.conditions.province', { value: provinceName(v) }),
      without: dropValue(filter, 'provinces', v),
    })),
    ...(filter.cities ?? []).map((v) => ({
      key: `city-${v}`,
      label: t('customers.conditions.city', { value: cityName(v) }),
      without: dropValue(filter, 'cities', v),
    })),
    ...(filter.products ?? []).map((v) => ({
      key: `product-${v}`,
      label: t('customers.conditions.product', { value: productName(v) }),
      without: dropValue(filter, 'products', v),
    })),
    ...(filter.tags ?? []).map((v) => ({
      key: `tag-${v}`,
      label: t('customers.conditions.tag', { value: v }),
      without: dropValue(filter, 'tags', v),
    })),
    ...(filter.note
      ? [
          {
            key: 'note',
            label: t('customers.conditions.note', { value: filter.note }),
            without: { ...filter, note: undefined },
          },
        ]
      : []),
    ...(filter.vipLevels ?? []).map((v) => ({
      key: `vip-${v}`,
      label: t('customers.conditions.vipLevel', { value: levelName(v) }),
      without: dropValue(filter, 'vipLevels', v),
    })),
    ...(filter.marketing
      ? [
          {
            key: 'marketing',
            label: t(
              filter.marketing === 'allowed'
                ? 'customers.conditions.marketingAllowed'
                : 'customers.conditions.marketingRefused',
            ),
            without: { ...filter, marketing: undefined },
          },
        ]
      : []),
  ];
  if (conditions.length === 0) return null;
  return (
    <Flex wrap gap={4} align="center" data-testid="customers-conditions">
      {conditions.map((c) => (
        <Tooltip key={c.key} title={t('customers.conditions.hint')}>
          <Tag
            closable
            color="blue"
            style={{ maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
            onClose={(e) => {
              e.preventDefault();
              onChange(c.without);
            }}
            data-testid={`condition-${c.key}`}
          >
            {c.label}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
