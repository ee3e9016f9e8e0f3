/**
 * 导出名单: a segment's (or the builder's) customers as CSV (UTF-8 with BOM, or GBK) or xlsx, masked
 * unless the owner ticks the box — a choice made each time, never remembered, and logged. Customers
 * who refused marketing are left out and the count is said.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Modal, Radio, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, isCancelled } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useJob } from '../../app/useJob';
import { JobProgress } from '../../components/JobProgress';
import type { CustomersFilter } from '../../../../main/shared/customers-query';
import type { CsvEncoding, VipExportFormat } from '../../../../main/shared/vip';
import { errorText } from '../orders/order-format';
import { downloadExport } from '../../app/download-export';

export function ExportDialog({ segmentId, filter }: { segmentId?: number; filter: CustomersFilter }) {
  const { t } = useTranslation();
  const { language } = useAppState();
  const { message, modal } = App.useApp();
  const { job, running, run, cancel } = useJob();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<VipExportFormat>('csv');
  const [encoding, setEncoding] = useState<CsvEncoding>('utf8');
  const [unmasked, setUnmasked] = useState(false);
  const [fetching, setFetching] = useState(false);
  const busy = running || fetching;

  const start = async () => {
    try {
      const file = await run((jobId) =>
        call('vip.export', {
          ...(segmentId !== undefined ? { segmentId } : { filter }),
          format,
          encoding,
          masked: !unmasked,
          lang: language,
          jobId,
        }),
      );
      setFetching(true);
      await downloadExport('vip.exportChunk', file);
      setOpen(false);
      void message.success(
        t('vip.export.done', { rows: file.rows, file: file.fileName, optedOut: file.optedOut }),
        6,
      );
    } catch (error) {
      if (isCancelled(error)) void message.info(t('job.cancelled'));
      else modal.error({ title: t('vip.export.failed'), content: errorText(error, language) });
    } finally {
      setFetching(false);
    }
  };

  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        onClick={() => {
          setUnmasked(false);
          setOpen(true);
        }}
        data-testid="vip-export"
      >
        {t('vip.segment.export')}
      </Button>
      <Modal
        open={open}
        title={t('vip.export.title')}
        okText={t('vip.export.start')}
        cancelText={t('common.cancel')}
        onOk={() => void start()}
        onCancel={() => !busy && setOpen(false)}
        okButtonProps={{ loading: busy, 'data-testid': 'vip-export-start' } as ButtonProps}
        cancelButtonProps={{ disabled: busy }}
        closable={!busy}
        mask={{ closable: false }}
        data-testid="vip-export-dialog"
      >
        <Flex vertical gap={12}>
          <div>
            <Typography.Text strong>{t('vip.export.format')}</Typography.Text>
            <Radio.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 4 }}
              value={format}
              onChange={(e) => setFormat(e.target.value as VipExportFormat)}
              options={[
                { value: 'csv', label: t('vip.export.csv') },
                { value: 'xlsx', label: t('vip.export.xlsx') },
              ]}
            />
          </div>
          {format === 'csv' && (
            <div>
              <Typography.Text strong>{t('vip.export.encoding')}</Typography.Text>
              <Radio.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 4 }}
                value={encoding}
                onChange={(e) => setEncoding(e.target.value as CsvEncoding)}
                options={[
                  { value: 'utf8', label: t('vip.export.utf8') },
                  { value: 'gbk', label: t('vip.export.gbk') },
                ]}
              />
            </div>
          )}
          <Alert
            type="info"
            showIcon
            title={t('vip.export.maskedHint')}
            description={t('vip.export.optOutHint')}
          />
          <Checkbox
            checked={unmasked}
            onChange={(e) => setUnmasked(e.target.checked)}
            data-testid="vip-export-unmasked"
          >
            {t('vip.export.unmasked')}
          </Checkbox>
          {job && <JobProgress job={job} onCancel={() => void cancel()} testId="vip-export-progress" />}
        </Flex>
      </Modal>
    </>
  );
}
