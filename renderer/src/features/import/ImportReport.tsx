import { DownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommittedBatch, RowProblem } from '../../../../main/api/contract';
import { call } from '../../api/client';
import { navigate } from '../../app/routes';
import { useErrorText } from '../../app/useErrorText';
import { formatCount } from '../../format/money';
import { countsTitle, fileColumn, formatCounts, moneyColumns, rowsColumn } from './batch-columns';
import { ProblemsTable } from './ProblemsTable';
import { downloadText, reportCsv } from './report-csv';

/** Every refused row of a batch, page by page (a file may have thousands). */
async function allProblems(batchId: number): Promise<RowProblem[]> {
  const all: RowProblem[] = [];
  for (;;) {
    const page = await call('imports.problems', { batchId, offset: all.length, limit: 1000 });
    all.push(...page.problems);
    if (page.problems.length === 0 || all.length >= page.total) return all;
  }
}

export function ImportReport({ batches, onDone }: { batches: CommittedBatch[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { lang } = useErrorText();
  const orders = batches.reduce((n, b) => n + b.orders.inserted + b.orders.updated, 0);

  const download = async () => {
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');
    const problems = new Map<number, RowProblem[]>();
    for (const b of batches) if (b.rowsRefused > 0) problems.set(b.id, await allProblems(b.id));
    downloadText(`${t('report.fileName')}-${stamp}.csv`, reportCsv(batches, problems, t, lang));
  };

  return (
    <Card variant="borderless" data-testid="import-report">
      <Result
        status="success"
        title={t('report.title', { count: batches.length })}
        subTitle={t('report.subtitle', { orders: formatCount(orders) })}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => void download()} data-testid="report-download">
              {t('report.download')}
            </Button>
            <Button
              icon={<HistoryOutlined />}
              onClick={() => navigate('history')}
              data-testid="report-history"
            >
              {t('report.toHistory')}
            </Button>
            <Button type="primary" onClick={onDone}>
              {t('report.more')}
            </Button>
          </Space>
        }
      />
      <Table<CommittedBatch>
        size="small"
        rowKey="id"
        pagination={false}
        tableLayout="fixed"
        dataSource={batches}
        columns={[
          fileColumn<CommittedBatch>(t),
          rowsColumn<CommittedBatch>(t),
          {
            title: countsTitle(t, 'report.orders'),
            key: 'orders',
            align: 'right',
            width: 150,
            render: (_: unknown, b) => (
              <span data-testid={`report-orders-${b.id}`}>{formatCounts(b.orders)}</span>
            ),
          },
          {
            title: countsTitle(t, 'report.lines'),
            key: 'lines',
            align: 'right',
            width: 160,
            render: (_: unknown, b) => formatCounts(b.lines),
          },
          ...moneyColumns<CommittedBatch>(t),
        ]}
      />
      {batches
        .filter((b) => b.rowsRefused > 0)
        .map((b) => (
          <div
            key={b.id}
            style={{ marginTop: 16 }}
            data-testid={`report-refused-${b.id}`}
            data-count={b.rowsRefused}
          >
            <Typography.Title level={5} style={{ marginBottom: 8 }}>
              {b.file}
            </Typography.Title>
            <ProblemsTable problems={b.problems} total={b.rowsRefused} testId={`report-skipped-${b.id}`} />
          </div>
        ))}
    </Card>
  );
}
