/**
 * The Customers page's filter bar: search, platforms, shops, first and last order days, net spend
 * in a currency (typed in yuan, sent in fen) and paid orders. Every change goes into the URL.
 * `conditions` is a row under them for what the bar has no control for (SegmentConditions).
 */
import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopSummary } from '../../../../main/api/contract';
import { minorUnitDigits } from '../../../../main/shared/money';
import { PLATFORMS } from '../../../../main/shared/vocabulary';
import { VALUE_LABELS } from '../../../../main/shared/value-names';
import type { CustomersFilter } from './customers-link';

/** Typing waits this long before the list follows (each change is an entry in the history). */
const SEARCH_DEBOUNCE_MS = 350;

type DayKey = 'firstFrom' | 'firstTo' | 'lastFrom' | 'lastTo';

function without(filter: CustomersFilter, keys: ReadonlyArray<keyof CustomersFilter>): CustomersFilter {
  const next = { ...filter };
  for (const key of keys) delete next[key];
  return next;
}

/** A filter without its undefined and empty values, so the URL stays short and equal filters compare equal. */
function tidy(filter: CustomersFilter): CustomersFilter {
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0))
      next[key] = value;
  return next as CustomersFilter;
}

export function CustomersFilters({
  filter,
  shops,
  currencies,
  onChange,
  conditions,
  valueTags = true,
}: {
  filter: CustomersFilter;
  shops: ShopSummary[];
  /** Currencies the spend range can be in: the shops'. */
  currencies: string[];
  onChange: (next: CustomersFilter) => void;
  conditions?: ReactNode;
  /** The value group as closable tags; off where the value conditions are edited beside (VIP). */
  valueTags?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(filter.q ?? '');
  const [shownQ, setShownQ] = useState(filter.q);
  const timer = useRef<number | undefined>(undefined);
  // The currency chosen before any bound is typed lives here; with a bound, in the filter.
  const [currencyChoice, setCurrencyChoice] = useState<string | null>(null);
  const spendCurrency = filter.spendCurrency ?? currencyChoice ?? currencies[0] ?? 'CNY';
  const scale = 10 ** minorUnitDigits(spendCurrency);

  // The URL is the truth: back/forward or a link replaces what the box shows.
  if (filter.q !== shownQ) {
    setShownQ(filter.q);
    setText(filter.q ?? '');
  }
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const change = (next: CustomersFilter) => onChange(tidy(next));
  const applySearch = (value: string) => {
    window.clearTimeout(timer.current);
    const q = value.trim() || undefined;
    if (q !== filter.q) change({ ...filter, q });
  };
  const days = (label: string, from: DayKey, to: DayKey, testId: string) => (
    <span data-testid={testId}>
      <DatePicker.RangePicker
        style={{ width: 260 }}
        allowEmpty={[true, true]}
        prefix={<Typography.Text type="secondary">{label}</Typography.Text>}
        placeholder={[t('customers.from'), t('customers.to')]}
        value={[filter[from] ? dayjs(filter[from]) : null, filter[to] ? dayjs(filter[to]) : null]}
        onChange={(_, [a, b]) => change({ ...filter, [from]: a || undefined, [to]: b || undefined })}
      />
    </span>
  );
  const spendBound = (key: 'spendMin' | 'spendMax', placeholder: string) => (
    <InputNumber<number>
      style={{ width: 96 }}
      min={0}
      precision={minorUnitDigits(spendCurrency)}
      placeholder={placeholder}
      value={filter[key] === undefined ? null : filter[key] / scale}
      onChange={(v) => {
        const next = { ...filter, [key]: v === null ? undefined : Math.round(v * scale) };
        const bounded = next.spendMin !== undefined || next.spendMax !== undefined;
        change(bounded ? { ...next, spendCurrency } : without(next, ['spendCurrency']));
      }}
      data-testid={`filter-${key}`}
    />
  );
  const ordersBound = (key: 'ordersMin' | 'ordersMax', placeholder: string, prefix?: ReactNode) => (
    <InputNumber<number>
      style={{ width: prefix ? 140 : 76 }}
      min={0}
      precision={0}
      prefix={prefix}
      placeholder={placeholder}
      value={filter[key] ?? null}
      onChange={(v) => change({ ...filter, [key]: v ?? undefined })}
      data-testid={`filter-${key}`}
    />
  );

  const platformsWithShops = PLATFORMS.filter((p) => shops.some((s) => s.platform === p));
  const shopsShown = filter.platforms?.length
    ? shops.filter((s) => filter.platforms!.includes(s.platform))
    : shops;

  return (
    <Flex vertical gap={8} data-testid="customers-filters">
      <Flex wrap gap={8} align="center">
        <Input
          style={{ width: 260 }}
          prefix={<SearchOutlined />}
          allowClear
          placeholder={t('customers.searchPlaceholder')}
          value={text}
          onChange={(e) => {
            const value = e.target.value;
            setText(value);
            window.clearTimeout(timer.current);
            timer.current = window.setTimeout(() => applySearch(value), value ? SEARCH_DEBOUNCE_MS : 0);
          }}
          onPressEnter={() => applySearch(text)}
          data-testid="customers-search"
        />
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ width: 150 }}
          placeholder={t('customers.platform')}
          value={filter.platforms ?? []}
          options={platformsWithShops.map((p) => ({ value: p, label: t(`orders.platformShort.${p}`) }))}
          onChange={(v: string[]) => {
            // A shop of a platform no longer chosen would leave the list empty: drop it.
            const keep = filter.shopIds?.filter((id) => {
              const shop = shops.find((s) => s.id === id);
              return !shop || v.length === 0 || v.includes(shop.platform);
            });
            change({ ...filter, platforms: v, shopIds: keep });
          }}
          data-testid="filter-platform"
        />
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ width: 180 }}
          placeholder={t('customers.shop')}
          value={filter.shopIds ?? []}
          optionFilterProp="title"
          options={shopsShown.map((s) => ({
            value: s.id,
            title: s.name,
            label: s.isSample ? `${s.name}（${t('customers.sample')}）` : s.name,
          }))}
          onChange={(v: number[]) => change({ ...filter, shopIds: v })}
          data-testid="filter-shop"
        />
        {days(t('customers.firstOrder'), 'firstFrom', 'firstTo', 'filter-first')}
      </Flex>
      <Flex wrap gap={8} align="center">
        {days(t('customers.lastOrder'), 'lastFrom', 'lastTo', 'filter-last')}
        <Space.Compact data-testid="filter-spend">
          <Select
            style={{ width: 132 }}
            value={spendCurrency}
            prefix={<Typography.Text type="secondary">{t('customers.spend')}</Typography.Text>}
            options={currencies.map((c) => ({ value: c, label: c }))}
            onChange={(c: string) => {
              setCurrencyChoice(c);
              if (filter.spendMin !== undefined || filter.spendMax !== undefined)
                change({ ...filter, spendCurrency: c });
            }}
            data-testid="filter-spend-currency"
          />
          {spendBound('spendMin', t('customers.spendMin'))}
          {spendBound('spendMax', t('customers.spendMax'))}
        </Space.Compact>
        <Space.Compact data-testid="filter-orders">
          {ordersBound(
            'ordersMin',
            t('customers.ordersMin'),
            <Typography.Text type="secondary">{t('customers.orders')}</Typography.Text>,
          )}
          {ordersBound('ordersMax', t('customers.ordersMax'))}
        </Space.Compact>
        <Button
          icon={<ClearOutlined />}
          disabled={Object.keys(filter).length === 0}
          onClick={() => onChange({})}
          data-testid="customers-filters-reset"
        >
          {t('customers.reset')}
        </Button>
      </Flex>
      {conditions}
      {valueTags && <ValueFilterTags filter={filter} onChange={change} />}
    </Flex>
  );
}

