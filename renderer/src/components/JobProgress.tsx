import { Button, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JobState } from '../app/useJob';

/** A running job's progress with its phase and a cancel button; indeterminate until the first event. */
export function JobProgress({
  job,
  onCancel,
  testId,
}: {
  job: JobState;
  onCancel: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const p = job.progress;
  const percent = p && p.total > 0 ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 0;
  const phase = p ? t(`job.phase.${p.phase}`, { defaultValue: p.phase }) : t('job.starting');
  return (
    <div data-testid={testId ?? 'job-progress'}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {phase}
          {p && p.total > 0 ? ` · ${p.done.toLocaleString()} / ${p.total.toLocaleString()}` : ''}
        </Typography.Text>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          <Progress
            style={{ flex: 1, margin: 0 }}
            percent={percent}
            status="active"
            showInfo={p !== null && p.total > 0}
          />
          <Button onClick={onCancel} data-testid="job-cancel">
            {t('common.cancel')}
          </Button>
        </div>
      </Space>
    </div>
  );
}
