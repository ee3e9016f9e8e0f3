import { FileAddOutlined, ShopOutlined } from '@ant-design/icons';
import { App, Button, Card, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, chooseFiles, isCancelled } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useErrorText } from '../../app/useErrorText';
import { navigate } from '../../app/routes';
import { useJob } from '../../app/useJob';
import { JobProgress } from '../../components/JobProgress';
import { formatCount } from '../../format/money';
import { useImportSession } from '../import/ImportSession';

export function FirstRun() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const { dataChanged } = useAppState();
  const { addFiles } = useImportSession();
  const { job, run, cancel } = useJob();

  const importFiles = () => {
    navigate('import');
    // Called inside the click so the browser build may open its file dialog.
    chooseFiles()
      .then(addFiles)
      .catch((error: unknown) => void message.error(errorText(error)));
  };

  const loadDemo = async () => {
    try {
      const result = await run((jobId) => call('demo.load', { jobId }));
      void message.success(
        t('firstRun.demoLoaded', { orders: formatCount(result.orders), shops: result.shops }),
      );
      navigate('dashboard');
      dataChanged();
    } catch (error) {
      if (isCancelled(error)) void message.info(t('job.cancelled'));
      else void message.error(errorText(error));
    }
  };

  return (
    <div style={{ maxWidth: 760, margin: '48px auto' }} data-testid="first-run">
      <Card variant="borderless">
        <Typography.Title level={2}>{t('firstRun.title')}</Typography.Title>
        <Typography.Paragraph>{t('firstRun.intro')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('firstRun.privacy')}</Typography.Paragraph>
        <Space size="large" wrap style={{ marginTop: 16 }}>
          <Button
            type="primary"
            size="large"
            icon={<FileAddOutlined />}
            onClick={importFiles}
            data-testid="first-run-import"
          >
            {t('firstRun.import')}
          </Button>
          <Button
            size="large"
            icon={<ShopOutlined />}
            onClick={() => void loadDemo()}
            loading={job !== null}
            data-testid="load-demo"
          >
            {t('firstRun.demo')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('firstRun.demoHint')}
        </Typography.Paragraph>
      </Card>
      <Modal
        open={job !== null}
        title={t('firstRun.demoLoading')}
        footer={null}
        closable={false}
        mask={{ closable: false }}
      >
        {job && <JobProgress job={job} onCancel={() => void cancel()} testId="demo-progress" />}
      </Modal>
    </div>
  );
}
