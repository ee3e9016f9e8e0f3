/**
 * 导出: the filtered list (every page, the screen's sort) as CSV or Excel. The app writes the file
 * in chunks with progress (a cancellable job); the screen then fetches its bytes in pieces and
 * offers them as a download through a Blob, which works the same in the browser build and in
 * Electron (whose session sends blob: downloads through the save dialog).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Modal, Radio, Space, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderExportFormat } from '../../../../main/api/contract';
import { call, isCancelled } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { downloadExport } from '../../app/download-export';
import { useJob } from '../../app/useJob';
import { JobProgress } from '../../components/JobProgress';
import { errorText } from './order-format';
import type { OrdersFilter, OrdersSort } from './orders-link';

export function ExportOrders({
  filter,
  sort,
  orders,
}: {
  filter: OrdersFilter;
  sort: OrdersSort;
  /** How many orders the filter selects (the totals of the list). */
  orders: number;
}) {
  const { t } = useTranslation();
  const { language } = useAppState();
  const { message, modal } = App.useApp();
  const { job, running, run, cancel } = useJob();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<OrderExportFormat>('csv');
  const [unmasked, setUnmasked] = useState(false);
  const [fetching, setFetching] = useState(false);

  const start = async () => {
    try {
      const file = await run((jobId) =>
        call('orders.export', { filter, sort, format, masked: !unmasked, lang: language, jobId }),
      );
      setFetching(true);
      await downloadExport('orders.exportChunk', file);
      setOpen(false);
      void message.success(t('orders.exportDialog.done', { orders: file.orders, file: file.fileName }));
    } catch (error) {
      if (isCancelled(error)) void message.info(t('job.cancelled'));
      else modal.error({ title: t('orders.exportDialog.failed'), content: errorText(error, language) });
    } finally {
      setFetching(false);
    }
  };

  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        disabled={orders === 0}
        onClick={() => {
          // Full names and phones are a choice made each time, never a remembered default.
          setUnmasked(false);
          setOpen(true);
        }}
        data-testid="orders-export"
      >
        {t('orders.export')}
      </Button>
      <Modal
        open={open}
        title={t('orders.exportDialog.title')}
        okText={t('orders.exportDialog.start')}
        cancelText={t('common.cancel')}
        onOk={() => void start()}
        onCancel={() => !running && !fetching && setOpen(false)}
        okButtonProps={{ loading: running || fetching, 'data-testid': 'orders-export-start' } as ButtonProps}
        cancelButtonProps={{ disabled: running || fetching }}
        closable={!running && !fetching}
        mask={{ closable: false }}
        data-testid="orders-export-dialog"
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text>
            {t('orders.exportDialog.count', { orders: orders.toLocaleString() })}
          </Typography.Text>
          <div>
            <Typography.Text strong>{t('orders.exportDialog.format')}</Typography.Text>
            <Radio.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 4 }}
              value={format}
              onChange={(e) => setFormat(e.target.value as OrderExportFormat)}
              disabled={running || fetching}
              data-testid="orders-export-format"
            >
              <Radio value="csv">{t('orders.exportDialog.csv')}</Radio>
              <Radio value="xlsx">{t('orders.exportDialog.xlsx')}</Radio>
            </Radio.Group>
          </div>
          <div>
            <Checkbox
              checked={unmasked}
              onChange={(e) => setUnmasked(e.target.checked)}
              disabled={running || fetching}
              data-testid="orders-export-unmasked"
            >
              {t('orders.exportDialog.unmasked')}
            </Checkbox>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0 24px' }}>
              {t('orders.exportDialog.unmaskedHint')}
            </Typography.Paragraph>
          </div>
          {job && <JobProgress job={job} onCancel={() => void cancel()} testId="orders-export-progress" />}
          {fetching && (
            <Typography.Text type="secondary">{t('orders.exportDialog.preparing')}</Typography.Text>
          )}
        </Space>
      </Modal>
    </>
  );
}
