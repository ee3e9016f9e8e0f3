/**
 * 导出: the filtered Customers list (every page, the screen's sort) as CSV, masked unless the owner
 * ticks the box — a choice made each time, never remembered. A cancellable job with progress.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Modal, Space, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, isCancelled } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { downloadExport } from '../../app/download-export';
import { useJob } from '../../app/useJob';
import { JobProgress } from '../../components/JobProgress';
import { errorText } from '../orders/order-format';
import type { CustomersFilter, CustomersSort } from './customers-link';

export function ExportCustomers({
  filter,
  sort,
  customers,
}: {
  filter: CustomersFilter;
  sort: CustomersSort;
  customers: number;
}) {
  const { t } = useTranslation();
  const { language } = useAppState();
  const { message, modal } = App.useApp();
  const { job, running, run, cancel } = useJob();
  const [open, setOpen] = useState(false);
  const [unmasked, setUnmasked] = useState(false);
  const [fetching, setFetching] = useState(false);

  const start = async () => {
    try {
      const file = await run((jobId) =>
        call('customers.export', { filter, sort, format: 'csv', masked: !unmasked, lang: language, jobId }),
      );
      setFetching(true);
      await downloadExport('customers.exportChunk', file);
      setOpen(false);
      void message.success(
        t('customers.exportDialog.done', { customers: file.customers, file: file.fileName }),
      );
    } catch (error) {
      if (isCancelled(error)) void message.info(t('job.cancelled'));
      else modal.error({ title: t('customers.exportDialog.failed'), content: errorText(error, language) });
    } finally {
      setFetching(false);
    }
  };

  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        disabled={customers === 0}
        onClick={() => {
          setUnmasked(false);
          setOpen(true);
        }}
        data-testid="customers-export"
      >
        {t('customers.export')}
      </Button>
      <Modal
        open={open}
        title={t('customers.exportDialog.title')}
        okText={t('customers.exportDialog.start')}
        cancelText={t('common.cancel')}
        onOk={() => void start()}
        onCancel={() => !running && !fetching && setOpen(false)}
        okButtonProps={
          { loading: running || fetching, 'data-testid': 'customers-export-start' } as ButtonProps
        }
        cancelButtonProps={{ disabled: running || fetching }}
        closable={!running && !fetching}
        mask={{ closable: false }}
        data-testid="customers-export-dialog"
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text>
            {t('customers.exportDialog.count', { customers: customers.toLocaleString() })}
          </Typography.Text>
          <div>
            <Checkbox
              checked={unmasked}
              onChange={(e) => setUnmasked(e.target.checked)}
              disabled={running || fetching}
              data-testid="customers-export-unmasked"
            >
              {t('customers.exportDialog.unmasked')}
            </Checkbox>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0 24px' }}>
              {t('customers.exportDialog.unmaskedHint')}
            </Typography.Paragraph>
          </div>
          {job && <JobProgress job={job} onCancel={() => void cancel()} testId="customers-export-progress" />}
          {fetching && (
            <Typography.Text type="secondary">{t('customers.exportDialog.preparing')}</Typography.Text>
          )}
        </Space>
      </Modal>
    </>
  );
}
