/**
 * 合并规则: the owner's merge settings — when to merge automatically (names confirmed, or also a
 * masked surname with the phone and address) and the two thresholds. A change is previewed first
 * ("37 merges, 5 splits", nothing written), then applied as a full merge run: one operation, undone
 * from here, which also brings the earlier rules back (the settings live with the runs).
 */
import { Alert, App, Button, Drawer, Flex, InputNumber, Radio, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergePreviewSummary, MergeSettings } from '../../../../main/api/contract';
import { call, isCancelled } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useJob } from '../../app/useJob';
import { JobProgress } from '../../components/JobProgress';
import { errorText } from '../orders/order-format';

type Values = Pick<MergeSettings, 'autoThreshold' | 'reviewThreshold' | 'confirmNames'>;

/**
 * The values the owner changed from the current settings: only those become the owner's choice
 * (a review line left alone keeps following the shop's size).
 */
function changedValues(values: Values, current: Values): Partial<Values> {
  const changed: Partial<Values> = {};
  if (values.autoThreshold !== current.autoThreshold) changed.autoThreshold = values.autoThreshold;
  if (values.reviewThreshold !== current.reviewThreshold) changed.reviewThreshold = values.reviewThreshold;
  if (values.confirmNames !== current.confirmNames) changed.confirmNames = values.confirmNames;
  return changed;
}

function sameValues(a: Values, b: Values): boolean {
  return Object.keys(changedValues(a, b)).length === 0;
}

export function MergeRulesDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { dataChanged, language } = useAppState();
  const [settings, setSettings] = useState<MergeSettings | null>(null);
  const [values, setValues] = useState<Values | null>(null);
  const [preview, setPreview] = useState<{ of: Values; result: MergePreviewSummary } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [applied, setApplied] = useState<{ opId: number; text: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const job = useJob();

  const load = useCallback(() => {
    call('merge.settings', {})
      .then((s) => {
        setSettings(s);
        setValues({
          autoThreshold: s.autoThreshold,
          reviewThreshold: s.reviewThreshold,
          confirmNames: s.confirmNames,
        });
        setError(null);
      })
      .catch((e: unknown) => setError(e));
  }, []);

  useEffect(() => {
    if (open) load();
  }, [open, load]);

  // The next opening starts afresh: no earlier preview or result.
  const close = () => {
    setPreview(null);
    setApplied(null);
    onClose();
  };

  const change = (patch: Partial<Values>) => {
    setValues((v) => (v ? { ...v, ...patch } : v));
    setPreview(null);
  };

  const runPreview = async () => {
    if (!values || !settings) return;
    setPreviewing(true);
    try {
      const params = changedValues(values, settings);
      setPreview({ of: values, result: await call('merge.preview', { params }) });
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setPreviewing(false);
    }
  };

  const apply = async () => {
    if (!values || !settings) return;
    try {
      const params = changedValues(values, settings);
      const result = await job.run((jobId) => call('merge.run', { mode: 'full', params, jobId }));
      setApplied({
        opId: result.opId,
        text: t('review.settings.applied', {
          merges: result.merges,
          splits: result.splits,
          reviewQueue: result.reviewQueue,
        }),
      });
      setPreview(null);
      dataChanged();
      load();
    } catch (e) {
      if (!isCancelled(e)) void message.error(errorText(e, language));
    }
  };

  const undoApplied = async () => {
    if (!applied) return;
    try {
      await call('merge.undo', { opId: applied.opId });
      setApplied(null);
      void message.success(t('review.settings.undone'));
      dataChanged();
      load();
    } catch (e) {
      void message.error(errorText(e, language));
    }
  };

  const unchanged = !!settings && !!values && sameValues(settings, values);
  const previewText =
    preview && values && sameValues(preview.of, values)
      ? t('review.settings.previewResult', { ...preview.result })
      : null;

  return (
    <Drawer
      open={open}
      onClose={close}
      size={520}
      title={t('review.settings.title')}
      data-testid="merge-rules"
    >
      <Flex vertical gap={20}>
        <Typography.Text type="secondary">{t('review.settings.intro')}</Typography.Text>
        {error !== null && <Alert type="error" showIcon title={errorText(error, language)} />}
        {settings && values && (
          <>
            <Flex vertical gap={8}>
              <Typography.Text strong>{t('review.settings.policy')}</Typography.Text>
              <Radio.Group
                value={values.confirmNames ? 'strict' : 'lenient'}
                onChange={(e) => change({ confirmNames: e.target.value === 'strict' })}
                data-testid="merge-rules-policy"
              >
                <Space direction="vertical" size={12}>
                  {(['strict', 'lenient'] as const).map((policy) => (
                    <Radio key={policy} value={policy} data-testid={`merge-rules-${policy}`}>
                      <Typography.Text>{t(`review.settings.${policy}`)}</Typography.Text>
                      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
                        {t(`review.settings.${policy}Hint`)}
                      </Typography.Paragraph>
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Flex>
            <Threshold
              label={t('review.settings.autoThreshold')}
              hint={t('review.settings.defaultValue', { value: settings.defaults.autoThreshold })}
              value={values.autoThreshold}
              onChange={(autoThreshold) => change({ autoThreshold })}
              testId="merge-rules-auto"
            />
            <Threshold
              label={t('review.settings.reviewThreshold')}
              hint={t('review.settings.reviewDefaultValue', { value: settings.defaults.reviewThreshold })}
              value={values.reviewThreshold}
              onChange={(reviewThreshold) => change({ reviewThreshold })}
              testId="merge-rules-review"
            />
            <Flex gap={8} wrap>
              <Button
                onClick={() => void runPreview()}
                loading={previewing}
                data-testid="merge-rules-preview"
              >
                {t('review.settings.preview')}
              </Button>
              <Button
                type="primary"
                onClick={() => void apply()}
                disabled={unchanged || job.running}
                loading={job.running}
                data-testid="merge-rules-apply"
              >
                {t('review.settings.apply')}
              </Button>
            </Flex>
            {unchanged && !applied && (
              <Typography.Text type="secondary">{t('review.settings.unchanged')}</Typography.Text>
            )}
            {previewText && (
              <Alert type="info" showIcon title={previewText} data-testid="merge-rules-preview-result" />
            )}
            {job.running && job.job && <JobProgress job={job.job} onCancel={job.cancel} />}
            {applied && (
              <Alert
                type="success"
                showIcon
                title={applied.text}
                action={
                  <Button size="small" onClick={() => void undoApplied()} data-testid="merge-rules-undo">
                    {t('review.settings.undoApplied')}
                  </Button>
                }
                data-testid="merge-rules-applied"
              />
            )}
          </>
        )}
      </Flex>
    </Drawer>
  );
}

function Threshold(props: {
  label: string;
  hint: string;
  value: number;
  onChange: (value: number) => void;
  testId: string;
}) {
  return (
    <Flex vertical gap={6}>
      <Typography.Text strong>{props.label}</Typography.Text>
      <Flex align="center" gap={12}>
        <InputNumber
          value={props.value}
          min={-50}
          max={100}
          step={1}
          onChange={(v) => v !== null && props.onChange(v)}
          data-testid={props.testId}
        />
        <Typography.Text type="secondary">{props.hint}</Typography.Text>
      </Flex>
    </Flex>
  );
}
