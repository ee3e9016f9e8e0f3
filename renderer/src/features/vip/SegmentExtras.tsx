/**
 * The conditions segments add to the Customers list's filter bar: region (provinces, cities),
 * products bought, tags, VIP level and marketing consent — each choice offered with how many
 * customers it has (segments.options).
 */
import { Flex, Input, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomersFilter } from '../../../../main/shared/customers-query';
import type { SegmentOptions, VipLevelCount } from '../../../../main/api/contract';
import { tidyFilter } from './vip-link';

export function SegmentExtras({
  filter,
  options,
  levels,
  onChange,
}: {
  filter: CustomersFilter;
  options: SegmentOptions | null;
  levels: VipLevelCount[];
  onChange: (next: CustomersFilter) => void;
}) {
  const { t } = useTranslation();
  const change = (next: CustomersFilter) => onChange(tidyFilter(next));
  // The note box types freely; the filter follows after a pause.
  const [noteText, setNoteText] = useState(filter.note ?? '');
  const [shownNote, setShownNote] = useState(filter.note);
  const timer = useRef<number | undefined>(undefined);
  if (filter.note !== shownNote) {
    setShownNote(filter.note);
    setNoteText(filter.note ?? '');
  }
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const counted = (label: string, n: number) => `${label} (${n})`;
  const cities = (options?.cities ?? []).filter(
    (c) => !filter.provinces?.length || filter.provinces.includes(c.provCode),
  );
  const multi = {
    mode: 'multiple' as const,
    allowClear: true,
    maxTagCount: 'responsive' as const,
    optionFilterProp: 'label',
  };
  return (
    <Flex wrap gap={8} align="center" data-testid="segment-extras">
      <Select
        {...multi}
        style={{ width: 200 }}
        placeholder={t('vip.segment.province')}
        value={filter.provinces ?? []}
        options={(options?.provinces ?? []).map((p) => ({
          value: p.code,
          label: counted(p.name, p.customers),
        }))}
        onChange={(v: string[]) => change({ ...filter, provinces: v })}
        data-testid="segment-provinces"
      />
      <Select
        {...multi}
        style={{ width: 200 }}
        placeholder={t('vip.segment.city')}
        value={filter.cities ?? []}
        options={cities.map((c) => ({ value: c.code, label: counted(c.name, c.customers) }))}
        onChange={(v: string[]) => change({ ...filter, cities: v })}
        data-testid="segment-cities"
      />
      <Select
        {...multi}
        style={{ width: 240 }}
        placeholder={t('vip.segment.products')}
        value={filter.products ?? []}
        options={(options?.products ?? []).map((p) => ({
          value: p.key,
          label: counted(p.title === p.key ? p.title : `${p.title} · ${p.key}`, p.customers),
        }))}
        onChange={(v: string[]) => change({ ...filter, products: v })}
        data-testid="segment-products"
      />
      <Select
        {...multi}
        style={{ width: 180 }}
        placeholder={t('vip.segment.tags')}
        value={filter.tags ?? []}
        options={(options?.tags ?? []).map((tag) => ({
          value: tag.tag,
          label: counted(tag.tag, tag.customers),
        }))}
        onChange={(v: string[]) => change({ ...filter, tags: v })}
        data-testid="segment-tags"
      />
      <Select
        {...multi}
        style={{ width: 200 }}
        placeholder={t('vip.segment.levels')}
        value={filter.vipLevels ?? []}
        options={levels.map((l) => ({ value: l.level, label: counted(l.name, l.customers) }))}
        onChange={(v: number[]) => change({ ...filter, vipLevels: v })}
        data-testid="segment-levels"
      />
      <Input
        allowClear
        style={{ width: 200 }}
        placeholder={t('vip.segment.note')}
        value={noteText}
        maxLength={100}
        onChange={(e) => {
          setNoteText(e.target.value);
          window.clearTimeout(timer.current);
          const value = e.target.value.trim() || undefined;
          timer.current = window.setTimeout(() => change({ ...filter, note: value }), 350);
        }}
        data-testid="segment-note"
      />
      <Select
        allowClear
        style={{ width: 160 }}
        placeholder={t('vip.segment.marketing')}
        value={filter.marketing ?? null}
        options={[
          { value: 'allowed', label: t('vip.segment.marketingAllowed') },
          { value: 'refused', label: t('vip.segment.marketingRefused') },
        ]}
        onChange={(v: 'allowed' | 'refused' | null) => change({ ...filter, marketing: v ?? undefined })}
        data-testid="segment-marketing"
      />
    </Flex>
  );
}
