/**
 * 利润报表: per platform or shop, by month, week or day over a range; the key figures, the charts
 * with their readings, the warnings (missing costs, months without fees), the table. Printable
 * (the print stylesheet hides the app around it) and exportable (CSV, Excel).
 */
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Row,
  Segmented,
  Space,
  Spin,
  Statistic,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfitReport, ProfitRow } from '../../../../main/api/contract';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { navigate, useRouteQuery } from '../../app/routes';
import { useErrorText } from '../../app/useErrorText';
import { formatCount, formatFen } from '../../format/money';
import { openOrders } from '../orders/orders-link';
import { ProfitChartsGrid, useGroupLabel } from './ProfitCharts';
import { ProfitTable } from './ProfitTable';
import { csvText, ordersOfRow, reportCells, TABLE_FIELDS } from './profit-model';

type By = 'platform' | 'shop';
type Period = 'month' | 'week' | 'day';

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ReportView() {
  const { t } = useTranslation();
  const { dataVersion } = useAppState();
  const { errorText, reasonText } = useErrorText();
  const label = useGroupLabel();
  // The choices live in the address (#/profit?by=shop&period=week&from=…&to=…): a link or a reload keeps them.
  const query = new URLSearchParams(useRouteQuery());
  const by: By = query.get('by') === 'shop' ? 'shop' : 'platform';
  const asked = query.get('period');
  const period: Period = asked === 'week' || asked === 'day' ? asked : 'month';
  const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  const from = day(query.get('from'));
  const to = day(query.get('to'));
  const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const choose = (next: { by?: By; period?: Period; from?: string | null; to?: string | null }) => {
    const params = new URLSearchParams(query);
    for (const [key, value] of Object.entries(next)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    navigate('profit', params);
  };
  const setBy = (v: By) => choose({ by: v });
  const setPeriod = (v: Period) => choose({ period: v });
  const setRange = (r: { from?: string; to?: string }) => choose({ from: r.from ?? null, to: r.to ?? null });
  const [report, setReport] = useState<ProfitReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  // What is on screen answers this request once loadedKey catches up with it.
  const requestKey = JSON.stringify([by, period, from, to, dataVersion]);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const loading = loadedKey !== requestKey;

  useEffect(() => {
    let live = true;
    call('profit.report', { by, period, ...(from ? { from } : {}), ...(to ? { to } : {}) })
      .then((r) => {
        if (!live) return;
        setReport(r);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoadedKey(requestKey));
    return () => {
      live = false;
    };
  }, [by, period, from, to, dataVersion, requestKey]);

  const header = () => ({
    period: t('profit.fields.period'),
    group: t('profit.fields.group'),
    total: t('profit.fields.total'),
    fields: Object.fromEntries(TABLE_FIELDS.map((f) => [f, t(`profit.fields.${f}`)])) as Record<
      (typeof TABLE_FIELDS)[number],
      string
    >,
  });
  const fileName = (ext: string) => `profit-${report?.range?.from ?? ''}-${report?.range?.to ?? ''}.${ext}`;
  const exportCsv = () => {
    if (!report) return;
    download(
      fileName('csv'),
      new Blob([csvText(reportCells(report, header(), label))], { type: 'text/csv;charset=utf-8' }),
    );
  };
  const exportXlsx = async () => {
    if (!report) return;
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(t('profit.title'));
    for (const row of reportCells(report, header(), label))
      sheet.addRow(row.map((v, i) => (i >= 2 && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v)));
    sheet.getRow(1).font = { bold: true };
    const bytes = await workbook.xlsx.writeBuffer();
    download(
      fileName('xlsx'),
      new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    );
  };
  const open = (row: ProfitRow | null) => {
    if (!report) return;
    openOrders(ordersOfRow(report, row ?? { platform: null, shopId: null, period: 'all' }));
  };

  const totals = report?.totals;
  return (
    <Space
      orientation="vertical"
      size="large"
      style={{ width: '100%' }}
      data-testid="profit-report"
      className="profit-print-area"
    >
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <div>
          {report?.range && (
            <Typography.Text type="secondary" data-testid="profit-subtitle">
              {t('profit.subtitle', {
                from: report.range.from,
                to: report.range.to,
                refundDay: t(
                  report.policy.refundDay === 'order' ? 'profit.refundDayOrder' : 'profit.refundDayRefund',
                ),
                returned: t(
                  report.policy.returnedGoods === 'restock'
                    ? 'profit.returnedRestock'
                    : 'profit.returnedLost',
                ),
              })}
            </Typography.Text>
          )}
        </div>
        <Space wrap className="profit-no-print">
          <Segmented<By>
            data-testid="profit-by"
            value={by}
            onChange={setBy}
            options={[
              { value: 'platform', label: t('profit.controls.byPlatform') },
              { value: 'shop', label: t('profit.controls.byShop') },
            ]}
          />
          <Segmented<Period>
            data-testid="profit-period"
            value={period}
            onChange={setPeriod}
            options={[
              { value: 'month', label: t('profit.controls.month') },
              { value: 'week', label: t('profit.controls.week') },
              { value: 'day', label: t('profit.controls.day') },
            ]}
          />
          <DatePicker.RangePicker
            data-testid="profit-range"
            allowEmpty={[true, true]}
            value={[range.from ? dayjs(range.from) : null, range.to ? dayjs(range.to) : null]}
            onChange={(_, [from, to]) => setRange({ ...(from ? { from } : {}), ...(to ? { to } : {}) })}
          />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="profit-print">
            {t('profit.controls.print')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={!report} data-testid="profit-csv">
            {t('profit.controls.csv')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void exportXlsx()}
            disabled={!report}
            data-testid="profit-xlsx"
          >
            {t('profit.controls.xlsx')}
          </Button>
        </Space>
      </Space>
      {error !== null && (
        <Alert type="error" showIcon title={t('profit.loadFailed')} description={errorText(error)} />
      )}
      {report && report.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="profit-warnings"
          title={t('profit.warnings')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {report.warnings.map((w, i) => (
                <li key={i}>{reasonText({ code: w.code, params: w.params })}</li>
              ))}
            </ul>
          }
        />
      )}
      <Spin spinning={loading}>
        {report && totals && report.rows.length > 0 ? (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Row gutter={[16, 16]} data-testid="profit-kpis">
              {(
                [
                  ['gmv', formatFen(totals.gmvFen)],
                  ['netSales', formatFen(totals.netSalesFen)],
                  ['profit', formatFen(totals.profitFen)],
                  ['margin', totals.marginPct === null ? '—' : `${totals.marginPct.toFixed(2)}%`],
                  ['orders', formatCount(totals.orders)],
                  ['aov', formatFen(totals.aovFen)],
                  ['buyers', formatCount(totals.buyers)],
                  ['newBuyers', formatCount(totals.newBuyers)],
                ] as const
              ).map(([key, value]) => (
                <Col key={key} xs={12} md={6} xxl={3}>
                  <Card
                    size="small"
                    variant="borderless"
                    data-testid={`profit-kpi-${key}`}
                    hoverable
                    onClick={() => open(null)}
                  >
                    <Statistic title={t(`profit.kpi.${key}`)} value={value} valueStyle={{ fontSize: 18 }} />
                  </Card>
                </Col>
              ))}
            </Row>
            <ProfitChartsGrid report={report} onOpen={open} />
            <Card variant="borderless">
              <ProfitTable report={report} />
            </Card>
          </Space>
        ) : (
          !loading && error === null && <Empty description={t('profit.empty')} />
        )}
      </Spin>
    </Space>
  );
}
