/** The RFM segments (eight or named) and the value tiers: a bar chart and counts that open the list. */
import { Card, Flex, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ValueReport } from '../../../../main/domain/value/report-types';
import { VALUE_LABELS } from '../../../../main/shared/value-names';
import { formatCount, formatFen } from '../../format/money';
import type { CustomersFilter } from '../customers/customers-link';
import { SEGMENT_COLORS, TIER_COLORS } from './charts';
import { HolidayCalendar } from './HolidayCalendar';
import { segmentsReading, tiersReading } from './readings';
import { customersOf } from './value-links';
import './charts';

export function useLabels() {
  const { i18n } = useTranslation();
  return VALUE_LABELS[i18n.language === 'en' ? 'en' : 'zh-CN'];
}

interface GroupRow {
  key: string;
  label: string;
  customers: number;
  money: number;
  filter: CustomersFilter;
  color: string;
}

function GroupTable({
  rows,
  moneyTitle,
  currency,
  href,
  testId,
}: {
  rows: GroupRow[];
  moneyTitle: string;
  currency: string;
  href: (row: GroupRow) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Table<GroupRow>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      data-testid={testId}
      columns={[
        {
          title: '',
          dataIndex: 'label',
          render: (label: string, row) => (
            <Flex align="center" gap={6}>
              <span style={{ width: 10, height: 10, borderRadius: 2, background: row.color, flex: 'none' }} />
              <span style={{ whiteSpace: 'nowrap' }}>{label}</span>
            </Flex>
          ),
        },
        {
          title: t('value.segments.customers'),
          dataIndex: 'customers',
          align: 'right',
          render: (n: number, row) =>
            n > 0 ? (
              <a href={href(row)} data-testid={`${testId}-open-${row.key}`}>
                {formatCount(n)}
              </a>
            ) : (
              '0'
            ),
        },
        {
          title: moneyTitle,
          dataIndex: 'money',
          align: 'right',
          render: (fen: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(fen, currency)}</span>,
        },
      ]}
    />
  );
}

function GroupBars({ rows, label }: { rows: GroupRow[]; label: string }) {
  return (
    <div style={{ height: 40 + rows.length * 26, minWidth: 0 }}>
      <Bar
        data={{
          labels: rows.map((r) => r.label),
          datasets: [
            { label, data: rows.map((r) => r.customers), backgroundColor: rows.map((r) => r.color) },
          ],
        }}
        options={{
          indexAxis: 'y',
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { display: false } },
          scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
        }}
      />
    </div>
  );
}

export function Reading({ children, testId }: { children: React.ReactNode; testId: string }) {
  return (
    <Typography.Paragraph strong style={{ margin: '0 0 12px' }} data-testid={testId}>
      {children}
    </Typography.Paragraph>
  );
}

