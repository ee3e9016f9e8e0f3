/** The win-back list: overdue repeat customers, most value lost first, each opening 客户 360. */
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ValueReport } from '../../../../main/domain/value/report-types';
import { formatCount, formatFen } from '../../format/money';
import { customerHref } from '../customers/customers-link';
import { Reading } from './GroupCharts';
import { customersOf } from './value-links';

type Row = ValueReport['winBack']['list'][number];

export function WinBackCard({ report, asOfLatest }: { report: ValueReport; asOfLatest: string | null }) {
  const { t } = useTranslation();
  const currency = report.currency ?? 'CNY';
  const { winBack } = report;
  return (
    <Card
      title={t('value.winBack.title')}
      variant="borderless"
      data-testid="value-winback"
      extra={
        winBack.customers > 0 && (
          <a href={customersOf({ winBack: true }, report.asOf, asOfLatest)} data-testid="winback-open-all">
            {t('value.winBack.openAll', { n: formatCount(winBack.customers) })}
          </a>
        )
      }
    >
      <Reading testId="reading-winback">
        {winBack.customers > 0
          ? t('value.reading.winBack', {
              customers: formatCount(winBack.customers),
              value: formatFen(winBack.valueLostFen, currency),
            })
          : t('value.reading.winBackNone')}
      </Reading>
      <Table<Row>
        size="small"
        rowKey="id"
        dataSource={winBack.list}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('value.winBack.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('value.winBack.name'),
            dataIndex: 'name',
            render: (name: string | null, row) => <a href={customerHref(row.id)}>{name ?? `#${row.id}`}</a>,
          },
          {
            title: t('value.winBack.lastOrder'),
            dataIndex: 'recencyDays',
            align: 'right',
            render: (n: number) => t('value.winBack.days', { n }),
          },
          {
            title: t('value.winBack.interval'),
            dataIndex: 'intervalDays',
            align: 'right',
            render: (n: number) => t('value.winBack.days', { n: Math.round(n) }),
          },
          {
            title: t('value.winBack.pAlive'),
            dataIndex: 'pAlive',
            align: 'right',
            render: (p: number | null) => (p === null ? '—' : `${Math.round(p * 100)}%`),
          },
          {
            title: t('value.winBack.valueLost'),
            dataIndex: 'valueLostFen',
            align: 'right',
            render: (fen: number) => formatFen(fen, currency),
          },
        ]}
      />
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', marginTop: 8 }}>{t('value.winBack.hint')}</div>
    </Card>
  );
}
