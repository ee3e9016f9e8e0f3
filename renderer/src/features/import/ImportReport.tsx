import { DownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommittedBatch, RowProblem } from '../../../../main/api/contract';
import { call } from '../../api/client';
import { navigate } from '../../app/routes';
import { useErrorText } from '../../app/useErrorText';
import { formatCount } from '../../format/money';
import { formatCounts, moneyColumns, sourceColumns } from './batch-columns';
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
        subTitle={t('report.subtitle', { orders })}
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
        scroll={{ x: 'max-content' }}
        dataSource={batches}
        expandable={{
          rowExpandable: (b) => b.problems.length > 0,
          expandedRowRender: (b) => (
            <ProblemsTable problems={b.problems} total={b.rowsRefused} testId={`report-skipped-${b.id}`} />
          ),
        }}
        columns={[
          { title: t('report.file'), dataIndex: 'file' },
          ...sourceColumns(t),
          {
            title: t('report.ordersCounts'),
            key: 'orders',
            align: 'right',
            render: (_: unknown, b) => (
              <span data-testid={`report-orders-${b.id}`}>{formatCounts(b.orders)}</span>
            ),
          },
          {
            title: t('report.linesCounts'),
            key: 'lines',
            align: 'right',
            render: (_: unknown, b) => formatCounts(b.lines),
          },
          ...moneyColumns<CommittedBatch>(t),
          {
            title: t('report.rowsRefused'),
            key: 'refused',
            align: 'right',
            render: (_: unknown, b) => (
              <span data-testid={`report-refused-${b.id}`}>{formatCount(b.rowsRefused)}</span>
            ),
          },
        ]}
      />
    </Card>
  );
}
