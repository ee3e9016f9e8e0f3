import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RowProblem } from '../../../../main/domain/orders/types';
import { useErrorText } from '../../app/useErrorText';

interface ProblemsTableProps {
  problems: RowProblem[];
  /** All refused rows; `problems` may hold only the first of them. */
  total?: number;
  testId?: string;
}

export function ProblemsTable({
  problems,
  total = problems.length,
  testId = 'preview-problems',
}: ProblemsTableProps) {
  const { t } = useTranslation();
  const { reasonText } = useErrorText();
  return (
    <div data-testid={testId} data-count={total}>
      <Typography.Text type="danger" strong>
        {t('import.problems', { count: total })}
      </Typography.Text>
      {total > problems.length && (
        <Typography.Text type="secondary">
          {' '}
          {t('import.problemsShown', { count: problems.length })}
        </Typography.Text>
      )}
      <Table<RowProblem>
        size="small"
        rowKey={(p, i) => `${p.row}-${p.column ?? ''}-${i ?? 0}`}
        dataSource={problems}
        pagination={problems.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
        columns={[
          { title: t('import.problemRow'), dataIndex: 'row', width: 80 },
          {
            title: t('import.problemColumn'),
            dataIndex: 'column',
            width: 180,
            render: (c: string | null) => c ?? '—',
          },
          {
            title: t('import.problemReason'),
            key: 'reason',
            render: (_: unknown, p: RowProblem) => <span data-code={p.code}>{reasonText(p)}</span>,
          },
        ]}
      />
    </div>
  );
}