export function SegmentsCard({ report, asOfLatest }: { report: ValueReport; asOfLatest: string | null }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [view, setView] = useState<'eight' | 'named'>('eight');
  const currency = report.currency ?? 'CNY';
  const rows: GroupRow[] =
    view === 'eight'
      ? report.rfm.segments.map((s) => ({
          key: s.key,
          label: labels.segments[s.key],
          customers: s.customers,
          money: s.revenueFen,
          filter: { rfmSegment: s.key },
          color: SEGMENT_COLORS[s.key] ?? '#bfbfbf',
        }))
      : report.rfm.named.map((s, i) => ({
          key: s.name,
          label: labels.named[s.name],
          customers: s.customers,
          money: s.revenueFen,
          filter: { namedSegment: s.name },
          color: [
            '#d4380d',
            '#fa8c16',
            '#faad14',
            '#a0d911',
            '#52c41a',
            '#13c2c2',
            '#1677ff',
            '#2f54eb',
            '#722ed1',
            '#8c8c8c',
            '#d9d9d9',
          ][i]!,
        }));
  const reading = segmentsReading(report);
  const th = report.rfm.thresholds;
  return (
    <Card
      title={t('value.segments.title')}
      variant="borderless"
      data-testid="value-segments"
      extra={
        <Segmented
          size="small"
          value={view}
          onChange={(v) => setView(v as 'eight' | 'named')}
          options={[
            { value: 'eight', label: t('value.segments.view.eight') },
            { value: 'named', label: t('value.segments.view.named') },
          ]}
          data-testid="value-segments-view"
        />
      }
    >
      {reading && (
        <Reading testId="reading-segments">
          {t('value.reading.segments', {
            name: labels.segments[reading.largest as keyof typeof labels.segments],
            customers: formatCount(reading.customers),
            top: labels.segments[reading.top as keyof typeof labels.segments],
            share: reading.share,
          })}
        </Reading>
      )}
      <Flex gap={24} wrap>
        <div style={{ flex: '1 1 320px', minWidth: 0 }}>
          <GroupBars rows={rows} label={t('value.segments.customers')} />
        </div>
        <div style={{ flex: '1 1 340px', minWidth: 0 }}>
          <GroupTable
            rows={rows}
            moneyTitle={t('value.segments.revenue')}
            currency={currency}
            href={(row) => customersOf(row.filter, report.asOf, asOfLatest)}
            testId="segment-table"
          />
        </div>
      </Flex>
      {th && (
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
          {t(th.rule === 'median' ? 'value.segments.rule' : 'value.segments.ruleInclusive', {
            rule: t(`value.splitWord.${th.rule}`),
            r: Math.round(th.recencyDays * 10) / 10,
            f: Math.round(th.frequency * 100) / 100,
            m: formatFen(Math.round(th.monetaryFen), currency),
          })}
          {' · '}
          {t('value.segments.open')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

export function TiersCard({ report, asOfLatest }: { report: ValueReport; asOfLatest: string | null }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const currency = report.currency ?? 'CNY';
  const rows: GroupRow[] = report.tiers.map((s) => ({
    key: s.name,
    label: labels.tiers[s.name],
    customers: s.customers,
    money: s.contributionFen,
    filter: { valueTier: s.name },
    color: TIER_COLORS[s.name] ?? '#bfbfbf',
  }));
  const reading = tiersReading(report);
  return (
    <Card
      title={t('value.tiers.title')}
      variant="borderless"
      data-testid="value-tiers"
      style={{ height: '100%' }}
    >
      {reading && (
        <Reading testId="reading-tiers">
          {t('value.reading.tiers', { share: reading.share, negative: formatCount(reading.negative) })}
        </Reading>
      )}
      <GroupBars rows={rows} label={t('value.segments.customers')} />
      <GroupTable
        rows={rows}
        moneyTitle={t('value.tiers.contribution')}
        currency={currency}
        href={(row) => customersOf(row.filter, report.asOf, asOfLatest)}
        testId="tier-table"
      />
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
        {t('value.tiers.hint')}
      </Typography.Paragraph>
    </Card>
  );
}

export function BehaviourCard({
  report,
  asOfLatest,
  onSettingsSaved,
}: {
  report: ValueReport;
  asOfLatest: string | null;
  onSettingsSaved: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const currency = report.currency ?? 'CNY';
  const discount = report.behaviour.find((b) => b.name === 'discount_only');
  const rows: GroupRow[] = report.behaviour
    .filter((b) => b.available)
    .map((b, i) => ({
      key: b.name,
      label: labels.behaviour[b.name],
      customers: b.customers,
      money: b.revenueFen,
      filter: { behaviour: b.name },
      color: ['#fa8c16', '#eb2f96', '#13c2c2', '#1677ff'][i]!,
    }));
  return (
    <Card
      title={t('value.behaviour.title')}
      variant="borderless"
      data-testid="value-behaviour"
      style={{ height: '100%' }}
      extra={<HolidayCalendar settings={report.settings} onSaved={onSettingsSaved} />}
    >
      {discount && (
        <Reading testId="reading-behaviour">
          {t('value.reading.behaviour', { customers: formatCount(discount.customers) })}
        </Reading>
      )}
      <GroupTable
        rows={rows}
        moneyTitle={t('value.segments.revenue')}
        currency={currency}
        href={(row) => customersOf(row.filter, report.asOf, asOfLatest)}
        testId="behaviour-table"
      />
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
        {report.behaviour.some((b) => !b.available) && <>{t('value.behaviour.brandUnavailable')} </>}
        {t('value.behaviour.hint', {
          holidays: report.settings.holidays.map((h) => `${h.name} ${h.start}–${h.end}`).join('、'),
        })}
      </Typography.Paragraph>
    </Card>
  );
}
