import { ReloadOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchSummary } from '../../../../main/api/contract';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useErrorText } from '../../app/useErrorText';
import { formatDateTime } from '../../format/dates';
import { countsTitle, fileColumn, formatCounts, moneyColumns, rowsColumn } from './batch-columns';

export function ImportHistory() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { dataVersion, dataChanged } = useAppState();
  const [batches, setBatches] = useState<BatchSummary[] | null>(null);
  // Kept as the error, put into words when shown: switching the language re-words it.
  const [error, setError] = useState<unknown>(null);
  const { errorText } = useErrorText();
  const [undoing, setUndoing] = useState<number | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    call('imports.list', {})
      .then((result) => {
        if (live) setBatches(result.batches);
      })
      .catch((e: unknown) => {
        if (live) setError(e);
      });
    return () => {
      live = false;
    };
  }, [dataVersion, reload]);

  const undo = async (batch: BatchSummary) => {
    setUndoing(batch.id);
    setError(null);
    try {
      const result = await call('imports.undo', { batchId: batch.id });
      void message.success(
        t('history.undone', {
          file: batch.file,
          deleted: result.ordersDeleted,
          restored: result.ordersRestored,
        }),
      );
      dataChanged();
    } catch (e) {
      setError(e);
      void message.error(errorText(e));
    } finally {
      setUndoing(null);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {error !== null && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setError(null) }}
          title={t('history.failed')}
          description={errorText(error)}
          data-testid="history-error"
        />
      )}
      <Card
        variant="borderless"
        size="small"
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => setReload((n) => n + 1)}
            aria-label={t('common.refresh')}
          />
        }
        title={t('history.title')}
      >
        <Table<BatchSummary>
          data-testid="history-table"
          size="small"
          rowKey="id"
          loading={batches === null && error === null}
          dataSource={batches ?? []}
          tableLayout="fixed"
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            {
              title: t('history.time'),
              dataIndex: 'createdAt',
              render: (iso: string) => formatDateTime(iso),
              width: 140,
            },
            fileColumn<BatchSummary>(t, (b) => b.source === 'demo'),
            rowsColumn<BatchSummary>(t),
            {
              title: countsTitle(t, 'report.orders'),
              key: 'orders',
              align: 'right',
              width: 140,
              render: (_: unknown, b) => formatCounts(b.orders),
            },
            ...moneyColumns<BatchSummary>(t),
            {
              title: t('history.state'),
              key: 'state',
              width: 170,
              render: (_: unknown, b) => (
                <Space size={8} wrap>
                  <Tag
                    color={b.state === 'committed' ? 'green' : 'default'}
                    data-testid={`state-${b.id}`}
                    data-state={b.state}
                    title={b.undoneAt ? formatDateTime(b.undoneAt) : undefined}
                  >
                    {t(`history.states.${b.state}`)}
                  </Tag>
                  {b.state === 'committed' && (
                    <Popconfirm
                      title={t('history.undoConfirmTitle')}
                      description={t('history.undoConfirm', { file: b.file })}
                      okText={t('history.undo')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true, 'data-testid': `undo-confirm-${b.id}` }}
                      onConfirm={() => undo(b)}
                    >
                      <Button
                        size="small"
                        danger
                        icon={<UndoOutlined />}
                        loading={undoing === b.id}
                        data-testid={`undo-${b.id}`}
                      >
                        {t('history.undo')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
