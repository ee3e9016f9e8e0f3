/**
 * 成本与费用: every input of the profit report — SKU costs (inline edit, the products still
 * without a cost), fee rules per shop with presets, shipping rules, ad spend, currency rates, the
 * refund policy — typed in or imported from a file, and the history of these changes, each undoable.
 */
import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Input,
  Radio,
  Row,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MissingCostSku, ProfitInputs } from '../../../../main/api/contract';
import {
  bpToPercentText,
  dailyShare,
  daysInMonth,
  FEE_PRESET_VALUES,
  FEE_PRESETS,
  percentTextToBp,
  ppmToText,
  rateTextToPpm,
  unitsTextToMinor,
  type FeePreset,
} from '../../../../main/shared/profit-math';
import { minorUnitDigits } from '../../../../main/shared/money';
import { call, FILE_INPUT_ACCEPT, uploadFiles } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useErrorText } from '../../app/useErrorText';
import { formatCount, formatFen } from '../../format/money';
import { useShops } from '../shops/useShops';

function useInputs() {
  const { dataVersion } = useAppState();
  const [inputs, setInputs] = useState<ProfitInputs | null>(null);
  const [missing, setMissing] = useState<MissingCostSku[]>([]);
  useEffect(() => {
    let live = true;
    void Promise.all([call('profit.inputs', {}), call('profit.missingCosts', {})]).then(([i, m]) => {
      if (!live) return;
      setInputs(i);
      setMissing(m.skus);
    });
    return () => {
      live = false;
    };
  }, [dataVersion]);
  return { inputs, missing };
}

/** Runs a write, says it worked or why not, and refreshes every screen. */
function useWrite() {
  const { message } = App.useApp();
  const { dataChanged } = useAppState();
  const { errorText } = useErrorText();
  const { t } = useTranslation();
  return async (work: () => Promise<unknown>, done = t('profit.costs.saved')) => {
    try {
      await work();
      void message.success(done);
      dataChanged();
      return true;
    } catch (error) {
      void message.error(errorText(error));
      return false;
    }
  };
}