/** The value dashboard's group the list is narrowed to (a segment, tier …), closable. */
function ValueFilterTags({
  filter,
  onChange,
}: {
  filter: CustomersFilter;
  onChange: (next: CustomersFilter) => void;
}) {
  const { t, i18n } = useTranslation();
  const labels = VALUE_LABELS[i18n.language === 'en' ? 'en' : 'zh-CN'];
  const tags: Array<{ key: keyof CustomersFilter; text: string }> = [];
  if (filter.rfmSegment) tags.push({ key: 'rfmSegment', text: labels.segments[filter.rfmSegment] });
  if (filter.namedSegment) tags.push({ key: 'namedSegment', text: labels.named[filter.namedSegment] });
  if (filter.valueTier) tags.push({ key: 'valueTier', text: labels.tiers[filter.valueTier] });
  if (filter.behaviour) tags.push({ key: 'behaviour', text: labels.behaviour[filter.behaviour] });
  if (filter.winBack) tags.push({ key: 'winBack', text: t('customers.valueFilter.winBack') });
  if (tags.length === 0) return null;
  return (
    <Flex wrap gap={8} align="center" data-testid="filter-value">
      <Typography.Text type="secondary">
        {filter.valueAsOf
          ? t('customers.valueFilter.titleAsOf', { asOf: filter.valueAsOf })
          : t('customers.valueFilter.title')}
      </Typography.Text>
      {tags.map((tag) => (
        <Tag
          key={tag.key}
          color="gold"
          closable
          onClose={() => onChange(without(filter, [tag.key, 'valueAsOf']))}
          data-testid={`filter-value-${tag.key}`}
        >
          {tag.text}
        </Tag>
      ))}
    </Flex>
  );
}
