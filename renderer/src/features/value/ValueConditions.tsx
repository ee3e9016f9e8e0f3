/**
 * The customer-value conditions of the segment builder (客户分群): RFM segment (the eight Chinese
 * segments), named segment, value tier, behaviour, the win-back list, and ranges on the last fit's
 * predicted 12-month CLV and P(alive). Each group is offered with how many customers it has (the
 * value report of the latest day, as the 价值 screen shows it); the builder's live count shows
 * what the whole filter keeps.
 */
import { Checkbox, Flex, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValueReport } from '../../../../main/domain/value/report-types';
import type { CustomersFilter } from '../../../../main/shared/customers-query';
import { minorUnitDigits } from '../../../../main/shared/money';
import {
  BEHAVIOUR_SEGMENTS,
  EIGHT_SEGMENTS,
  NAMED_SEGMENTS,
  VALUE_LABELS,
  VALUE_TIERS,
} from '../../../../main/shared/value-names';
import { call } from '../../api/client';

type Bound = 'clvMinFen' | 'clvMaxFen' | 'pAliveMin' | 'pAliveMax';

/** The filter without the keys set to undefined, so equal filters compare equal. */
function tidy(filter: CustomersFilter): CustomersFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as CustomersFilter;
}

export function ValueConditions({
  filter,
  onChange,
}: {
  filter: CustomersFilter;
  onChange: (next: CustomersFilter) => void;
}) {
  const { t, i18n } = useTranslation();
  const labels = VALUE_LABELS[i18n.language === 'en' ? 'en' : 'zh-CN'];
  const [report, setReport] = useState<ValueReport | null>(null);
  useEffect(() => {
    let live = true;
    call('value.report', {})
      .then((r) => live && setReport(r))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const change = (next: CustomersFilter) => onChange(tidy(next));
  const counted = (label: string, n: number | undefined) => (n === undefined ? label : `${label} (${n})`);
  const countOf = <N extends string>(groups: { customers: number; name: N }[] | undefined, name: N) =>
    groups?.find((g) => g.name === name)?.customers;
  const segmentCount = (key: string) => report?.rfm.segments.find((s) => s.key === key)?.customers;
  const currency = report?.currency ?? 'CNY';
  const scale = 10 ** minorUnitDigits(currency);
  const noPAlive = report !== null && report.clv.model !== null && report.clv.model.bgnbd === null;

  const single = { allowClear: true, optionFilterProp: 'label' as const };
  // Chosen, a group shows its name alone: the count is for choosing, and would be cut off.
  const nameOnly =
    (names: Readonly<Record<string, string>>) =>
    ({ value }: { value: string | number }) =>
      names[String(value)] ?? String(value);
  const bound = (key: Bound, placeholder: string) => {
    const money = key === 'clvMinFen' || key === 'clvMaxFen';
    const value = filter[key];
    return (
      <InputNumber<number>
        style={{ width: 110 }}
        min={0}
        max={money ? undefined : 100}
        precision={money ? minorUnitDigits(currency) : 0}
        placeholder={placeholder}
        value={value === undefined ? null : money ? value / scale : Math.round(value * 100)}
        onChange={(v) =>
          change({
            ...filter,
            [key]:
              v === null ? undefined : money ? Math.round(v * scale) : Math.min(100, Math.max(0, v)) / 100,
          })
        }
        data-testid={`segment-${key}`}
      />
    );
  };

  return (
    <Flex wrap gap={8} align="center" data-testid="segment-value">
      <Typography.Text type="secondary">{t('value.conditions.title')}</Typography.Text>
      <Select
        {...single}
        style={{ width: 200 }}
        placeholder={t('value.conditions.rfm')}
        value={filter.rfmSegment ?? null}
        options={EIGHT_SEGMENTS.map((s) => ({
          value: s,
          label: counted(labels.segments[s], segmentCount(s)),
        }))}
        onChange={(v) => change({ ...filter, rfmSegment: v ?? undefined })}
        labelRender={nameOnly(labels.segments)}
        data-testid="segment-rfm"
      />
      <Select
        {...single}
        style={{ width: 200 }}
        placeholder={t('value.conditions.named')}
        value={filter.namedSegment ?? null}
        options={NAMED_SEGMENTS.map((s) => ({
          value: s,
          label: counted(labels.named[s], countOf(report?.rfm.named, s)),
        }))}
        onChange={(v) => change({ ...filter, namedSegment: v ?? undefined })}
        labelRender={nameOnly(labels.named)}
        data-testid="segment-named"
      />
      <Select
        {...single}
        style={{ width: 200 }}
        placeholder={t('value.conditions.tier')}
        value={filter.valueTier ?? null}
        options={VALUE_TIERS.map((s) => ({
          value: s,
          label: counted(labels.tiers[s], countOf(report?.tiers, s)),
        }))}
        onChange={(v) => change({ ...filter, valueTier: v ?? undefined })}
        labelRender={nameOnly(labels.tiers)}
        data-testid="segment-tier"
      />
      <Select
        {...single}
        style={{ width: 200 }}
        placeholder={t('value.conditions.behaviour')}
        value={filter.behaviour ?? null}
        options={BEHAVIOUR_SEGMENTS.map((s) => {
          const group = report?.behaviour.find((b) => b.name === s);
          return {
            value: s,
            label: counted(labels.behaviour[s], group?.customers),
            disabled: group ? !group.available : false,
          };
        })}
        onChange={(v) => change({ ...filter, behaviour: v ?? undefined })}
        labelRender={nameOnly(labels.behaviour)}
        data-testid="segment-behaviour"
      />
      <Checkbox
        checked={filter.winBack === true}
        onChange={(e) => change({ ...filter, winBack: e.target.checked || undefined })}
        data-testid="segment-winback"
      >
        {counted(t('value.conditions.winBack'), report?.winBack.customers)}
      </Checkbox>
      <Space size={4} wrap>
        <Typography.Text type="secondary">{t('value.conditions.clv', { currency })}</Typography.Text>
        {bound('clvMinFen', t('value.conditions.min'))}
        <span>–</span>
        {bound('clvMaxFen', t('value.conditions.max'))}
      </Space>
      <Space size={4} wrap>
        <Typography.Text type="secondary">{t('value.conditions.pAlive')}</Typography.Text>
        {bound('pAliveMin', t('value.conditions.min'))}
        <span>–</span>
        {bound('pAliveMax', t('value.conditions.max'))}
      </Space>
      {noPAlive && (
        <Typography.Text type="warning" data-testid="segment-no-palive">
          {t('value.conditions.noPAlive')}
        </Typography.Text>
      )}
    </Flex>
  );
}