const yuanOf = (fen: number, currency = 'CNY') => {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 10 ** digits)}.${String(abs % 10 ** digits).padStart(digits, '0')}`;
};

function ImportCard() {
  const { t } = useTranslation();
  const { shops } = useShops();
  const write = useWrite();
  const input = useRef<HTMLInputElement>(null);
  const [shopId, setShopId] = useState<number | 'auto'>('auto');
  const [last, setLast] = useState<string | null>(null);
  const onFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const staged = await uploadFiles([...files]);
    for (const file of staged) {
      await write(async () => {
        const r = await call('profit.importFile', {
          fileId: file.fileId,
          ...(shopId === 'auto' ? {} : { shopId }),
        });
        setLast(
          t('profit.costs.imported', {
            file: file.name,
            used: r.rowsUsed,
            layout: r.layout,
            inserted: r.inserted,
            updated: r.updated,
          }),
        );
      });
    }
    if (input.current) input.current.value = '';
  };
  return (
    <Card size="small" title={t('profit.costs.importFile')} variant="borderless">
      <Space wrap>
        <Select
          style={{ width: 200 }}
          value={shopId}
          onChange={setShopId}
          data-testid="profit-file-shop"
          options={[
            { value: 'auto' as const, label: t('profit.costs.fileShopAuto') },
            ...(shops ?? []).map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <Button
          icon={<UploadOutlined />}
          onClick={() => input.current?.click()}
          data-testid="profit-file-button"
        >
          {t('profit.costs.importFile')}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          accept={FILE_INPUT_ACCEPT}
          style={{ display: 'none' }}
          data-testid="profit-file-input"
          onChange={(e) => void onFiles(e.target.files)}
        />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('profit.costs.importHint')}
      </Typography.Paragraph>
      {last && <Typography.Text data-testid="profit-file-result">{last}</Typography.Text>}
    </Card>
  );
}

function CostCell({
  sku,
  effectiveFrom,
  fen,
  title,
  category,
}: {
  sku: string;
  effectiveFrom?: string;
  fen: number | null;
  title?: string | null;
  category?: string | null;
}) {
  const write = useWrite();
  // Keyed by its value where it is used: a new value from the app starts a fresh input.
  const [value, setValue] = useState(fen === null ? '' : yuanOf(fen));
  const save = () => {
    const minor = unitsTextToMinor(value);
    if (minor === null || minor === fen) return;
    void write(() =>
      call('profit.saveCosts', { costs: [{ sku, effectiveFrom, unitCostFen: minor, title, category }] }),
    );
  };
  return (
    <Input
      size="small"
      style={{ width: 110 }}
      value={value}
      status={value !== '' && unitsTextToMinor(value) === null ? 'error' : undefined}
      onChange={(e) => setValue(e.target.value)}
      onBlur={save}
      onPressEnter={save}
      data-testid={`cost-input-${sku}`}
      prefix="¥"
    />
  );
}

function SkuCosts({ inputs, missing }: { inputs: ProfitInputs; missing: MissingCostSku[] }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [form, setForm] = useState({ sku: '', title: '', cost: '', from: '', category: '' });
  const add = async () => {
    const minor = unitsTextToMinor(form.cost);
    if (!form.sku.trim() || minor === null) return;
    const ok = await write(() =>
      call('profit.saveCosts', {
        costs: [
          {
            sku: form.sku.trim(),
            unitCostFen: minor,
            ...(form.from ? { effectiveFrom: form.from } : {}),
            title: form.title || null,
            category: form.category || null,
          },
        ],
      }),
    );
    if (ok) setForm({ sku: '', title: '', cost: '', from: '', category: '' });
  };
  const missingLines = missing.reduce((n, m) => n + m.lines, 0);
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const shown = needle
    ? missing.filter((m) => `${m.sku ?? ''} ${m.title ?? ''}`.toLowerCase().includes(needle))
    : missing;
  return (
    <Card title={t('profit.costs.skuTitle')} variant="borderless" data-testid="sku-costs">
      <Typography.Paragraph type="secondary">{t('profit.costs.skuHint')}</Typography.Paragraph>
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('profit.costs.missing', { lines: formatCount(missingLines) })}
          data-testid="missing-costs"
          description={
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Input.Search
                allowClear
                size="small"
                style={{ width: 240 }}
                placeholder={t('profit.costs.sku')}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                data-testid="missing-search"
              />
              <Table<MissingCostSku>
                size="small"
                rowKey={(r) => r.sku ?? ''}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                dataSource={shown}
                columns={[
                  { title: t('profit.costs.sku'), dataIndex: 'sku', render: (s: string | null) => s ?? '—' },
                  { title: t('profit.costs.titleCol'), dataIndex: 'title', ellipsis: true },
                  { title: t('profit.costs.lines'), dataIndex: 'lines', align: 'right' },
                  { title: t('profit.costs.quantity'), dataIndex: 'quantity', align: 'right' },
                  {
                    title: t('profit.costs.unitCost'),
                    key: 'cost',
                    render: (_, r) =>
                      r.sku ? <CostCell key={r.sku} sku={r.sku} fen={null} title={r.title} /> : null,
                  },
                ]}
              />
            </Space>
          }
        />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('profit.costs.missingNone')} />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          placeholder={t('profit.costs.sku')}
          value={form.sku}
          onChange={(e) => setForm({ ...form, sku: e.target.value })}
          style={{ width: 160 }}
          data-testid="new-cost-sku"
        />
        <Input
          placeholder={t('profit.costs.titleCol')}
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
          style={{ width: 160 }}
        />
        <Input
          placeholder={t('profit.costs.unitCost')}
          value={form.cost}
          onChange={(e) => setForm({ ...form, cost: e.target.value })}
          style={{ width: 130 }}
          data-testid="new-cost-value"
        />
        <Input
          placeholder={t('profit.costs.category')}
          value={form.category}
          onChange={(e) => setForm({ ...form, category: e.target.value })}
          style={{ width: 110 }}
        />
        <DatePicker
          placeholder={t('profit.costs.effectiveFrom')}
          onChange={(_, d) => setForm({ ...form, from: typeof d === 'string' ? d : '' })}
        />
        <Button type="primary" onClick={() => void add()} data-testid="new-cost-add">
          {t('profit.costs.add')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey="id"
        dataSource={inputs.costs}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('profit.costs.sku'), dataIndex: 'sku' },
          { title: t('profit.costs.titleCol'), dataIndex: 'title', ellipsis: true },
          { title: t('profit.costs.category'), dataIndex: 'category' },
          {
            title: t('profit.costs.effectiveFrom'),
            dataIndex: 'effectiveFrom',
            render: (d: string) => (d === '0000-01-01' ? t('profit.costs.always') : d),
          },
          {
            title: t('profit.costs.unitCost'),
            key: 'cost',
            render: (_, r) => (
              <CostCell
                key={`${r.id}|${r.unitCostFen}`}
                sku={r.sku}
                effectiveFrom={r.effectiveFrom}
                fen={r.unitCostFen}
                title={r.title}
                category={r.category}
              />
            ),
          },
          {
            title: '',
            key: 'delete',
            render: (_, r) => (
              <Button
                size="small"
                type="link"
                danger
                onClick={() => void write(() => call('profit.delete', { table: 'sku_costs', id: r.id }))}
              >
                {t('profit.costs.delete')}
              </Button>
            ),
          },
        ]}
      />
      {inputs.aliases.length > 0 && (
        <Space wrap style={{ marginTop: 8 }}>
          {inputs.aliases.map((a) => (
            <Tag key={a.id}>
              {a.alias} → {a.sku}
            </Tag>
          ))}
        </Space>
      )}
    </Card>
  );
}

function FeeRules({ inputs }: { inputs: ProfitInputs }) {
  const { t } = useTranslation();
  const { shops } = useShops();
  const write = useWrite();
  const empty = {
    shopId: undefined as number | undefined,
    from: dayjs().startOf('month').format('YYYY-MM-DD'),
    preset: 'none',
    commission: '0',
    categories: '',
    payment: '0',
    points: '0',
    perOrder: '0',
    monthly: '0',
  };
  const [form, setForm] = useState(empty);
  const shopName = (id: number) => shops?.find((s) => s.id === id)?.name ?? `#${id}`;
  const currencyOf = (id: number | undefined) => shops?.find((s) => s.id === id)?.currency ?? 'CNY';
  const applyPreset = (preset: string) => {
    if (preset === 'none') return setForm({ ...form, preset });
    const v = FEE_PRESET_VALUES[preset as FeePreset];
    setForm({
      ...form,
      preset,
      commission: bpToPercentText(v.commissionBp).replace('%', ''),
      payment: bpToPercentText(v.paymentBp).replace('%', ''),
      points: bpToPercentText(v.pointsBp).replace('%', ''),
      perOrder: yuanOf(v.perOrderFen, currencyOf(form.shopId)),
      monthly: yuanOf(v.monthlyFen, currencyOf(form.shopId)),
    });
  };
  const categories = (): Record<string, number> | null => {
    const out: Record<string, number> = {};
    for (const part of form.categories
      .split(/[,，;；]/)
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [name, pct] = part.split(/[=:：]/);
      const bp = pct ? percentTextToBp(pct) : null;
      if (!name?.trim() || bp === null) return null;
      out[name.trim()] = bp;
    }
    return out;
  };
  const values = {
    commissionBp: percentTextToBp(form.commission),
    paymentBp: percentTextToBp(form.payment),
    pointsBp: percentTextToBp(form.points),
    perOrderFen: unitsTextToMinor(form.perOrder, minorUnitDigits(currencyOf(form.shopId))),
    monthlyFen: unitsTextToMinor(form.monthly, minorUnitDigits(currencyOf(form.shopId))),
  };
  const valid =
    form.shopId !== undefined && Object.values(values).every((v) => v !== null) && categories() !== null;
  const save = () => {
    if (!valid || form.shopId === undefined) return;
    void write(() =>
      call('profit.saveFeeRule', {
        shopId: form.shopId!,
        effectiveFrom: form.from,
        preset: form.preset === 'none' ? null : form.preset,
        commissionBp: values.commissionBp!,
        categoryBp: categories()!,
        paymentBp: values.paymentBp!,
        pointsBp: values.pointsBp!,
        perOrderFen: values.perOrderFen!,
        monthlyFen: values.monthlyFen!,
      }),
    );
  };
  const field = (
    key: 'commission' | 'payment' | 'points' | 'perOrder' | 'monthly',
    label: string,
    width = 100,
  ) => (
    <Input
      addonBefore={label}
      value={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      status={
        form[key] !== '' &&
        (key === 'perOrder' || key === 'monthly' ? values[`${key}Fen`] : values[`${key}Bp`]) === null
          ? 'error'
          : undefined
      }
      style={{ width: width + 110 }}
      data-testid={`fee-${key}`}
    />
  );
  return (
    <Card title={t('profit.costs.feeTitle')} variant="borderless" data-testid="fee-rules">
      <Typography.Paragraph type="secondary">{t('profit.costs.feeHint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          placeholder={t('profit.costs.shop')}
          style={{ width: 180 }}
          value={form.shopId}
          onChange={(shopId: number) => setForm({ ...form, shopId })}
          options={(shops ?? []).map((s) => ({ value: s.id, label: s.name }))}
          data-testid="fee-shop"
        />
        <DatePicker
          value={dayjs(form.from)}
          allowClear={false}
          onChange={(_, d) => typeof d === 'string' && d && setForm({ ...form, from: d })}
          data-testid="fee-from"
        />
        <Select
          style={{ width: 300 }}
          value={form.preset}
          onChange={applyPreset}
          data-testid="fee-preset"
          options={[
            { value: 'none', label: t('profit.costs.presetNone') },
            ...FEE_PRESETS.map((p) => ({ value: p, label: t(`profit.costs.presets.${p}`) })),
          ]}
        />
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        {field('commission', t('profit.costs.commission'))}
        {field('payment', t('profit.costs.payment'))}
        {field('points', t('profit.costs.points'))}
        {field('perOrder', t('profit.costs.perOrder'))}
        {field('monthly', t('profit.costs.monthly'), 120)}
        <Input
          addonBefore={t('profit.costs.categoryRates')}
          value={form.categories}
          onChange={(e) => setForm({ ...form, categories: e.target.value })}
          status={categories() === null ? 'error' : undefined}
          style={{ width: 380 }}
          placeholder="电器=3"
        />
        <Button type="primary" disabled={!valid} onClick={save} data-testid="fee-save">
          {t('profit.costs.save')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey="id"
        dataSource={inputs.feeRules}
        pagination={false}
        columns={[
          { title: t('profit.costs.shop'), dataIndex: 'shopId', render: (id: number) => shopName(id) },
          { title: t('profit.costs.effectiveFrom'), dataIndex: 'effectiveFrom' },
          {
            title: t('profit.costs.preset'),
            dataIndex: 'preset',
            render: (p: string | null) => (p ? t(`profit.costs.presets.${p as FeePreset}`) : '—'),
          },
          {
            title: t('profit.costs.commission'),
            dataIndex: 'commissionBp',
            render: (bp: number, r) =>
              [
                bpToPercentText(bp),
                ...Object.entries(r.categoryBp).map(([c, v]) => `${c} ${bpToPercentText(v)}`),
              ].join(' · '),
          },
          { title: t('profit.costs.payment'), dataIndex: 'paymentBp', render: bpToPercentText },
          { title: t('profit.costs.points'), dataIndex: 'pointsBp', render: bpToPercentText },
          {
            title: t('profit.costs.perOrder'),
            dataIndex: 'perOrderFen',
            render: (f: number, r) => formatFen(f, currencyOf(r.shopId)),
          },
          {
            title: t('profit.costs.monthly'),
            dataIndex: 'monthlyFen',
            render: (f: number, r) => formatFen(f, currencyOf(r.shopId)),
          },
          {
            title: '',
            key: 'delete',
            render: (_, r) => (
              <Button
                size="small"
                type="link"
                danger
                onClick={() => void write(() => call('profit.delete', { table: 'fee_rules', id: r.id }))}
              >
                {t('profit.costs.delete')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Shipping({ inputs }: { inputs: ProfitInputs }) {
  const { t } = useTranslation();
  const { shops } = useShops();
  const write = useWrite();
  const [form, setForm] = useState({
    shopId: undefined as number | undefined,
    from: dayjs().startOf('month').format('YYYY-MM-DD'),
    province: '',
    perOrder: '',
    packaging: '0',
  });
  const shopName = (id: number) => shops?.find((s) => s.id === id)?.name ?? `#${id}`;
  const perOrder = unitsTextToMinor(form.perOrder);
  const packaging = unitsTextToMinor(form.packaging);
  const save = () => {
    if (form.shopId === undefined || perOrder === null || packaging === null) return;
    void write(() =>
      call('profit.saveShipping', {
        shopId: form.shopId!,
        effectiveFrom: form.from,
        rows: [{ province: form.province, perOrderFen: perOrder, packagingFen: packaging }],
      }),
    );
  };
  return (
    <Card title={t('profit.costs.shippingTitle')} variant="borderless">
      <Typography.Paragraph type="secondary">{t('profit.costs.shippingHint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          placeholder={t('profit.costs.shop')}
          style={{ width: 180 }}
          value={form.shopId}
          onChange={(shopId: number) => setForm({ ...form, shopId })}
          options={(shops ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
        <DatePicker
          value={dayjs(form.from)}
          allowClear={false}
          onChange={(_, d) => typeof d === 'string' && d && setForm({ ...form, from: d })}
        />
        <Input
          placeholder={t('profit.costs.province')}
          value={form.province}
          onChange={(e) => setForm({ ...form, province: e.target.value })}
          style={{ width: 150 }}
        />
        <Input
          addonBefore={t('profit.costs.perParcel')}
          value={form.perOrder}
          onChange={(e) => setForm({ ...form, perOrder: e.target.value })}
          style={{ width: 190 }}
        />
        <Input
          addonBefore={t('profit.costs.packaging')}
          value={form.packaging}
          onChange={(e) => setForm({ ...form, packaging: e.target.value })}
          style={{ width: 170 }}
        />
        <Button
          type="primary"
          disabled={form.shopId === undefined || perOrder === null || packaging === null}
          onClick={save}
        >
          {t('profit.costs.save')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey="id"
        dataSource={inputs.shippingRules}
        pagination={false}
        columns={[
          { title: t('profit.costs.shop'), dataIndex: 'shopId', render: (id: number) => shopName(id) },
          { title: t('profit.costs.effectiveFrom'), dataIndex: 'effectiveFrom' },
          { title: t('profit.costs.province'), dataIndex: 'province', render: (p: string) => p || '—' },
          {
            title: t('profit.costs.perParcel'),
            dataIndex: 'perOrderFen',
            render: (f: number) => formatFen(f),
          },
          {
            title: t('profit.costs.packaging'),
            dataIndex: 'packagingFen',
            render: (f: number) => formatFen(f),
          },
          {
            title: '',
            key: 'delete',
            render: (_, r) => (
              <Button
                size="small"
                type="link"
                danger
                onClick={() => void write(() => call('profit.delete', { table: 'shipping_rules', id: r.id }))}
              >
                {t('profit.costs.delete')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Ads({ inputs }: { inputs: ProfitInputs }) {
  const { t } = useTranslation();
  const { shops } = useShops();
  const write = useWrite();
  const [form, setForm] = useState({
    shopId: undefined as number | undefined,
    per: 'day' as 'day' | 'month',
    day: dayjs().format('YYYY-MM-DD'),
    channel: '',
    amount: '',
  });
  const amount = unitsTextToMinor(form.amount);
  const shopName = (id: number) => shops?.find((s) => s.id === id)?.name ?? `#${id}`;
  const save = () => {
    if (form.shopId === undefined || amount === null) return;
    // A month's spend is spread over its days exactly (the first days take the odd fen), so
    // weekly and daily reports carry their share.
    const month = form.day.slice(0, 7);
    const days = daysInMonth(month);
    const rows =
      form.per === 'day'
        ? [{ day: form.day, channel: form.channel, amountFen: amount }]
        : Array.from({ length: days }, (_, i) => ({
            day: `${month}-${String(i + 1).padStart(2, '0')}`,
            channel: form.channel,
            amountFen: dailyShare(amount, i + 1, days),
          }));
    void write(() => call('profit.saveAds', { shopId: form.shopId!, rows }));
  };
  return (
    <Card title={t('profit.costs.adsTitle')} variant="borderless">
      <Typography.Paragraph type="secondary">{t('profit.costs.adsHint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          placeholder={t('profit.costs.shop')}
          style={{ width: 180 }}
          value={form.shopId}
          onChange={(shopId: number) => setForm({ ...form, shopId })}
          options={(shops ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
        <Segmented
          value={form.per}
          onChange={(per) => setForm({ ...form, per: per as 'day' | 'month' })}
          options={[
            { value: 'day', label: t('profit.costs.perDay') },
            { value: 'month', label: t('profit.costs.perMonth') },
          ]}
        />
        <DatePicker
          picker={form.per === 'month' ? 'month' : 'date'}
          value={dayjs(form.day)}
          allowClear={false}
          onChange={(d) =>
            d && setForm({ ...form, day: d.format(form.per === 'month' ? 'YYYY-MM-01' : 'YYYY-MM-DD') })
          }
        />
        <Input
          placeholder={t('profit.costs.channel')}
          value={form.channel}
          onChange={(e) => setForm({ ...form, channel: e.target.value })}
          style={{ width: 140 }}
        />
        <Input
          addonBefore={t('profit.costs.amount')}
          value={form.amount}
          onChange={(e) => setForm({ ...form, amount: e.target.value })}
          style={{ width: 180 }}
        />
        <Button type="primary" disabled={form.shopId === undefined || amount === null} onClick={save}>
          {t('profit.costs.save')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey={(r) => `${r.shopId}|${r.month}|${r.channel}`}
        dataSource={inputs.ads}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        columns={[
          { title: t('profit.costs.month'), dataIndex: 'month' },
          { title: t('profit.costs.shop'), dataIndex: 'shopId', render: (id: number) => shopName(id) },
          { title: t('profit.costs.channel'), dataIndex: 'channel', render: (c: string) => c || '—' },
          { title: t('profit.costs.days'), dataIndex: 'days', align: 'right' },
          {
            title: t('profit.costs.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (f: number) => formatFen(f),
          },
        ]}
      />
    </Card>
  );
}

function Rates({ inputs }: { inputs: ProfitInputs }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [form, setForm] = useState({
    currency: inputs.foreignCurrencies[0] ?? 'USD',
    month: dayjs().format('YYYY-MM'),
    rate: '',
  });
  const ppm = rateTextToPpm(form.rate);
  const missing = inputs.foreignCurrencies.filter((c) => !inputs.rates.some((r) => r.currency === c));
  return (
    <Card title={t('profit.costs.ratesTitle')} variant="borderless">
      <Typography.Paragraph type="secondary">{t('profit.costs.ratesHint')}</Typography.Paragraph>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('profit.costs.rateMissing', { currencies: missing.join(', ') })}
        />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          value={form.currency}
          onChange={(e) => setForm({ ...form, currency: e.target.value.toUpperCase() })}
          style={{ width: 80 }}
          maxLength={3}
        />
        <DatePicker
          picker="month"
          value={dayjs(`${form.month}-01`)}
          allowClear={false}
          onChange={(d) => d && setForm({ ...form, month: d.format('YYYY-MM') })}
        />
        <Input
          addonBefore={t('profit.costs.rate')}
          value={form.rate}
          onChange={(e) => setForm({ ...form, rate: e.target.value })}
          style={{ width: 170 }}
          placeholder="7.1"
        />
        <Button
          type="primary"
          disabled={ppm === null || !/^[A-Z]{3}$/.test(form.currency)}
          onClick={() =>
            void write(() =>
              call('profit.saveRates', {
                rates: [{ currency: form.currency, month: form.month, cnyPpm: ppm! }],
              }),
            )
          }
        >
          {t('profit.costs.save')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey="id"
        dataSource={inputs.rates}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        columns={[
          { title: t('profit.costs.currency'), dataIndex: 'currency' },
          { title: t('profit.costs.month'), dataIndex: 'month' },
          { title: t('profit.costs.rate'), dataIndex: 'cnyPpm', render: ppmToText },
        ]}
      />
    </Card>
  );
}

function Policy({ inputs }: { inputs: ProfitInputs }) {
  const { t } = useTranslation();
  const write = useWrite();
  const set = (next: Partial<ProfitInputs['policy']>) =>
    void write(() => call('profit.setPolicy', { ...inputs.policy, ...next }));
  return (
    <Card title={t('profit.costs.policyTitle')} variant="borderless" data-testid="refund-policy">
      <Space orientation="vertical">
        <Space wrap>
          <Typography.Text>{t('profit.costs.refundDay')}</Typography.Text>
          <Radio.Group
            value={inputs.policy.refundDay}
            onChange={(e) => set({ refundDay: e.target.value as 'order' | 'refund' })}
            data-testid="policy-refund-day"
          >
            <Radio value="order">{t('profit.refundDayOrder')}</Radio>
            <Radio value="refund">{t('profit.refundDayRefund')}</Radio>
          </Radio.Group>
        </Space>
        <Space wrap>
          <Typography.Text>{t('profit.costs.returnedGoods')}</Typography.Text>
          <Radio.Group
            value={inputs.policy.returnedGoods}
            onChange={(e) => set({ returnedGoods: e.target.value as 'restock' | 'lost' })}
          >
            <Radio value="restock">{t('profit.returnedRestock')}</Radio>
            <Radio value="lost">{t('profit.returnedLost')}</Radio>
          </Radio.Group>
        </Space>
      </Space>
    </Card>
  );
}

function History({ inputs }: { inputs: ProfitInputs }) {
  const { t } = useTranslation();
  const write = useWrite();
  return (
    <Card title={t('profit.costs.historyTitle')} variant="borderless" data-testid="profit-history">
      <Table
        size="small"
        rowKey="operationId"
        dataSource={inputs.history}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        columns={[
          { title: '#', dataIndex: 'operationId', width: 60 },
          { title: '', dataIndex: 'createdAt', render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm') },
          {
            title: '',
            dataIndex: 'kind',
            render: (k: string) => t(`profit.costs.kinds.${k as 'cost_edit'}`, { defaultValue: k }),
          },
          {
            title: '',
            key: 'what',
            render: (_, h) => {
              const what = String(h.summary.what ?? '');
              const base = what.startsWith('delete:') ? 'delete' : what;
              return [t(`profit.costs.what.${base as 'costs'}`, { defaultValue: what }), h.summary.fileName]
                .filter(Boolean)
                .join(' · ');
            },
          },
          {
            title: '',
            key: 'undo',
            render: (_, h) =>
              h.state === 'undone' ? (
                <Tag>{t('profit.costs.undone')}</Tag>
              ) : (
                <Button
                  size="small"
                  onClick={() =>
                    void write(
                      () => call('profit.undo', { operationId: h.operationId }),
                      t('profit.costs.undone'),
                    )
                  }
                >
                  {t('profit.costs.undo')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

export function CostsView() {
  const { inputs, missing } = useInputs();
  if (!inputs) return null;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="profit-costs">
      <ImportCard />
      <SkuCosts inputs={inputs} missing={missing} />
      <FeeRules inputs={inputs} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={12}>
          <Shipping inputs={inputs} />
        </Col>
        <Col xs={24} xxl={12}>
          <Ads inputs={inputs} />
        </Col>
        <Col xs={24} xxl={12}>
          <Rates inputs={inputs} />
        </Col>
        <Col xs={24} xxl={12}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Policy inputs={inputs} />
          </Space>
        </Col>
      </Row>
      <History inputs={inputs} />
    </Space>
  );
}
