import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JobProgress } from '../../components/JobProgress';
import { useImportSession } from './ImportSession';

/** Import nothing until every file is readable and, when rows were refused, the user accepted that. */
export function CommitBar() {
  const { t } = useTranslation();
  const { entries, job, jobKind, commit, cancelJob } = useImportSession();
  const [skipInvalid, setSkipInvalid] = useState(false);

  const problemRows = entries.reduce((n, e) => n + (e.preview?.rowsRefused ?? 0), 0);
  const unreadable = entries.filter((e) => e.preview?.error).length;
  // A file that names no currency waits for the user's choice: amounts are never assumed to be yuan.
  const unpriced = entries.filter((e) => e.preview && !e.preview.error && !e.preview.currency).length;
  const pending = entries.some((e) => e.previewing || e.preview === null);
  const blocked =
    pending || unreadable > 0 || unpriced > 0 || (problemRows > 0 && !skipInvalid) || job !== null;

  return (
    <Card size="small" variant="borderless">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {unreadable > 0 && (
          <Alert type="error" showIcon title={t('import.unreadableBlock', { count: unreadable })} />
        )}
        {unpriced > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('import.currencyBlock', { count: unpriced })}
            data-testid="currency-block"
          />
        )}
        {problemRows > 0 && (
          <Space orientation="vertical" size={2}>
            <Checkbox
              checked={skipInvalid}
              onChange={(e) => setSkipInvalid(e.target.checked)}
              data-testid="skip-invalid"
            >
              {t('import.skipInvalid')}
            </Checkbox>
            <Typography.Text type="secondary" style={{ paddingLeft: 24 }}>
              {t('import.skipInvalidHint', { count: problemRows })}
            </Typography.Text>
          </Space>
        )}
        <Space>
          <Button
            type="primary"
            size="large"
            icon={<CloudUploadOutlined />}
            disabled={blocked}
            loading={jobKind === 'commit'}
            onClick={() => void commit(problemRows > 0 && skipInvalid)}
            data-testid="import-commit"
          >
            {t('import.commit', { count: entries.length })}
          </Button>
        </Space>
        {job && jobKind === 'commit' && (
          <JobProgress job={job} onCancel={() => void cancelJob()} testId="commit-progress" />
        )}
      </Space>
    </Card>
  );
}
