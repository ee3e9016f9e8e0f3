/**
 * 示例数据: whether the sample shop is loaded, loading it (asking first when the owner already has
 * orders: the server refuses with demo.confirmMixed until confirmed) and removing it in one step.
 */
import { DeleteOutlined, ShopOutlined } from '@ant-design/icons';
import { App, Button, Card, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopSummary } from '../../../../main/api/contract';
import { ApiError, call, isCancelled } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useJob } from '../../app/useJob';
import { JobProgress } from '../../components/JobProgress';
import { formatCount } from '../../format/money';
import { useErrorText } from '../../app/useErrorText';
import { SampleTag } from './ShopName';

export function SampleDataSection({ shops }: { shops: ShopSummary[] | null }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const { message, modal } = App.useApp();
  const { dataChanged } = useAppState();
  const { job, run, cancel } = useJob();
  const [working, setWorking] = useState<'load' | 'remove' | null>(null);
  const sample = (shops ?? []).filter((s) => s.isSample);
  const sampleOrders = sample.reduce((n, s) => n + s.orders, 0);

  const fail = (error: unknown) => {
    if (isCancelled(error)) void message.info(t('job.cancelled'));
    else void message.error(errorText(error));
  };

  const load = async (confirmMixed: boolean) => {
    setWorking('load');
    try {
      const r = await run((jobId) => call('demo.load', { jobId, confirmMixed }));
      void message.success(t('shops.sampleLoaded2', { shops: r.shops, orders: formatCount(r.orders) }));
      dataChanged();
    } catch (error) {
      if (error instanceof ApiError && error.payload.code === 'demo.confirmMixed')
        askMixed(Number(error.payload.params?.orders));
      else fail(error);
    } finally {
      setWorking(null);
    }
  };

  const askMixed = (orders: number) =>
    void modal.confirm({
      title: t('shops.mixedTitle'),
      content: t('shops.mixedExplain', { orders: formatCount(orders) }),
      okText: t('shops.mixedConfirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'mixed-confirm' } as never,
      cancelButtonProps: { 'data-testid': 'mixed-cancel' } as never,
      onOk: () => void load(true),
      width: 520,
    });

  const remove = async () => {
    setWorking('remove');
    try {
      const r = await run((jobId) => call('demo.remove', { jobId }));
      void message.success(t('shops.sampleRemoved', { shops: r.shops, orders: formatCount(r.orders) }));
      dataChanged();
    } catch (error) {
      fail(error);
    } finally {
      setWorking(null);
    }
  };

  const askRemove = () =>
    void modal.confirm({
      title: t('shops.sampleRemoveTitle'),
      content: t('shops.sampleRemoveConfirm'),
      okText: t('shops.sampleRemove'),
      okButtonProps: { danger: true, 'data-testid': 'sample-remove-confirm' } as never,
      cancelText: t('common.cancel'),
      onOk: () => void remove(),
    });

  return (
    <Card title={t('shops.sampleTitle')} variant="borderless" data-testid="sample-section">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text data-testid="sample-status" data-loaded={sample.length > 0}>
          {sample.length > 0 && (
            <>
              <SampleTag />{' '}
            </>
          )}
          {sample.length > 0
            ? t('shops.sampleLoaded', { shops: sample.length, orders: formatCount(sampleOrders) })
            : t('shops.sampleNone')}
        </Typography.Text>
        <Space wrap>
          {sample.length > 0 ? (
            <Button
              danger
              icon={<DeleteOutlined />}
              onClick={askRemove}
              loading={working === 'remove'}
              data-testid="sample-remove"
            >
              {t('shops.sampleRemove')}
            </Button>
          ) : (
            <Button
              icon={<ShopOutlined />}
              onClick={() => void load(false)}
              loading={working === 'load'}
              disabled={shops === null}
              data-testid="sample-load"
            >
              {t('shops.sampleLoad')}
            </Button>
          )}
        </Space>
      </Space>
      <Modal
        open={job !== null && working !== null}
        title={working === 'remove' ? t('shops.sampleRemoving') : t('shops.sampleLoading')}
        footer={null}
        closable={false}
        mask={{ closable: false }}
      >
        {job && <JobProgress job={job} onCancel={() => void cancel()} testId="sample-progress" />}
      </Modal>
    </Card>
  );
}
