/**
 * 客户分群: a filter builder over every customer attribute — the Customers list's own filter bar
 * (platforms, shops, order days, spend, orders) and the segment conditions (region, products, tags,
 * VIP level, consent) — with a live count, saved under a name, then printed or exported.
 */
import { DeleteOutlined, PrinterOutlined, SaveOutlined, TeamOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Space, Spin, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Segment,
  SegmentCount,
  SegmentOptions,
  ShopSummary,
  VipLevelCount,
} from '../../../../main/api/contract';
import type { CustomersFilter } from '../../../../main/shared/customers-query';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { formatCount } from '../../format/money';
import { CustomersFilters } from '../customers/CustomersFilters';
import { segmentCustomersHref } from '../customers/customers-link';
import { errorText } from '../orders/order-format';
import { ExportDialog } from './ExportDialog';
import { SegmentExtras } from './SegmentExtras';
import { ValueConditions } from '../value/ValueConditions';
import { printHref, tidyFilter } from './vip-link';

/** The count waits this long after the last change. */
const COUNT_DEBOUNCE_MS = 250;

function useLiveCount(filter: CustomersFilter): SegmentCount | null {
  // The answer is kept with the filter it counts: a stale one is never shown for a newer filter.
  const [answer, setAnswer] = useState<{ key: string; count: SegmentCount } | null>(null);
  const key = JSON.stringify(filter);
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      call('segments.count', { filter: JSON.parse(key) as CustomersFilter })
        .then((count) => live && setAnswer({ key, count }))
        .catch(() => undefined);
    }, COUNT_DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [key]);
  return answer?.key === key ? answer.count : null;
}

export function SegmentsTab({ levels }: { levels: VipLevelCount[] }) {
  const { t } = useTranslation();
  const { language } = useAppState();
  const { message, modal } = App.useApp();
  const [segments, setSegments] = useState<Segment[]>([]);
  const [shops, setShops] = useState<ShopSummary[]>([]);
  const [options, setOptions] = useState<SegmentOptions | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [filter, setFilter] = useState<CustomersFilter>({});
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const count = useLiveCount(filter);

  useEffect(() => {
    void call('segments.list', {}).then((r) => setSegments(r.segments));
    void call('shops.list', {}).then(setShops);
    void call('segments.options', {}).then(setOptions);
  }, []);

  // The saved segment when the builder still shows it unchanged; else the filter as it stands.
  const savedFilter = segments.find((s) => s.id === selected)?.filter;
  const source =
    selected !== null &&
    savedFilter &&
    JSON.stringify(tidyFilter(savedFilter)) === JSON.stringify(tidyFilter(filter))
      ? { segmentId: selected }
      : { filter: tidyFilter(filter) };

  const currencies = useMemo(() => {
    const set = new Set([...(options?.currencies ?? []), ...shops.map((s) => s.currency)]);
    return set.size ? [...set] : ['CNY'];
  }, [options, shops]);

  const choose = (id: number | null) => {
    setSelected(id);
    const segment = segments.find((s) => s.id === id);
    setFilter(segment?.filter ?? {});
    setName(segment?.name ?? '');
  };

  const save = async (asNew: boolean) => {
    setSaving(true);
    try {
      const saved = await call('segments.save', {
        ...(selected !== null && !asNew ? { id: selected } : {}),
        name,
        filter: tidyFilter(filter),
      });
      const list = await call('segments.list', {});
      setSegments(list.segments);
      setSelected(saved.id);
      void message.success(t('vip.segment.savedName', { name: saved.name }));
    } catch (error) {
      modal.error({ title: t('vip.segment.save'), content: errorText(error, language) });
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (selected === null) return;
    await call('segments.delete', { id: selected });
    setSegments((await call('segments.list', {})).segments);
    choose(null);
    void message.success(t('vip.segment.deleted'));
  };

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <Typography.Text strong>{t('vip.segment.saved')}</Typography.Text>
          <Select
            style={{ width: 260 }}
            value={selected ?? 0}
            onChange={(v: number) => choose(v === 0 ? null : v)}
            options={[
              { value: 0, label: t('vip.segment.none') },
              ...segments.map((s) => ({ value: s.id, label: s.name })),
            ]}
            data-testid="segment-select"
          />
          <Input
            style={{ width: 260 }}
            placeholder={t('vip.segment.namePlaceholder')}
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.target.value)}
            data-testid="segment-name"
          />
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!name.trim()}
            loading={saving}
            onClick={() => void save(false)}
            data-testid="segment-save"
          >
            {t('vip.segment.save')}
          </Button>
          {selected !== null && (
            <>
              <Button disabled={!name.trim()} onClick={() => void save(true)}>
                {t('vip.segment.saveAs')}
              </Button>
              <Popconfirm
                title={t('vip.segment.deleteConfirm', {
                  name: segments.find((s) => s.id === selected)?.name ?? '',
                })}
                onConfirm={() => void remove()}
                okText={t('vip.segment.delete')}
                cancelText={t('common.cancel')}
              >
                <Button danger icon={<DeleteOutlined />} data-testid="segment-delete">
                  {t('vip.segment.delete')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Flex>
        {segments.length > 0 && (
          <Flex wrap gap={12} align="center" style={{ marginTop: 8 }} data-testid="segments-open-customers">
            <Typography.Text type="secondary">{t('vip.segment.openInCustomers')}</Typography.Text>
            {segments.map((s) => (
              <Tooltip key={s.id} title={t('vip.segment.openInCustomersHint', { name: s.name })}>
                <Typography.Link
                  href={segmentCustomersHref(s.id)}
                  ellipsis
                  style={{ maxWidth: 240 }}
                  data-testid={`segment-customers-${s.id}`}
                >
                  <TeamOutlined /> {s.name}
                </Typography.Link>
              </Tooltip>
            ))}
          </Flex>
        )}
      </Card>
      <Card size="small">
        <Flex vertical gap={8}>
          <CustomersFilters
            filter={filter}
            shops={shops}
            currencies={currencies}
            onChange={setFilter}
            valueTags={false}
          />
          <SegmentExtras filter={filter} options={options} levels={levels} onChange={setFilter} />
          <ValueConditions filter={filter} onChange={setFilter} />
        </Flex>
      </Card>
      <Card size="small">
        <Flex wrap gap={16} align="center" justify="space-between">
          <Space direction="vertical" size={0}>
            {count ? (
              <>
                <Typography.Text strong style={{ fontSize: 16 }} data-testid="segment-count">
                  {t('vip.segment.count', { total: formatCount(count.total) })}
                </Typography.Text>
                <Typography.Text type="secondary" data-testid="segment-no-marketing">
                  {t('vip.segment.noMarketing', { count: count.noMarketing })}
                </Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">
                <Spin size="small" /> {t('vip.segment.counting')}
              </Typography.Text>
            )}
          </Space>
          <Space wrap>
            <Button icon={<PrinterOutlined />} href={printHref(source)} data-testid="segment-print">
              {t('vip.segment.print')}
            </Button>
            <ExportDialog segmentId={source.segmentId} filter={tidyFilter(filter)} />
          </Space>
        </Flex>
      </Card>
    </Flex>
  );
}
