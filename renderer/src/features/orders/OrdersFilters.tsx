import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopSummary } from '../../../../main/api/contract';
import { ORDER_STATUSES, PLATFORMS } from '../../../../main/shared/vocabulary';
import type { OrdersFilter } from './orders-link';

/** Typing waits this long before the list follows (each change is an entry in the history). */
const SEARCH_DEBOUNCE_MS = 350;

/** A phone or an email used as a buyer key is shown masked, like everywhere else. */
function buyerLabel(key: string): string {
  const digits = key.replace(/[\s-]/g, '');
  if (/^\+?\d{7,}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  const at = key.indexOf('@');
  return at > 0 ? `${key[0]}***${key.slice(at)}` : key;
}

export function OrdersFilters({
  filter,
  shops,
  currencies,
  onChange,
  extra,
}: {
  filter: OrdersFilter;
  shops: ShopSummary[];
  currencies: string[];
  onChange: (next: OrdersFilter) => void;
  /** Buttons at the end of the bar (export). */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(filter.q ?? '');
  const [shownQ, setShownQ] = useState(filter.q);
  const timer = useRef<number | undefined>(undefined);

  // The URL is the truth: back/forward or a link replaces what the box shows.
  if (filter.q !== shownQ) {
    setShownQ(filter.q);
    setText(filter.q ?? '');
  }
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const applySearch = (value: string) => {
    window.clearTimeout(timer.current);
    const q = value.trim() || undefined;
    if (q !== filter.q) onChange({ ...filter, q });
  };
  const set = <K extends keyof OrdersFilter>(key: K, value: OrdersFilter[K]) => {
    const next = { ...filter, [key]: value };
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
    onChange(next);
  };

  const platformsWithShops = PLATFORMS.filter((p) => shops.some((s) => s.platform === p));
  const shopsShown = filter.platforms?.length
    ? shops.filter((s) => filter.platforms!.includes(s.platform))
    : shops;
  const active = Object.keys(filter).length > 0;

  return (
    <Flex wrap gap={8} align="center" data-testid="orders-filters">
      <Input
        style={{ width: 250 }}
        prefix={<SearchOutlined />}
        allowClear
        placeholder={t('orders.searchPlaceholder')}
        value={text}
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => applySearch(value), value ? SEARCH_DEBOUNCE_MS : 0);
        }}
        onPressEnter={() => applySearch(text)}
        data-testid="orders-search"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        style={{ width: 150 }}
        placeholder={t('orders.platform')}
        value={filter.platforms ?? []}
        options={platformsWithShops.map((p) => ({ value: p, label: t(`orders.platformShort.${p}`) }))}
        onChange={(v: string[]) => {
          // A shop of a platform no longer chosen would leave the list empty: drop it.
          const keep = filter.shopIds?.filter((id) => {
            const shop = shops.find((s) => s.id === id);
            return !shop || v.length === 0 || v.includes(shop.platform);
          });
          const next: OrdersFilter = { ...filter, platforms: v, shopIds: keep };
          if (!v.length) delete next.platforms;
          if (!keep?.length) delete next.shopIds;
          onChange(next);
        }}
        data-testid="filter-platform"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        style={{ width: 180 }}
        placeholder={t('orders.shop')}
        value={filter.shopIds ?? []}
        optionFilterProp="title"
        options={shopsShown.map((s) => ({
          value: s.id,
          title: s.name,
          label: s.isSample ? `${s.name}（${t('orders.sample')}）` : s.name,
        }))}
        onChange={(v: number[]) => set('shopIds', v)}
        data-testid="filter-shop"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        style={{ width: 150 }}
        placeholder={t('orders.status')}
        value={filter.statuses ?? []}
        options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.statuses.${s}`) }))}
        onChange={(v: string[]) => set('statuses', v)}
        data-testid="filter-status"
      />
      <span data-testid="filter-dates">
        <DatePicker.RangePicker
          style={{ width: 240 }}
          allowEmpty={[true, true]}
          placeholder={[t('orders.from'), t('orders.to')]}
          value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
          onChange={(_, [from, to]) => {
            const next = { ...filter, from: from || undefined, to: to || undefined };
            if (!next.from) delete next.from;
            if (!next.to) delete next.to;
            onChange(next);
          }}
        />
      </span>
      <Select
        allowClear
        style={{ width: 110 }}
        placeholder={t('orders.currency')}
        value={filter.currency ?? null}
        options={currencies.map((c) => ({ value: c, label: c }))}
        onChange={(v: string | undefined) => set('currency', v ?? undefined)}
        data-testid="filter-currency"
      />
      <Select
        allowClear
        style={{ width: 120 }}
        placeholder={t('orders.refundAny')}
        value={filter.hasRefund === undefined ? null : filter.hasRefund ? 'yes' : 'no'}
        options={[
          { value: 'yes', label: t('orders.refundYes') },
          { value: 'no', label: t('orders.refundNo') },
        ]}
        onChange={(v: 'yes' | 'no' | undefined) =>
          set('hasRefund', v === undefined ? undefined : v === 'yes')
        }
        data-testid="filter-refund"
      />
      {filter.paid && (
        <Tag closable onClose={() => set('paid', undefined)} style={{ margin: 0 }} data-testid="filter-paid">
          {t('orders.paidOnly')}
        </Tag>
      )}
      {filter.buyer && (
        <Tag
          closable
          onClose={() => set('buyer', undefined)}
          style={{ margin: 0 }}
          data-testid="filter-buyer"
        >
          {t('orders.buyerFilter', { buyer: buyerLabel(filter.buyer) })}
        </Tag>
      )}
      <Button
        icon={<ClearOutlined />}
        disabled={!active}
        onClick={() => onChange({})}
        data-testid="filters-reset"
      >
        {t('orders.reset')}
      </Button>
      {extra}
    </Flex>
  );
}
