/**
 * 备份与恢复. Backup: the desktop app saves where its dialog says; the browser build downloads the
 * file. Restore: the chosen file is uploaded (the same path as dropped order files, in both
 * shells), then the app checks it, saves the current data beside the database and replaces it.
 */
import { CloudDownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import { App, Button, Card, Modal, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, downloadStaged, isCancelled, uploadFiles } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useJob } from '../../app/useJob';
import { JobProgress } from '../../components/JobProgress';
import { formatCount } from '../../format/money';
import { useErrorText } from '../../app/useErrorText';

const BACKUP_ACCEPT = '.db,.sqlite,.sqlite3,.bak';

export function BackupSection() {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const { message, modal } = App.useApp();
  const { dataChanged, language, setLanguage } = useAppState();
  const { job, run, cancel } = useJob();
  const [backingUp, setBackingUp] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const fail = (error: unknown) => {
    if (isCancelled(error)) void message.info(t('job.cancelled'));
    else void modal.error({ title: t('backup.failed'), content: errorText(error) });
  };

  const backup = async () => {
    setBackingUp(true);
    try {
      const r = await call('backup.create', {});
      if (r.kind === 'download') {
        downloadStaged(r.fileId, r.name);
        void message.success(t('backup.backupDownloaded', { name: r.name }));
      } else if (r.kind === 'saved') {
        void message.success(t('backup.backupDone', { path: r.path }));
      }
    } catch (error) {
      fail(error);
    } finally {
      setBackingUp(false);
    }
  };

  const restore = async (file: File) => {
    setRestoring(true);
    try {
      const [staged] = await uploadFiles([file]);
      const r = await run((jobId) => call('backup.restore', { fileId: staged!.fileId, jobId }));
      // The restored data brings its own settings, the language among them.
      const settings = await call('settings.get', {});
      if (settings.language !== language) await setLanguage(settings.language);
      dataChanged();
      void modal.success({
        title: t('backup.restoredTitle', { file: r.file }),
        width: 560,
        content: (
          <Space orientation="vertical" data-testid="restore-done">
            <span>{t('backup.restoredBody', { shops: r.shops, orders: formatCount(r.orders) })}</span>
            <Typography.Text code copyable data-testid="restore-safety-copy">
              {r.safetyCopy}
            </Typography.Text>
          </Space>
        ),
      });
    } catch (error) {
      fail(error);
    } finally {
      setRestoring(false);
    }
  };

  const askRestore = (file: File) =>
    void modal.confirm({
      title: t('backup.restoreTitle', { name: file.name }),
      content: t('backup.restoreExplain'),
      okText: t('backup.restoreConfirm'),
      okButtonProps: { danger: true, 'data-testid': 'restore-confirm' } as never,
      cancelText: t('common.cancel'),
      onOk: () => void restore(file),
      width: 520,
    });

  return (
    <Card title={t('backup.title')} variant="borderless" data-testid="backup-section">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('backup.hint')}</Typography.Text>
        <Space wrap>
          <Button
            type="primary"
            icon={<CloudDownloadOutlined />}
            onClick={() => void backup()}
            loading={backingUp}
            data-testid="backup-create"
          >
            {t('backup.backup')}
          </Button>
          <Button
            icon={<HistoryOutlined />}
            onClick={() => input.current?.click()}
            loading={restoring}
            data-testid="backup-restore"
          >
            {t('backup.restore')}
          </Button>
          <input
            ref={input}
            type="file"
            accept={BACKUP_ACCEPT}
            style={{ display: 'none' }}
            data-testid="restore-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) askRestore(file);
            }}
          />
        </Space>
      </Space>
      <Modal
        open={job !== null && restoring}
        title={t('backup.restoring')}
        footer={null}
        closable={false}
        mask={{ closable: false }}
      >
        {job && <JobProgress job={job} onCancel={() => void cancel()} testId="restore-progress" />}
      </Modal>
    </Card>
  );
}
